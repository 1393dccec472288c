"""The input declaration (resources/_inputs.py): what one declaration gives check, diff, defaults, docs and import."""

from __future__ import annotations

import inspect
from typing import Any

import pulumi
import pulumi.dynamic
import pytest
from pulumi.output import Unknown

from pulumi_tclive import resources, rules
from pulumi_tclive.resources._inputs import REQUIRED, Input, Inputs
from pulumi_tclive.resources.referer import INPUTS as REFERER_INPUTS

RECORD = Input(
    "flv_param",
    dict,
    None,
    doc="FLV recording.",
    fields=(
        Input("record_interval", int, 1800, doc="Segment length.", range=(60, 43200), unit="seconds"),
        Input("enable", int, 0, doc="1 to record.", choices=(0, 1)),
        Input("vod_sub_app_id", int, None, doc="VOD sub-application.", api="VodSubAppId"),
    ),
)
DEMO = Inputs(
    "Demo",
    Input("name", str, REQUIRED, doc="The name.", replaces=True, normalize=rules.normalize_domain_name),
    Input("mode", str, "allow", doc="How.", choices=("allow", "deny")),
    Input("gop", int, 2, doc="Keyframe interval.", range=(1, 6), unit="seconds", source="https://example.com/gop"),
    Input("on", bool, True, doc="Switched on."),
    Input("key", str, None, doc="The key.", secret=True),
    Input("kind", str, argument=False, compared=False, doc="Filled by the resource."),
    RECORD,
    outputs=("made_at",),
)


def reasons(news: dict[str, Any]) -> list[str]:
    return [f"{p.property}: {p.message()}" for p in DEMO.check(news)[1]]


def test_check_normalises_and_fills_defaults_into_the_checked_inputs() -> None:
    inputs, problems = DEMO.check({"name": " Play.Example.COM. ", "mode": "", "flv_param": {"enable": 1.0}})
    assert problems == []
    assert inputs["name"] == "play.example.com"
    assert (inputs["mode"], inputs["gop"], inputs["on"]) == ("allow", 2, True)
    assert inputs["flv_param"] == {"record_interval": 1800, "enable": 1, "vod_sub_app_id": None}
    assert "key" not in inputs, "no default, nothing filled in"


def test_check_reports_each_input_on_its_own_with_the_rules_wording() -> None:
    found = reasons({"name": None, "mode": "Deny", "gop": 7.0, "on": "yes", "flv_param": {"enable": 2}})
    assert found == [
        "name: name is missing. Give name: The name.",
        "mode: mode 'Deny' is not one of the accepted values. Did you mean 'deny'? Values are lower-case. "
        "Use one of: 'allow', 'deny'.",
        "gop: gop is 7.0. Give a whole number from 1 to 6 seconds.",
        "on: on is 'yes'. Use true or false.",
        "flv_param.enable: flv_param.enable is 2. Use one of: 0, 1.",
    ]
    assert reasons({"name": "a.example.com", "gop": 2.5}) == [
        "gop: gop is 2.5. Give a whole number from 1 to 6 seconds."
    ]


def test_nested_parameters_are_checked_field_by_field() -> None:
    found = reasons({"name": "a.example.com", "flv_param": {"record_interval": 30, "recordInterval": 60}})
    assert found == [
        "flv_param.recordInterval: flv_param has no field 'recordInterval'. "
        "Use the keys record_interval, enable, vod_sub_app_id (snake_case).",
        "flv_param.record_interval: flv_param.record_interval is 30. Give a whole number from 60 to 43200 seconds.",
    ]
    assert reasons({"name": "a.example.com", "flv_param": "all"}) == [
        "flv_param: flv_param is 'all'. Give a dict with the keys record_interval, enable, vod_sub_app_id."
    ]


def test_unknown_values_are_not_checked_and_count_as_changed() -> None:
    unknown = Unknown()
    inputs, problems = DEMO.check({"name": unknown, "gop": unknown, "flv_param": {"record_interval": unknown}})
    assert problems == []
    assert inputs["gop"] is unknown
    olds = DEMO.values({"name": "a.example.com"})
    assert DEMO.changed(olds, {"name": unknown}) == ["name"]
    assert DEMO.replacements(["name"], {"name": unknown}) == [], "an unknown identity is not a replacement yet"


def test_diff_compares_with_defaults_applied_and_replaces_on_identity() -> None:
    olds = {"name": "a.example.com", "mode": "allow", "gop": 2.0, "on": True, "kind": "x"}
    assert DEMO.changed(olds, {"name": "a.example.com"}) == [], "omitted inputs are their defaults"
    assert DEMO.changed(olds, {"name": "a.example.com", "kind": "y"}) == [], "not compared"
    changed = DEMO.changed(olds, {"name": "b.example.com", "gop": 3})
    assert changed == ["name", "gop"]
    assert DEMO.replacements(changed, {"name": "b.example.com"}) == ["name"]


def test_tencent_structures_round_trip() -> None:
    value = {"record_interval": 600, "enable": 1, "vod_sub_app_id": None}
    assert RECORD.to_api(value) == {"RecordInterval": 600, "Enable": 1}
    assert RECORD.from_api({"RecordInterval": 600.0, "Enable": 1}) == value


def test_props_wrap_secrets_and_send_outputs_as_none() -> None:
    props = DEMO.props({"name": "a.example.com", "key": "s3cret", "self": object()}, kind="play")
    assert list(props) == [*DEMO.names, "made_at"]
    assert isinstance(props["key"], pulumi.Output)
    assert (props["kind"], props["made_at"], props["mode"]) == ("play", None, "allow"), "None stands for the default"
    options = DEMO.options(None)
    assert options is not None and options.additional_secret_outputs == ["key"]
    assert REFERER_INPUTS.options(None) is None, "no secret, options untouched"


def test_the_docstring_comes_from_the_declaration() -> None:
    text = DEMO.docstring("Summary line.\n\n    Outputs: made_at.\n")
    assert text.startswith("Summary line.\n\nArgs:\n    resource_name: The Pulumi resource name.\n")
    assert text.endswith("    opts: Pulumi resource options.\n\nOutputs: made_at.")
    assert (
        "    gop: Keyframe interval. Tencent accepts a whole number from 1 to 6 seconds (https://example.com/gop)."
        in text
    )
    assert "Default ``2``." in text and "Changing it replaces the resource." in text
    assert "key: The key. A secret" in text
    assert "kind:" not in text, "inputs the resource fills are not arguments"


def test_a_signature_that_differs_from_the_declaration_is_refused_at_import() -> None:
    def init(self: object, resource_name: str, *, name: str, mode: str = "deny", on: bool = True) -> None: ...

    assert DEMO.signature_mismatches(init) == [
        "keyword arguments are ['name', 'mode', 'on'], declared ['name', 'mode', 'gop', 'on', 'key', 'flv_param']"
    ]
    small = Inputs("Small", Input("name", str, REQUIRED), Input("mode", str, "allow"), Input("on", bool, True))
    assert small.signature_mismatches(init) == ["mode defaults to 'deny', declared 'allow'"]

    with pytest.raises(TypeError, match=r"Bad.__init__ does not match its declared inputs: mode defaults to 'deny'"):

        @small.document
        class Bad:
            """A class."""

            def __init__(self, resource_name: str, *, name: str, mode: str = "deny", on: bool = True) -> None: ...


RESOURCES = [
    found
    for name in resources.__all__
    if isinstance(found := getattr(resources, name), type) and issubclass(found, pulumi.dynamic.Resource)
]


def test_every_resource_is_found() -> None:
    assert len(RESOURCES) >= 8


@pytest.mark.parametrize("resource", RESOURCES, ids=lambda r: r.__name__)
def test_every_resource_is_declared_once(resource: type) -> None:
    declared: Inputs = getattr(resource, "INPUTS")  # noqa: B009 (set by @Inputs.document)
    assert declared.signature_mismatches(getattr(resource, "__init__")) == []  # noqa: B009
    doc = inspect.getdoc(resource) or ""
    for argument in (i for i in declared.inputs if i.argument):
        assert f"    {argument.name}: " in doc


def test_import_writes_arguments_in_order_without_defaults_or_secrets() -> None:
    written = DEMO.arguments({"key": "s3cret", "gop": 2, "mode": "deny", "name": "a.example.com", "on": False})
    assert [(i.name, v) for i, v in written] == [("name", "a.example.com"), ("mode", "deny"), ("on", False)]


def test_a_secret_is_never_quoted_in_a_problem() -> None:
    declared = Inputs(
        "Secretive",
        Input(
            "callback_key",
            str,
            None,
            doc="Key.",
            secret=True,
            rule=lambda p, v: [rules.Problem(p, v, f"{p} {v!r} is too short.", "Longer.")],
        ),
    )
    _, problems = declared.check({"callback_key": "hunter2"})
    assert [(p.property, p.message()) for p in problems] == [
        ("callback_key", "callback_key (a secret, not shown) is not accepted. Give text.")
    ]
    assert "hunter2" not in repr(problems)


def test_a_default_that_depends_on_another_input() -> None:
    declared = Inputs(
        "Region",
        Input("domain_type", str, REQUIRED),
        Input("play_region", str, default_for=lambda v: "mainland" if v["domain_type"] == "play" else None),
    )
    assert declared.values({"domain_type": "play"})["play_region"] == "mainland"
    assert declared.values({"domain_type": "push"})["play_region"] is None
    assert declared.check({"domain_type": "play", "play_region": "global"})[0]["play_region"] == "global"
    assert declared.check({"domain_type": "play"})[0]["play_region"] == "mainland"
    assert declared.changed({"domain_type": "play", "play_region": "mainland"}, {"domain_type": "play"}) == []

"""Reading an account's processing templates and rules for ``tclive import`` (every call a Describe).

Each template becomes the arguments of its resource (the declaration's names, resources/_inputs.py),
leaving out what Tencent reports for a field left unset (empty text, 0, ``False``, an empty list,
a recording format that is off), and never a secret: an imported CallbackTemplate keeps the
console's ``callback_key`` (``callback_key`` left out leaves it as it is). Each rule names its
template by the template's variable, so the program keeps them together.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..cloud.client import TencentCloudClient
from ..resources._processing import RuleSpec, TemplateSpec
from ..resources.callback import CALLBACK_TEMPLATE, CallbackRuleProvider
from ..resources.record import RECORD_TEMPLATE, RecordRuleProvider
from ..resources.snapshot import SNAPSHOT_TEMPLATE, SnapshotRuleProvider
from ..resources.time_shift import TIME_SHIFT_TEMPLATE, TimeShiftRuleProvider
from ..resources.transcode import TRANSCODE_TEMPLATE, TranscodeRuleProvider
from ..resources.watermark import WATERMARK, WatermarkRuleProvider

__all__ = ["FAMILIES", "FoundRule", "FoundTemplate", "Processing", "read_processing"]

Progress = Callable[[str], None]

FAMILIES: tuple[tuple[TemplateSpec, RuleSpec], ...] = (
    (CALLBACK_TEMPLATE, CallbackRuleProvider.spec),
    (RECORD_TEMPLATE, RecordRuleProvider.spec),
    (TRANSCODE_TEMPLATE, TranscodeRuleProvider.spec),
    (SNAPSHOT_TEMPLATE, SnapshotRuleProvider.spec),
    (WATERMARK, WatermarkRuleProvider.spec),
    (TIME_SHIFT_TEMPLATE, TimeShiftRuleProvider.spec),
)
"""Each template kind with the rule kind that binds it."""


@dataclass(frozen=True)
class FoundTemplate:
    """One template: its resource, Tencent's id and the arguments that recreate it."""

    resource: str
    template_id: int
    values: dict[str, Any]


@dataclass(frozen=True)
class FoundRule:
    """One rule: its resource, where it applies and the template it binds."""

    resource: str
    template_resource: str
    template_id: int
    domain_name: str
    app_name: str
    stream_name: str | None  # None for callback rules, which have no stream


@dataclass(frozen=True)
class Processing:
    """Every template and rule an import found."""

    templates: tuple[FoundTemplate, ...] = ()
    rules: tuple[FoundRule, ...] = ()


def _unset(value: object) -> bool:
    """What Tencent reports for a field left unset."""
    return value is None or value == "" or value == [] or value == {} or value is False or value == 0


def _arguments(spec: TemplateSpec, info: Any) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for declared in spec.inputs.inputs:
        if declared.secret or declared.name == "adopt_existing":
            continue
        current = getattr(info, declared.api_name, None)
        if declared.fields:
            nested = declared.from_api(current.model_dump()) if current is not None else None
            nested = {k: v for k, v in (nested or {}).items() if not _unset(v)}
            if "enable" in {f.name for f in declared.fields} and not nested.get("enable"):
                continue  # a recording format that is off
            current = nested
        if not _unset(current):
            values[declared.name] = current
    return values


def read_processing(client: TencentCloudClient, progress: Progress = lambda _line: None) -> Processing:
    """Every processing template and rule of the account; read-only."""
    templates: list[FoundTemplate] = []
    found_rules: list[FoundRule] = []
    for template_spec, rule_spec in FAMILIES:
        progress(f"Listing {template_spec.resource}s and {rule_spec.resource}s…")
        for info in template_spec.listing(client):
            template_id = int(getattr(info, template_spec.id_field))
            templates.append(FoundTemplate(template_spec.resource, template_id, _arguments(template_spec, info)))
        for rule in client.call(rule_spec.describe, rule_spec.describe.request()).Rules:
            found_rules.append(
                FoundRule(
                    rule_spec.resource,
                    template_spec.resource,
                    rule.TemplateId,
                    rule.DomainName,
                    rule.AppName,
                    rule.StreamName if rule_spec.per_stream else None,
                )
            )
    return Processing(tuple(templates), tuple(found_rules))

"""The generated files on their own: formatted without ruff's help, and the real-cloud licence left to stack config."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pulumi_tclive.cloud.client import TencentCloudClient
from pulumi_tclive.emulator.console_api import EXPIRE_PLUGIN_LICENSE, ExpirePluginLicenseRequest
from pulumi_tclive.importer import Account, FoundDomain, FoundLicence, FoundRecord, Project, read_account, write_project
from pulumi_tclive.importer._render import component_misfit, render_program
from pulumi_tclive.importer._security import FoundAuth, Security
from pulumi_tclive.testing import Engine

from .support import REPO, WRITES, request_log, ruff


def domain(name: str, kind: str = "play", scene: str = "standard", **changes: object) -> FoundDomain:
    values: dict[str, object] = {
        "name": name,
        "domain_type": kind,
        "scene": scene,
        "slow_live": False,
        "enabled": True,
        "play_region": "mainland" if kind == "play" else None,
        "cname_target": f"{name}.tlivecdn.com",
        "record": FoundRecord(zone="example.com", ttl=600, dns="dnspod"),
        **changes,
    }
    return FoundDomain(**values)  # type: ignore[arg-type]


LICENCES = (
    FoundLicence("wx0123456789abcdef", 'Acme "Shop"', "enterprise", "ecommerce", ("电商平台",), "available"),
    FoundLicence("wx1111111111111111", "School", "government", "education", ("教育信息服务", "在线教育"), "expired"),
)
PROJECT = Project(
    name="demo", stack="dev", config={"tclive:endpoint": "embedded"}, command="tclive import", virtualenv=None
)


def varied_account() -> Account:
    return Account(
        source="a test",
        backend="embedded",
        domains=(
            domain("mp-play.example.com", scene="mini_program"),
            domain("mp.play.example.com", scene="mini_program", record=None, notes=("no CNAME yet: add it.",)),
            domain("push.example.com", kind="push", slow_live=True, enabled=False),
            domain("a-very-long-live-domain-name-for-the-formatter-to-chew-on.subdomain.example.com"),
        ),
        licences=LICENCES,
        zones=("example.com",),
    )


def test_the_program_is_ruff_formatted_as_emitted() -> None:
    program = render_program(varied_account(), PROJECT)
    formatted = ruff("format", "--isolated", "-", cwd=REPO, stdin=program)
    assert formatted.returncode == 0, formatted.stderr
    assert formatted.stdout == program
    checked = ruff("check", "--isolated", "--stdin-filename", "__main__.py", "-", cwd=REPO, stdin=program)
    assert checked.returncode == 0, checked.stdout
    compile(program, "__main__.py", "exec")
    assert "mp_play_example_com_2" in program, "colliding names get distinct variables"
    assert 'mini_program_name="Acme \\"Shop\\""' in program or "mini_program_name='Acme \"Shop\"'" in program
    assert "plugin_license=licence_wx0123456789abcdef" in program, "the available licence is the one referred to"
    assert "slow_live=True" in program


def test_component_shape_is_checked_with_a_reason() -> None:
    assert component_misfit(varied_account()) == "the account has 2 plugin licences; the component declares exactly one"
    fits = Account(
        source="a test",
        backend="embedded",
        domains=(domain("mp-play.example.com", scene="mini_program"), domain("push.example.com", kind="push")),
        licences=LICENCES[:1],
        zones=("example.com",),
    )
    assert component_misfit(fits) is None
    unfit = replace(fits, domains=(*fits.domains, domain("old.example.com", enabled=False)))
    assert component_misfit(unfit) == "the component cannot express old.example.com (disabled)"
    slow_key = replace(fits.domains[1], security=Security(auth=FoundAuth(enabled=True, valid_seconds=3600)))
    assert component_misfit(replace(fits, domains=(fits.domains[0], slow_key))) == (
        "push.example.com's authentication accepts URLs for 3600s, and the component's for 1800s"
    )
    crowded = replace(fits, domains=(*fits.domains, domain("push2.example.com", kind="push")))
    assert component_misfit(crowded) == (
        "the selection has 2 push and 0 standard play domains; the component takes one each"
    )


def test_real_cloud_leaves_the_licence_to_stack_config_with_the_error_until_set(
    seeded: tuple[Path, TencentCloudClient], tmp_path: Path
) -> None:
    state, client = seeded
    # Read as on real Tencent Cloud (no licence API), written to run against the same emulator.
    account = read_account(client, backend="cloud", source="Tencent Cloud", domains=["mp-play.example.com"])
    assert account.licences is None
    out = tmp_path / "cloud"
    config = {"tclive:endpoint": "embedded", "tclive:emulatorState": str(state)}
    write_project(account, Project("cloud", "dev", config, "tclive import", None), out, force=False)
    program = (out / "__main__.py").read_text()
    assert 'mini_program_app_id=config.require("miniProgramAppId")' in program
    assert "pulumi config set miniProgramAppId" in (out / "README.md").read_text()

    engine = Engine(out, stack="dev", env={"PYTHONPATH": str(REPO)})
    missing = engine.preview()
    assert not missing.ok
    assert "Missing required configuration variable 'cloud:miniProgramAppId'" in missing.text

    filled = {
        "miniProgramAppId": "wx0123456789abcdef",
        "miniProgramName": "Acme Shop",
        "subjectType": "enterprise",
        "licenceScene": "ecommerce",
        "serviceCategories": '["电商平台"]',
        "licenceConsoleStatus": "available",
    }
    before = request_log(client)
    result = Engine(out, stack="dev", config=filled, env={"PYTHONPATH": str(REPO)}).up()
    assert result.ok, result.text
    calls = request_log(client)
    calls.subtract(before)
    assert not {action for action, n in calls.items() if n} & WRITES


def test_a_licence_that_is_not_available_is_flagged_on_the_mini_program_domains(
    seeded: tuple[Path, TencentCloudClient],
) -> None:
    _, client = seeded
    client.call(EXPIRE_PLUGIN_LICENSE, ExpirePluginLicenseRequest(MiniProgramAppId="wx0123456789abcdef"))
    account = read_account(client, backend="embedded", source="the emulator")
    notes = {d.name: d.notes for d in account.domains}
    assert any("plugin licence is expired, not available" in n for n in notes["mp-play.example.com"])
    assert notes["play.example.com"] == ()
    program = render_program(account, PROJECT)
    assert "# NOTE: the account's plugin licence is expired" in program


def test_arguments_are_written_as_python_literals_from_the_declaration() -> None:
    from pulumi_tclive.importer._render import _arguments
    from pulumi_tclive.resources._inputs import REQUIRED, Input, Inputs

    declared = Inputs(
        "Demo",
        Input("name", str, REQUIRED),
        Input("ids", list, [], item=int),
        Input("hosts", list, [], item=str),
        Input("param", dict, None, fields=(Input("enable", int, 0), Input("path", str, None))),
        Input("on", bool, True),
    )
    written = _arguments(
        declared, {"name": "a", "ids": [1, 2], "hosts": ["x.example.com"], "param": {"enable": 1}, "on": True}
    )
    assert written == [
        ("name", '"a"'),
        ("ids", "[1, 2]"),
        ("hosts", '["x.example.com"]'),
        ("param", '{"enable": 1}'),
    ]


def test_a_secret_is_written_only_as_a_reference_to_secret_config() -> None:
    from pulumi_tclive.importer._render import _arguments
    from pulumi_tclive.resources._inputs import REQUIRED, Input, Inputs

    declared = Inputs("Demo", Input("name", str, REQUIRED), Input("key", str, None, secret=True))
    values = {"name": "a.example.com", "key": "s3cret"}
    assert _arguments(declared, values) == [("name", '"a.example.com"')]
    assert _arguments(declared, values, {"key": "demoKey"}) == [
        ("name", '"a.example.com"'),
        ("key", 'config.require_secret("demoKey")'),
    ]

"""Day-2 safety through the offline engine on the embedded emulator (issue: the never-deletable domain).

Each test writes a small program, runs it with `pulumi_tclive.testing.Engine` (a real
`python -m pulumi.dynamic` over gRPC) and checks what a user sees: the exit status, the message,
and what the emulator holds afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from pulumi_tclive.cloud.client import TencentCloudClient
from pulumi_tclive.cloud.dnspod import (
    CREATE_DOMAIN,
    CREATE_RECORD,
    DESCRIBE_RECORD_LIST,
    MODIFY_RECORD,
    CreateDomainRequest,
    CreateRecordRequest,
    DescribeRecordListRequest,
    ModifyRecordRequest,
)
from pulumi_tclive.cloud.live import (
    DESCRIBE_LIVE_DOMAINS,
    DescribeLiveDomainsRequest,
)
from pulumi_tclive.emulator import Emulator
from pulumi_tclive.testing import Engine, RunResult
from tests.fixtures.emulator import hold_available_licence

REPO = Path(__file__).resolve().parents[2]
APP_ID = "wx0123456789abcdef"

LICENCE = f"""
lic = tclive.PluginLicense("lic", mini_program_app_id="{APP_ID}", mini_program_name="Acme Shop",
    subject_type="enterprise", scene="ecommerce", service_categories=["电商平台"])
"""


def component(**arguments: str) -> str:
    """A MiniProgramLive with only the mini-program play domain (plus ``arguments`` as Python source)."""
    extra = "".join(f", {key}={value}" for key, value in arguments.items())
    return (
        "import pulumi\nimport pulumi_tclive as tclive\n\n"
        f'site = tclive.MiniProgramLive("acme", app_id="{APP_ID}", mini_program_name="Acme Shop", '
        f'service_categories=["电商平台"], play_domain="mp-play.example.com"{extra})\n'
        'pulumi.export("next_steps", site.next_steps)\n'
    )


EMPTY = "import pulumi\n\npulumi.export('nothing', True)\n"


@dataclass
class Stack:
    """A project directory, its engine and a console client on its emulator."""

    directory: Path
    engine: Engine
    console: TencentCloudClient

    def write(self, program: str) -> None:
        (self.directory / "__main__.py").write_text(program)

    def domains(self) -> dict[str, tuple[int, int]]:
        listed = self.console.call(DESCRIBE_LIVE_DOMAINS, DescribeLiveDomainsRequest(PageSize=100))
        return {d.Name: (d.Type, d.IsMiniProgramLive) for d in listed.DomainList}

    def records(self) -> dict[str, str]:
        listed = self.console.call(
            DESCRIBE_RECORD_LIST, DescribeRecordListRequest(Domain="example.com", RecordType="CNAME", ErrorOnEmpty="no")
        )
        return {r.Name: r.Value for r in listed.RecordList}

    def resources(self) -> set[str]:
        return {entry.name for entry in self.engine.read_state().resources}


def make_stack(directory: Path, *, zone: bool = True, auto_approve: bool = True) -> Iterator[Stack]:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "Pulumi.yaml").write_text("name: day2\nruntime: python\n")
    (directory / "__main__.py").write_text(EMPTY)
    state = directory / "emulator.sqlite3"
    emulator = Emulator(state)
    console = emulator.client()
    if zone:
        console.call(CREATE_DOMAIN, CreateDomainRequest(Domain="example.com"))
    config = {"tclive:endpoint": "embedded", "tclive:emulatorState": str(state)}
    if auto_approve:
        config["tclive:emulatorAutoApprove"] = "true"
    engine = Engine(directory, stack="dev", config=config, env={"PYTHONPATH": str(REPO)})
    yield Stack(directory, engine, console)
    console.close()
    emulator.close()


def changes(result: RunResult) -> dict[str, int]:
    return {op: n for op, n in result.counts.items() if op in ("create", "update", "replace", "delete")}


MP_PLAY = {"mp-play.example.com": (1, 1)}
MP_RECORD = {"mp-play": "mp-play.example.com.tlivecdn.com."}


# --- 1. the play domain and its CNAME can never be deleted, and can be released on purpose -------------------


@pytest.fixture(scope="module")
def released(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    yield from make_stack(tmp_path_factory.mktemp("day2") / "component")


# The tests on `released` run in file order on one stack.


def test_refresh_right_after_up_reports_no_changes(released: Stack) -> None:
    released.write(component())
    assert released.engine.up(skip_preview=True).ok
    refreshed = released.engine.refresh()
    assert refreshed.ok, refreshed.text
    assert changes(refreshed) == {}, refreshed.text


def test_refresh_still_reports_a_record_changed_out_of_band(released: Stack) -> None:
    listed = released.console.call(
        DESCRIBE_RECORD_LIST, DescribeRecordListRequest(Domain="example.com", SubDomain="mp-play", RecordType="CNAME")
    )
    record = listed.RecordList[0]
    released.console.call(
        MODIFY_RECORD,
        ModifyRecordRequest(
            Domain="example.com",
            SubDomain="mp-play",
            RecordType="CNAME",
            RecordLine="默认",
            Value="cdn.other.net.",
            RecordId=record.RecordId,
        ),
    )
    refreshed = released.engine.refresh()
    assert refreshed.ok, refreshed.text
    assert ("update", "pulumi-python:dynamic/tclive:CnameRecord", "acme-mp-play-cname") in refreshed.steps
    assert released.engine.up(skip_preview=True).ok
    assert released.records() == MP_RECORD


def test_next_steps_no_longer_asks_to_add_the_domains_once_they_exist(released: Stack) -> None:
    steps = released.engine.up(skip_preview=True).outputs["next_steps"]
    assert not any("Add the mini-program live domains" in step for step in steps), steps


def test_destroy_refuses_and_exclude_protected_keeps_the_domain_and_its_cname(released: Stack) -> None:
    refused = released.engine.destroy()
    assert refused.exit_code != 0 and "protected" in refused.text
    kept = released.engine.destroy(exclude_protected=True)
    assert kept.ok, kept.text
    assert released.domains() == MP_PLAY
    assert released.records() == MP_RECORD
    assert {"acme-mp-play", "acme-mp-play-cname"} <= released.resources()
    assert released.engine.up(skip_preview=True).ok  # back to the full stack


def test_removing_the_component_is_refused_by_default(released: Stack) -> None:
    released.write(EMPTY)
    result = released.engine.up(skip_preview=True)
    assert result.exit_code != 0
    assert "acme-mp-play" in result.text and "protected" in result.text
    assert released.domains() == MP_PLAY and released.records() == MP_RECORD


def test_renaming_the_play_domain_explains_why_and_how(released: Stack) -> None:
    released.write(component().replace("mp-play.example.com", "mp-live.example.com"))
    result = released.engine.preview()
    assert result.exit_code != 0
    assert "cannot be deleted or unbound" in result.text
    assert "protect_play_domain=False" in result.text and "ResourceOptions(protect=False)" in result.text
    assert released.domains() == MP_PLAY


def test_protect_play_domain_false_moves_to_a_new_play_domain_and_keeps_the_old(released: Stack) -> None:
    # The rename advice, word for word: protect_play_domain=False together with the new play_domain, up.
    released.write(component(protect_play_domain="False").replace("mp-play.example.com", "mp-live.example.com"))
    moved = released.engine.up()
    assert moved.ok, moved.text
    assert released.domains() == {**MP_PLAY, "mp-live.example.com": (1, 1)}
    assert released.records() == {**MP_RECORD, "mp-live": "mp-live.example.com.tlivecdn.com."}


def test_protect_play_domain_false_releases_both_and_they_stay_in_the_account(released: Stack) -> None:
    released.write(EMPTY)
    removed = released.engine.up(skip_preview=True)
    assert removed.ok, removed.text
    assert released.resources() == set()
    assert set(released.domains()) == {"mp-play.example.com", "mp-live.example.com"}
    assert set(released.records()) == {"mp-play", "mp-live"}


STANDALONE = (
    "import pulumi\nimport pulumi_tclive as tclive\n"
    + LICENCE
    + """
guard = pulumi.ResourceOptions(protect=PROTECT, retain_on_delete=True)
mp = tclive.LiveDomain("mp", domain_name="mp-play.example.com", domain_type="play", scene="mini_program",
    plugin_license=lic, cname_dns="dnspod", opts=None if PROTECT else pulumi.ResourceOptions(protect=False))
tclive.CnameRecord("mp-cname", name=mp.domain_name, target=mp.cname_target,
    opts=pulumi.ResourceOptions.merge(guard, pulumi.ResourceOptions(depends_on=[mp])))
"""
)


def test_a_standalone_play_domain_is_refused_then_released_by_the_documented_advice(tmp_path: Path) -> None:
    for stack in make_stack(tmp_path / "standalone"):
        stack.write(STANDALONE.replace("PROTECT", "True"))
        assert stack.engine.up(skip_preview=True).ok
        stack.write(EMPTY)
        refused = stack.engine.up(skip_preview=True)
        assert refused.exit_code != 0 and "protected" in refused.text
        assert stack.domains() == MP_PLAY
        # The advice, word for word: protect=False on the LiveDomain and its CnameRecord, up, remove, up.
        stack.write(STANDALONE.replace("PROTECT", "False"))
        assert stack.engine.up(skip_preview=True).ok
        stack.write(EMPTY)
        removed = stack.engine.up(skip_preview=True)
        assert removed.ok, removed.text
        assert stack.domains() == MP_PLAY
        assert stack.records() == MP_RECORD


# --- 2. nothing irreversible before every precondition is proven ---------------------------------------------


def test_no_zone_fails_before_the_play_domain_is_added(tmp_path: Path) -> None:
    for stack in make_stack(tmp_path / "nozone", zone=False):
        stack.write(component())
        result = stack.engine.up(skip_preview=True)
        assert result.exit_code != 0
        assert "mp-play.example.com was not added" in result.text and "no DNSPod zone" in result.text
        assert stack.domains() == {}


def test_a_foreign_cname_fails_before_the_play_domain_is_added_unless_overwrite(tmp_path: Path) -> None:
    for stack in make_stack(tmp_path / "foreign"):
        stack.console.call(
            CREATE_RECORD,
            CreateRecordRequest(
                Domain="example.com", SubDomain="mp-play", RecordType="CNAME", RecordLine="默认", Value="cdn.other.net."
            ),
        )
        stack.write(component())
        result = stack.engine.up(skip_preview=True)
        assert result.exit_code != 0
        assert "was not added" in result.text and "a CNAME to cdn.other.net" in result.text
        assert "overwrite_dns=True" in result.text
        assert stack.domains() == {}
        stack.write(component(overwrite_dns="True"))
        assert stack.engine.up(skip_preview=True).ok
        assert stack.domains() == MP_PLAY and stack.records() == MP_RECORD


def test_the_licence_is_declared_and_tencent_judges_it_too_then_up_adds_the_domain_once_paid(tmp_path: Path) -> None:
    for stack in make_stack(tmp_path / "pending", auto_approve=False):
        # Undeclared, with no licence in the account: AddLiveDomain refuses it, as on Tencent Cloud.
        stack.write(component())
        undeclared = stack.engine.up(skip_preview=True)
        assert undeclared.exit_code != 0
        assert "InvalidParameter.MpPluginNoUse" in undeclared.text and "console_status" in undeclared.text
        assert stack.domains() == {}
        # Declared pending: refused before any add, naming the next step.
        stack.write(component(console_status='"pending_review"'))
        result = stack.engine.up(skip_preview=True)
        assert result.exit_code != 0
        assert "'pending_review'" in result.text and "mini-program domains can only be added" in result.text
        assert stack.domains() == {}
        # A person applies, Tencent reviews, the person pays; the program then declares what the console shows.
        hold_available_licence(stack.console, APP_ID)
        stack.write(component(console_status='"available"'))
        after = stack.engine.up()
        assert after.ok, after.text
        assert stack.domains() == MP_PLAY and stack.records() == MP_RECORD
        assert not any("Add the mini-program live domains" in step for step in after.outputs["next_steps"])
        assert changes(stack.engine.up(skip_preview=True)) == {}


# --- 6. recovery after a lost state file ---------------------------------------------------------------------


def test_a_lost_state_is_recovered_with_adopt_existing_without_duplicates(tmp_path: Path) -> None:
    for stack in make_stack(tmp_path / "lost"):
        program = component(push_domain='"push.example.com"')
        stack.write(program)
        assert stack.engine.up(skip_preview=True).ok
        domains, records = stack.domains(), stack.records()
        stack.engine.state_path.unlink()
        refused = stack.engine.up(skip_preview=True)
        assert refused.exit_code != 0
        assert "adopt_existing=True on the LiveDomain (or on the MiniProgramLive)" in refused.text
        stack.write(component(push_domain='"push.example.com"', adopt_existing="True"))
        adopted = stack.engine.up(skip_preview=True)
        assert adopted.ok, adopted.text
        assert stack.domains() == domains and stack.records() == records
        assert changes(stack.engine.up(skip_preview=True)) == {}


# --- 3. R4 at preview where the licence status is declared (console_status, on every backend) ---------------

STANDALONE_CLOUD = (
    "import pulumi\nimport pulumi_tclive as tclive\n"
    + LICENCE.replace(
        'service_categories=["电商平台"])', 'service_categories=["电商平台"], console_status="pending_payment")'
    )
    + """
tclive.LiveDomain("mp", domain_name="mp-play.example.com", domain_type="play", scene="mini_program",
    plugin_license=lic)
"""
)


@pytest.mark.parametrize(
    "program",
    [STANDALONE_CLOUD, component(console_status='"pending_payment"')],
    ids=["standalone", "component"],
)
def test_real_cloud_preview_fails_with_the_console_status_and_no_network(tmp_path: Path, program: str) -> None:
    directory = tmp_path / "cloud"
    directory.mkdir()
    (directory / "Pulumi.yaml").write_text("name: day2\nruntime: python\n")
    (directory / "__main__.py").write_text(program)
    nowhere = "http://127.0.0.1:9"  # nothing listens: any request would fail
    env = {
        "PYTHONPATH": str(REPO),
        "TCLIVE_ENDPOINT": None,
        "TENCENTCLOUD_SECRET_ID": "AKIDexample",
        "TENCENTCLOUD_SECRET_KEY": "example-key",
        "HTTPS_PROXY": nowhere,
        "HTTP_PROXY": nowhere,
        "ALL_PROXY": nowhere,
    }
    result = Engine(directory, stack="dev", env=env).preview()
    assert result.exit_code != 0
    assert "'pending_payment'" in result.text and "mini-program domains can only be added" in result.text
    assert "plugin_license" in result.text

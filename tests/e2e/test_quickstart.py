"""The main job end to end: the quick-start stack through the offline engine on the embedded emulator.

Each test drives `pulumi_tclive.testing.Engine` (the real dynamic-provider gRPC protocol, a real
`python -m pulumi.dynamic` process) and checks what a user would see: the plan, the emulator's
contents, the exit status and the messages.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from pulumi_tclive.cloud.client import TencentCloudClient
from pulumi_tclive.cloud.dnspod import DESCRIBE_RECORD_LIST, DescribeRecordListRequest
from pulumi_tclive.cloud.live import (
    DESCRIBE_LIVE_DOMAINS,
    FORBID_LIVE_DOMAIN,
    DescribeLiveDomainsRequest,
    ForbidLiveDomainRequest,
)
from pulumi_tclive.emulator import Emulator
from pulumi_tclive.emulator.console_api import DESCRIBE_REQUEST_LOG, DescribeRequestLogRequest
from pulumi_tclive.testing import Engine, RunResult
from tests.fixtures.projects import link_virtualenv

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"


@dataclass
class Project:
    """A copy of an example with its own emulator state and engine state."""

    directory: Path
    engine: Engine
    console: TencentCloudClient

    def calls(self) -> int:
        return self.console.call(DESCRIBE_REQUEST_LOG, DescribeRequestLogRequest()).Total

    def domains(self) -> dict[str, tuple[int, int, int]]:
        listed = self.console.call(DESCRIBE_LIVE_DOMAINS, DescribeLiveDomainsRequest(PageSize=100))
        return {d.Name: (d.Type, d.IsMiniProgramLive, d.Status) for d in listed.DomainList}

    def records(self) -> dict[str, str]:
        listed = self.console.call(
            DESCRIBE_RECORD_LIST, DescribeRecordListRequest(Domain="example.com", RecordType="CNAME", ErrorOnEmpty="no")
        )
        return {r.Name: r.Value for r in listed.RecordList}

    def edit(self, old: str, new: str) -> None:
        program = self.directory / "__main__.py"
        text = program.read_text()
        assert old in text
        program.write_text(text.replace(old, new))


def project(tmp: Path, example: str) -> Iterator[Project]:
    directory = tmp / "examples" / example
    # Local state of earlier runs stays behind; the zone comes from tclive:emulatorZones in the stack file.
    shutil.copytree(EXAMPLES / example, directory, ignore=shutil.ignore_patterns(".tclive", ".tclive-state"))
    link_virtualenv(directory, tmp)
    emulator = Emulator(directory / ".tclive" / "emulator.sqlite3")
    console = emulator.client()
    engine = Engine(directory, stack="dev", env={"PYTHONPATH": str(REPO)})
    yield Project(directory, engine, console)
    console.close()
    emulator.close()


@pytest.fixture(scope="module")
def quickstart(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    yield from project(tmp_path_factory.mktemp("e2e"), "quickstart")


def ops(result: RunResult) -> dict[str, int]:
    return {op: n for op, n in result.counts.items() if op in ("create", "update", "replace", "delete")}


# The tests below run in file order on one stack: each starts from the state the previous left.


def test_preview_shows_the_plan_and_makes_no_cloud_call(quickstart: Project) -> None:
    before = quickstart.calls()
    result = quickstart.engine.preview()
    assert result.ok, result.text
    assert ops(result) == {"create": 15}  # 8, the push domain's PushAuthKey, 3 templates and their 3 rules
    assert "pulumi-python:dynamic/tclive:LiveDomain acme-mp-play" in result.text
    assert quickstart.calls() == before
    assert quickstart.domains() == {}


def test_up_creates_everything(quickstart: Project) -> None:
    result = quickstart.engine.up()
    assert result.ok, result.text
    assert ops(result) == {"create": 15}  # 8, the push domain's PushAuthKey, 3 templates and their 3 rules
    assert quickstart.domains() == {
        "mp-play.example.com": (1, 1, 1),
        "play.example.com": (1, 0, 1),
        "push.example.com": (0, 0, 1),
    }
    assert quickstart.records() == {
        "mp-play": "mp-play.example.com.tlivecdn.com.",
        "play": "play.example.com.tlivecdn.com.",
        "push": "push.example.com.tlivepush.com.",
    }
    assert result.outputs["license_status"] == "available"


def test_a_second_up_changes_nothing(quickstart: Project) -> None:
    result = quickstart.engine.up()
    assert result.ok, result.text
    assert ops(result) == {}


def test_refresh_reports_an_out_of_band_change_and_up_repairs_it(quickstart: Project) -> None:
    quickstart.console.call(FORBID_LIVE_DOMAIN, ForbidLiveDomainRequest(DomainName="push.example.com"))
    refreshed = quickstart.engine.refresh()
    assert refreshed.ok, refreshed.text
    assert ("update", "pulumi-python:dynamic/tclive:LiveDomain", "acme-push") in refreshed.steps
    plan = quickstart.engine.preview()
    # The CNAME consumes the domain's outputs, which are unknown while an update is only planned.
    assert ("update", "pulumi-python:dynamic/tclive:LiveDomain", "acme-push") in plan.steps
    assert set(ops(plan)) == {"update"}
    assert quickstart.engine.up().ok
    assert quickstart.domains()["push.example.com"][2] == 1


def test_renaming_the_mini_program_play_domain_fails_preview_with_r8(quickstart: Project) -> None:
    quickstart.edit('play_domain="mp-play.example.com"', 'play_domain="mp-live.example.com"')
    try:
        result = quickstart.engine.preview()
    finally:
        quickstart.edit('play_domain="mp-live.example.com"', 'play_domain="mp-play.example.com"')
    assert not result.ok and result.exit_code != 0
    assert "acme-mp-play" in result.text
    assert "retain_on_delete" in result.text
    assert "mp-play.example.com" in quickstart.domains()


def test_removing_the_mini_program_play_domain_fails_preview_as_protected(quickstart: Project) -> None:
    program = quickstart.directory / "__main__.py"
    original = program.read_text()
    program.write_text("import pulumi\n\npulumi.export('nothing', True)\n")
    try:
        result = quickstart.engine.preview()
    finally:
        program.write_text(original)
    assert not result.ok
    assert "acme-mp-play" in result.text and "protected" in result.text
    assert len(quickstart.domains()) == 3


def test_destroy_refuses_the_protected_domain_and_removes_everything_else(quickstart: Project) -> None:
    refused = quickstart.engine.destroy()
    assert not refused.ok and "protected" in refused.text
    assert len(quickstart.domains()) == 3

    result = quickstart.engine.destroy(exclude_protected=True)
    assert result.ok, result.text
    # The play domain and its CNAME are protected (R8); the component creates them last, after the other
    # domains and CNAMEs, so those are what they depend on, and --exclude-protected keeps them too.
    assert quickstart.domains() == {
        "mp-play.example.com": (1, 1, 1),
        "play.example.com": (1, 0, 1),
        "push.example.com": (0, 0, 1),
    }
    assert quickstart.records()["mp-play"] == "mp-play.example.com.tlivecdn.com."
    kept = {entry.name for entry in quickstart.engine.read_state().resources}
    assert {"acme", "acme-licence", "acme-mp-play", "acme-mp-play-cname"} <= kept


def test_a_check_failure_exits_non_zero_with_the_engines_wording(tmp_path: Path) -> None:
    directory = tmp_path / "bad"
    directory.mkdir()
    (directory / "Pulumi.yaml").write_text("name: bad\nruntime: python\n")
    (directory / "Pulumi.dev.yaml").write_text("config: {}\n")  # the stack must exist, as with the CLI
    (directory / "__main__.py").write_text(
        "import pulumi_tclive as tclive\n"
        "tclive.PluginLicense('lic', mini_program_app_id='wx0123456789abcdef', mini_program_name='Me',\n"
        "    subject_type='individual', scene='ecommerce', service_categories=['电商平台'])\n"
    )
    completed = subprocess.run(
        [sys.executable, "-m", "pulumi_tclive.testing", "preview", str(directory)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )
    assert completed.returncode != 0
    output = completed.stdout + completed.stderr
    assert "resource 'lic'" in output and "subject_type" in output and "has a problem" in output
    assert "Traceback" not in output

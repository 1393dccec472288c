"""Out-of-band changes in the console are reported by refresh and repaired by up (examples/secure-streaming).

Refresh decides drift with each provider's ``diff`` (olds = the refreshed outputs, news = the old
inputs), as the Pulumi CLI does since v3.120 (``RefreshStep`` in pkg/resource/deploy/step.go).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from pulumi_tclive.cloud.client import TencentCloudClient
from pulumi_tclive.cloud.dnspod import (
    DESCRIBE_RECORD_LIST,
    MODIFY_RECORD,
    DescribeRecordListRequest,
    ModifyRecordRequest,
)
from pulumi_tclive.cloud.live import ADD_LIVE_DOMAIN, AddLiveDomainRequest
from pulumi_tclive.cloud.streaming import (
    DESCRIBE_LIVE_DOMAIN_CERT_BINDINGS,
    DESCRIBE_LIVE_DOMAIN_REFERER,
    DESCRIBE_LIVE_PUSH_AUTH_KEY,
    MODIFY_LIVE_DOMAIN_REFERER,
    MODIFY_LIVE_PUSH_AUTH_KEY,
    UNBIND_LIVE_DOMAIN_CERT,
    DescribeLiveDomainCertBindingsRequest,
    DescribeLiveDomainRefererRequest,
    DescribeLivePushAuthKeyRequest,
    ModifyLiveDomainRefererRequest,
    ModifyLivePushAuthKeyRequest,
    UnBindLiveDomainCertRequest,
)
from pulumi_tclive.emulator import Emulator
from pulumi_tclive.testing import Engine
from tests.fixtures.projects import link_virtualenv

REPO = Path(__file__).resolve().parents[2]
DYNAMIC = "pulumi-python:dynamic/tclive:"
EXIT_NO_CHANGES = 7
REPLACED_KEY = "0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f"
MASTER = "MasterKey0123456789abcdef01234567"
BACKUP = "BackupKey0123456789abcdef01234567"


@dataclass
class Stack:
    engine: Engine
    console: TencentCloudClient

    def cname(self, host: str) -> tuple[int, str]:
        listed = self.console.call(
            DESCRIBE_RECORD_LIST, DescribeRecordListRequest(Domain="example.com", SubDomain=host, RecordType="CNAME")
        )
        return listed.RecordList[0].RecordId, listed.RecordList[0].Value

    def referer_rules(self, domain: str) -> str:
        answer = self.console.call(DESCRIBE_LIVE_DOMAIN_REFERER, DescribeLiveDomainRefererRequest(DomainName=domain))
        assert answer.RefererAuthConfig is not None
        return answer.RefererAuthConfig.Rules

    def bound(self, domain: str) -> bool:
        request = DescribeLiveDomainCertBindingsRequest(DomainName=domain)
        return bool(self.console.call(DESCRIBE_LIVE_DOMAIN_CERT_BINDINGS, request).LiveDomainCertBindings)

    def push_key(self) -> str:
        request = DescribeLivePushAuthKeyRequest(DomainName="push.example.com")
        info = self.console.call(DESCRIBE_LIVE_PUSH_AUTH_KEY, request).PushAuthKeyInfo
        assert info is not None
        return info.MasterAuthKey


@pytest.fixture
def applied(tmp_path: Path) -> Iterator[Stack]:
    directory = tmp_path / "examples" / "secure-streaming"
    shutil.copytree(
        REPO / "examples" / "secure-streaming", directory, ignore=shutil.ignore_patterns(".tclive", ".tclive-state")
    )
    link_virtualenv(directory, tmp_path)
    engine = Engine(directory, stack="dev", env={"PYTHONPATH": str(REPO)})
    up = engine.up(skip_preview=True)
    assert up.ok, up.text
    with Emulator(directory / ".tclive" / "emulator.sqlite3") as emulator, emulator.client() as console:
        yield Stack(engine, console)


def test_console_changes_are_reported_by_refresh_and_repaired_by_up(applied: Stack) -> None:
    record_id, target = applied.cname("play")
    rules = applied.referer_rules("mp-play.example.com")
    console = applied.console
    # A generated push key replaced, a CNAME pointed elsewhere, a referer rule added, a certificate unbound.
    console.call(
        MODIFY_LIVE_PUSH_AUTH_KEY,
        ModifyLivePushAuthKeyRequest(DomainName="push.example.com", MasterAuthKey=REPLACED_KEY),
    )
    console.call(
        MODIFY_RECORD,
        ModifyRecordRequest(
            Domain="example.com",
            SubDomain="play",
            RecordType="CNAME",
            RecordLine="默认",
            Value="cdn.other.net.",
            RecordId=record_id,
        ),
    )
    console.call(
        MODIFY_LIVE_DOMAIN_REFERER,
        ModifyLiveDomainRefererRequest(
            DomainName="mp-play.example.com", Enable=1, Type=1, AllowEmpty=1, Rules=rules + ";evil.example.net"
        ),
    )
    console.call(UNBIND_LIVE_DOMAIN_CERT, UnBindLiveDomainCertRequest(DomainName="play.example.com"))

    refreshed = applied.engine.refresh(expect_no_changes=True)
    assert refreshed.exit_code == EXIT_NO_CHANGES, refreshed.text
    changed = {(op, type_.removeprefix(DYNAMIC), name) for op, type_, name in refreshed.steps if op != "read"}
    assert changed == {
        ("update", "PushAuthKey", "shop-push-auth"),
        ("update", "CnameRecord", "shop-app-play-cname"),
        ("update", "PlayReferer", "shop-mp-play-referer"),
        ("delete", "PlayDomainCertificate", "shop-app-play-cert"),
    }, refreshed.text
    repaired = applied.engine.up(skip_preview=True)
    assert repaired.ok, repaired.text
    assert applied.cname("play")[1] == target
    assert applied.referer_rules("mp-play.example.com") == rules
    assert applied.bound("play.example.com")
    assert applied.push_key() == REPLACED_KEY  # a generated key: up keeps the one the domain has, now known
    clean = applied.engine.refresh(expect_no_changes=True)
    assert clean.exit_code == 0, clean.text


def test_refresh_of_an_adopted_key_with_a_backup_key_keeps_both_keys_out_of_the_state_file(tmp_path: Path) -> None:
    state = tmp_path / "emulator.sqlite3"
    with Emulator(state) as emulator, emulator.client() as console:
        console.call(ADD_LIVE_DOMAIN, AddLiveDomainRequest(DomainName="push.example.com", DomainType=0))
        console.call(
            MODIFY_LIVE_PUSH_AUTH_KEY,
            ModifyLivePushAuthKeyRequest(DomainName="push.example.com", MasterAuthKey=MASTER, BackupAuthKey=BACKUP),
        )
    # What `tclive import` writes for a push domain's authentication.
    (tmp_path / "Pulumi.yaml").write_text("name: adopted-key\nruntime: python\n")
    (tmp_path / "__main__.py").write_text(
        "import pulumi_tclive as tclive\n\n"
        'tclive.PushAuthKey("push-auth", domain_name="push.example.com", adopt_existing=True)\n'
    )
    config = {"tclive:endpoint": "embedded", "tclive:emulatorState": str(state)}
    engine = Engine(tmp_path, stack="dev", config=config, env={"PYTHONPATH": str(REPO)})
    assert engine.up(skip_preview=True).ok
    refreshed = engine.refresh(expect_no_changes=True)
    assert refreshed.exit_code == 0, refreshed.text
    text = engine.state_path.read_text()
    assert MASTER not in text and BACKUP not in text
    (entry,) = [e for e in engine.read_state().resources if e.custom]
    assert "backup_key" not in entry.inputs and entry.outputs["backup_key"] == "[secret]"

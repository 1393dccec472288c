"""PushAuthKey, PlayAuthKey, PlayDomainCertificate and PlayReferer through the offline engine on the emulator.

One stack, driven by its config, goes through create, a no-op re-run, update, key rotation,
out-of-band drift (refresh, then up repairs), and delete. Each step checks what a user would
notice: the plan, the emulator's settings afterwards, and that no key ever shows in the output or
the state file. The tests run in file order on the one stack.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from pulumi_tclive.cloud.client import TencentCloudClient
from pulumi_tclive.cloud.streaming import (
    DESCRIBE_LIVE_DOMAIN_CERT_BINDINGS,
    DESCRIBE_LIVE_DOMAIN_REFERER,
    DESCRIBE_LIVE_PLAY_AUTH_KEY,
    DESCRIBE_LIVE_PUSH_AUTH_KEY,
    MODIFY_LIVE_DOMAIN_REFERER,
    MODIFY_LIVE_PUSH_AUTH_KEY,
    UNBIND_LIVE_DOMAIN_CERT,
    DescribeLiveDomainCertBindingsRequest,
    DescribeLiveDomainRefererRequest,
    DescribeLivePlayAuthKeyRequest,
    DescribeLivePushAuthKeyRequest,
    ModifyLiveDomainRefererRequest,
    ModifyLivePushAuthKeyRequest,
    UnBindLiveDomainCertRequest,
)
from pulumi_tclive.emulator import Emulator
from pulumi_tclive.emulator.console_api import DESCRIBE_REQUEST_LOG, DescribeRequestLogRequest
from pulumi_tclive.resources.auth_keys import key_digest
from pulumi_tclive.testing import Engine, RunResult
from tests.fixtures.certs import issue

REPO = Path(__file__).resolve().parents[2]
PUSH, PLAY = "push.example.com", "play.example.com"
KEY_A, KEY_B, PLAY_KEY = "rotationKeyAAAA1", "rotationKeyBBBB2", "playKeyCCCC3333"

PROGRAM = """\
import pulumi
import pulumi_tclive as tclive

cfg = pulumi.Config()
push = tclive.LiveDomain("push", domain_name="push.example.com", domain_type="push")
play = tclive.LiveDomain("play", domain_name="play.example.com", domain_type="play")
if cfg.get_bool("security") is not False:
    push_auth = tclive.PushAuthKey(
        "push-auth",
        domain_name=push,
        master_key=cfg.get_secret("pushKey"),
        backup_key=cfg.get_secret("pushBackup"),
        valid_seconds=cfg.get_int("validSeconds") or 1800,
        disable_on_delete=cfg.get_bool("disableOnDelete") or False,
    )
    play_auth = tclive.PlayAuthKey("play-auth", domain_name=play, master_key=cfg.get_secret("playKey"))
    cert = tclive.PlayDomainCertificate(
        "play-cert",
        domain_name=play,
        certificate=open("cert.pem").read(),
        private_key=pulumi.Output.secret(open("key.pem").read()),
    )
    referer = tclive.PlayReferer(
        "play-referer", domain_name=play, rules=cfg.get_object("refererRules") or ["www.example.com"]
    )
    pulumi.export("push_key", push_auth.master_key)
    pulumi.export("push_key_digest", push_auth.master_key_digest)
    pulumi.export("expires_at", cert.expires_at)
    pulumi.export("fingerprint", cert.fingerprint)
"""


@dataclass
class Stack:
    directory: Path
    console: TencentCloudClient
    secrets: dict[str, str]
    config: dict[str, str]

    def engine(self) -> Engine:
        return Engine(self.directory, config=self.config, secrets=self.secrets, env={"PYTHONPATH": str(REPO)})

    def push_auth(self) -> tuple[int, str, str, int]:
        info = self.console.call(DESCRIBE_LIVE_PUSH_AUTH_KEY, DescribeLivePushAuthKeyRequest(DomainName=PUSH))
        p = info.PushAuthKeyInfo
        assert p is not None
        return p.Enable, p.MasterAuthKey, p.BackupAuthKey, p.AuthDelta

    def play_auth(self) -> tuple[int, str]:
        info = self.console.call(DESCRIBE_LIVE_PLAY_AUTH_KEY, DescribeLivePlayAuthKeyRequest(DomainName=PLAY))
        assert info.PlayAuthKeyInfo is not None
        return info.PlayAuthKeyInfo.Enable, info.PlayAuthKeyInfo.AuthKey

    def bindings(self) -> list[str]:
        found = self.console.call(DESCRIBE_LIVE_DOMAIN_CERT_BINDINGS, DescribeLiveDomainCertBindingsRequest())
        return [b.DomainName for b in found.LiveDomainCertBindings if b.Status == 1]

    def referer(self) -> tuple[int, int, str]:
        found = self.console.call(DESCRIBE_LIVE_DOMAIN_REFERER, DescribeLiveDomainRefererRequest(DomainName=PLAY))
        config = found.RefererAuthConfig
        assert config is not None
        return config.Enable, config.Type, config.Rules

    def calls(self) -> int:
        return self.console.call(DESCRIBE_REQUEST_LOG, DescribeRequestLogRequest()).Total

    def assert_no_key_leaked(self, result: RunResult, *keys: str) -> None:
        state = (self.directory / ".tclive-state" / "dev.json").read_text()
        private = (self.directory / "key.pem").read_text().strip().splitlines()[1]
        for key in (*keys, private):
            assert key not in result.text, "a key reached the output"
            assert key not in "\n".join(result.diagnostics)
            assert key not in state, "a key reached the state file"


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    directory = tmp_path_factory.mktemp("streaming")
    state = directory / ".tclive" / "emulator.sqlite3"
    (directory / "Pulumi.yaml").write_text("name: streaming\nruntime: python\n")
    (directory / "Pulumi.dev.yaml").write_text(
        f"config:\n  tclive:endpoint: embedded\n  tclive:emulatorState: {state}\n"
    )
    (directory / "__main__.py").write_text(PROGRAM)
    cert = issue(PLAY, "*.example.com")
    (directory / "cert.pem").write_text(cert.chain)
    (directory / "key.pem").write_text(cert.key)
    emulator = Emulator(state)
    console = emulator.client()
    yield Stack(directory, console, {}, {})
    console.close()
    emulator.close()


def ops(result: RunResult) -> dict[str, int]:
    return {op: n for op, n in result.counts.items() if op in ("create", "update", "replace", "delete")}


def steps_of(result: RunResult, op: str) -> set[str]:
    return {step.name for step in result.steps if step.op == op}


def test_preview_plans_every_resource_and_calls_nothing(stack: Stack) -> None:
    before = stack.calls()
    result = stack.engine().preview()
    assert result.ok, result.text
    assert ops(result) == {"create": 6}
    assert stack.calls() == before


def test_up_generates_a_secret_push_key_binds_the_certificate_and_sets_the_referer(stack: Stack) -> None:
    result = stack.engine().up()
    assert result.ok, result.text
    assert ops(result) == {"create": 6}
    enable, master, backup, delta = stack.push_auth()
    assert (enable, backup, delta) == (1, "", 1800) and len(master) == 32
    assert result.outputs["push_key"] == "[secret]"
    assert result.outputs["push_key_digest"] == key_digest(PUSH, master)
    play_enable, play_key = stack.play_auth()
    assert play_enable == 1 and len(play_key) == 32
    assert stack.bindings() == [PLAY]
    assert result.outputs["expires_at"].endswith("Z") and result.outputs["fingerprint"].count(":") == 31
    assert stack.referer() == (1, 1, "www.example.com")
    stack.assert_no_key_leaked(result, master, play_key)


def test_refresh_and_a_second_up_change_nothing_and_keep_the_generated_keys(stack: Stack) -> None:
    _, before, _, _ = stack.push_auth()
    refreshed = stack.engine().refresh()
    assert refreshed.ok, refreshed.text
    stack.assert_no_key_leaked(refreshed, before, stack.play_auth()[1])
    result = stack.engine().up()
    assert result.ok, result.text
    assert ops(result) == {}
    assert stack.push_auth()[1] == before


def test_update_changes_validity_and_referer_in_place_and_keeps_the_generated_key(stack: Stack) -> None:
    _, before, _, _ = stack.push_auth()
    stack.config.update({"validSeconds": "600", "refererRules": json.dumps(["www.example.com", "*.example.net"])})
    result = stack.engine().up()
    assert result.ok, result.text
    assert steps_of(result, "update") == {"push-auth", "play-referer"}
    assert stack.push_auth() == (1, before, "", 600)
    assert stack.referer() == (1, 1, "www.example.com;*.example.net")


def test_rotation_backup_first_then_swap(stack: Stack) -> None:
    stack.secrets["pushKey"] = KEY_A
    assert stack.engine().up().ok
    assert stack.push_auth()[1:3] == (KEY_A, "")
    stack.secrets["pushBackup"] = KEY_B
    assert stack.engine().up().ok
    assert stack.push_auth()[1:3] == (KEY_A, KEY_B)
    stack.secrets.update({"pushKey": KEY_B})
    del stack.secrets["pushBackup"]
    result = stack.engine().up()
    assert result.ok, result.text
    assert steps_of(result, "update") == {"push-auth"}
    assert stack.push_auth()[1:3] == (KEY_B, "")
    stack.assert_no_key_leaked(result, KEY_A, KEY_B)


def test_drift_shows_on_refresh_without_the_keys_and_up_repairs_it(stack: Stack) -> None:
    stack.console.call(
        MODIFY_LIVE_PUSH_AUTH_KEY, ModifyLivePushAuthKeyRequest(DomainName=PUSH, MasterAuthKey="console123")
    )
    stack.console.call(UNBIND_LIVE_DOMAIN_CERT, UnBindLiveDomainCertRequest(DomainName=PLAY))
    stack.console.call(
        MODIFY_LIVE_DOMAIN_REFERER,
        ModifyLiveDomainRefererRequest(DomainName=PLAY, Enable=1, Type=0, AllowEmpty=1, Rules="evil.example.org"),
    )
    refreshed = stack.engine().refresh()
    assert refreshed.ok, refreshed.text
    assert {"push-auth", "play-referer"} <= steps_of(refreshed, "update")
    assert "play-cert" in steps_of(refreshed, "delete")
    stack.assert_no_key_leaked(refreshed, KEY_B, "console123")
    plan = stack.engine().preview()
    assert plan.ok, plan.text
    assert {"push-auth", "play-referer"} <= steps_of(plan, "update") and "play-cert" in steps_of(plan, "create")
    result = stack.engine().up()
    assert result.ok, result.text
    assert stack.push_auth()[1] == KEY_B
    assert stack.bindings() == [PLAY]
    assert stack.referer() == (1, 1, "www.example.com;*.example.net")
    assert ops(stack.engine().up()) == {}


def test_preview_refuses_bad_keys_without_showing_them(stack: Stack) -> None:
    bad = Stack(stack.directory, stack.console, {**stack.secrets, "pushKey": "short!"}, {**stack.config})
    result = bad.engine().preview()
    assert not result.ok
    assert "master_key (a secret, not shown)" in result.text and "letters and digits" in result.text
    assert "short!" not in result.text
    zero = Stack(stack.directory, stack.console, dict(stack.secrets), {**stack.config, "validSeconds": "-5"})
    result = zero.engine().preview()
    assert not result.ok and "valid_seconds" in result.text and "2592000" in result.text


def test_delete_leaves_push_auth_on_unless_told_and_unbinds_the_rest(stack: Stack) -> None:
    stack.config["security"] = "false"
    result = stack.engine().up()
    assert result.ok, result.text
    assert steps_of(result, "delete") == {"push-auth", "play-auth", "play-cert", "play-referer"}
    assert stack.push_auth()[0] == 1  # disable_on_delete is false: the domain keeps Tencent's default
    assert stack.play_auth()[0] == 1
    assert stack.bindings() == []
    assert stack.referer()[0] == 0

    stack.config.update({"security": "true", "disableOnDelete": "true"})
    assert stack.engine().up().ok
    stack.config["security"] = "false"
    assert stack.engine().up().ok
    assert stack.push_auth()[0] == 0

"""examples/secure-streaming as a user runs it: preview, up, a no-op up, a signed OBS push URL, destroy."""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from pulumi_tclive.cloud.client import TencentCloudClient
from pulumi_tclive.cloud.dnspod import CREATE_DOMAIN, CreateDomainRequest
from pulumi_tclive.cloud.streaming import (
    DESCRIBE_LIVE_DOMAIN_CERT_BINDINGS,
    DESCRIBE_LIVE_PUSH_AUTH_KEY,
    DescribeLiveDomainCertBindingsRequest,
    DescribeLivePushAuthKeyRequest,
)
from pulumi_tclive.emulator import Emulator
from pulumi_tclive.errors import TencentCloudApiError
from pulumi_tclive.testing import Engine
from tests.fixtures.projects import link_virtualenv

REPO = Path(__file__).resolve().parents[2]


@dataclass
class Example:
    directory: Path
    engine: Engine
    console: TencentCloudClient

    def push_key(self) -> str:
        info = self.console.call(
            DESCRIBE_LIVE_PUSH_AUTH_KEY, DescribeLivePushAuthKeyRequest(DomainName="push.example.com")
        ).PushAuthKeyInfo
        assert info is not None and info.Enable == 1
        return info.MasterAuthKey


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Example]:
    base = tmp_path_factory.mktemp("e2e")
    directory = base / "examples" / "secure-streaming"
    # Without the local state of earlier runs (`make examples` applies it in place).
    ignored = shutil.ignore_patterns(".tclive", ".tclive-state")
    shutil.copytree(REPO / "examples" / "secure-streaming", directory, ignore=ignored)
    link_virtualenv(directory, base)
    emulator = Emulator(directory / ".tclive" / "emulator.sqlite3")
    console = emulator.client()
    # tclive:emulatorZones creates it where supported; a DNSPod account would already hold it.
    with contextlib.suppress(TencentCloudApiError):
        console.call(CREATE_DOMAIN, CreateDomainRequest(Domain="example.com"))
    yield Example(directory, Engine(directory, stack="dev", env={"PYTHONPATH": str(REPO)}), console)
    console.close()
    emulator.close()


def test_up_runs_out_of_the_box_and_a_second_up_changes_nothing(example: Example) -> None:
    preview = example.engine.preview()
    assert preview.ok, preview.text
    result = example.engine.up()
    assert result.ok, result.text
    created = {step.name for step in result.steps if step.op == "create"}
    assert {"shop-push-auth", "shop-mp-play-auth", "shop-mp-play-cert", "shop-app-play-cert"} <= created
    assert result.outputs["push_key"] == "[secret]"
    assert result.outputs["play_url_templates"]["flv"] == (
        "https://mp-play.example.com/live/{stream_name}.flv?txSecret={txSecret}&txTime={txTime}"
    )
    assert result.outputs["app_json"]["plugins"]["live-player-plugin"]["provider"] == "wx95a7d2b78cf30f98"
    bound = example.console.call(DESCRIBE_LIVE_DOMAIN_CERT_BINDINGS, DescribeLiveDomainCertBindingsRequest())
    assert sorted(b.DomainName for b in bound.LiveDomainCertBindings) == ["mp-play.example.com", "play.example.com"]
    key = example.push_key()
    assert key not in result.text
    assert key not in (example.directory / ".tclive-state" / "dev.json").read_text()
    again = example.engine.up()
    assert again.ok, again.text
    assert not [s for s in again.steps if s.op in ("create", "update", "replace", "delete")]
    assert again.outputs["push_key"] == "[secret]", "a secret output the state withheld is still listed"
    assert example.push_key() == key


def test_the_readme_command_signs_an_obs_push_url_with_the_domains_key(example: Example) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "pulumi_tclive.cli", "url", "sign", "rtmp://push.example.com/live/room1",
         "--key-from-stack", "--expires", "2h"],
        capture_output=True, text=True, timeout=60, cwd=example.directory,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr
    query = parse_qs(urlsplit(completed.stdout.strip()).query)
    key = example.push_key()
    assert query["txSecret"] == [hashlib.md5(f"{key}room1{query['txTime'][0]}".encode()).hexdigest()]


def test_destroy_keeps_the_protected_play_domain_its_cname_and_what_it_depends_on(example: Example) -> None:
    result = example.engine.destroy(exclude_protected=True)
    assert result.ok, result.text
    kept = {entry.name for entry in example.engine.read_state().resources}
    # As with the CLI's --exclude-protected, the protected play domain keeps what it depends on: the component
    # adds it last, after the other domains and their CNAMEs. The security settings are deleted.
    assert kept == {
        "shop", "shop-licence", "shop-mp-play", "shop-mp-play-cname",
        "shop-push", "shop-push-cname", "shop-app-play", "shop-app-play-cname",
    }  # fmt: skip

"""What makes an imported program's first `up` write nothing: LiveDomain(adopt_existing=True) adopts by reading."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pulumi.dynamic import ConfigureRequest
from pulumi.dynamic.config import Config

from pulumi_tclive.cloud.client import TencentCloudClient
from pulumi_tclive.cloud.live import ADD_LIVE_DOMAIN, AddLiveDomainRequest
from pulumi_tclive.emulator import Emulator
from pulumi_tclive.resources.domain import LiveDomainProvider

from .support import request_log


@pytest.fixture
def account(tmp_path: Path) -> Iterator[tuple[LiveDomainProvider, TencentCloudClient]]:
    state = tmp_path / "emulator.sqlite3"
    with Emulator(state) as emulator, emulator.client() as console:
        provider = LiveDomainProvider()
        config = {"tclive:endpoint": "embedded", "tclive:emulatorState": str(state)}
        provider.configure(ConfigureRequest(Config(config, "tests")))
        yield provider, console


def play(**overrides: object) -> dict[str, object]:
    return {"domain_name": "play.example.com", "domain_type": "play", "scene": "standard", **overrides}


def test_an_existing_domain_is_adopted_with_one_read_and_no_add(
    account: tuple[LiveDomainProvider, TencentCloudClient],
) -> None:
    provider, console = account
    console.call(ADD_LIVE_DOMAIN, AddLiveDomainRequest(DomainName="play.example.com", DomainType=1, PlayType=2))
    before = request_log(console)
    created = provider.create(play(adopt_existing=True, play_region="global"))
    calls = request_log(console)
    calls.subtract(before)
    assert created.outs["adopted"] is True
    assert {action: n for action, n in calls.items() if n} == {"DescribeLiveDomain": 1}


def test_a_missing_domain_is_still_created(account: tuple[LiveDomainProvider, TencentCloudClient]) -> None:
    provider, console = account
    created = provider.create(play(adopt_existing=True))
    assert created.outs["adopted"] is False
    assert request_log(console)["AddLiveDomain"] == 1

"""What makes an imported program's first `up` write nothing: LiveDomain(adopt_existing=True) adopts by reading."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pulumi.dynamic import ConfigureRequest
from pulumi.dynamic.config import Config

from pulumi_tclive.cloud.client import TencentCloudClient
from pulumi_tclive.cloud.live import ADD_LIVE_DOMAIN, AddLiveDomainRequest
from pulumi_tclive.cloud.streaming import (
    DESCRIBE_LIVE_PUSH_AUTH_KEY,
    MODIFY_LIVE_DOMAIN_REFERER,
    DescribeLivePushAuthKeyRequest,
    ModifyLiveDomainRefererRequest,
)
from pulumi_tclive.emulator import Emulator
from pulumi_tclive.resources.auth_keys import PushAuthKeyProvider
from pulumi_tclive.resources.domain import LiveDomainProvider
from pulumi_tclive.resources.referer import PlayRefererProvider

from .support import request_log


@pytest.fixture
def account(tmp_path: Path) -> Iterator[tuple[LiveDomainProvider, TencentCloudClient]]:
    state = tmp_path / "emulator.sqlite3"
    with Emulator(state) as emulator, emulator.client() as console:
        provider = LiveDomainProvider()
        config = {"tclive:endpoint": "embedded", "tclive:emulatorState": str(state)}
        provider.configure(ConfigureRequest(Config(config, "tests")))
        yield provider, console


def provider_config(provider: LiveDomainProvider) -> dict[str, str]:
    """The same settings for another provider of the stack."""
    settings = provider.settings
    return {"tclive:endpoint": "embedded", "tclive:emulatorState": str(settings.emulator_state)}


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


def test_push_authentication_is_adopted_with_the_domains_keys_and_no_write(
    account: tuple[LiveDomainProvider, TencentCloudClient],
) -> None:
    provider, console = account
    console.call(ADD_LIVE_DOMAIN, AddLiveDomainRequest(DomainName="push.example.com", DomainType=0))
    key = console.call(
        DESCRIBE_LIVE_PUSH_AUTH_KEY, DescribeLivePushAuthKeyRequest(DomainName="push.example.com")
    ).PushAuthKeyInfo
    assert key is not None and key.Enable == 1  # Tencent's default for a new push domain
    auth = PushAuthKeyProvider()
    auth.configure(ConfigureRequest(Config(provider_config(provider), "tests")))
    inputs = {"domain_name": "push.example.com", "valid_seconds": key.AuthDelta, "adopt_existing": True}
    before = request_log(console)
    created = auth.create(inputs)
    calls = request_log(console)
    calls.subtract(before)
    assert {action: n for action, n in calls.items() if n} == {"DescribeLivePushAuthKey": 1}
    assert created.outs["master_key"] == key.MasterAuthKey
    longer = auth.create({**inputs, "valid_seconds": 7200})
    assert longer.outs["master_key"] == key.MasterAuthKey, "a changed setting keeps the domain's key"
    assert request_log(console)["ModifyLivePushAuthKey"] == 1


def test_referer_rules_already_in_place_are_adopted_without_a_write(
    account: tuple[LiveDomainProvider, TencentCloudClient],
) -> None:
    provider, console = account
    console.call(ADD_LIVE_DOMAIN, AddLiveDomainRequest(DomainName="play.example.com", DomainType=1, PlayType=1))
    console.call(
        MODIFY_LIVE_DOMAIN_REFERER,
        ModifyLiveDomainRefererRequest(DomainName="play.example.com", Enable=1, Type=1, AllowEmpty=0, Rules="a.com"),
    )
    referer = PlayRefererProvider()
    referer.configure(ConfigureRequest(Config(provider_config(provider), "tests")))
    before = request_log(console)["ModifyLiveDomainReferer"]
    referer.create({"domain_name": "play.example.com", "mode": "allow", "rules": ["a.com"], "allow_empty": False})
    assert request_log(console)["ModifyLiveDomainReferer"] == before
    referer.create({"domain_name": "play.example.com", "mode": "deny", "rules": ["a.com"], "allow_empty": False})
    assert request_log(console)["ModifyLiveDomainReferer"] == before + 1

"""MiniProgramLive's streaming options under set_mocks: children, URL templates, app.json, signed push URLs."""

from __future__ import annotations

from typing import Any

import pulumi
import pytest

import pulumi_tclive as tclive
from pulumi_tclive.errors import UrlSigningError
from tests.fixtures.certs import issue
from tests.resources.test_program import CapturingMonitor, Mocks

KEY = "e12c46f2612d5106e2034781ab261ca3"


class KeyMocks(Mocks):
    def new_resource(self, args: pulumi.runtime.MockResourceArgs) -> tuple[str | None, dict[str, Any]]:
        name, outputs = super().new_resource(args)
        if args.typ.endswith("AuthKey"):
            outputs["master_key"] = outputs.get("master_key") or KEY
        return name, outputs


@pytest.fixture
def monitor() -> CapturingMonitor:
    mocks = KeyMocks()
    capturing = CapturingMonitor(mocks)
    pulumi.runtime.set_mocks(mocks, project="tests", stack="dev", preview=False, monitor=capturing)
    return capturing


def site(**extra: Any) -> tclive.MiniProgramLive:
    return tclive.MiniProgramLive(
        "acme",
        app_id="wx0123456789abcdef",
        mini_program_name="Acme",
        service_categories=["电商平台"],
        play_domain="mp-play.example.com",
        push_domain="push.example.com",
        app_play_domain="play.example.com",
        **extra,
    )


def after_registrations(acme: tclive.MiniProgramLive, verify: Any) -> Any:
    """Run ``verify(app_json)`` once every child has been registered."""
    children: list[Any] = [*acme.domains.values(), *acme.cnames.values(), *acme.play_auth_keys.values()]
    children += [*acme.certificates.values(), *acme.referers.values()]
    if acme.push_auth_key is not None:
        children.append(acme.push_auth_key)
    return pulumi.Output.all(acme.app_json, *(c.urn for c in children)).apply(lambda values: verify(values[0]))


def types(monitor: CapturingMonitor) -> dict[str, str]:
    return {name: r.type.rpartition(":")[2] for name, r in monitor.registrations.items()}


@pulumi.runtime.test
def test_defaults_push_auth_on_http_templates_and_the_plugin_block(monitor: CapturingMonitor) -> Any:
    acme = site(plugin_version="1.3.0")
    assert acme.push_url_template == "rtmp://push.example.com/live/{stream_name}?txSecret={txSecret}&txTime={txTime}"
    assert acme.play_url_templates["flv"] == "http://mp-play.example.com/live/{stream_name}.flv"
    assert acme.app_play_url_templates is not None
    assert acme.app_play_url_templates["hls"] == "http://play.example.com/live/{stream_name}.m3u8"

    def verify(block: dict[str, Any]) -> None:
        assert block == {"plugins": {"live-player-plugin": {"version": "1.3.0", "provider": "wx95a7d2b78cf30f98"}}}
        kinds = types(monitor)
        assert kinds["acme-push-auth"] == "PushAuthKey"
        assert not any(k in ("PlayAuthKey", "PlayDomainCertificate", "PlayReferer") for k in kinds.values())
        assert "master_key" in monitor.registrations["acme-push-auth"].additionalSecretOutputs

    return after_registrations(acme, verify)


@pulumi.runtime.test
def test_everything_on_https_where_the_certificate_covers(monitor: CapturingMonitor) -> Any:
    cert = issue("mp-play.example.com")  # covers the mini-program play domain only
    acme = site(
        play_auth=True,
        play_certificate=cert.chain,
        play_private_key=cert.key,
        referer_rules=["servicewechat.com"],
        plugin_alias="live",
    )
    assert acme.play_url_templates["flv"].startswith("https://mp-play.example.com/")
    assert acme.play_url_templates["flv"].endswith("?txSecret={txSecret}&txTime={txTime}")
    assert acme.app_play_url_templates is not None
    assert acme.app_play_url_templates["flv"].startswith("http://play.example.com/")

    def verify(block: dict[str, Any]) -> None:
        assert list(block["plugins"]) == ["live"] and block["plugins"]["live"]["version"] == "1.2.1"
        kinds = types(monitor)
        assert kinds["acme-mp-play-cert"] == "PlayDomainCertificate" and "acme-app-play-cert" not in kinds
        assert kinds["acme-mp-play-auth"] == kinds["acme-app-play-auth"] == "PlayAuthKey"
        assert kinds["acme-mp-play-referer"] == kinds["acme-app-play-referer"] == "PlayReferer"
        assert "private_key" in monitor.registrations["acme-mp-play-cert"].additionalSecretOutputs

    return after_registrations(acme, verify)


@pulumi.runtime.test
def test_signed_push_urls_on_request_are_secret_and_fixed(monitor: CapturingMonitor) -> Any:
    acme = site(push_auth_key=KEY, signed_push_streams=["test"], signed_urls_expire_at=0x5C271099)
    assert acme.signed_push_urls is not None

    def verify(args: list[Any]) -> None:
        urls, secret = args
        assert secret is True
        assert urls == {
            "test": "rtmp://push.example.com/live/test?txSecret=f85a2ab363fe4deaffef9754d79da6fe&txTime=5C271099"
        }

    return pulumi.Output.all(acme.signed_push_urls, pulumi.Output.is_secret(acme.signed_push_urls)).apply(verify)


def test_signed_push_urls_need_a_fixed_expiry(monitor: CapturingMonitor) -> None:
    with pytest.raises(UrlSigningError, match="signed_urls_expire_at"):
        site(signed_push_streams=["test"])

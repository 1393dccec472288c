"""Programs under set_mocks: type tokens, the protect default of mini-program play domains, the component."""

from __future__ import annotations

from typing import Any

import pulumi
import pytest
from pulumi.runtime.mocks import MockMonitor

import pulumi_tclive as tclive


class Mocks(pulumi.runtime.Mocks):
    def new_resource(self, args: pulumi.runtime.MockResourceArgs) -> tuple[str | None, dict[str, Any]]:
        outputs = dict(args.inputs)
        if args.typ.endswith(":LiveDomain"):
            outputs["cname_target"] = f"{outputs.get('domain_name')}.tlivecdn.com"
        if args.typ.endswith(":PluginLicense"):
            outputs["status"] = "available"
        return f"{args.name}-id", outputs

    def call(self, args: pulumi.runtime.MockCallArgs) -> tuple[dict[str, Any], list[tuple[str, str]] | None]:
        return {}, None


class CapturingMonitor(MockMonitor):
    """Records the options the engine would see (MockResourceArgs carries none)."""

    def __init__(self, mocks: pulumi.runtime.Mocks) -> None:
        super().__init__(mocks)
        self.registrations: dict[str, Any] = {}

    def RegisterResource(self, request: Any) -> Any:
        self.registrations[request.name] = request
        return super().RegisterResource(request)


@pytest.fixture
def monitor() -> CapturingMonitor:
    mocks = Mocks()
    capturing = CapturingMonitor(mocks)
    pulumi.runtime.set_mocks(mocks, project="tests", stack="dev", preview=False, monitor=capturing)
    return capturing


def protected(monitor: CapturingMonitor, name: str) -> bool:
    request = monitor.registrations[name]
    return bool(request.HasField("protect") and request.protect)


@pulumi.runtime.test
def test_mini_program_play_domains_are_protected_by_default(monitor: CapturingMonitor) -> Any:
    lic = tclive.PluginLicense(
        "lic",
        mini_program_app_id="wx0123456789abcdef",
        mini_program_name="Acme",
        subject_type="enterprise",
        scene="ecommerce",
        service_categories=["电商平台"],
    )
    mp = tclive.LiveDomain(
        "mp", domain_name="mp.example.com", domain_type="play", scene="mini_program", plugin_license=lic
    )
    unprotected = tclive.LiveDomain(
        "mp-unprotected",
        domain_name="mp2.example.com",
        domain_type="play",
        scene="mini_program",
        plugin_license=lic,
        opts=pulumi.ResourceOptions(protect=False),
    )
    std = tclive.LiveDomain("std", domain_name="play.example.com", domain_type="play")

    def verify(_: Any) -> None:
        assert protected(monitor, "mp")
        assert not protected(monitor, "mp-unprotected")
        assert not protected(monitor, "std")
        assert monitor.registrations["mp"].type == "pulumi-python:dynamic/tclive:LiveDomain"
        assert monitor.registrations["lic"].type == "pulumi-python:dynamic/tclive:PluginLicense"

    return pulumi.Output.all(lic.urn, mp.urn, unprotected.urn, std.urn).apply(verify)


@pulumi.runtime.test
def test_component_declares_licence_domains_and_a_cname_per_domain(monitor: CapturingMonitor) -> Any:
    site = tclive.MiniProgramLive(
        "acme",
        app_id="wx0123456789abcdef",
        mini_program_name="Acme",
        service_categories=["电商平台"],
        play_domain="mp-play.example.com",
        push_domain="push.example.com",
        app_play_domain="play.example.com",
    )

    def verify(targets: dict[str, str]) -> None:
        types = {name: r.type for name, r in monitor.registrations.items()}
        assert types["acme"] == "tclive:index:MiniProgramLive"
        assert sorted(n for n, t in types.items() if t.endswith(":CnameRecord")) == [
            "acme-app-play-cname",
            "acme-mp-play-cname",
            "acme-push-cname",
        ]
        assert protected(monitor, "acme-mp-play")
        assert not protected(monitor, "acme-push")
        assert targets["mp-play.example.com"] == "mp-play.example.com.tlivecdn.com"
        assert set(targets) == {"mp-play.example.com", "push.example.com", "play.example.com"}

    everything = [site.urn, *(c.urn for c in site.cnames.values()), *(d.urn for d in site.domains.values())]
    return pulumi.Output.all(site.cname_targets, *everything).apply(lambda values: verify(values[0]))

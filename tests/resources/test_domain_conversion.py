"""Turning an existing domain into a mini-program play domain is permanent (R8): only with acknowledge_permanent.

And the CNAME of a mini-program play domain is protected and retained like the domain (issue 17, finding 5).
"""

from __future__ import annotations

from typing import Any

import pulumi
import pytest

import pulumi_tclive as tclive
from pulumi_tclive.resources.domain import LiveDomainProvider
from tests.resources.test_program import CapturingMonitor, monitor  # noqa: F401 (the fixture)

from .conftest import APP_ID

STANDARD_PLAY = {"domain_name": "play.example.com", "domain_type": "play", "scene": "standard"}
MP_PUSH = {"domain_name": "play.example.com", "domain_type": "push", "scene": "mini_program", "plugin_license": APP_ID}
MP_PLAY = {**STANDARD_PLAY, "scene": "mini_program", "plugin_license": APP_ID, "plugin_license_status": "available"}


def check(olds: dict[str, Any], news: dict[str, Any]) -> list[tuple[str, str]]:
    provider = LiveDomainProvider()
    provider.configure(pulumi.dynamic.ConfigureRequest(pulumi.dynamic.config.Config({}, "tests")))
    return [(f.property, f.reason) for f in provider.check(olds, news).failures or []]


@pytest.mark.parametrize(("old", "changed"), [(STANDARD_PLAY, "scene"), (MP_PUSH, "domain_type")])
def test_an_existing_domain_turned_into_a_mini_program_play_domain_fails_preview(
    old: dict[str, Any], changed: str
) -> None:
    [(prop, reason)] = check(old, MP_PLAY)
    assert prop == changed
    assert "play.example.com, which can never be deleted or unbound once added (R8): the change is permanent" in reason
    assert "add acknowledge_permanent=True to this LiveDomain" in reason


def test_with_the_acknowledgement_or_for_a_new_domain_it_passes() -> None:
    assert check(STANDARD_PLAY, {**MP_PLAY, "acknowledge_permanent": True}) == []
    assert check({}, MP_PLAY) == []  # creating a fresh one stays as it was
    assert check(MP_PLAY, MP_PLAY) == []


def options(capturing: CapturingMonitor, name: str) -> tuple[bool, bool]:
    request = capturing.registrations[name]
    return bool(request.protect), bool(request.retainOnDelete)


@pulumi.runtime.test
def test_the_cname_of_a_mini_program_play_domain_is_protected_and_retained_like_the_domain(
    monitor: CapturingMonitor,  # noqa: F811 (the fixture imported above)
) -> Any:
    mp = tclive.LiveDomain(
        "mp", domain_name="mp.example.com", domain_type="play", scene="mini_program", plugin_license=APP_ID
    )
    std = tclive.LiveDomain("std", domain_name="play.example.com", domain_type="play")
    records = [
        tclive.CnameRecord("mp-cname", name=mp.domain_name, target=mp.cname_target),
        tclive.CnameRecord("mp-cname-by-target", name="mp.example.com", target=mp.cname_target),
        tclive.CnameRecord("std-cname", name=std.domain_name, target=std.cname_target),
        tclive.CnameRecord(
            "mp-cname-released",
            name=mp.domain_name,
            target=mp.cname_target,
            opts=pulumi.ResourceOptions(protect=False),
        ),
    ]

    def verify(_: Any) -> None:
        assert options(monitor, "mp") == (True, True)
        assert options(monitor, "mp-cname") == (True, True)
        assert options(monitor, "mp-cname-by-target") == (True, True)
        assert options(monitor, "std-cname") == (False, False)
        assert options(monitor, "mp-cname-released") == (False, True)  # what the program says wins

    return pulumi.Output.all(*(r.urn for r in [mp, std, *records])).apply(verify)

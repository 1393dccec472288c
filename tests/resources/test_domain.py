"""LiveDomain: R4–R8 at check time, lean API usage, idempotent create, drift, undeletable mini-program play."""

from __future__ import annotations

from typing import Any

import pytest
from pulumi.output import Unknown

from pulumi_tclive.cloud.dnspod import CREATE_DOMAIN, CreateDomainRequest
from pulumi_tclive.cloud.live import (
    ADD_LIVE_DOMAIN,
    DELETE_LIVE_DOMAIN,
    DESCRIBE_LIVE_DOMAIN,
    FORBID_LIVE_DOMAIN,
    AddLiveDomainRequest,
    DeleteLiveDomainRequest,
    DescribeLiveDomainRequest,
    ForbidLiveDomainRequest,
)
from pulumi_tclive.dns import DnspodBackend
from pulumi_tclive.emulator.console_api import (
    RECORD_TRAFFIC,
    SET_FAULTS,
    FaultRule,
    RecordTrafficRequest,
    SetFaultsRequest,
)
from pulumi_tclive.errors import RuleViolation, TencentCloudApiError
from pulumi_tclive.resources.domain import LiveDomainProvider
from tests.fixtures.bind import BindServer

from .conftest import APP_ID, Stack


def provider(stack: Stack) -> LiveDomainProvider:
    p = LiveDomainProvider()
    stack.configure(p)
    return p


def domain(**overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {"domain_name": "play.example.com", "domain_type": "play", "scene": "standard"}
    values.update(overrides)
    return values


def mp_play(**overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "domain_name": "mp-play.example.com",
        "scene": "mini_program",
        "plugin_license": APP_ID,
        "plugin_license_status": "available",
    }
    return domain(**{**values, **overrides})


def available_licence(stack: Stack) -> None:
    stack.hold_available_licence(APP_ID)


def test_check_normalises_the_name(stack: Stack) -> None:
    result = provider(stack).check({}, domain(domain_name="Play.Example.COM."))
    assert result.failures == []
    assert result.inputs["domain_name"] == "play.example.com"


@pytest.mark.parametrize(
    ("inputs", "prop", "needle"),
    [
        (domain(scene="mini_program"), "plugin_license", "plugin_license"),
        (domain(domain_type="push", play_region="global"), "play_region", "push"),
        (domain(domain_name="10.0.0.1"), "domain_name", "10.0.0.1"),
        (domain(domain_name="*.example.com"), "domain_name", "*"),
        (domain(domain_name="x.tlivecdn.com"), "domain_name", "tlivecdn.com"),
        (domain(domain_type="pull"), "domain_type", "pull"),
        (mp_play(plugin_license_status="pending_review"), "plugin_license", "review"),
        (mp_play(plugin_license_status="pending_payment"), "plugin_license", "pay"),
    ],
)
def test_check_refuses_bad_domains_naming_the_property(
    stack: Stack, inputs: dict[str, Any], prop: str, needle: str
) -> None:
    failures = provider(stack).check({}, inputs).failures
    assert any(f.property == prop and needle in f.reason.lower() + needle for f in failures), failures
    assert any(needle.lower() in f.reason.lower() for f in failures if f.property == prop), failures


def test_check_refuses_renaming_a_mini_program_play_domain(stack: Stack) -> None:
    failures = provider(stack).check(mp_play(), mp_play(domain_name="mp-play2.example.com")).failures
    assert [f.property for f in failures] == ["domain_name"]
    assert "retain_on_delete" in failures[0].reason


def test_check_with_unknown_licence_status_passes_in_preview(stack: Stack) -> None:
    assert provider(stack).check({}, mp_play(plugin_license_status=Unknown())).failures == []


def test_create_uses_two_calls_and_reports_the_cname_target(stack: Stack) -> None:
    created = provider(stack).create(domain())
    assert created.id == "play.example.com"
    assert created.outs["cname_target"] == "play.example.com.tlivecdn.com"
    assert "cname_status" not in created.outs  # observed CNAME status is the CnameRecord's (no false drift)
    assert created.outs["enabled"] is True
    assert created.outs["play_region"] == "mainland"
    assert stack.calls() == {"AddLiveDomain": 1, "DescribeLiveDomain": 1}


def test_mini_program_play_domain_is_not_added_while_the_declared_licence_is_not_available(stack: Stack) -> None:
    available_licence(stack)  # the account holds one: the declaration alone stops the add
    declared = mp_play(plugin_license_status=None, plugin_license_console_status="pending_review")
    with pytest.raises(RuleViolation, match="was not added: The plugin licence is 'pending_review'") as err:
        provider(stack).create(declared)
    assert "console_status" in str(err.value)
    assert "AddLiveDomain" not in stack.calls()


def test_an_undeclared_licence_is_judged_by_add_live_domain_as_on_tencent_cloud(stack: Stack) -> None:
    undeclared = mp_play(plugin_license_status="undeclared")
    with pytest.raises(TencentCloudApiError, match=r"InvalidParameter\.MpPluginNoUse") as err:
        provider(stack).create(undeclared)
    assert "console_status" in str(err.value)
    assert provider(stack).read("mp-play.example.com", undeclared).id == ""
    available_licence(stack)
    assert provider(stack).create(undeclared).id == "mp-play.example.com"


@pytest.mark.parametrize("endpoint", ["https://live.internal.tencentcloudapi.com", "http://127.0.0.1:8080", "embedded"])
def test_preview_judges_r4_from_console_status_whatever_the_endpoint(stack: Stack, endpoint: str) -> None:
    p = LiveDomainProvider()
    stack.configure(p, **{"tclive:endpoint": endpoint})
    failures = p.check({}, mp_play(plugin_license_status=Unknown(), plugin_license_console_status="pending_review"))
    assert [f.property for f in failures.failures] == ["plugin_license"]
    assert "pending_review" in failures.failures[0].reason


def test_mini_program_play_domain_checks_this_months_usage_first(stack: Stack) -> None:
    available_licence(stack)
    stack.console.call(RECORD_TRAFFIC, RecordTrafficRequest(DomainName="mp-play.example.com", Bytes=5_000_000))
    with pytest.raises(RuleViolation, match="allow_used_domain") as refused:
        provider(stack).create(mp_play())
    assert "https://cloud.tencent.com/document/product/1078/34643" in str(refused.value)  # the prices page
    created = provider(stack).create(mp_play(allow_used_domain=True))
    assert created.outs["scene"] == "mini_program"


def test_unused_mini_program_play_domain_is_created_with_one_usage_query(stack: Stack) -> None:
    available_licence(stack)
    before = stack.calls()
    provider(stack).create(mp_play())
    after = stack.calls()
    added = {k: after.get(k, 0) - before.get(k, 0) for k in after}
    assert {k: v for k, v in added.items() if v} == {
        "DescribeLiveDomain": 1,
        "DescribeBillBandwidthAndFluxList": 1,  # R7
        "AddLiveDomain": 1,
    }


def test_disabled_domain_is_forbidden_after_add(stack: Stack) -> None:
    created = provider(stack).create(domain(enabled=False))
    assert created.outs["enabled"] is False
    info = stack.console.call(DESCRIBE_LIVE_DOMAIN, DescribeLiveDomainRequest(DomainName="play.example.com"))
    assert info.DomainInfo is not None and info.DomainInfo.Status == 0


def test_existing_domain_is_an_error_unless_adopted(stack: Stack) -> None:
    stack.console.call(ADD_LIVE_DOMAIN, AddLiveDomainRequest(DomainName="play.example.com", DomainType=1))
    with pytest.raises(RuleViolation, match="adopt_existing=True"):
        provider(stack).create(domain())
    adopted = provider(stack).create(domain(adopt_existing=True, play_region="global"))
    assert adopted.outs["adopted"] is True
    assert adopted.outs["play_region"] == "global"


def test_adopting_a_domain_of_another_kind_fails_clearly(stack: Stack) -> None:
    stack.console.call(ADD_LIVE_DOMAIN, AddLiveDomainRequest(DomainName="play.example.com", DomainType=0))
    with pytest.raises(RuleViolation, match="domain_type is 'push' there"):
        provider(stack).create(domain(adopt_existing=True))


def test_a_dropped_answer_is_retried_and_adopted_not_duplicated(stack: Stack) -> None:
    # The first AddLiveDomain is committed but its answer is lost; the client's retry meets the domain.
    fault = FaultRule(Action="AddLiveDomain", DropResponseRate=1.0, Times=1)
    stack.console.call(SET_FAULTS, SetFaultsRequest(Faults=[fault]))
    created = provider(stack).create(domain())
    assert created.outs["adopted"] is True
    assert stack.calls()["AddLiveDomain"] == 2
    assert stack.calls()["DescribeLiveDomain"] == 1


def test_read_reports_out_of_band_changes_and_deletion(stack: Stack) -> None:
    p = provider(stack)
    outs = p.create(domain()).outs
    stack.console.call(FORBID_LIVE_DOMAIN, ForbidLiveDomainRequest(DomainName="play.example.com"))
    drifted = p.read("play.example.com", outs)
    assert drifted.outs["enabled"] is False
    assert drifted.inputs is not None and drifted.inputs["enabled"] is False
    stack.console.call(DELETE_LIVE_DOMAIN, DeleteLiveDomainRequest(DomainName="play.example.com", DomainType=1))
    assert p.read("play.example.com", outs).id == ""


def test_update_changes_region_and_state_in_place(stack: Stack) -> None:
    p = provider(stack)
    outs = p.create(domain()).outs
    change = p.diff("play.example.com", outs, domain(play_region="global", enabled=False))
    assert change.changes and not change.replaces
    updated = p.update("play.example.com", outs, domain(play_region="global", enabled=False))
    assert updated.outs["play_region"] == "global" and updated.outs["enabled"] is False


def test_identity_changes_replace(stack: Stack) -> None:
    p = provider(stack)
    outs = p.create(domain()).outs
    renamed = p.diff("play.example.com", outs, domain(domain_name="play2.example.com"))
    assert renamed.replaces == ["domain_name"] and not renamed.delete_before_replace
    retyped = p.diff("play.example.com", outs, domain(slow_live=True))
    assert retyped.replaces == ["slow_live"] and retyped.delete_before_replace
    unknown = p.diff("play.example.com", outs, domain(domain_name=Unknown()))
    assert unknown.changes and not unknown.replaces
    assert not p.diff("play.example.com", outs, domain(plugin_license_status="available")).changes


def test_delete_refuses_a_mini_program_play_domain(stack: Stack) -> None:
    available_licence(stack)
    p = provider(stack)
    outs = p.create(mp_play()).outs
    with pytest.raises(RuleViolation, match="retain_on_delete"):
        p.delete("mp-play.example.com", outs)
    assert p.read("mp-play.example.com", outs).id == "mp-play.example.com"


def test_delete_removes_a_standard_domain_and_tolerates_it_being_gone(stack: Stack) -> None:
    p = provider(stack)
    outs = p.create(domain()).outs
    p.delete("play.example.com", outs)
    assert p.read("play.example.com", outs).id == ""
    p.delete("play.example.com", outs)


def test_an_existing_mini_program_play_domain_with_its_cname_is_named_as_existing(stack: Stack) -> None:
    available_licence(stack)
    stack.console.call(CREATE_DOMAIN, CreateDomainRequest(Domain="example.com"))
    first = provider(stack).create(mp_play(cname_dns="dnspod"))
    DnspodBackend(stack.console).ensure(
        "mp-play.example.com", "example.com", first.outs["cname_target"], 600, overwrite=False
    )
    # State lost: its own CNAME must not read as a foreign record; the message says what to do.
    with pytest.raises(RuleViolation, match=r"already exists in this Tencent Cloud account.*adopt_existing=True"):
        provider(stack).create(mp_play(cname_dns="dnspod"))
    adopted = provider(stack).create(mp_play(cname_dns="dnspod", adopt_existing=True))
    assert adopted.outs["adopted"] is True
    assert stack.calls()["AddLiveDomain"] == 1


@pytest.mark.bind
def test_rfc2136_pre_flight_needs_the_primary_to_answer_for_the_zone(
    stack: Stack, bind_server: BindServer, record_name: str
) -> None:
    available_licence(stack)
    p = LiveDomainProvider()
    stack.configure(
        p,
        **{
            "tclive:rfc2136Server": f"127.0.0.1:{bind_server.port}",
            "tclive:rfc2136TsigKeyName": bind_server.key_name,
            "tclive:rfc2136TsigSecret": bind_server.secret,
        },
    )
    with pytest.raises(RuleViolation, match=r"was not added.*serves no zone that contains mp-play\.example\.com"):
        p.create(mp_play(cname_dns="rfc2136"))
    assert "AddLiveDomain" not in stack.calls()
    created = p.create(mp_play(domain_name=record_name, cname_dns="rfc2136"))
    assert created.id == record_name

"""DomainOwnership on DNSPod (the emulator's): verification unblocks AddLiveDomain, nothing extra is published."""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_tclive.cloud.dnspod import (
    CREATE_DOMAIN,
    CREATE_RECORD,
    DEFAULT_LINE,
    DESCRIBE_RECORD_LIST,
    CreateDomainRequest,
    CreateRecordRequest,
    DescribeRecordListRequest,
)
from pulumi_tclive.cloud.live import AUTHENTICATE_DOMAIN_OWNER, AuthenticateDomainOwnerRequest
from pulumi_tclive.emulator.console_api import UPDATE_SETTINGS, UpdateSettingsRequest
from pulumi_tclive.errors import PropagationTimeout, TencentCloudApiError
from pulumi_tclive.resources.domain import LiveDomainProvider
from pulumi_tclive.resources.ownership import DomainOwnershipProvider

from .conftest import Stack


def provider(stack: Stack) -> DomainOwnershipProvider:
    p = DomainOwnershipProvider()
    stack.configure(p)
    return p


def ownership(**overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {"domain_name": "play.example.com", "dns": "dnspod", "ttl": 600.0}
    values.update(overrides)
    return values


def txt_values(stack: Stack, sub: str = "cssauth") -> list[str]:
    request = DescribeRecordListRequest(Domain="example.com", SubDomain=sub, ErrorOnEmpty="no")
    records = stack.console.call(DESCRIBE_RECORD_LIST, request).RecordList
    return sorted(r.Value for r in records if r.Type == "TXT")


def add_live_domain(stack: Stack) -> dict[str, Any]:
    p = LiveDomainProvider()
    stack.configure(p)
    return p.create({"domain_name": "play.example.com", "domain_type": "play"}).outs


@pytest.fixture
def verification_required(stack: Stack) -> Stack:
    stack.console.call(CREATE_DOMAIN, CreateDomainRequest(Domain="example.com"))
    stack.console.call(UPDATE_SETTINGS, UpdateSettingsRequest(RequireDomainOwnerVerification=True))
    return stack


@pytest.mark.parametrize(
    ("inputs", "prop"),
    [
        (ownership(domain_name="not a domain"), "domain_name"),
        (ownership(dns="route53"), "dns"),
        (ownership(ttl=0.0), "ttl"),
        (ownership(txt_host="cssauth.other.com", zone="example.com"), "zone"),
        (ownership(verify_timeout=-1.0), "verify_timeout"),
    ],
)
def test_check_refuses_bad_arguments(stack: Stack, inputs: dict[str, Any], prop: str) -> None:
    failures = provider(stack).check({}, inputs).failures
    assert prop in {f.property for f in failures}, failures


def test_check_normalises_names(stack: Stack) -> None:
    checked = provider(stack).check({}, ownership(domain_name="Play.Example.COM.", dns=None))
    assert checked.failures == []
    assert checked.inputs["domain_name"] == "play.example.com"
    assert checked.inputs["dns"] == "dnspod"


def test_verification_publishes_the_txt_and_unblocks_the_live_domain(verification_required: Stack) -> None:
    stack = verification_required
    with pytest.raises(TencentCloudApiError) as refused:
        add_live_domain(stack)
    assert refused.value.matches("FailedOperation.DomainNeedVerifyOwner")

    created = provider(stack).create(ownership())

    assert created.id == "example.com"
    outs = created.outs
    assert outs["main_domain"] == "example.com"
    assert outs["txt_name"] == "cssauth.example.com"
    assert outs["txt_zone"] == "example.com"
    assert outs["content"].startswith("cssauth_")
    assert outs["verified"] is True and outs["status"] >= 0 and outs["published"] is True
    assert txt_values(stack) == [outs["content"]]
    assert add_live_domain(stack)["domain_name"] == "play.example.com"


def test_an_already_verified_main_domain_publishes_nothing(verification_required: Stack) -> None:
    stack = verification_required
    provider(stack).create(ownership(domain_name="example.com"))
    before = txt_values(stack)

    again = provider(stack).create(ownership(domain_name="push.example.com")).outs

    assert again["verified"] is True and again["published"] is False and again["txt_zone"] == ""
    assert txt_values(stack) == before
    provider(stack).delete("example.com", again)
    assert txt_values(stack) == before


def test_delete_removes_only_its_txt_value_and_verification_stays(verification_required: Stack) -> None:
    stack = verification_required
    stack.console.call(
        CREATE_RECORD,
        CreateRecordRequest(
            Domain="example.com", SubDomain="cssauth", RecordType="TXT", RecordLine=DEFAULT_LINE, Value="keep-me"
        ),
    )
    outs = provider(stack).create(ownership()).outs
    assert txt_values(stack) == sorted(["keep-me", outs["content"]])

    provider(stack).delete(outs["main_domain"], outs)

    assert txt_values(stack) == ["keep-me"]
    refreshed = provider(stack).read(outs["main_domain"], outs)
    assert refreshed.id == "example.com" and refreshed.outs["verified"] is True


def test_ttl_change_republishes_in_place(verification_required: Stack) -> None:
    stack = verification_required
    p = provider(stack)
    outs = p.create(ownership()).outs
    assert p.diff("example.com", outs, ownership(ttl=1200.0)).replaces == []
    assert p.diff("example.com", outs, ownership(txt_host="_cssauth.example.com")).replaces == ["txt_host"]

    updated = p.update("example.com", outs, ownership(ttl=1200.0)).outs

    assert updated["ttl"] == 1200
    request = DescribeRecordListRequest(Domain="example.com", SubDomain="cssauth", ErrorOnEmpty="no")
    records = stack.console.call(DESCRIBE_RECORD_LIST, request).RecordList
    assert [(r.Value, r.TTL) for r in records if r.Type == "TXT"] == [(outs["content"], 1200)]


def test_timeout_says_what_was_published_and_leaves_the_main_domain_unverified(verification_required: Stack) -> None:
    stack = verification_required
    with pytest.raises(PropagationTimeout) as timed_out:
        provider(stack).create(ownership(txt_host="_cssauth.example.com", verify_timeout=1.0))
    message = str(timed_out.value)
    assert "_cssauth.example.com. 600 IN TXT" in message and "txt_host" in message
    assert len(txt_values(stack, "_cssauth")) == 1
    status = stack.console.call(
        AUTHENTICATE_DOMAIN_OWNER, AuthenticateDomainOwnerRequest(DomainName="example.com", VerifyType="dbCheck")
    ).Status
    assert status < 0

"""CnameRecord on DNSPod (the emulator's): zone discovery, clobber safety, cloud verification, drift."""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_tclive.cloud.dnspod import (
    CREATE_DOMAIN,
    CREATE_RECORD,
    DELETE_RECORD,
    MODIFY_RECORD,
    CreateDomainRequest,
    CreateRecordRequest,
    DeleteRecordRequest,
    ModifyRecordRequest,
)
from pulumi_tclive.cloud.live import DESCRIBE_LIVE_DOMAIN, DescribeLiveDomainRequest
from pulumi_tclive.errors import DnsConflictError, DnsError, PropagationTimeout, RuleViolation
from pulumi_tclive.resources.cname import CnameRecordProvider
from pulumi_tclive.resources.domain import LiveDomainProvider

from .conftest import Stack

TARGET = "play.example.com.tlivecdn.com"


def provider(stack: Stack) -> CnameRecordProvider:
    p = CnameRecordProvider()
    stack.configure(p)
    return p


def record(**overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {"name": "play.example.com", "target": TARGET, "dns": "dnspod", "ttl": 600.0}
    values.update(overrides)
    return values


@pytest.fixture
def zone(stack: Stack) -> str:
    stack.console.call(CREATE_DOMAIN, CreateDomainRequest(Domain="example.com"))
    return "example.com"


def live_domain(stack: Stack) -> dict[str, Any]:
    p = LiveDomainProvider()
    stack.configure(p)
    return p.create({"domain_name": "play.example.com", "domain_type": "play"}).outs


@pytest.mark.parametrize(
    ("inputs", "prop"),
    [
        (record(name="example.com", zone="example.com"), "zone"),
        (record(target="192.0.2.1"), "target"),
        (record(target="play.example.com"), "target"),
        (record(ttl=0.0), "ttl"),
        (record(ttl=700000.0), "ttl"),
        (record(dns="route53"), "dns"),
        (record(verify="sometimes"), "verify"),
        (record(name="play.other.com", zone="example.com"), "zone"),
    ],
)
def test_check_refuses_bad_records(stack: Stack, inputs: dict[str, Any], prop: str) -> None:
    failures = provider(stack).check({}, inputs).failures
    assert prop in {f.property for f in failures}, failures


def test_create_finds_the_zone_writes_and_verifies_at_its_nameservers_as_on_tencent_cloud(
    stack: Stack, zone: str
) -> None:
    live_domain(stack)
    created = provider(stack).create(record())
    assert created.id == "play.example.com"
    assert created.outs["zone"] == zone
    # The default is the DNS check on every backend: the emulator's DNSPod nameservers answered it.
    assert created.outs["verify_mode"] == "dns"
    assert created.outs["nameservers"] == ["ns1.emulator.tclive.invalid:53", "ns2.emulator.tclive.invalid:53"]
    assert created.outs["verified"] is True
    assert created.outs["record_id"]
    info = stack.console.call(DESCRIBE_LIVE_DOMAIN, DescribeLiveDomainRequest(DomainName="play.example.com"))
    assert info.DomainInfo is not None and info.DomainInfo.BCName == 1


def test_missing_zone_is_a_clear_error(stack: Stack) -> None:
    with pytest.raises(DnsError, match=r"example\.com"):
        provider(stack).create(record(verify="none"))


def test_an_identical_record_is_adopted(stack: Stack, zone: str) -> None:
    stack.console.call(
        CREATE_RECORD,
        CreateRecordRequest(Domain=zone, SubDomain="play", RecordType="CNAME", RecordLine="默认", Value=TARGET + "."),
    )
    created = provider(stack).create(record(verify="none"))
    assert created.outs["target"] == TARGET


def test_a_different_record_is_refused_unless_overwrite(stack: Stack, zone: str) -> None:
    stack.console.call(
        CREATE_RECORD,
        CreateRecordRequest(Domain=zone, SubDomain="play", RecordType="A", RecordLine="默认", Value="192.0.2.10"),
    )
    with pytest.raises(DnsConflictError, match=r"192\.0\.2\.10|\bA\b"):
        provider(stack).create(record(verify="none"))
    created = provider(stack).create(record(verify="none", overwrite=True))
    assert created.outs["target"] == TARGET


def test_cloud_verification_times_out_with_what_tencent_sees(stack: Stack, zone: str) -> None:
    live_domain(stack)
    p = provider(stack)
    with pytest.raises(PropagationTimeout, match="verify_timeout"):
        p.create(record(target="elsewhere.example.net", verify="cloud", verify_timeout=1.0))


def test_cloud_verification_needs_the_live_domain(stack: Stack, zone: str) -> None:
    with pytest.raises(RuleViolation, match="no live domain"):
        provider(stack).create(record(verify="cloud"))


def test_read_update_delete_follow_the_record(stack: Stack, zone: str) -> None:
    p = provider(stack)
    outs = p.create(record(verify="none")).outs
    record_id = int(outs["record_id"])
    stack.console.call(
        MODIFY_RECORD,
        ModifyRecordRequest(
            Domain=zone,
            RecordId=record_id,
            SubDomain="play",
            RecordType="CNAME",
            RecordLine="默认",
            Value="x.example.net.",
        ),
    )
    drifted = p.read("play.example.com", outs)
    assert drifted.outs["target"] == "x.example.net"
    assert drifted.inputs is not None and drifted.inputs["target"] == "x.example.net"

    change = p.diff("play.example.com", drifted.outs, record(verify="none"))
    assert change.changes and not change.replaces
    updated = p.update("play.example.com", drifted.outs, record(verify="none", ttl=300.0))
    assert updated.outs["target"] == TARGET and updated.outs["ttl"] == 300

    p.delete("play.example.com", updated.outs)
    assert p.read("play.example.com", updated.outs).id == ""


def test_delete_leaves_a_record_someone_else_changed(stack: Stack, zone: str) -> None:
    p = provider(stack)
    outs = p.create(record(verify="none")).outs
    stack.console.call(DELETE_RECORD, DeleteRecordRequest(Domain=zone, RecordId=int(outs["record_id"])))
    stack.console.call(
        CREATE_RECORD,
        CreateRecordRequest(
            Domain=zone, SubDomain="play", RecordType="CNAME", RecordLine="默认", Value="other.example.net."
        ),
    )
    p.delete("play.example.com", outs)
    assert p.read("play.example.com", outs).outs["target"] == "other.example.net"


def test_name_zone_and_backend_changes_replace(stack: Stack, zone: str) -> None:
    p = provider(stack)
    outs = p.create(record(verify="none")).outs
    assert p.diff("x", outs, record(name="live.example.com")).replaces == ["name"]
    assert p.diff("x", outs, record(dns="manual")).replaces == ["dns"]
    assert not p.diff("x", outs, record(verify="none")).changes
    assert not p.diff("x", outs, record(verify="none", zone=None)).changes

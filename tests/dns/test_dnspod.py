"""The DNSPod backend against the emulator: same semantics as RFC 2136 (adopt, conflict, overwrite, guards)."""

from __future__ import annotations

import pytest

from pulumi_tclive.cloud.client import TencentCloudClient
from pulumi_tclive.cloud.dnspod import (
    CREATE_DOMAIN,
    CREATE_RECORD,
    DEFAULT_LINE,
    DELETE_RECORD,
    DESCRIBE_RECORD_LIST,
    MODIFY_RECORD,
    CreateDomainRequest,
    CreateRecordRequest,
    DeleteRecordRequest,
    DescribeRecordListRequest,
    ModifyRecordRequest,
)
from pulumi_tclive.dns import DnspodBackend
from pulumi_tclive.errors import DnsConflictError, DnsError

TARGET = "play.example.com.tlivecdn.com"
OTHER_TARGET = "other.tlivecdn.com"


@pytest.fixture
def client(emulator_client: TencentCloudClient) -> TencentCloudClient:
    for zone in ("example.com", "live.example.com"):
        emulator_client.call(CREATE_DOMAIN, CreateDomainRequest(Domain=zone))
    return emulator_client


@pytest.fixture
def backend(client: TencentCloudClient) -> DnspodBackend:
    return DnspodBackend(client)


def _add(client: TencentCloudClient, sub: str, rtype: str, value: str, ttl: int = 600) -> int:
    request = CreateRecordRequest(
        Domain="example.com", SubDomain=sub, RecordType=rtype, RecordLine=DEFAULT_LINE, Value=value, TTL=ttl
    )
    return client.call(CREATE_RECORD, request).RecordId


def _served(client: TencentCloudClient, sub: str) -> list[tuple[str, str, int]]:
    request = DescribeRecordListRequest(Domain="example.com", SubDomain=sub, ErrorOnEmpty="no")
    return [(r.Type, r.Value.rstrip("."), r.TTL) for r in client.call(DESCRIBE_RECORD_LIST, request).RecordList]


def test_find_zone_picks_the_longest_zone_containing_the_name(backend: DnspodBackend) -> None:
    assert backend.find_zone("Play.Example.com.") == "example.com"
    assert backend.find_zone("a.b.live.example.com") == "live.example.com"
    assert backend.find_zone("example.com") == "example.com"


def test_find_zone_without_a_zone_tells_what_to_do(backend: DnspodBackend) -> None:
    with pytest.raises(DnsError, match=r"no DNSPod zone in this account contains play\.example\.org .*pass zone="):
        backend.find_zone("play.example.org")


def test_create_update_delete(backend: DnspodBackend, client: TencentCloudClient) -> None:
    created = backend.ensure("play.example.com", "example.com", TARGET, 600, overwrite=False)
    assert (created.target, created.ttl, created.other_types) == (TARGET, 600, ())
    assert created.record_id.isdigit()
    assert _served(client, "play") == [("CNAME", TARGET, 600)]

    updated = backend.update(created, OTHER_TARGET, 900)
    assert (updated.target, updated.ttl, updated.record_id) == (OTHER_TARGET, 900, created.record_id)
    assert _served(client, "play") == [("CNAME", OTHER_TARGET, 900)]

    assert backend.delete(updated) is True
    assert _served(client, "play") == []
    assert backend.read("play.example.com", "example.com").target is None
    assert backend.delete(updated) is False


def test_identical_cname_is_adopted_and_its_ttl_fixed(backend: DnspodBackend, client: TencentCloudClient) -> None:
    record_id = _add(client, "play", "CNAME", TARGET.upper() + ".", ttl=1200)

    state = backend.ensure("play.example.com", "example.com", TARGET, 600, overwrite=False)

    assert (state.target, state.ttl, state.record_id) == (TARGET, 600, str(record_id))
    assert _served(client, "play") == [("CNAME", TARGET, 600)]


def test_conflicting_records_are_not_clobbered(backend: DnspodBackend, client: TencentCloudClient) -> None:
    _add(client, "play", "CNAME", OTHER_TARGET)
    _add(client, "shop", "A", "192.0.2.1")

    with pytest.raises(DnsConflictError, match=f"CNAME {OTHER_TARGET}.* overwrite=True"):
        backend.ensure("play.example.com", "example.com", TARGET, 600, overwrite=False)
    with pytest.raises(DnsConflictError, match=r"A 192\.0\.2\.1"):
        backend.ensure("shop.example.com", "example.com", TARGET, 600, overwrite=False)

    assert backend.read("shop.example.com", "example.com").other_types == ("A",)
    assert _served(client, "play") == [("CNAME", OTHER_TARGET, 600)]
    assert _served(client, "shop") == [("A", "192.0.2.1", 600)]


def test_overwrite_modifies_a_cname_in_place_and_replaces_other_data(
    backend: DnspodBackend, client: TencentCloudClient
) -> None:
    old_id = _add(client, "play", "CNAME", OTHER_TARGET)
    _add(client, "shop", "A", "192.0.2.1")
    _add(client, "shop", "TXT", "owner=someone")

    replaced = backend.ensure("play.example.com", "example.com", TARGET, 600, overwrite=True)
    shop = backend.ensure("shop.example.com", "example.com", TARGET, 600, overwrite=True)

    assert (replaced.target, replaced.record_id) == (TARGET, str(old_id))
    assert shop.target == TARGET
    assert _served(client, "shop") == [("CNAME", TARGET, 600)]


def test_update_and_delete_are_guarded_by_a_fresh_read(backend: DnspodBackend, client: TencentCloudClient) -> None:
    created = backend.ensure("play.example.com", "example.com", TARGET, 600, overwrite=False)
    client.call(
        MODIFY_RECORD,
        ModifyRecordRequest(
            Domain="example.com",
            RecordId=int(created.record_id),
            SubDomain="play",
            RecordType="CNAME",
            RecordLine=DEFAULT_LINE,
            Value=OTHER_TARGET + ".",
        ),
    )

    assert backend.read("play.example.com", "example.com").target == OTHER_TARGET
    with pytest.raises(DnsConflictError, match=f"expected a CNAME to {TARGET}, found a CNAME to {OTHER_TARGET}"):
        backend.update(created, "third.tlivecdn.com", 600)
    assert backend.delete(created) is False
    assert _served(client, "play") == [("CNAME", OTHER_TARGET, 600)]


def test_out_of_band_delete_reads_as_gone(backend: DnspodBackend, client: TencentCloudClient) -> None:
    created = backend.ensure("play.example.com", "example.com", TARGET, 600, overwrite=False)
    client.call(DELETE_RECORD, DeleteRecordRequest(Domain="example.com", RecordId=int(created.record_id)))

    gone = backend.read("play.example.com", "example.com")

    assert (gone.target, gone.record_id) == (None, "")
    assert backend.delete(created) is False
    with pytest.raises(DnsConflictError, match="found no CNAME"):
        backend.update(created, OTHER_TARGET, 600)


def test_apex_is_refused_and_its_default_ns_records_ignored(backend: DnspodBackend) -> None:
    assert "NS" not in backend.read("example.com", "example.com").other_types
    with pytest.raises(DnsConflictError, match=r"apex of zone example.com"):
        backend.ensure("example.com", "example.com", TARGET, 600, overwrite=True)


def test_idn_names_use_a_labels(backend: DnspodBackend, client: TencentCloudClient) -> None:
    state = backend.ensure("Bücher.example.com", "example.com", TARGET, 600, overwrite=False)

    assert state.fqdn == "xn--bcher-kva.example.com"
    assert _served(client, "xn--bcher-kva") == [("CNAME", TARGET, 600)]


def test_ttl_outside_dnspods_range_is_refused_before_any_call(backend: DnspodBackend) -> None:
    with pytest.raises(DnsError, match="TTL 0 is out of range for DNSPod"):
        backend.ensure("play.example.com", "example.com", TARGET, 0, overwrite=False)


def test_prove_writable_finds_the_zone_and_writes_nothing(backend: DnspodBackend, client: TencentCloudClient) -> None:
    assert backend.prove_writable("play.example.com", None, overwrite=False) == "example.com"
    assert _served(client, "play") == []


def test_prove_writable_without_the_zone_says_so(backend: DnspodBackend) -> None:
    with pytest.raises(DnsError, match=r"no DNSPod zone in this account contains play\.example\.org"):
        backend.prove_writable("play.example.org", None, overwrite=False)
    with pytest.raises(DnsError, match=r"DNSPod zone example\.org does not exist in this account"):
        backend.prove_writable("play.example.org", "example.org", overwrite=False)


def test_prove_writable_refuses_a_foreign_record_unless_overwrite(
    backend: DnspodBackend, client: TencentCloudClient
) -> None:
    _add(client, "play", "CNAME", OTHER_TARGET + ".")
    with pytest.raises(DnsConflictError, match=rf"already holds a CNAME to {OTHER_TARGET} in DNSPod zone example\.com"):
        backend.prove_writable("play.example.com", None, overwrite=False)
    assert backend.prove_writable("play.example.com", None, overwrite=True) == "example.com"
    assert _served(client, "play") == [("CNAME", OTHER_TARGET, 600)]

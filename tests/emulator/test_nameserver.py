"""The emulator's DNSPod nameservers, asked in-process: authoritative answers from the records DNSPod's API wrote."""

from __future__ import annotations

import dns.flags
import dns.message
import dns.rcode
import dns.rdatatype

from pulumi_tclive.cloud.client import TencentCloudClient
from pulumi_tclive.cloud.dnspod import CREATE_RECORD, MODIFY_RECORD, CreateRecordRequest, ModifyRecordRequest
from pulumi_tclive.emulator import Emulator, ensure_zone


def ask(emulator: Emulator, name: str, rdtype: str, *, max_size: int = 65535) -> dns.message.Message:
    query = dns.message.make_query(name, rdtype)
    query.flags &= ~dns.flags.RD
    return dns.message.from_wire(emulator.answer_dns(query.to_wire(), max_size))


def add(client: TencentCloudClient, host: str, rtype: str, value: str) -> int:
    request = CreateRecordRequest(
        Domain="example.com", SubDomain=host, RecordType=rtype, RecordLine="默认", Value=value
    )
    return client.call(CREATE_RECORD, request).RecordId


def test_answers_are_authoritative_and_follow_the_records(
    emulator: Emulator, emulator_client: TencentCloudClient
) -> None:
    ensure_zone(emulator_client, "example.com")
    record = add(emulator_client, "play", "CNAME", "play.example.com.tlivecdn.com")
    add(emulator_client, "deep.under", "TXT", 'say "hi"')

    cname = ask(emulator, "play.example.com", "CNAME")
    assert cname.flags & dns.flags.AA and cname.rcode() == dns.rcode.NOERROR
    assert [r.target.to_text() for r in cname.answer[0]] == ["play.example.com.tlivecdn.com."]
    assert ask(emulator, "play.example.com", "A").answer[0].rdtype == dns.rdatatype.CNAME  # the alias, for any type

    ns = ask(emulator, "example.com", "NS")
    assert sorted(r.target.to_text() for r in ns.answer[0]) == [
        "ns1.emulator.tclive.invalid.",
        "ns2.emulator.tclive.invalid.",
    ]
    assert ask(emulator, "deep.under.example.com", "TXT").answer[0][0].strings == (b'say "hi"',)

    missing = ask(emulator, "nothing.example.com", "CNAME")
    assert missing.rcode() == dns.rcode.NXDOMAIN and missing.flags & dns.flags.AA
    assert missing.authority[0].rdtype == dns.rdatatype.SOA
    assert ask(emulator, "under.example.com", "CNAME").rcode() == dns.rcode.NOERROR  # an empty non-terminal
    assert ask(emulator, "example.org", "CNAME").rcode() == dns.rcode.REFUSED  # not a zone it serves

    paused = ModifyRecordRequest(
        Domain="example.com",
        RecordId=record,
        SubDomain="play",
        RecordType="CNAME",
        RecordLine="默认",
        Value="play.example.com.tlivecdn.com",
        Status="DISABLE",
    )
    emulator_client.call(MODIFY_RECORD, paused)
    assert ask(emulator, "play.example.com", "CNAME").rcode() == dns.rcode.NXDOMAIN  # a paused record is not served


def test_an_answer_too_big_for_udp_is_truncated(emulator: Emulator, emulator_client: TencentCloudClient) -> None:
    ensure_zone(emulator_client, "example.com")
    for i in range(12):
        add(emulator_client, "big", "TXT", f"{i:02d}" + "x" * 60)
    truncated = ask(emulator, "big.example.com", "TXT", max_size=512)
    assert truncated.flags & dns.flags.TC and not truncated.answer
    assert len(ask(emulator, "big.example.com", "TXT").answer[0]) == 12

"""DNSPod zones and records (docs/design.md#dnspod-records), including CNAME conflict rules."""

from __future__ import annotations

from pulumi_tclive.cloud.dnspod import (
    CREATE_DOMAIN,
    CREATE_RECORD,
    DEFAULT_LINE,
    DELETE_RECORD,
    DESCRIBE_DOMAIN,
    DESCRIBE_DOMAIN_LIST,
    DESCRIBE_RECORD,
    DESCRIBE_RECORD_LIST,
    MODIFY_RECORD,
    TagItem,
    TagItemFilter,
)
from tests.emulator.helpers import Api


def record(api: Api, rtype: str, value: str, sub: str = "live", **extra: object) -> int:
    answer = api.call(
        CREATE_RECORD,
        Domain="example.com",
        SubDomain=sub,
        RecordType=rtype,
        RecordLine=DEFAULT_LINE,
        Value=value,
        **extra,
    )
    record_id: int = answer.RecordId
    return record_id


def test_zones(api: Api) -> None:
    created = api.call(CREATE_DOMAIN, Domain="example.com").DomainInfo
    assert created.Domain == "example.com" and created.Punycode == "example.com"
    assert created.GradeNsList == ["ns1.emulator.tclive.invalid", "ns2.emulator.tclive.invalid"]
    assert api.error(CREATE_DOMAIN, Domain="example.com").code == "FailedOperation.DomainExists"
    idn = api.call(CREATE_DOMAIN, Domain="例子.cn").DomainInfo
    assert idn.Punycode == "xn--fsqu00a.cn"
    api.call(CREATE_DOMAIN, Domain="example.org")
    listed = api.call(DESCRIBE_DOMAIN_LIST, Keyword="example", Limit=1, Offset=1)
    assert listed.DomainCountInfo.DomainTotal == 2 and listed.DomainCountInfo.AllTotal == 3
    assert [d.Name for d in listed.DomainList] == ["example.org"]
    assert api.error(CREATE_DOMAIN, Domain="not a domain").code == "InvalidParameter.DomainInvalid"


def test_domain_list_defaults_to_3000_and_filters_by_tags_type_and_group(api: Api) -> None:
    for index in range(25):
        tags = [TagItem(TagKey="team", TagValue="live" if index % 2 else "web")]
        api.call(CREATE_DOMAIN, Domain=f"zone{index:02}.example", Tags=tags)
    listed = api.call(DESCRIBE_DOMAIN_LIST)
    assert len(listed.DomainList) == 25  # not the first 20: Limit defaults to 3000
    first = listed.DomainList[0]
    assert (first.Grade, first.GroupId, first.IsVip, first.TagList) == (
        "DP_Free",
        1,
        "NO",
        [TagItem(TagKey="team", TagValue="web")],
    )
    live = api.call(DESCRIBE_DOMAIN_LIST, Tags=[TagItemFilter(TagKey="team", TagValue=["live"])])
    assert len(live.DomainList) == 12 and live.DomainCountInfo.DomainTotal == 12
    assert live.DomainCountInfo.AllTotal == 25
    assert len(api.call(DESCRIBE_DOMAIN_LIST, Tags=[TagItemFilter(TagKey="team")]).DomainList) == 25
    assert api.call(DESCRIBE_DOMAIN_LIST, Tags=[TagItemFilter(TagKey="owner")]).DomainList == []
    assert api.call(DESCRIBE_DOMAIN_LIST, Type="VIP").DomainList == []
    assert len(api.call(DESCRIBE_DOMAIN_LIST, Type="MINE").DomainList) == 25
    assert api.call(DESCRIBE_DOMAIN_LIST, GroupId=2).DomainList == []


def test_describe_domain_by_name_or_id(api: Api) -> None:
    created = api.call(CREATE_DOMAIN, Domain="example.com").DomainInfo
    api.call(CREATE_DOMAIN, Domain="live.example.com")
    info = api.call(DESCRIBE_DOMAIN, Domain="example.com").DomainInfo
    assert (info.DomainId, info.Domain, info.RecordCount, info.IsSubDomain) == (created.Id, "example.com", 2, False)
    assert info.DnspodNsList == ["ns1.emulator.tclive.invalid", "ns2.emulator.tclive.invalid"]
    by_id = api.call(DESCRIBE_DOMAIN, Domain="ignored.example", DomainId=created.Id).DomainInfo
    assert by_id == info
    assert api.call(DESCRIBE_DOMAIN, Domain="live.example.com").DomainInfo.IsSubDomain is True
    missing = api.error(DESCRIBE_DOMAIN, Domain="missing.example")
    assert missing.code == "InvalidParameterValue.DomainNotExists"


def test_record_lifecycle(api: Api) -> None:
    api.call(CREATE_DOMAIN, Domain="example.com")
    record_id = record(api, "CNAME", "Live.Example.com.TLIVECDN.com")
    info = api.call(DESCRIBE_RECORD, Domain="example.com", RecordId=record_id).RecordInfo
    assert (info.SubDomain, info.Value, info.TTL, info.RecordLine, info.Enabled) == (
        "live",
        "live.example.com.tlivecdn.com.",
        600,
        DEFAULT_LINE,
        1,
    )
    api.call(
        MODIFY_RECORD,
        Domain="example.com",
        RecordId=record_id,
        SubDomain="live",
        RecordType="CNAME",
        RecordLine=DEFAULT_LINE,
        Value="other.example.net",
        TTL=300,
    )
    info = api.call(DESCRIBE_RECORD, Domain="example.com", RecordId=record_id).RecordInfo
    assert (info.Value, info.TTL) == ("other.example.net.", 300)
    api.call(DELETE_RECORD, Domain="example.com", RecordId=record_id)
    for action in (DESCRIBE_RECORD, DELETE_RECORD):
        assert api.error(action, Domain="example.com", RecordId=record_id).code == "InvalidParameter.RecordIdInvalid"
    modify = api.error(
        MODIFY_RECORD, Domain="example.com", RecordId=999, RecordType="A", RecordLine=DEFAULT_LINE, Value="1.2.3.4"
    )
    assert modify.code == "InvalidParameter.RecordIdInvalid"


def test_record_defaults_and_zone_errors(api: Api) -> None:
    missing = api.error(CREATE_RECORD, Domain="nope.com", RecordType="A", RecordLine=DEFAULT_LINE, Value="1.2.3.4")
    assert missing.code == "InvalidParameterValue.DomainNotExists"
    zone_id = api.call(CREATE_DOMAIN, Domain="example.com").DomainInfo.Id
    apex = api.call(
        CREATE_RECORD,
        Domain="ignored.com",
        DomainId=zone_id,
        RecordType="A",
        RecordLine=DEFAULT_LINE,
        Value="192.0.2.1",
    )
    info = api.call(DESCRIBE_RECORD, Domain="example.com", RecordId=apex.RecordId).RecordInfo
    assert (info.SubDomain, info.TTL) == ("@", 600)
    assert api.error(
        CREATE_RECORD, Domain="example.com", RecordType="A", RecordLine=DEFAULT_LINE, Value="nope"
    ).code == ("InvalidParameter.RecordValueInvalid")
    assert api.error(
        CREATE_RECORD, Domain="example.com", RecordType="XYZ", RecordLine=DEFAULT_LINE, Value="x"
    ).code == ("InvalidParameter.RecordTypeInvalid")


def test_identical_record_exists(api: Api) -> None:
    api.call(CREATE_DOMAIN, Domain="example.com")
    record(api, "CNAME", "target.example.net.")
    assert api.error(
        CREATE_RECORD,
        Domain="example.com",
        SubDomain="live",
        RecordType="CNAME",
        RecordLine=DEFAULT_LINE,
        Value="TARGET.example.net",
    ).code == ("InvalidParameter.DomainRecordExist")


def test_cname_conflicts(api: Api) -> None:
    api.call(CREATE_DOMAIN, Domain="example.com")
    record(api, "A", "192.0.2.1")
    cname = api.error(
        CREATE_RECORD,
        Domain="example.com",
        SubDomain="live",
        RecordType="CNAME",
        RecordLine=DEFAULT_LINE,
        Value="t.example.net",
    )
    assert cname.code == "InvalidParameter.CustomMessage" and "A 192.0.2.1" in cname.message
    record(api, "CNAME", "t.example.net", sub="play")
    txt = api.error(
        CREATE_RECORD, Domain="example.com", SubDomain="play", RecordType="TXT", RecordLine=DEFAULT_LINE, Value="hello"
    )
    assert txt.code == "InvalidParameter.CustomMessage" and "CNAME t.example.net." in txt.message
    second = api.error(
        CREATE_RECORD,
        Domain="example.com",
        SubDomain="play",
        RecordType="CNAME",
        RecordLine=DEFAULT_LINE,
        Value="u.example.net",
    )
    assert second.code == "InvalidParameter.CustomMessage"
    apex = api.error(
        CREATE_RECORD, Domain="example.com", RecordType="CNAME", RecordLine=DEFAULT_LINE, Value="t.example.net"
    )
    assert apex.code == "InvalidParameter.CustomMessage" and "apex" in apex.message
    record(api, "TXT", "on another line", sub="play", RecordLineId="10=1")


def test_record_list_filters_and_default_ns(api: Api) -> None:
    api.call(CREATE_DOMAIN, Domain="example.com")
    record(api, "CNAME", "live.example.com.tlivecdn.com")
    record(api, "TXT", "v=hello", sub="txt")
    record(api, "A", "192.0.2.1", sub="www", Status="DISABLE")
    listed = api.call(DESCRIBE_RECORD_LIST, Domain="example.com")
    assert listed.RecordCountInfo.TotalCount == 5
    assert [r.DefaultNS for r in listed.RecordList] == [True, True, False, False, False]  # never null
    ns = [r for r in listed.RecordList if r.DefaultNS]
    assert [(r.Name, r.Type, r.Value) for r in ns] == [
        ("@", "NS", "ns1.emulator.tclive.invalid."),
        ("@", "NS", "ns2.emulator.tclive.invalid."),
    ]
    by_sub = api.call(DESCRIBE_RECORD_LIST, Domain="example.com", Subdomain="txt", SubDomain="live")
    assert [r.Name for r in by_sub.RecordList] == ["live"]
    assert [r.Status for r in api.call(DESCRIBE_RECORD_LIST, Domain="example.com", RecordType="A").RecordList] == [
        "DISABLE"
    ]
    assert [r.Name for r in api.call(DESCRIBE_RECORD_LIST, Domain="example.com", Keyword="hello").RecordList] == ["txt"]
    page = api.call(DESCRIBE_RECORD_LIST, Domain="example.com", Offset=1, Limit=2)
    assert page.RecordCountInfo.ListCount == 2 and page.RecordCountInfo.TotalCount == 5
    assert api.call(DESCRIBE_RECORD_LIST, Domain="example.com", RecordLine=DEFAULT_LINE).RecordCountInfo.TotalCount == 5
    empty = api.error(DESCRIBE_RECORD_LIST, Domain="example.com", SubDomain="nothing")
    assert empty.code == "ResourceNotFound.NoDataOfRecord"
    assert api.call(DESCRIBE_RECORD_LIST, Domain="example.com", SubDomain="nothing", ErrorOnEmpty="no").RecordList == []


def test_default_ns_records_cannot_be_deleted(api: Api) -> None:
    api.call(CREATE_DOMAIN, Domain="example.com")
    ns = api.call(DESCRIBE_RECORD_LIST, Domain="example.com").RecordList[0]
    assert api.error(DELETE_RECORD, Domain="example.com", RecordId=ns.RecordId).code == "InvalidParameter.CustomMessage"

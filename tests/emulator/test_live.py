"""Live domain actions: the state model and every error code of docs/design.md#live-domain-actions and the licence console."""

from __future__ import annotations

from pulumi_tclive.cloud.dnspod import CREATE_DOMAIN, CREATE_RECORD, DEFAULT_LINE, MODIFY_RECORD
from pulumi_tclive.cloud.live import (
    ADD_LIVE_DOMAIN,
    AUTHENTICATE_DOMAIN_OWNER,
    DELETE_LIVE_DOMAIN,
    DESCRIBE_BILL_BANDWIDTH_AND_FLUX_LIST,
    DESCRIBE_LIVE_DOMAIN,
    DESCRIBE_LIVE_DOMAINS,
    ENABLE_LIVE_DOMAIN,
    FORBID_LIVE_DOMAIN,
    MODIFY_LIVE_PLAY_DOMAIN,
)
from pulumi_tclive.emulator.console_api import (
    EXPIRE_PLUGIN_LICENSE,
    RECORD_TRAFFIC,
    SET_CLOCK,
    SUBMIT_PLUGIN_LICENSE,
    UPDATE_SETTINGS,
)
from tests.emulator.helpers import Api

APP_ID = "wx0123456789abcdef"


def license_available(api: Api) -> None:
    api.call(UPDATE_SETTINGS, AutoApprovePluginLicenses=True)
    api.call(
        SUBMIT_PLUGIN_LICENSE,
        MiniProgramAppId=APP_ID,
        MiniProgramName="Acme Shop",
        SubjectType="enterprise",
        Scene="ecommerce",
        ServiceCategories=["电商平台"],
    )
    # Auto-approval also holds a licence for every mini-program: off again, so only the one submitted counts.
    api.call(UPDATE_SETTINGS, AutoApprovePluginLicenses=False)


def test_auto_approval_holds_an_available_licence_for_every_mini_program(api: Api) -> None:
    api.call(UPDATE_SETTINGS, AutoApprovePluginLicenses=True)
    api.call(ADD_LIVE_DOMAIN, DomainName="mp.example.com", DomainType=1, IsMiniProgramLive=1)
    assert api.call(DESCRIBE_LIVE_DOMAIN, DomainName="mp.example.com").DomainInfo.IsMiniProgramLive == 1
    api.call(UPDATE_SETTINGS, AutoApprovePluginLicenses=False)
    error = api.error(ADD_LIVE_DOMAIN, DomainName="mp2.example.com", DomainType=1, IsMiniProgramLive=1)
    assert error.code == "InvalidParameter.MpPluginNoUse"


def test_new_domains_start_enabled_with_target_and_defaults(api: Api) -> None:
    api.call(SET_CLOCK, Time="2026-03-01T01:02:03Z")
    api.call(ADD_LIVE_DOMAIN, DomainName="play.example.com", DomainType=1)
    api.call(ADD_LIVE_DOMAIN, DomainName="push.example.com", DomainType=0)
    play = api.call(DESCRIBE_LIVE_DOMAIN, DomainName="play.example.com").DomainInfo
    push = api.call(DESCRIBE_LIVE_DOMAIN, DomainName="push.example.com").DomainInfo
    assert (play.Status, play.PlayType, play.TargetDomain) == (1, 1, "play.example.com.tlivecdn.com")
    assert (push.Status, push.PlayType, push.TargetDomain) == (1, 0, "push.example.com.tlivepush.com")
    assert play.CreateTime == "2026-03-01 09:02:03"  # Beijing time
    assert (play.BCName, play.CurrentCName) == (0, "")


def test_cname_in_dnspod_drives_bcname_and_current_cname(api: Api) -> None:
    api.call(ADD_LIVE_DOMAIN, DomainName="live.play.example.com", DomainType=1)
    api.call(CREATE_DOMAIN, Domain="example.com")
    record = api.call(
        CREATE_RECORD,
        Domain="example.com",
        SubDomain="live.play",
        RecordType="CNAME",
        RecordLine=DEFAULT_LINE,
        Value="elsewhere.example.net",
    ).RecordId
    info = api.call(DESCRIBE_LIVE_DOMAIN, DomainName="live.play.example.com").DomainInfo
    assert (info.BCName, info.CurrentCName) == (0, "elsewhere.example.net.")
    api.call(
        MODIFY_RECORD,
        Domain="example.com",
        RecordId=record,
        SubDomain="live.play",
        RecordType="CNAME",
        RecordLine=DEFAULT_LINE,
        Value="LIVE.play.example.com.TLIVECDN.com.",
    )
    info = api.call(DESCRIBE_LIVE_DOMAINS).DomainList[0]
    assert info.BCName == 1 and info.CurrentCName.lower() == "live.play.example.com.tlivecdn.com."


def test_duplicate_of_either_type_is_domain_added(api: Api) -> None:
    api.call(ADD_LIVE_DOMAIN, DomainName="a.example.com", DomainType=0)
    assert api.error(ADD_LIVE_DOMAIN, DomainName="a.example.com", DomainType=1).code == "FailedOperation.DomainAdded"


def test_domain_limit_is_host_out_limit_and_reported(api: Api) -> None:
    api.call(UPDATE_SETTINGS, DomainLimit=2)
    api.call(ADD_LIVE_DOMAIN, DomainName="a.example.com", DomainType=0)
    assert api.call(DESCRIBE_LIVE_DOMAINS).CreateLimitCount == 1
    api.call(ADD_LIVE_DOMAIN, DomainName="b.example.com", DomainType=0)
    assert api.error(ADD_LIVE_DOMAIN, DomainName="c.example.com", DomainType=0).code == "FailedOperation.HostOutLimit"


def test_malformed_names(api: Api) -> None:
    for bad in ("example", "bad_label.example.com", "-a.example.com", "a..example.com", "Play.Example.com"):
        assert api.error(ADD_LIVE_DOMAIN, DomainName=bad, DomainType=1).code == "InvalidParameter.DomainFormatError"
    too_long = ("a" * 64) + ".example.com"
    assert api.error(ADD_LIVE_DOMAIN, DomainName=too_long, DomainType=1).code == "InvalidParameter.DomainTooLong"
    very_long = ".".join(["abcdefghij"] * 24) + ".com"
    assert api.error(ADD_LIVE_DOMAIN, DomainName=very_long, DomainType=1).code == "InvalidParameter.DomainTooLong"
    chinese = api.error(ADD_LIVE_DOMAIN, DomainName="直播.example.com", DomainType=1)
    assert chinese.code == "InternalError.ChineseCharacterDetected"


def test_mini_program_domains_need_an_available_license(api: Api) -> None:
    error = api.error(ADD_LIVE_DOMAIN, DomainName="mp.example.com", DomainType=1, IsMiniProgramLive=1)
    assert error.code == "InvalidParameter.MpPluginNoUse"
    license_available(api)
    api.call(ADD_LIVE_DOMAIN, DomainName="mp.example.com", DomainType=1, IsMiniProgramLive=1)
    assert api.call(DESCRIBE_LIVE_DOMAIN, DomainName="mp.example.com").DomainInfo.IsMiniProgramLive == 1
    api.call(EXPIRE_PLUGIN_LICENSE, MiniProgramAppId=APP_ID)
    error = api.error(ADD_LIVE_DOMAIN, DomainName="mp2.example.com", DomainType=0, IsMiniProgramLive=1)
    assert error.code == "InvalidParameter.MpPluginNoUse"


def test_license_past_its_expiry_no_longer_counts(api: Api) -> None:
    api.call(SET_CLOCK, Time="2026-01-15T00:00:00Z")
    license_available(api)
    api.call(SET_CLOCK, Time="2027-02-01T00:00:00Z")
    error = api.error(ADD_LIVE_DOMAIN, DomainName="mp.example.com", DomainType=1, IsMiniProgramLive=1)
    assert error.code == "InvalidParameter.MpPluginNoUse"


def test_mini_program_play_domain_cannot_be_deleted(api: Api) -> None:
    license_available(api)
    api.call(ADD_LIVE_DOMAIN, DomainName="mp.example.com", DomainType=1, IsMiniProgramLive=1)
    error = api.error(DELETE_LIVE_DOMAIN, DomainName="mp.example.com", DomainType=1)
    assert error.code == "FailedOperation" and "not supported" in error.message
    assert api.call(DESCRIBE_LIVE_DOMAINS).AllCount == 1


def test_deleted_mini_program_domain_cannot_return_the_same_month(api: Api) -> None:
    api.call(SET_CLOCK, Time="2026-04-30T15:00:00Z")  # 23:00 on April 30 in Beijing
    license_available(api)
    api.call(ADD_LIVE_DOMAIN, DomainName="mp-push.example.com", DomainType=0, IsMiniProgramLive=1)
    api.call(DELETE_LIVE_DOMAIN, DomainName="mp-push.example.com", DomainType=0)
    error = api.error(ADD_LIVE_DOMAIN, DomainName="mp-push.example.com", DomainType=0, IsMiniProgramLive=1)
    assert error.code == "InvalidParameter.MpHostDelete"
    api.call(SET_CLOCK, Time="2026-04-30T16:00:00Z")  # May 1 in Beijing
    api.call(ADD_LIVE_DOMAIN, DomainName="mp-push.example.com", DomainType=0, IsMiniProgramLive=1)


def test_delete_requires_matching_type_and_no_recent_traffic(api: Api) -> None:
    api.call(SET_CLOCK, Time="2026-05-10T00:00:00Z")
    api.call(ADD_LIVE_DOMAIN, DomainName="play.example.com", DomainType=1)
    assert api.error(DELETE_LIVE_DOMAIN, DomainName="play.example.com", DomainType=0).code == (
        "ResourceNotFound.DomainNotExist"
    )
    assert api.error(DELETE_LIVE_DOMAIN, DomainName="nope.example.com", DomainType=1).code == (
        "ResourceNotFound.DomainNotExist"
    )
    api.call(RECORD_TRAFFIC, DomainName="play.example.com", Bytes=1000, Time="2026-05-09T01:00:00Z")
    locked = api.error(DELETE_LIVE_DOMAIN, DomainName="play.example.com", DomainType=1)
    assert locked.code == "FailedOperation.DeleteDomainInLockedTime"
    api.call(SET_CLOCK, Time="2026-05-11T01:00:01Z")
    api.call(DELETE_LIVE_DOMAIN, DomainName="play.example.com", DomainType=1)
    assert api.error(DESCRIBE_LIVE_DOMAIN, DomainName="play.example.com").code == "ResourceNotFound.DomainNotExist"


def test_enable_forbid_are_idempotent(api: Api) -> None:
    api.call(ADD_LIVE_DOMAIN, DomainName="play.example.com", DomainType=1)
    api.call(ENABLE_LIVE_DOMAIN, DomainName="play.example.com")
    api.call(FORBID_LIVE_DOMAIN, DomainName="play.example.com")
    api.call(FORBID_LIVE_DOMAIN, DomainName="play.example.com")
    assert api.call(DESCRIBE_LIVE_DOMAIN, DomainName="play.example.com").DomainInfo.Status == 0
    api.call(ENABLE_LIVE_DOMAIN, DomainName="play.example.com")
    assert api.call(DESCRIBE_LIVE_DOMAIN, DomainName="play.example.com").DomainInfo.Status == 1
    assert api.error(ENABLE_LIVE_DOMAIN, DomainName="x.example.com").code == "ResourceNotFound.DomainNotExist"


def test_modify_play_type(api: Api) -> None:
    api.call(ADD_LIVE_DOMAIN, DomainName="play.example.com", DomainType=1)
    api.call(ADD_LIVE_DOMAIN, DomainName="push.example.com", DomainType=0)
    api.call(MODIFY_LIVE_PLAY_DOMAIN, DomainName="play.example.com", PlayType=3)
    assert api.call(DESCRIBE_LIVE_DOMAIN, DomainName="play.example.com").DomainInfo.PlayType == 3
    assert api.error(MODIFY_LIVE_PLAY_DOMAIN, DomainName="push.example.com", PlayType=2).code == "InvalidParameterValue"
    missing = api.error(MODIFY_LIVE_PLAY_DOMAIN, DomainName="x.example.com", PlayType=2)
    assert missing.code == "ResourceNotFound.DomainNotExist"


def test_describe_live_domains_filters_and_pages(api: Api) -> None:
    for i in range(12):
        api.call(ADD_LIVE_DOMAIN, DomainName=f"p{i:02d}.example.com", DomainType=1, PlayType=1 + i % 3)
    api.call(ADD_LIVE_DOMAIN, DomainName="push.example.com", DomainType=0)
    api.call(ADD_LIVE_DOMAIN, DomainName="slow.example.com", DomainType=1, IsDelayLive=1)
    api.call(FORBID_LIVE_DOMAIN, DomainName="p00.example.com")
    first = api.call(DESCRIBE_LIVE_DOMAINS)
    assert first.AllCount == 13 and len(first.DomainList) == 10  # slow live hidden by the IsDelayLive=0 default
    second = api.call(DESCRIBE_LIVE_DOMAINS, PageNum=2)
    names = {d.Name for d in first.DomainList} | {d.Name for d in second.DomainList}
    assert len(names) == 13 and "slow.example.com" not in names
    assert [d.Name for d in api.call(DESCRIBE_LIVE_DOMAINS, IsDelayLive=1).DomainList] == ["slow.example.com"]
    assert api.call(DESCRIBE_LIVE_DOMAINS, DomainType=0).AllCount == 1
    assert api.call(DESCRIBE_LIVE_DOMAINS, DomainStatus=0).DomainList[0].Name == "p00.example.com"
    assert api.call(DESCRIBE_LIVE_DOMAINS, DomainPrefix="p1").AllCount == 2
    assert api.call(DESCRIBE_LIVE_DOMAINS, DomainType=1, PlayType=2).AllCount == 4
    assert first.PlayTypeCount == [4, 4, 4]  # enabled play domains per region: p00 forbidden, slow one counted
    assert first.CreateLimitCount == 100 - 14


def test_domain_owner_verification(api: Api) -> None:
    api.call(UPDATE_SETTINGS, RequireDomainOwnerVerification=True)
    first = api.call(AUTHENTICATE_DOMAIN_OWNER, DomainName="live.shop.example.com.cn", VerifyType="dnsCheck")
    assert first.MainDomain == "example.com.cn" and first.Status == -1
    assert first.Content.startswith("cssauth_") and len(first.Content) == len("cssauth_") + 32
    error = api.error(ADD_LIVE_DOMAIN, DomainName="live.shop.example.com.cn", DomainType=1)
    assert error.code == "FailedOperation.DomainNeedVerifyOwner" and first.Content in error.message
    assert api.call(AUTHENTICATE_DOMAIN_OWNER, DomainName="example.com.cn", VerifyType="dbCheck").Status == -1
    api.call(CREATE_DOMAIN, Domain="example.com.cn")
    api.call(
        CREATE_RECORD,
        Domain="example.com.cn",
        SubDomain="cssauth",
        RecordType="TXT",
        RecordLine=DEFAULT_LINE,
        Value=first.Content,
    )
    assert api.call(AUTHENTICATE_DOMAIN_OWNER, DomainName="example.com.cn", VerifyType="fileCheck").Status == -1
    checked = api.call(AUTHENTICATE_DOMAIN_OWNER, DomainName="play.example.com.cn", VerifyType="dnsCheck")
    assert (checked.Status, checked.Content) == (0, first.Content)
    assert api.call(AUTHENTICATE_DOMAIN_OWNER, DomainName="x.example.com.cn", VerifyType="dbCheck").Status == 0
    api.call(ADD_LIVE_DOMAIN, DomainName="live.shop.example.com.cn", DomainType=1)
    other = api.call(AUTHENTICATE_DOMAIN_OWNER, DomainName="a.example.org", VerifyType="dbCheck")
    assert other.MainDomain == "example.org" and other.Content != first.Content


def test_bill_sums_traffic_of_the_domains_in_the_window(api: Api) -> None:
    api.call(RECORD_TRAFFIC, DomainName="play.example.com", Bytes=3_000_000, Time="2026-06-01T00:01:00Z")
    api.call(RECORD_TRAFFIC, DomainName="play.example.com", Bytes=1_500_000, Time="2026-06-01T00:07:00Z")
    api.call(RECORD_TRAFFIC, DomainName="other.example.com", Bytes=9_000_000, Time="2026-06-01T00:02:00Z")
    api.call(RECORD_TRAFFIC, DomainName="play.example.com", Bytes=7_000_000, Time="2026-06-02T00:00:00Z")
    bill = api.call(
        DESCRIBE_BILL_BANDWIDTH_AND_FLUX_LIST,
        StartTime="2026-06-01T00:00:00Z",
        EndTime="2026-06-01T00:14:59Z",
        PlayDomains=["play.example.com"],
    )
    assert bill.SumFlux == 4.5
    assert [(p.Time, p.Flux) for p in bill.DataInfoList] == [
        ("2026-06-01T00:00:00Z", 3.0),
        ("2026-06-01T00:05:00Z", 1.5),
        ("2026-06-01T00:10:00Z", 0.0),
    ]
    assert bill.PeakBandwidthTime == "2026-06-01T00:00:00Z" and bill.PeakBandwidth == 0.08
    daily = api.call(
        DESCRIBE_BILL_BANDWIDTH_AND_FLUX_LIST,
        StartTime="2026-06-01 00:00:00",
        EndTime="2026-06-02 23:59:59",
        Granularity=1440,
    )
    assert [(p.Time, p.Flux) for p in daily.DataInfoList] == [
        ("2026-06-01 00:00:00", 13.5),
        ("2026-06-02 00:00:00", 7.0),
    ]
    bad = api.error(DESCRIBE_BILL_BANDWIDTH_AND_FLUX_LIST, StartTime="yesterday", EndTime="2026-06-02 00:00:00")
    assert bad.code == "InvalidParameterValue"


def test_bill_keeps_the_request_time_form_and_refuses_five_minutes_over_a_day(api: Api) -> None:
    api.call(RECORD_TRAFFIC, DomainName="play.example.com", Bytes=2_000_000, Time="2026-06-01T00:01:00Z")
    bill = api.call(
        DESCRIBE_BILL_BANDWIDTH_AND_FLUX_LIST,
        StartTime="2026-06-01T08:00:00+08:00",
        EndTime="2026-06-01T08:09:59+08:00",
    )
    assert [(p.Time, p.Flux) for p in bill.DataInfoList] == [
        ("2026-06-01T08:00:00+08:00", 2.0),
        ("2026-06-01T08:05:00+08:00", 0.0),
    ]
    assert bill.PeakBandwidthTime == "2026-06-01T08:00:00+08:00"
    a_day = {"StartTime": "2026-06-01 00:00:00", "EndTime": "2026-06-02 00:00:00"}
    assert len(api.call(DESCRIBE_BILL_BANDWIDTH_AND_FLUX_LIST, **a_day).DataInfoList) == 289
    longer = api.error(
        DESCRIBE_BILL_BANDWIDTH_AND_FLUX_LIST, StartTime=a_day["StartTime"], EndTime="2026-06-02 00:00:01"
    )
    assert longer.code == "InvalidParameterValue" and "Granularity 60 or 1440" in longer.message
    hourly = api.call(
        DESCRIBE_BILL_BANDWIDTH_AND_FLUX_LIST,
        StartTime=a_day["StartTime"],
        EndTime="2026-06-03 00:00:00",
        Granularity=60,
    )
    assert len(hourly.DataInfoList) == 49

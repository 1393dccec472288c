"""The table of calls made through the official SDK: every served live/DNSPod action, every emulated error code.

To cover a new action, add ``SdkCall`` rows: at least one success and one per error code its
handler raises. ``setup`` arranges the emulator's state through our own client first (``admin``,
in-process on the same state file), including the emulator-only console (licences, traffic,
settings). ``test_sdk_calls.py`` fails, naming what is missing, until every action and code has a row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pulumi_tclive.cloud.client import TencentCloudClient
from pulumi_tclive.cloud.dnspod import (
    CREATE_DOMAIN,
    CREATE_RECORD,
    DESCRIBE_RECORD_LIST,
    CreateDomainRequest,
    CreateRecordRequest,
    DescribeRecordListRequest,
    TagItem,
)
from pulumi_tclive.cloud.live import ADD_LIVE_DOMAIN, DELETE_LIVE_DOMAIN, AddLiveDomainRequest, DeleteLiveDomainRequest
from pulumi_tclive.cloud.processing import (
    ADD_LIVE_WATERMARK,
    CREATE_LIVE_CALLBACK_RULE,
    CREATE_LIVE_CALLBACK_TEMPLATE,
    CREATE_LIVE_RECORD_RULE,
    CREATE_LIVE_RECORD_TEMPLATE,
    CREATE_LIVE_SNAPSHOT_RULE,
    CREATE_LIVE_SNAPSHOT_TEMPLATE,
    CREATE_LIVE_TIME_SHIFT_RULE,
    CREATE_LIVE_TIME_SHIFT_TEMPLATE,
    CREATE_LIVE_TRANSCODE_RULE,
    CREATE_LIVE_TRANSCODE_TEMPLATE,
    CREATE_LIVE_WATERMARK_RULE,
    DESCRIBE_LIVE_CALLBACK_TEMPLATES,
    DESCRIBE_LIVE_RECORD_TEMPLATES,
    DESCRIBE_LIVE_SNAPSHOT_TEMPLATES,
    DESCRIBE_LIVE_TIME_SHIFT_TEMPLATES,
    DESCRIBE_LIVE_TRANSCODE_TEMPLATES,
    DESCRIBE_LIVE_WATERMARKS,
    DescribeLiveCallbackTemplatesRequest,
    DescribeLiveRecordTemplatesRequest,
    DescribeLiveSnapshotTemplatesRequest,
    DescribeLiveTimeShiftTemplatesRequest,
    DescribeLiveTranscodeTemplatesRequest,
    DescribeLiveWatermarksRequest,
)
from pulumi_tclive.cloud.streaming import (
    MODIFY_LIVE_DOMAIN_CERT_BINDINGS,
    MODIFY_LIVE_DOMAIN_REFERER,
    MODIFY_LIVE_PLAY_AUTH_KEY,
    LiveCertDomainInfo,
    ModifyLiveDomainCertBindingsRequest,
    ModifyLiveDomainRefererRequest,
    ModifyLivePlayAuthKeyRequest,
)
from pulumi_tclive.emulator.console_api import (
    RECORD_TRAFFIC,
    SUBMIT_PLUGIN_LICENSE,
    UPDATE_SETTINGS,
    RecordTrafficRequest,
    SubmitPluginLicenseRequest,
    UpdateSettingsRequest,
)
from tests.fixtures.certs import issue, other_key

__all__ = ["LAST_RECORD", "LAST_TEMPLATE", "SDK_CALLS", "SdkCall", "resolve"]

Setup = Callable[[TencentCloudClient], None]

ZONE = "example.com"
PLAY = "play.example.com"
PUSH = "push.example.com"
APP_ID = "wx0123456789abcdef"
LAST_RECORD = "<the id of the zone's newest record>"
"""A ``RecordId`` placeholder: record ids keep counting across Reset, so rows cannot hard-code them."""
LAST_TEMPLATE = "<the id of the newest processing template or watermark>"
"""A ``TemplateId``/``WatermarkId`` placeholder, for the same reason."""


@dataclass(frozen=True)
class SdkCall:
    """One call through the SDK: ``expect`` is the error code, or ``None`` for success (fully populated)."""

    service: str
    action: str
    params: dict[str, Any]
    expect: str | None = None
    setup: tuple[Setup, ...] = field(default=())

    @property
    def id(self) -> str:
        return f"{self.service}.{self.action}-{self.expect or 'ok'}"


def resolve(params: dict[str, Any], admin: TencentCloudClient) -> dict[str, Any]:
    """``params`` with :data:`LAST_RECORD` and :data:`LAST_TEMPLATE` replaced by the ids they stand for."""
    for key in ("TemplateId", "WatermarkId"):
        if params.get(key) == LAST_TEMPLATE:
            params = {**params, key: newest_template_id(admin)}
    if params.get("RecordId") != LAST_RECORD:
        return params
    listed = admin.call(DESCRIBE_RECORD_LIST, DescribeRecordListRequest(Domain=ZONE))
    return {**params, "RecordId": max(record.RecordId for record in listed.RecordList)}


def zone(admin: TencentCloudClient) -> None:
    admin.call(CREATE_DOMAIN, CreateDomainRequest(Domain=ZONE, Tags=[TagItem(TagKey="team", TagValue="live")]))


def cname(admin: TencentCloudClient) -> None:
    admin.call(
        CREATE_RECORD,
        CreateRecordRequest(
            Domain=ZONE, SubDomain="play", RecordType="CNAME", RecordLine="默认", Value=f"{PLAY}.tlivecdn.com"
        ),
    )


def play(admin: TencentCloudClient) -> None:
    admin.call(ADD_LIVE_DOMAIN, AddLiveDomainRequest(DomainName=PLAY, DomainType=1))


def push(admin: TencentCloudClient) -> None:
    admin.call(ADD_LIVE_DOMAIN, AddLiveDomainRequest(DomainName=PUSH, DomainType=0))


def licence(admin: TencentCloudClient) -> None:
    admin.call(UPDATE_SETTINGS, UpdateSettingsRequest(AutoApprovePluginLicenses=True))
    admin.call(
        SUBMIT_PLUGIN_LICENSE,
        SubmitPluginLicenseRequest(
            MiniProgramAppId=APP_ID,
            MiniProgramName="Acme",
            SubjectType="enterprise",
            Scene="ecommerce",
            ServiceCategories=["电商平台"],
        ),
    )


def mini_play(admin: TencentCloudClient) -> None:
    admin.call(ADD_LIVE_DOMAIN, AddLiveDomainRequest(DomainName=PLAY, DomainType=1, IsMiniProgramLive=1))


def mini_push_deleted(admin: TencentCloudClient) -> None:
    admin.call(ADD_LIVE_DOMAIN, AddLiveDomainRequest(DomainName=PUSH, DomainType=0, IsMiniProgramLive=1))
    admin.call(DELETE_LIVE_DOMAIN, DeleteLiveDomainRequest(DomainName=PUSH, DomainType=0))


def traffic(admin: TencentCloudClient) -> None:
    admin.call(RECORD_TRAFFIC, RecordTrafficRequest(DomainName=PLAY, Bytes=3_000_000))


def limit_one(admin: TencentCloudClient) -> None:
    admin.call(UPDATE_SETTINGS, UpdateSettingsRequest(DomainLimit=1))


def owner_verification(admin: TencentCloudClient) -> None:
    admin.call(UPDATE_SETTINGS, UpdateSettingsRequest(RequireDomainOwnerVerification=True))


def www(admin: TencentCloudClient) -> None:
    admin.call(CREATE_RECORD, CreateRecordRequest(**_record()))


CERT = issue(PLAY, "*.example.com")
EXPIRED = issue(PLAY, days=-1, start_days_ago=30)


def bound(admin: TencentCloudClient) -> None:
    admin.call(
        MODIFY_LIVE_DOMAIN_CERT_BINDINGS,
        ModifyLiveDomainCertBindingsRequest(
            DomainInfos=[LiveCertDomainInfo(DomainName=PLAY, Status=1)],
            CertificatePublicKey=CERT.chain,
            CertificatePrivateKey=CERT.key,
            CertificateAlias="contract",
        ),
    )


def play_auth(admin: TencentCloudClient) -> None:
    admin.call(
        MODIFY_LIVE_PLAY_AUTH_KEY,
        ModifyLivePlayAuthKeyRequest(DomainName=PLAY, Enable=1, AuthKey="playkey", AuthBackKey="backkey", AuthDelta=60),
    )


def referer(admin: TencentCloudClient) -> None:
    admin.call(
        MODIFY_LIVE_DOMAIN_REFERER,
        ModifyLiveDomainRefererRequest(DomainName=PLAY, Enable=1, Type=1, AllowEmpty=0, Rules="www.example.com"),
    )


def _bind(**fields: Any) -> dict[str, Any]:
    return {"DomainInfos": [{"DomainName": PLAY, "Status": 1}], **fields}


def _record(**fields: Any) -> dict[str, Any]:
    return {"Domain": ZONE, "SubDomain": "www", "RecordType": "A", "RecordLine": "默认", "Value": "192.0.2.1", **fields}


def _live(action: str, params: dict[str, Any], expect: str | None = None, *setup: Setup) -> SdkCall:
    return SdkCall("live", action, params, expect, setup)


def _dnspod(action: str, params: dict[str, Any], expect: str | None = None, *setup: Setup) -> SdkCall:
    return SdkCall("dnspod", action, params, expect, setup)


# ---- processing templates and rules (cloud/processing.py) ----------------------------------------

_URL = "https://hooks.example.com/live"
CALLBACK = {
    "TemplateName": "hooks",
    "Description": "room events",
    **{
        field: f"{_URL}/{field}"
        for field in (
            "StreamBeginNotifyUrl",
            "StreamEndNotifyUrl",
            "RecordNotifyUrl",
            "RecordStatusNotifyUrl",
            "SnapshotNotifyUrl",
            "PornCensorshipNotifyUrl",
            "PushExceptionNotifyUrl",
            "AudioAuditNotifyUrl",
            "RecordExceptionNotifyUrl",
        )
    },
    "CallbackKey": "callbackkey0123",
    "RecordExceptionLevels": ["error"],
}
RECORD = {
    "TemplateName": "replays",
    "Description": "HLS kept 30 days",
    "HlsParam": {"Enable": 1, "RecordInterval": 1800, "StorageTime": 30 * 86400, "VodSubAppId": 0, "VodFileName": ""},
    "HlsSpecialParam": {"FlowContinueDuration": 60},
    "FlvSpecialParam": {"UploadInRecording": False},
    "RemoveWatermark": False,
    "CosStore": 0,
}
TRANSCODE = {"TemplateName": "sd540", "VideoBitrate": 900, "Width": 960, "Height": 540, "Fps": 25, "Gop": 2}
SNAPSHOT = {
    "TemplateName": "covers",
    "CosAppId": 1250000000,
    "CosBucket": "covers",
    "CosRegion": "ap-guangzhou",
    "SnapshotInterval": 10,
    "CosPrefix": "/covers",
    "CosFileName": "{StreamID}",
}
WATERMARK = {
    "WatermarkName": "logo",
    "PictureUrl": "https://img.example.com/logo.png",
    "XPosition": 5,
    "YPosition": 5,
    "Width": 10,
    "Height": 0,
    "BackgroundWidth": 1920,
    "BackgroundHeight": 1080,
}
TIME_SHIFT = {
    "TemplateName": "rewind",
    "Duration": 86400,
    "ItemDuration": 5,
    "Area": "Mainland",
    "RemoveWatermark": False,
    "TranscodeTemplateIds": [],
}
MISSING_ID = 987654321


def newest_template_id(admin: TencentCloudClient) -> int:
    """The largest id among every family's templates and the watermarks (ids share one sequence here)."""
    ids = [
        t.TemplateId
        for t in admin.call(DESCRIBE_LIVE_CALLBACK_TEMPLATES, DescribeLiveCallbackTemplatesRequest()).Templates
    ]
    ids += [
        t.TemplateId for t in admin.call(DESCRIBE_LIVE_RECORD_TEMPLATES, DescribeLiveRecordTemplatesRequest()).Templates
    ]
    ids += [
        t.TemplateId
        for t in admin.call(DESCRIBE_LIVE_TRANSCODE_TEMPLATES, DescribeLiveTranscodeTemplatesRequest()).Templates
    ]
    ids += [
        t.TemplateId
        for t in admin.call(DESCRIBE_LIVE_SNAPSHOT_TEMPLATES, DescribeLiveSnapshotTemplatesRequest()).Templates
    ]
    ids += [
        t.TemplateId
        for t in admin.call(DESCRIBE_LIVE_TIME_SHIFT_TEMPLATES, DescribeLiveTimeShiftTemplatesRequest()).Templates
    ]
    ids += [w.WatermarkId for w in admin.call(DESCRIBE_LIVE_WATERMARKS, DescribeLiveWatermarksRequest()).WatermarkList]
    return max(ids)


def _template(action: Any, body: dict[str, Any]) -> Setup:
    def create(admin: TencentCloudClient) -> None:
        admin.call(action, action.request.model_validate(body))

    return create


def _rule(action: Any, **fields: Any) -> Setup:
    def create(admin: TencentCloudClient) -> None:
        admin.call(action, action.request(DomainName=PUSH, TemplateId=newest_template_id(admin), **fields))

    return create


callback_template = _template(CREATE_LIVE_CALLBACK_TEMPLATE, CALLBACK)
record_template = _template(CREATE_LIVE_RECORD_TEMPLATE, RECORD)
transcode_template = _template(CREATE_LIVE_TRANSCODE_TEMPLATE, TRANSCODE)
snapshot_template = _template(CREATE_LIVE_SNAPSHOT_TEMPLATE, SNAPSHOT)
watermark = _template(ADD_LIVE_WATERMARK, WATERMARK)
time_shift_template = _template(CREATE_LIVE_TIME_SHIFT_TEMPLATE, TIME_SHIFT)
callback_rule = _rule(CREATE_LIVE_CALLBACK_RULE, AppName="live")
record_rule = _rule(CREATE_LIVE_RECORD_RULE, AppName="live")
transcode_rule = _rule(CREATE_LIVE_TRANSCODE_RULE, AppName="live", StreamName="")
snapshot_rule = _rule(CREATE_LIVE_SNAPSHOT_RULE, AppName="live")
watermark_rule = _rule(CREATE_LIVE_WATERMARK_RULE, AppName="live", StreamName="")
time_shift_rule = _rule(CREATE_LIVE_TIME_SHIFT_RULE, AppName="live", StreamName="")


def fifty_record_templates(admin: TencentCloudClient) -> None:
    for number in range(50):
        admin.call(CREATE_LIVE_RECORD_TEMPLATE, CREATE_LIVE_RECORD_TEMPLATE.request(TemplateName=f"r{number}"))


def _family_rows(
    template: str,
    setup: Setup,
    rule_setup: Setup,
    body: dict[str, Any],
    change: dict[str, Any],
    *,
    ids: str = "Template",
) -> tuple[SdkCall, ...]:
    """Success rows for one family's actions and the errors they share: missing template, bound template, rule clash."""
    id_field = f"{ids}Id"
    rule = {"DomainName": PUSH, "AppName": "live"}
    verbs = ("Add", "Update") if ids == "Watermark" else ("Create", "Modify")
    plural = "Watermarks" if ids == "Watermark" else f"{template}s"
    rule_name = f"Live{'Watermark' if ids == 'Watermark' else template.removesuffix('Template')}Rule"
    rows = [
        _live(f"{verbs[0]}Live{template}", body),
        _live(f"{verbs[1]}Live{template}", {id_field: LAST_TEMPLATE, **change}, None, setup),
        _live(f"DeleteLive{template}", {id_field: LAST_TEMPLATE}, None, setup),
        _live(
            f"DeleteLive{template}", {id_field: LAST_TEMPLATE}, "FailedOperation.ConfInUsed", push, setup, rule_setup
        ),
        _live(f"DescribeLive{plural}", {}, None, setup),
        _live(f"Create{rule_name}", {**rule, "TemplateId": LAST_TEMPLATE}, None, push, setup),
        _live(
            f"Create{rule_name}",
            {**rule, "TemplateId": LAST_TEMPLATE},
            "FailedOperation.RuleAlreadyExist",
            push,
            setup,
            rule_setup,
        ),
        _live(f"Delete{rule_name}", rule, None, push, setup, rule_setup),
        _live(f"Delete{rule_name}", rule, "InvalidParameter.RuleNotFound", push),
        _live(f"Describe{rule_name}s", {}, None, push, setup, rule_setup),
    ]
    return tuple(rows)


_BILL_DAY = {"StartTime": "2026-06-01T00:00:00+08:00", "EndTime": "2026-06-01T23:59:59+08:00"}

SDK_CALLS: tuple[SdkCall, ...] = (
    # live 2018-08-01
    _live("AddLiveDomain", {"DomainName": PLAY, "DomainType": 1, "PlayType": 2}),
    _live(
        "AddLiveDomain", {"DomainName": "直播.example.com", "DomainType": 1}, "InternalError.ChineseCharacterDetected"
    ),
    _live(
        "AddLiveDomain", {"DomainName": "a" * 64 + ".example.com", "DomainType": 1}, "InvalidParameter.DomainTooLong"
    ),
    _live("AddLiveDomain", {"DomainName": "no_dots", "DomainType": 1}, "InvalidParameter.DomainFormatError"),
    _live("AddLiveDomain", {"DomainName": PLAY, "DomainType": 0}, "FailedOperation.DomainAdded", play),
    _live("AddLiveDomain", {"DomainName": PUSH, "DomainType": 0}, "FailedOperation.HostOutLimit", limit_one, play),
    _live(
        "AddLiveDomain",
        {"DomainName": PLAY, "DomainType": 1},
        "FailedOperation.DomainNeedVerifyOwner",
        owner_verification,
    ),
    _live(
        "AddLiveDomain", {"DomainName": PLAY, "DomainType": 1, "IsMiniProgramLive": 1}, "InvalidParameter.MpPluginNoUse"
    ),
    _live(
        "AddLiveDomain",
        {"DomainName": PUSH, "DomainType": 0, "IsMiniProgramLive": 1},
        "InvalidParameter.MpHostDelete",
        licence,
        mini_push_deleted,
    ),
    _live("AddLiveDomain", {"DomainType": 1}, "MissingParameter"),
    _live("AuthenticateDomainOwner", {"DomainName": PLAY, "VerifyType": "dnsCheck"}),
    _live("DeleteLiveDomain", {"DomainName": PUSH, "DomainType": 0}, None, push),
    _live("DeleteLiveDomain", {"DomainName": PUSH, "DomainType": 0}, "ResourceNotFound.DomainNotExist"),
    _live("DeleteLiveDomain", {"DomainName": PLAY, "DomainType": 1}, "FailedOperation", licence, mini_play),
    _live(
        "DeleteLiveDomain",
        {"DomainName": PLAY, "DomainType": 1},
        "FailedOperation.DeleteDomainInLockedTime",
        play,
        traffic,
    ),
    _live("DescribeLiveDomain", {"DomainName": PLAY}, None, zone, play, cname),
    _live("DescribeLiveDomains", {"DomainType": 1, "PageSize": 10, "PageNum": 1}, None, play, push),
    _live("DescribeLiveDomains", {"PageSize": 5}, "InvalidParameterValue"),
    _live("DescribeLiveDomains", {"PageSize": 10, "Colour": "blue"}, "UnknownParameter"),
    _live("EnableLiveDomain", {"DomainName": PLAY}, None, play),
    _live("ForbidLiveDomain", {"DomainName": PLAY}, None, play),
    _live("ModifyLivePlayDomain", {"DomainName": PLAY, "PlayType": 3}, None, play),
    _live("ModifyLivePlayDomain", {"DomainName": PUSH, "PlayType": 3}, "InvalidParameterValue", push),
    _live("DescribeBillBandwidthAndFluxList", {**_BILL_DAY, "PlayDomains": [PLAY], "Granularity": 60}, None, traffic),
    _live(
        "DescribeBillBandwidthAndFluxList",
        {"StartTime": "2026-06-01 00:00:00", "EndTime": "2026-06-03 00:00:00"},
        "InvalidParameterValue",
    ),
    # live certificates, auth keys and referers (emulator/streaming.py)
    _live("DescribeLivePushAuthKey", {"DomainName": PUSH}, None, push),
    _live("DescribeLivePushAuthKey", {"DomainName": PLAY}, "ResourceNotFound.PushDomainNoRecord", play),
    _live("DescribeLivePushAuthKey", {"DomainName": PUSH}, "ResourceNotFound.DomainNotExist"),
    _live("ModifyLivePushAuthKey", {"DomainName": PUSH, "BackupAuthKey": "backup1", "AuthDelta": 600}, None, push),
    _live("ModifyLivePushAuthKey", {"DomainName": PUSH, "AuthDelta": -1}, "InvalidParameterValue", push),
    _live("DescribeLivePlayAuthKey", {"DomainName": PLAY}, None, play, play_auth),
    _live("ModifyLivePlayAuthKey", {"DomainName": PLAY, "Enable": 1, "AuthKey": "playkey"}, None, play),
    _live("ModifyLivePlayAuthKey", {"DomainName": PLAY, "Enable": 1}, "InvalidParameter", play),
    _live("ModifyLivePlayAuthKey", {"DomainName": PUSH, "Enable": 0}, "ResourceNotFound.PlayDomainNoRecord", push),
    _live(  # the push domain is refused in Errors, so BatchDomainOperateErrors comes back populated too
        "ModifyLiveDomainCertBindings",
        {
            "DomainInfos": [{"DomainName": PLAY, "Status": 1}, {"DomainName": PUSH, "Status": 1}],
            "CertificatePublicKey": CERT.chain,
            "CertificatePrivateKey": CERT.key,
            "CertificateAlias": "contract",
        },
        None,
        play,
        push,
    ),
    _live(
        "ModifyLiveDomainCertBindings",
        _bind(CertificatePublicKey=CERT.leaf, CertificatePrivateKey=other_key()),
        "InvalidParameter.CrtKeyNotMatch",
        play,
    ),
    _live(
        "ModifyLiveDomainCertBindings",
        _bind(CertificatePublicKey="not a certificate", CertificatePrivateKey=CERT.key),
        "InvalidParameter.CrtDateNotLegal",
        play,
    ),
    _live(
        "ModifyLiveDomainCertBindings",
        _bind(CertificatePublicKey=EXPIRED.leaf, CertificatePrivateKey=EXPIRED.key),
        "InvalidParameter.CrtDateOverdue",
        play,
    ),
    _live(
        "ModifyLiveDomainCertBindings",
        _bind(CertificatePublicKey=CERT.leaf),
        "InvalidParameter.CrtOrKeyNotExist",
        play,
    ),
    _live("ModifyLiveDomainCertBindings", _bind(CloudCertId="nosuchid"), "InvalidParameter.CloudCrtIdError", play),
    _live(
        "DescribeLiveDomainCertBindings", {"DomainSearch": "example", "OrderBy": "ExpireTimeDesc"}, None, play, bound
    ),
    _live("DescribeLiveDomainCert", {"DomainName": PLAY}, None, play, bound),
    _live("DescribeLiveDomainCert", {"DomainName": PLAY}, "ResourceNotFound.CrtDomainNotFound", play),
    _live("UnBindLiveDomainCert", {"DomainName": PLAY}, None, play, bound),
    _live("UnBindLiveDomainCert", {"DomainName": PLAY}, "ResourceNotFound.CrtDomainNotFound", play),
    _live("DescribeLiveDomainReferer", {"DomainName": PLAY}, None, play, referer),
    _live(
        "ModifyLiveDomainReferer",
        {"DomainName": PLAY, "Enable": 1, "Type": 0, "AllowEmpty": 1, "Rules": "*.example.net;www.example.org"},
        None,
        play,
    ),
    _live(
        "ModifyLiveDomainReferer",
        {"DomainName": PLAY, "Enable": 1, "Type": 1, "AllowEmpty": 0, "Rules": "https://www.example.com/page"},
        "InvalidParameterValue",
        play,
    ),
    # dnspod 2021-03-23
    _dnspod("CreateDomain", {"Domain": ZONE, "Tags": [{"TagKey": "team", "TagValue": "live"}]}),
    _dnspod("CreateDomain", {"Domain": ZONE}, "FailedOperation.DomainExists", zone),
    _dnspod("CreateDomain", {"Domain": "not a domain"}, "InvalidParameter.DomainInvalid"),
    _dnspod("DescribeDomain", {"Domain": ZONE}, None, zone, cname),
    _dnspod("DescribeDomain", {"Domain": "missing.example"}, "InvalidParameterValue.DomainNotExists"),
    _dnspod("DescribeDomainList", {"Tags": [{"TagKey": "team", "TagValue": ["live"]}]}, None, zone),
    _dnspod("DescribeDomainList", {"Type": "EVERYTHING"}, "InvalidParameterValue"),
    _dnspod("CreateRecord", _record(), None, zone),
    _dnspod("CreateRecord", _record(), "InvalidParameter.DomainRecordExist", zone, www),
    _dnspod("CreateRecord", _record(Value="300.1.1.1"), "InvalidParameter.RecordValueInvalid", zone),
    _dnspod(
        "CreateRecord", _record(Value="x" * 513, RecordType="TXT"), "InvalidParameter.RecordValueLengthInvalid", zone
    ),
    _dnspod("CreateRecord", _record(RecordType="BOGUS"), "InvalidParameter.RecordTypeInvalid", zone),
    _dnspod("CreateRecord", _record(RecordLine="火星"), "InvalidParameter.RecordLineInvalid", zone),
    _dnspod("CreateRecord", _record(SubDomain="bad host!"), "InvalidParameter.SubdomainInvalid", zone),
    _dnspod(
        "CreateRecord",
        _record(SubDomain="@", RecordType="CNAME", Value="t.example.net"),
        "InvalidParameter.CustomMessage",
        zone,
    ),
    _dnspod("CreateRecord", _record(RecordType="MX", Value="mail.example.com"), "MissingParameter", zone),
    _dnspod("CreateRecord", _record(Domain="missing.example"), "InvalidParameterValue.DomainNotExists"),
    _dnspod("ModifyRecord", _record(RecordId=LAST_RECORD, Value="192.0.2.2", TTL=300), None, zone, www),
    _dnspod("ModifyRecord", _record(RecordId=999), "InvalidParameter.RecordIdInvalid", zone),
    _dnspod("DeleteRecord", {"Domain": ZONE, "RecordId": LAST_RECORD}, None, zone, cname),
    _dnspod("DescribeRecord", {"Domain": ZONE, "RecordId": LAST_RECORD}, None, zone, cname),
    _dnspod("DescribeRecordList", {"Domain": ZONE, "Limit": 10}, None, zone, cname),
    _dnspod("DescribeRecordList", {"Domain": ZONE, "Subdomain": "nothing"}, "ResourceNotFound.NoDataOfRecord", zone),
    _dnspod("DescribeRecordList", {"Domain": ZONE, "SortField": "colour"}, "InvalidParameter", zone),
    # processing: each family's shared rows, then what differs
    *_family_rows(
        "CallbackTemplate", callback_template, callback_rule, CALLBACK, {"StreamEndNotifyUrl": f"{_URL}/end"}
    ),
    _live(
        "CreateLiveCallbackTemplate",
        {**CALLBACK, "StreamBeginNotifyUrl": "ftp://x"},
        "InvalidParameter.InvalidCallbackUrl",
    ),
    _live("CreateLiveCallbackTemplate", {**CALLBACK, "TemplateName": "a b"}, "InvalidParameter.ArgsNotMatch"),
    _live("ModifyLiveCallbackTemplate", {"TemplateId": MISSING_ID}, "InvalidParameter.TemplateNotFound"),
    _live("DescribeLiveCallbackTemplate", {"TemplateId": LAST_TEMPLATE}, None, callback_template),
    _live(
        "CreateLiveCallbackRule",
        {"DomainName": PLAY, "AppName": "live", "TemplateId": LAST_TEMPLATE},
        "ResourceNotFound.PushDomainNoRecord",
        play,
        callback_template,
    ),
    *_family_rows("RecordTemplate", record_template, record_rule, RECORD, {"Description": "changed"}),
    _live(
        "CreateLiveRecordTemplate",
        {"TemplateName": "x", "AacParam": {"Enable": 1, "RecordInterval": 9000}},
        "InvalidParameterValue",
    ),
    _live(
        "CreateLiveRecordTemplate",
        {"TemplateName": "one-too-many"},
        "InternalError.ConfOutLimit",
        fifty_record_templates,
    ),
    _live("DescribeLiveRecordTemplate", {"TemplateId": LAST_TEMPLATE}, None, record_template),
    *_family_rows("TranscodeTemplate", transcode_template, transcode_rule, TRANSCODE, {"VideoBitrate": 1200}),
    _live("CreateLiveTranscodeTemplate", {**TRANSCODE, "VideoBitrate": 9000}, "InvalidParameter.InvalidBitrate"),
    _live("CreateLiveTranscodeTemplate", TRANSCODE, "InvalidParameter.ProcessorAlreadyExist", transcode_template),
    _live("DescribeLiveTranscodeTemplate", {"TemplateId": LAST_TEMPLATE}, None, transcode_template),
    *_family_rows("SnapshotTemplate", snapshot_template, snapshot_rule, SNAPSHOT, {"SnapshotInterval": 30}),
    _live("DescribeLiveSnapshotTemplate", {"TemplateId": LAST_TEMPLATE}, None, snapshot_template),
    *_family_rows("Watermark", watermark, watermark_rule, WATERMARK, {"XPosition": 90}, ids="Watermark"),
    _live(
        "AddLiveWatermark",
        {**WATERMARK, "PictureUrl": "https://img.example.com/a;b.png"},
        "InvalidParameter.InvalidWatermark",
    ),
    _live("AddLiveWatermark", {**WATERMARK, "BackgroundWidth": 100}, "InvalidParameter.InvalidBackgroudResolution"),
    _live("DescribeLiveWatermark", {"WatermarkId": LAST_TEMPLATE}, None, watermark),
    _live("DescribeLiveWatermark", {"WatermarkId": MISSING_ID}, "ResourceNotFound.WatermarkNotExist"),
    *_family_rows("TimeShiftTemplate", time_shift_template, time_shift_rule, TIME_SHIFT, {"Duration": 259200}),
)

"""DNSPod (service ``dnspod``, version ``2021-03-23``): zones and records, as docs/design.md#dnspod-records.

Zones are added with DNSPod's own ``CreateDomain`` and found with ``DescribeDomainList`` /
``DescribeDomain``. Field names and types are the official SDK's (tencentcloud-sdk-python
``dnspod/v20210323/models.py``), checked field by field by ``tests/contract``; the API reference is
https://cloud.tencent.com/document/api/1427/56193.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .api import Action, ApiObject, ApiRequest, ApiResponse

__all__ = [
    "CREATE_DOMAIN",
    "CREATE_RECORD",
    "DEFAULT_LINE",
    "DELETE_RECORD",
    "DESCRIBE_DOMAIN",
    "DESCRIBE_DOMAIN_LIST",
    "DESCRIBE_RECORD",
    "DESCRIBE_RECORD_LIST",
    "DNSPOD_ACTIONS",
    "DNSPOD_SERVICE",
    "DNSPOD_VERSION",
    "MODIFY_RECORD",
    "CreateDomainRequest",
    "CreateDomainResponse",
    "CreateRecordRequest",
    "CreateRecordResponse",
    "DeleteRecordRequest",
    "DeleteRecordResponse",
    "DescribeDomainListRequest",
    "DescribeDomainListResponse",
    "DescribeDomainRequest",
    "DescribeDomainResponse",
    "DescribeRecordListRequest",
    "DescribeRecordListResponse",
    "DescribeRecordRequest",
    "DescribeRecordResponse",
    "DomainCountInfo",
    "DomainCreateInfo",
    "DomainInfo",
    "DomainListItem",
    "ModifyRecordRequest",
    "ModifyRecordResponse",
    "RecordCountInfo",
    "RecordInfo",
    "RecordListItem",
    "TagItem",
    "TagItemFilter",
]

DNSPOD_SERVICE = "dnspod"
DNSPOD_VERSION = "2021-03-23"
DEFAULT_LINE = "默认"

Ttl = Annotated[int, Field(ge=1, le=604800)]
RecordStatus = Literal["ENABLE", "DISABLE"]


class TagItem(ApiObject):
    """A tag of a zone: sent with CreateDomain, returned in ``TagList``."""

    TagKey: str
    TagValue: str | None = None


class TagItemFilter(ApiRequest):
    """DescribeDomainList's ``Tags`` filter: zones carrying ``TagKey`` with one of ``TagValue`` (any value if omitted)."""

    TagKey: str
    TagValue: list[str] | None = None


class CreateDomainRequest(ApiRequest):
    Domain: str
    GroupId: int | None = None
    IsMark: Literal["yes", "no"] | None = None
    TransferSubDomain: bool | None = None
    Tags: list[TagItem] | None = None


class DomainCreateInfo(ApiObject):
    Id: int
    Domain: str
    Punycode: str = ""
    GradeNsList: list[str] = Field(default_factory=list)


class CreateDomainResponse(ApiResponse):
    DomainInfo: DomainCreateInfo


DomainListType = Literal["ALL", "MINE", "SHARE", "ISMARK", "PAUSE", "VIP", "RECENT", "SHARE_OUT", "FREE"]


class DescribeDomainListRequest(ApiRequest):
    """``Limit`` defaults to 3000 (https://cloud.tencent.com/document/api/1427/56172)."""

    Type: DomainListType | None = None
    Offset: Annotated[int, Field(ge=0)] | None = None
    Limit: Annotated[int, Field(ge=1, le=3000)] | None = None
    GroupId: int | None = None
    Keyword: str | None = None
    Tags: list[TagItemFilter] | None = None


class DomainListItem(ApiObject):
    DomainId: int
    Name: str
    Status: str = "ENABLE"
    TTL: int = 600
    CNAMESpeedup: str = "DISABLE"
    DNSStatus: str = ""
    Grade: str = ""
    GroupId: int = 0
    SearchEnginePush: str = "NO"
    Remark: str = ""
    Punycode: str = ""
    EffectiveDNS: list[str] = Field(default_factory=list)
    GradeLevel: int = 0
    GradeTitle: str = ""
    IsVip: str = "NO"
    VipStartAt: str = ""
    VipEndAt: str = ""
    VipAutoRenew: str = "DEFAULT"
    RecordCount: int = 0
    CreatedOn: str = ""
    UpdatedOn: str = ""
    Owner: str = ""
    TagList: list[TagItem] | None = None


class DomainCountInfo(ApiObject):
    DomainTotal: int = 0
    AllTotal: int = 0
    MineTotal: int = 0
    ShareTotal: int = 0
    VipTotal: int = 0
    PauseTotal: int = 0
    ErrorTotal: int = 0
    LockTotal: int = 0
    SpamTotal: int = 0
    VipExpire: int = 0
    ShareOutTotal: int = 0
    GroupTotal: int = 0


DomainCountInfoModel = DomainCountInfo


class DescribeDomainListResponse(ApiResponse):
    DomainCountInfo: DomainCountInfoModel = Field(default_factory=lambda: DomainCountInfoModel())
    DomainList: list[DomainListItem] = Field(default_factory=list)


class DescribeDomainRequest(ApiRequest):
    """``DomainId`` wins over ``Domain`` (https://cloud.tencent.com/document/api/1427/56173)."""

    Domain: str
    DomainId: int | None = None


class DomainInfo(ApiObject):
    """One zone as DescribeDomain reports it."""

    DomainId: int
    Status: str = "ENABLE"
    Grade: str = ""
    GroupId: int = 0
    IsMark: str = "no"
    TTL: int = 600
    CnameSpeedup: str = "DISABLE"
    Remark: str = ""
    Punycode: str = ""
    DnsStatus: str = ""
    DnspodNsList: list[str] = Field(default_factory=list)
    Domain: str = ""
    GradeLevel: int = 0
    UserId: int = 0
    IsVip: str = "NO"
    Owner: str = ""
    GradeTitle: str = ""
    CreatedOn: str = ""
    UpdatedOn: str = ""
    Uin: str = ""
    ActualNsList: list[str] = Field(default_factory=list)
    RecordCount: int = 0
    OwnerNick: str = ""
    IsGracePeriod: str = "NO"
    VipBuffered: str = "NO"
    VipStartAt: str | None = None
    VipEndAt: str | None = None
    VipAutoRenew: str | None = None
    VipResourceId: str | None = None
    IsSubDomain: bool = False
    TagList: list[TagItem] = Field(default_factory=list)
    SearchEnginePush: str = "NO"
    SlaveDNS: str = "NO"
    DNSStatus: str = ""
    CNAMESpeedup: str = "DISABLE"


DnspodDomainInfo = DomainInfo


class DescribeDomainResponse(ApiResponse):
    DomainInfo: DnspodDomainInfo


class CreateRecordRequest(ApiRequest):
    Domain: str
    RecordType: str
    RecordLine: str
    Value: str
    DomainId: int | None = None
    SubDomain: str | None = None
    RecordLineId: str | None = None
    MX: int | None = None
    TTL: Ttl | None = None
    Weight: Annotated[int, Field(ge=0, le=100)] | None = None
    Status: RecordStatus | None = None
    Remark: str | None = None
    DnssecConflictMode: str | None = None
    GroupId: int | None = None


class CreateRecordResponse(ApiResponse):
    RecordId: int


class ModifyRecordRequest(ApiRequest):
    Domain: str
    RecordType: str
    RecordLine: str
    Value: str
    RecordId: int
    DomainId: int | None = None
    SubDomain: str | None = None
    RecordLineId: str | None = None
    MX: int | None = None
    TTL: Ttl | None = None
    Weight: Annotated[int, Field(ge=0, le=100)] | None = None
    Status: RecordStatus | None = None
    Remark: str | None = None
    DnssecConflictMode: str | None = None


class ModifyRecordResponse(ApiResponse):
    RecordId: int


class DeleteRecordRequest(ApiRequest):
    Domain: str
    RecordId: int
    DomainId: int | None = None


class DeleteRecordResponse(ApiResponse):
    pass


class DescribeRecordRequest(ApiRequest):
    Domain: str
    RecordId: int
    DomainId: int | None = None


class RecordInfo(ApiObject):
    Id: int
    SubDomain: str
    RecordType: str
    RecordLine: str
    RecordLineId: str = "0"
    Value: str
    Weight: int | None = None
    MX: int = 0
    TTL: int
    Enabled: int = 1
    MonitorStatus: str = ""
    Remark: str = ""
    UpdatedOn: str = ""
    DomainId: int = 0


RecordInfoModel = RecordInfo


class DescribeRecordResponse(ApiResponse):
    RecordInfo: RecordInfoModel


class DescribeRecordListRequest(ApiRequest):
    """With ``ErrorOnEmpty`` left at ``yes`` an empty result is ``ResourceNotFound.NoDataOfRecord``."""

    Domain: str
    DomainId: int | None = None
    Subdomain: str | None = None
    SubDomain: str | None = None
    RecordType: str | None = None
    RecordLine: str | None = None
    RecordLineId: str | None = None
    GroupId: int | None = None
    Keyword: str | None = None
    SortField: str | None = None
    SortType: Literal["ASC", "DESC"] | None = None
    Offset: Annotated[int, Field(ge=0)] | None = None
    Limit: Annotated[int, Field(ge=1, le=3000)] | None = None
    ErrorOnEmpty: Literal["yes", "no"] | None = None


class RecordCountInfo(ApiObject):
    SubdomainCount: int = 0
    ListCount: int = 0
    TotalCount: int = 0


class RecordListItem(ApiObject):
    RecordId: int
    Value: str
    Status: str = "ENABLE"
    UpdatedOn: str = ""
    Name: str
    Line: str = DEFAULT_LINE
    LineId: str = "0"
    Type: str
    Weight: int | None = None
    MonitorStatus: str = ""
    Remark: str = ""
    TTL: int = 600
    MX: int = 0
    DefaultNS: bool = False


RecordCountInfoModel = RecordCountInfo


class DescribeRecordListResponse(ApiResponse):
    RecordCountInfo: RecordCountInfoModel = Field(default_factory=lambda: RecordCountInfoModel())
    RecordList: list[RecordListItem] = Field(default_factory=list)


def _dnspod(name: str, req: type, resp: type, *, read_only: bool, rate: float) -> Action:  # type: ignore[type-arg]
    return Action(DNSPOD_SERVICE, DNSPOD_VERSION, name, req, resp, read_only, rate)


# Rate limits: docs/design.md#retries-and-rate-limits for the record actions; the zone actions are not listed there, so the
# client keeps them at the most conservative documented DNSPod figure (100/s).
CREATE_DOMAIN: Action[CreateDomainRequest, CreateDomainResponse] = _dnspod(
    "CreateDomain", CreateDomainRequest, CreateDomainResponse, read_only=False, rate=100
)
DESCRIBE_DOMAIN: Action[DescribeDomainRequest, DescribeDomainResponse] = _dnspod(
    "DescribeDomain", DescribeDomainRequest, DescribeDomainResponse, read_only=True, rate=20
)
DESCRIBE_DOMAIN_LIST: Action[DescribeDomainListRequest, DescribeDomainListResponse] = _dnspod(
    "DescribeDomainList", DescribeDomainListRequest, DescribeDomainListResponse, read_only=True, rate=100
)
CREATE_RECORD: Action[CreateRecordRequest, CreateRecordResponse] = _dnspod(
    "CreateRecord", CreateRecordRequest, CreateRecordResponse, read_only=False, rate=500
)
MODIFY_RECORD: Action[ModifyRecordRequest, ModifyRecordResponse] = _dnspod(
    "ModifyRecord", ModifyRecordRequest, ModifyRecordResponse, read_only=False, rate=500
)
DELETE_RECORD: Action[DeleteRecordRequest, DeleteRecordResponse] = _dnspod(
    "DeleteRecord", DeleteRecordRequest, DeleteRecordResponse, read_only=False, rate=500
)
DESCRIBE_RECORD: Action[DescribeRecordRequest, DescribeRecordResponse] = _dnspod(
    "DescribeRecord", DescribeRecordRequest, DescribeRecordResponse, read_only=True, rate=200
)
DESCRIBE_RECORD_LIST: Action[DescribeRecordListRequest, DescribeRecordListResponse] = _dnspod(
    "DescribeRecordList", DescribeRecordListRequest, DescribeRecordListResponse, read_only=True, rate=100
)

DNSPOD_ACTIONS = (
    CREATE_DOMAIN,
    DESCRIBE_DOMAIN,
    DESCRIBE_DOMAIN_LIST,
    CREATE_RECORD,
    MODIFY_RECORD,
    DELETE_RECORD,
    DESCRIBE_RECORD,
    DESCRIBE_RECORD_LIST,
)

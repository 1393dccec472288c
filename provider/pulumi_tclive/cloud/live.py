"""Live (云直播, service ``live``, version ``2018-08-01``): the eight domain actions and the billing query.

Field names, types and meanings follow docs/design.md#live-domain-actions. The billing query
``DescribeBillBandwidthAndFluxList`` (play traffic per domain; tencentcloud-sdk-python
``live/v20180801/models.py``, Tencent doc "查询直播播放带宽和流量数据", https://cloud.tencent.com/document/api/267/43426)
is how LiveDomain checks rule R7 (no usage this month) before adding a mini-program play domain.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import BeforeValidator, Field

from ..errors import TencentCloudApiError
from .api import Action, ApiObject, ApiRequest, ApiResponse
from .processing import PROCESSING_ACTIONS
from .streaming import STREAMING_ACTIONS

if TYPE_CHECKING:
    from .client import TencentCloudClient

__all__ = [
    "ADD_LIVE_DOMAIN",
    "AUTHENTICATE_DOMAIN_OWNER",
    "DELETE_LIVE_DOMAIN",
    "DESCRIBE_BILL_BANDWIDTH_AND_FLUX_LIST",
    "DESCRIBE_LIVE_DOMAIN",
    "DESCRIBE_LIVE_DOMAINS",
    "DOMAIN_TYPE_PLAY",
    "DOMAIN_TYPE_PUSH",
    "ENABLE_LIVE_DOMAIN",
    "FORBID_LIVE_DOMAIN",
    "LIVE_ACTIONS",
    "LIVE_SERVICE",
    "LIVE_VERSION",
    "MODIFY_LIVE_PLAY_DOMAIN",
    "AddLiveDomainRequest",
    "AddLiveDomainResponse",
    "AuthenticateDomainOwnerRequest",
    "AuthenticateDomainOwnerResponse",
    "BillDataInfo",
    "DeleteLiveDomainRequest",
    "DeleteLiveDomainResponse",
    "DescribeBillBandwidthAndFluxListRequest",
    "DescribeBillBandwidthAndFluxListResponse",
    "DescribeLiveDomainRequest",
    "DescribeLiveDomainResponse",
    "DescribeLiveDomainsRequest",
    "DescribeLiveDomainsResponse",
    "DomainInfo",
    "EnableLiveDomainRequest",
    "EnableLiveDomainResponse",
    "ForbidLiveDomainRequest",
    "ForbidLiveDomainResponse",
    "ModifyLivePlayDomainRequest",
    "ModifyLivePlayDomainResponse",
    "describe_live_domain",
    "list_live_domains",
]

LIVE_SERVICE = "live"
LIVE_VERSION = "2018-08-01"

DOMAIN_TYPE_PUSH = 0
DOMAIN_TYPE_PLAY = 1

DomainTypeValue = Annotated[int, Field(ge=0, le=1)]
PlayTypeValue = Annotated[int, Field(ge=1, le=3)]
FlagValue = Annotated[int, Field(ge=0, le=1)]


def _integer_text(value: object) -> object:
    """``"60"`` → 60: GET and signature v1 carry every parameter as text, and pydantic's Literal takes no coercion."""
    return int(value) if isinstance(value, str) and value.strip().isdigit() else value


GranularityValue = Annotated[Literal[5, 60, 1440], BeforeValidator(_integer_text)]
VerifyTypeValue = Literal["dnsCheck", "fileCheck", "dbCheck"]


class DomainInfo(ApiObject):
    """One live domain as DescribeLiveDomain(s) report it (docs/design.md#live-domain-actions)."""

    Name: str
    Type: int
    Status: int
    CreateTime: str = ""
    BCName: int = 0
    TargetDomain: str = ""
    PlayType: int = 0
    IsDelayLive: int = 0
    CurrentCName: str = ""
    RentTag: int = 0
    RentExpireTime: str = ""
    IsMiniProgramLive: int = 0


# Alias so a field may carry the model's own name (pydantic resolves annotations in the class body).
LiveDomainInfo = DomainInfo


class AddLiveDomainRequest(ApiRequest):
    DomainName: str
    DomainType: DomainTypeValue
    PlayType: PlayTypeValue | None = None
    IsDelayLive: FlagValue | None = None
    IsMiniProgramLive: FlagValue | None = None
    VerifyOwnerType: VerifyTypeValue | None = None


class AddLiveDomainResponse(ApiResponse):
    pass


class AuthenticateDomainOwnerRequest(ApiRequest):
    DomainName: str
    VerifyType: VerifyTypeValue


class AuthenticateDomainOwnerResponse(ApiResponse):
    Content: str = ""
    Status: int = -1
    MainDomain: str = ""


class DeleteLiveDomainRequest(ApiRequest):
    DomainName: str
    DomainType: DomainTypeValue


class DeleteLiveDomainResponse(ApiResponse):
    pass


class DescribeLiveDomainRequest(ApiRequest):
    DomainName: str


class DescribeLiveDomainResponse(ApiResponse):
    DomainInfo: LiveDomainInfo | None = None


class DescribeLiveDomainsRequest(ApiRequest):
    DomainStatus: FlagValue | None = None
    DomainType: DomainTypeValue | None = None
    PageSize: Annotated[int, Field(ge=10, le=100)] | None = None
    PageNum: Annotated[int, Field(ge=1, le=100000)] | None = None
    IsDelayLive: FlagValue | None = None
    DomainPrefix: str | None = None
    PlayType: PlayTypeValue | None = None


class DescribeLiveDomainsResponse(ApiResponse):
    AllCount: int = 0
    DomainList: list[LiveDomainInfo] = Field(default_factory=list)
    CreateLimitCount: int | None = None
    PlayTypeCount: list[int] | None = None


class EnableLiveDomainRequest(ApiRequest):
    DomainName: str


class EnableLiveDomainResponse(ApiResponse):
    pass


class ForbidLiveDomainRequest(ApiRequest):
    DomainName: str


class ForbidLiveDomainResponse(ApiResponse):
    pass


class ModifyLivePlayDomainRequest(ApiRequest):
    DomainName: str
    PlayType: PlayTypeValue


class ModifyLivePlayDomainResponse(ApiResponse):
    pass


class DescribeBillBandwidthAndFluxListRequest(ApiRequest):
    """Times are ``YYYY-MM-DDThh:mm:ssZ`` (UTC) or ``YYYY-MM-DD hh:mm:ss`` (Beijing); span ≤ 31 days."""

    StartTime: str
    EndTime: str
    PlayDomains: list[str] | None = None
    MainlandOrOversea: Literal["Mainland", "Oversea"] | None = None
    Granularity: GranularityValue | None = None
    ServiceName: Literal["LVB", "LEB"] | None = None
    RegionNames: list[str] | None = None


class BillDataInfo(ApiObject):
    Time: str
    Bandwidth: float = 0.0
    Flux: float = 0.0
    PeakTime: str = ""


class DescribeBillBandwidthAndFluxListResponse(ApiResponse):
    """``SumFlux`` is the total traffic in MB over the queried span."""

    PeakBandwidthTime: str = ""
    PeakBandwidth: float = 0.0
    P95PeakBandwidthTime: str = ""
    P95PeakBandwidth: float = 0.0
    SumFlux: float = 0.0
    DataInfoList: list[BillDataInfo] = Field(default_factory=list)


def _live(name: str, req: type, resp: type, *, read_only: bool, rate: float) -> Action:  # type: ignore[type-arg]
    return Action(LIVE_SERVICE, LIVE_VERSION, name, req, resp, read_only, rate)


ADD_LIVE_DOMAIN: Action[AddLiveDomainRequest, AddLiveDomainResponse] = _live(
    "AddLiveDomain", AddLiveDomainRequest, AddLiveDomainResponse, read_only=False, rate=100
)
AUTHENTICATE_DOMAIN_OWNER: Action[AuthenticateDomainOwnerRequest, AuthenticateDomainOwnerResponse] = _live(
    "AuthenticateDomainOwner",
    AuthenticateDomainOwnerRequest,
    AuthenticateDomainOwnerResponse,
    read_only=False,
    rate=20,
)
DELETE_LIVE_DOMAIN: Action[DeleteLiveDomainRequest, DeleteLiveDomainResponse] = _live(
    "DeleteLiveDomain", DeleteLiveDomainRequest, DeleteLiveDomainResponse, read_only=False, rate=100
)
DESCRIBE_LIVE_DOMAIN: Action[DescribeLiveDomainRequest, DescribeLiveDomainResponse] = _live(
    "DescribeLiveDomain", DescribeLiveDomainRequest, DescribeLiveDomainResponse, read_only=True, rate=500
)
DESCRIBE_LIVE_DOMAINS: Action[DescribeLiveDomainsRequest, DescribeLiveDomainsResponse] = _live(
    "DescribeLiveDomains", DescribeLiveDomainsRequest, DescribeLiveDomainsResponse, read_only=True, rate=200
)
ENABLE_LIVE_DOMAIN: Action[EnableLiveDomainRequest, EnableLiveDomainResponse] = _live(
    "EnableLiveDomain", EnableLiveDomainRequest, EnableLiveDomainResponse, read_only=False, rate=100
)
FORBID_LIVE_DOMAIN: Action[ForbidLiveDomainRequest, ForbidLiveDomainResponse] = _live(
    "ForbidLiveDomain", ForbidLiveDomainRequest, ForbidLiveDomainResponse, read_only=False, rate=100
)
MODIFY_LIVE_PLAY_DOMAIN: Action[ModifyLivePlayDomainRequest, ModifyLivePlayDomainResponse] = _live(
    "ModifyLivePlayDomain",
    ModifyLivePlayDomainRequest,
    ModifyLivePlayDomainResponse,
    read_only=False,
    rate=200,
)
DESCRIBE_BILL_BANDWIDTH_AND_FLUX_LIST: Action[
    DescribeBillBandwidthAndFluxListRequest, DescribeBillBandwidthAndFluxListResponse
] = _live(
    "DescribeBillBandwidthAndFluxList",
    DescribeBillBandwidthAndFluxListRequest,
    DescribeBillBandwidthAndFluxListResponse,
    read_only=True,
    rate=20,  # no documented limit; kept at the lowest documented live figure
)

LIVE_ACTIONS = (
    ADD_LIVE_DOMAIN,
    AUTHENTICATE_DOMAIN_OWNER,
    DELETE_LIVE_DOMAIN,
    DESCRIBE_LIVE_DOMAIN,
    DESCRIBE_LIVE_DOMAINS,
    ENABLE_LIVE_DOMAIN,
    FORBID_LIVE_DOMAIN,
    MODIFY_LIVE_PLAY_DOMAIN,
    DESCRIBE_BILL_BANDWIDTH_AND_FLUX_LIST,
    *STREAMING_ACTIONS,  # auth keys, certificates, referer: cloud/streaming.py
    *PROCESSING_ACTIONS,  # callback, record, transcode, snapshot, watermark, time-shift: cloud/processing.py
)


def describe_live_domain(client: TencentCloudClient, name: str) -> DomainInfo | None:
    """DescribeLiveDomain, with ``None`` for a domain that does not exist in the account."""
    try:
        return client.call(DESCRIBE_LIVE_DOMAIN, DescribeLiveDomainRequest(DomainName=name)).DomainInfo
    except TencentCloudApiError as exc:
        if exc.matches("ResourceNotFound.DomainNotExist", "InternalError.DomainNotExist"):
            return None
        raise


def list_live_domains(client: TencentCloudClient) -> list[DomainInfo]:
    """Every live domain of the account, by name: DescribeLiveDomains page by page, slow-live ones included."""
    found: dict[str, DomainInfo] = {}
    for delay in (0, 1):  # DescribeLiveDomains lists only IsDelayLive=0 unless asked
        page = 1
        while True:
            answer = client.call(
                DESCRIBE_LIVE_DOMAINS, DescribeLiveDomainsRequest(IsDelayLive=delay, PageSize=100, PageNum=page)
            )
            for info in answer.DomainList:
                found[info.Name] = info
            if len(answer.DomainList) < 100:
                break
            page += 1
    return [found[name] for name in sorted(found)]

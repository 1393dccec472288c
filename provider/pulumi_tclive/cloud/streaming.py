"""Live (``live`` 2018-08-01) streaming security: push/play auth keys, play-domain HTTPS certificates, referer rules.

Field names and types are Tencent's, from the official SDK (tencentcloud-sdk-python-live,
``tencentcloud/live/v20180801/models.py``) and the API pages:

- DescribeLivePushAuthKey https://cloud.tencent.com/document/product/878/30425 (500/s),
  ModifyLivePushAuthKey https://cloud.tencent.com/document/api/267/30423 (200/s);
- DescribeLivePlayAuthKey https://www.tencentcloud.com/document/product/267/30772 (500/s),
  ModifyLivePlayAuthKey https://www.tencentcloud.com/document/api/267/30770 (100/s);
- ModifyLiveDomainCertBindings https://cloud.tencent.com/document/api/267/78655 (20/s); with
  UnBindLiveDomainCert, DescribeLiveDomainCert (https://cloud.tencent.com/document/api/267/32652,
  500/s) and DescribeLiveDomainCertBindings (https://cloud.tencent.com/document/api/267/78656,
  20/s) it forms the certificate group https://cloud.tencent.com/document/api/267/32648 (no limit
  read for UnBindLiveDomainCert: the client stays at 20/s);
- DescribeLiveDomainReferer https://cloud.tencent.com/document/api/267/56106 (20/s),
  ModifyLiveDomainReferer https://www.tencentcloud.com/document/product/267/40610 (20/s). Referer
  checks apply to HTTP(-FLV/HLS) playback, not RTMP or WebRTC.

``Enable``, ``Status``, ``Type`` and ``AllowEmpty`` are 0/1 integers, as on the wire.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .api import Action, ApiObject, ApiRequest, ApiResponse

__all__ = [
    "DESCRIBE_LIVE_DOMAIN_CERT",
    "DESCRIBE_LIVE_DOMAIN_CERT_BINDINGS",
    "DESCRIBE_LIVE_DOMAIN_REFERER",
    "DESCRIBE_LIVE_PLAY_AUTH_KEY",
    "DESCRIBE_LIVE_PUSH_AUTH_KEY",
    "MODIFY_LIVE_DOMAIN_CERT_BINDINGS",
    "MODIFY_LIVE_DOMAIN_REFERER",
    "MODIFY_LIVE_PLAY_AUTH_KEY",
    "MODIFY_LIVE_PUSH_AUTH_KEY",
    "STREAMING_ACTIONS",
    "UNBIND_LIVE_DOMAIN_CERT",
    "BatchDomainOperateErrors",
    "DescribeLiveDomainCertBindingsRequest",
    "DescribeLiveDomainCertBindingsResponse",
    "DescribeLiveDomainCertRequest",
    "DescribeLiveDomainCertResponse",
    "DescribeLiveDomainRefererRequest",
    "DescribeLiveDomainRefererResponse",
    "DescribeLivePlayAuthKeyRequest",
    "DescribeLivePlayAuthKeyResponse",
    "DescribeLivePushAuthKeyRequest",
    "DescribeLivePushAuthKeyResponse",
    "DomainCertInfo",
    "LiveCertDomainInfo",
    "LiveDomainCertBindings",
    "ModifyLiveDomainCertBindingsRequest",
    "ModifyLiveDomainCertBindingsResponse",
    "ModifyLiveDomainRefererRequest",
    "ModifyLiveDomainRefererResponse",
    "ModifyLivePlayAuthKeyRequest",
    "ModifyLivePlayAuthKeyResponse",
    "ModifyLivePushAuthKeyRequest",
    "ModifyLivePushAuthKeyResponse",
    "PlayAuthKeyInfo",
    "PushAuthKeyInfo",
    "RefererAuthConfig",
    "UnBindLiveDomainCertRequest",
    "UnBindLiveDomainCertResponse",
]

# The service of cloud/live.py, which imports this module to add these actions to LIVE_ACTIONS.
_SERVICE = "live"
_VERSION = "2018-08-01"

Flag = Annotated[int, Field(ge=0, le=1)]


# ---- push / play authentication keys ------------------------------------------------------------


class PushAuthKeyInfo(ApiObject):
    """A push domain's authentication: ``Enable`` 0/1, master and backup keys, ``AuthDelta`` seconds."""

    DomainName: str
    Enable: int = 0
    MasterAuthKey: str = ""
    BackupAuthKey: str = ""
    AuthDelta: int = 0


# Aliases so a response field may carry its model's own name (pydantic resolves annotations in the class body).
PushAuthKeyInfoModel = PushAuthKeyInfo


class DescribeLivePushAuthKeyRequest(ApiRequest):
    DomainName: str


class DescribeLivePushAuthKeyResponse(ApiResponse):
    PushAuthKeyInfo: PushAuthKeyInfoModel | None = None


class ModifyLivePushAuthKeyRequest(ApiRequest):
    """Every field but ``DomainName`` is optional: left out means "keep the current value"."""

    DomainName: str
    Enable: Flag | None = None
    MasterAuthKey: str | None = None
    BackupAuthKey: str | None = None
    AuthDelta: int | None = None


class ModifyLivePushAuthKeyResponse(ApiResponse):
    pass


class PlayAuthKeyInfo(ApiObject):
    """A play domain's authentication: ``AuthKey`` (master), ``AuthBackKey`` (backup), ``AuthDelta`` seconds."""

    DomainName: str
    Enable: int = 0
    AuthKey: str = ""
    AuthDelta: int = 0
    AuthBackKey: str = ""


PlayAuthKeyInfoModel = PlayAuthKeyInfo


class DescribeLivePlayAuthKeyRequest(ApiRequest):
    DomainName: str


class DescribeLivePlayAuthKeyResponse(ApiResponse):
    PlayAuthKeyInfo: PlayAuthKeyInfoModel | None = None


class ModifyLivePlayAuthKeyRequest(ApiRequest):
    """Every field but ``DomainName`` is optional: left out means "keep the current value"."""

    DomainName: str
    Enable: Flag | None = None
    AuthKey: str | None = None
    AuthDelta: int | None = None
    AuthBackKey: str | None = None


class ModifyLivePlayAuthKeyResponse(ApiResponse):
    pass


# ---- play-domain HTTPS certificates -------------------------------------------------------------


class LiveCertDomainInfo(ApiObject):
    """A domain to bind and its HTTPS rule: ``Status`` 1 enable, 0 disable, -1 keep."""

    DomainName: str
    Status: Annotated[int, Field(ge=-1, le=1)]


class BatchDomainOperateErrors(ApiObject):
    DomainName: str
    Code: str
    Message: str = ""


class ModifyLiveDomainCertBindingsRequest(ApiRequest):
    """Bind a certificate: ``CloudCertId`` (Tencent SSL), or a PEM pair that Tencent uploads to SSL first."""

    DomainInfos: list[LiveCertDomainInfo]
    CloudCertId: str | None = None
    CertificatePublicKey: str | None = None
    CertificatePrivateKey: str | None = None
    CertificateAlias: str | None = None


class ModifyLiveDomainCertBindingsResponse(ApiResponse):
    """Domains the certificate does not cover are skipped and listed, with every other failure in ``Errors``."""

    MismatchedDomainNames: list[str] = Field(default_factory=list)
    Errors: list[BatchDomainOperateErrors] = Field(default_factory=list)


class LiveDomainCertBindings(ApiObject):
    """One domain's binding; times are Beijing time (``YYYY-MM-DD hh:mm:ss``)."""

    DomainName: str
    CertificateAlias: str = ""
    CertType: int = 0
    Status: int = 0
    CertExpireTime: str = ""
    CertId: int = 0
    CloudCertId: str = ""
    UpdateTime: str | None = None


LiveDomainCertBindingsModel = LiveDomainCertBindings


class DescribeLiveDomainCertBindingsRequest(ApiRequest):
    DomainSearch: str | None = None
    Offset: Annotated[int, Field(ge=0)] | None = None
    Length: Annotated[int, Field(ge=1)] | None = None
    DomainName: str | None = None
    OrderBy: Literal["ExpireTimeAsc", "ExpireTimeDesc"] | None = None


class DescribeLiveDomainCertBindingsResponse(ApiResponse):
    LiveDomainCertBindings: list[LiveDomainCertBindingsModel] = Field(default_factory=list)
    TotalNum: int = 0


class UnBindLiveDomainCertRequest(ApiRequest):
    DomainName: str
    Type: Literal["gray", "formal"] | None = None


class UnBindLiveDomainCertResponse(ApiResponse):
    pass


class DomainCertInfo(ApiObject):
    """The certificate bound to a play domain (``HttpsCrt`` is the public PEM; never the key)."""

    CertId: int = 0
    CertName: str = ""
    Description: str = ""
    CreateTime: str = ""
    HttpsCrt: str = ""
    CertType: int = 0
    CertExpireTime: str = ""
    DomainName: str = ""
    Status: int = 0
    CertDomains: list[str] = Field(default_factory=list)
    CloudCertId: str = ""


DomainCertInfoModel = DomainCertInfo


class DescribeLiveDomainCertRequest(ApiRequest):
    DomainName: str


class DescribeLiveDomainCertResponse(ApiResponse):
    DomainCertInfo: DomainCertInfoModel | None = None


# ---- referer rules ------------------------------------------------------------------------------


class RefererAuthConfig(ApiObject):
    """``Type`` 0 blacklist, 1 whitelist; ``Rules`` is one ``;``-separated string."""

    DomainName: str
    Enable: int = 0
    Type: int = 0
    AllowEmpty: int = 0
    Rules: str = ""


RefererAuthConfigModel = RefererAuthConfig


class DescribeLiveDomainRefererRequest(ApiRequest):
    DomainName: str


class DescribeLiveDomainRefererResponse(ApiResponse):
    RefererAuthConfig: RefererAuthConfigModel | None = None


class ModifyLiveDomainRefererRequest(ApiRequest):
    DomainName: str
    Enable: Flag
    Type: Flag
    AllowEmpty: Flag
    Rules: str


class ModifyLiveDomainRefererResponse(ApiResponse):
    pass


def _live(name: str, req: type, resp: type, *, read_only: bool, rate: float) -> Action:  # type: ignore[type-arg]
    return Action(_SERVICE, _VERSION, name, req, resp, read_only, rate)


DESCRIBE_LIVE_PUSH_AUTH_KEY: Action[DescribeLivePushAuthKeyRequest, DescribeLivePushAuthKeyResponse] = _live(
    "DescribeLivePushAuthKey",
    DescribeLivePushAuthKeyRequest,
    DescribeLivePushAuthKeyResponse,
    read_only=True,
    rate=500,
)
MODIFY_LIVE_PUSH_AUTH_KEY: Action[ModifyLivePushAuthKeyRequest, ModifyLivePushAuthKeyResponse] = _live(
    "ModifyLivePushAuthKey", ModifyLivePushAuthKeyRequest, ModifyLivePushAuthKeyResponse, read_only=False, rate=200
)
DESCRIBE_LIVE_PLAY_AUTH_KEY: Action[DescribeLivePlayAuthKeyRequest, DescribeLivePlayAuthKeyResponse] = _live(
    "DescribeLivePlayAuthKey",
    DescribeLivePlayAuthKeyRequest,
    DescribeLivePlayAuthKeyResponse,
    read_only=True,
    rate=500,
)
MODIFY_LIVE_PLAY_AUTH_KEY: Action[ModifyLivePlayAuthKeyRequest, ModifyLivePlayAuthKeyResponse] = _live(
    "ModifyLivePlayAuthKey", ModifyLivePlayAuthKeyRequest, ModifyLivePlayAuthKeyResponse, read_only=False, rate=100
)
MODIFY_LIVE_DOMAIN_CERT_BINDINGS: Action[ModifyLiveDomainCertBindingsRequest, ModifyLiveDomainCertBindingsResponse] = (
    _live(
        "ModifyLiveDomainCertBindings",
        ModifyLiveDomainCertBindingsRequest,
        ModifyLiveDomainCertBindingsResponse,
        read_only=False,
        rate=20,
    )
)
DESCRIBE_LIVE_DOMAIN_CERT_BINDINGS: Action[
    DescribeLiveDomainCertBindingsRequest, DescribeLiveDomainCertBindingsResponse
] = _live(
    "DescribeLiveDomainCertBindings",
    DescribeLiveDomainCertBindingsRequest,
    DescribeLiveDomainCertBindingsResponse,
    read_only=True,
    rate=20,
)
UNBIND_LIVE_DOMAIN_CERT: Action[UnBindLiveDomainCertRequest, UnBindLiveDomainCertResponse] = _live(
    "UnBindLiveDomainCert", UnBindLiveDomainCertRequest, UnBindLiveDomainCertResponse, read_only=False, rate=20
)
DESCRIBE_LIVE_DOMAIN_CERT: Action[DescribeLiveDomainCertRequest, DescribeLiveDomainCertResponse] = _live(
    "DescribeLiveDomainCert", DescribeLiveDomainCertRequest, DescribeLiveDomainCertResponse, read_only=True, rate=500
)
DESCRIBE_LIVE_DOMAIN_REFERER: Action[DescribeLiveDomainRefererRequest, DescribeLiveDomainRefererResponse] = _live(
    "DescribeLiveDomainReferer",
    DescribeLiveDomainRefererRequest,
    DescribeLiveDomainRefererResponse,
    read_only=True,
    rate=20,
)
MODIFY_LIVE_DOMAIN_REFERER: Action[ModifyLiveDomainRefererRequest, ModifyLiveDomainRefererResponse] = _live(
    "ModifyLiveDomainReferer",
    ModifyLiveDomainRefererRequest,
    ModifyLiveDomainRefererResponse,
    read_only=False,
    rate=20,
)

STREAMING_ACTIONS = (
    DESCRIBE_LIVE_PUSH_AUTH_KEY,
    MODIFY_LIVE_PUSH_AUTH_KEY,
    DESCRIBE_LIVE_PLAY_AUTH_KEY,
    MODIFY_LIVE_PLAY_AUTH_KEY,
    MODIFY_LIVE_DOMAIN_CERT_BINDINGS,
    DESCRIBE_LIVE_DOMAIN_CERT_BINDINGS,
    UNBIND_LIVE_DOMAIN_CERT,
    DESCRIBE_LIVE_DOMAIN_CERT,
    DESCRIBE_LIVE_DOMAIN_REFERER,
    MODIFY_LIVE_DOMAIN_REFERER,
)

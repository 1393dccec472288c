"""pulumi-tclive: Tencent Cloud Live mini-program live streaming as Pulumi resources.

Declare the WeChat mini-program live plugin licence, the live push/play domains and the DNS CNAME
records those domains need; the product's rules (R1–R9) are enforced at preview time wherever
possible. See README.md for the quick start and configuration.
"""

from .component import MiniProgramLive
from .errors import (
    ConfigurationError,
    DnsConflictError,
    DnsError,
    DnsUpdateError,
    PropagationTimeout,
    RuleViolation,
    TcliveError,
    TencentCloudApiError,
    TencentCloudError,
    ThrottledError,
    TransportError,
    UrlSigningError,
)
from .resources import (
    CallbackRule,
    CallbackTemplate,
    CnameRecord,
    DomainOwnership,
    LiveDomain,
    PlayAuthKey,
    PlayDomainCertificate,
    PlayReferer,
    PluginLicense,
    PushAuthKey,
    RecordRule,
    RecordTemplate,
    SnapshotRule,
    SnapshotTemplate,
    TimeShiftRule,
    TimeShiftTemplate,
    TranscodeRule,
    TranscodeTemplate,
    Watermark,
    WatermarkRule,
)
from .signed_urls import signed_url

__all__ = [
    "CallbackRule",
    "CallbackTemplate",
    "CnameRecord",
    "ConfigurationError",
    "DnsConflictError",
    "DnsError",
    "DnsUpdateError",
    "DomainOwnership",
    "LiveDomain",
    "MiniProgramLive",
    "PlayAuthKey",
    "PlayDomainCertificate",
    "PlayReferer",
    "PluginLicense",
    "PropagationTimeout",
    "PushAuthKey",
    "RecordRule",
    "RecordTemplate",
    "RuleViolation",
    "SnapshotRule",
    "SnapshotTemplate",
    "TcliveError",
    "TencentCloudApiError",
    "TencentCloudError",
    "ThrottledError",
    "TimeShiftRule",
    "TimeShiftTemplate",
    "TranscodeRule",
    "TranscodeTemplate",
    "TransportError",
    "UrlSigningError",
    "Watermark",
    "WatermarkRule",
    "signed_url",
]

"""The Pulumi resources, one module each: schema, provider and lifecycle side by side."""

from .auth_keys import PlayAuthKey, PlayAuthKeyProvider, PushAuthKey, PushAuthKeyProvider
from .callback import CallbackRule, CallbackRuleProvider, CallbackTemplate, CallbackTemplateProvider
from .certificate import PlayDomainCertificate, PlayDomainCertificateProvider
from .cname import CnameRecord, CnameRecordProvider
from .domain import LiveDomain, LiveDomainProvider
from .licence import PluginLicense, PluginLicenseProvider
from .ownership import DomainOwnership, DomainOwnershipProvider
from .record import RecordRule, RecordRuleProvider, RecordTemplate, RecordTemplateProvider
from .referer import PlayReferer, PlayRefererProvider
from .snapshot import SnapshotRule, SnapshotRuleProvider, SnapshotTemplate, SnapshotTemplateProvider
from .time_shift import TimeShiftRule, TimeShiftRuleProvider, TimeShiftTemplate, TimeShiftTemplateProvider
from .transcode import TranscodeRule, TranscodeRuleProvider, TranscodeTemplate, TranscodeTemplateProvider
from .watermark import Watermark, WatermarkProvider, WatermarkRule, WatermarkRuleProvider

__all__ = [
    "CallbackRule",
    "CallbackRuleProvider",
    "CallbackTemplate",
    "CallbackTemplateProvider",
    "CnameRecord",
    "CnameRecordProvider",
    "DomainOwnership",
    "DomainOwnershipProvider",
    "LiveDomain",
    "LiveDomainProvider",
    "PlayAuthKey",
    "PlayAuthKeyProvider",
    "PlayDomainCertificate",
    "PlayDomainCertificateProvider",
    "PlayReferer",
    "PlayRefererProvider",
    "PluginLicense",
    "PluginLicenseProvider",
    "PushAuthKey",
    "PushAuthKeyProvider",
    "RecordRule",
    "RecordRuleProvider",
    "RecordTemplate",
    "RecordTemplateProvider",
    "SnapshotRule",
    "SnapshotRuleProvider",
    "SnapshotTemplate",
    "SnapshotTemplateProvider",
    "TimeShiftRule",
    "TimeShiftRuleProvider",
    "TimeShiftTemplate",
    "TimeShiftTemplateProvider",
    "TranscodeRule",
    "TranscodeRuleProvider",
    "TranscodeTemplate",
    "TranscodeTemplateProvider",
    "Watermark",
    "WatermarkProvider",
    "WatermarkRule",
    "WatermarkRuleProvider",
]

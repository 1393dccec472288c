"""The Pulumi resources, one module each: schema, provider and lifecycle side by side."""

from .auth_keys import PlayAuthKey, PlayAuthKeyProvider, PushAuthKey, PushAuthKeyProvider
from .certificate import PlayDomainCertificate, PlayDomainCertificateProvider
from .cname import CnameRecord, CnameRecordProvider
from .domain import LiveDomain, LiveDomainProvider
from .licence import PluginLicense, PluginLicenseProvider
from .ownership import DomainOwnership, DomainOwnershipProvider
from .referer import PlayReferer, PlayRefererProvider

__all__ = [
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
]

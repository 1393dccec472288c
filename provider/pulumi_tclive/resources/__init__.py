"""The Pulumi resources, one module each: schema, provider and lifecycle side by side."""

from .cname import CnameRecord, CnameRecordProvider
from .domain import LiveDomain, LiveDomainProvider
from .licence import PluginLicense, PluginLicenseProvider
from .ownership import DomainOwnership, DomainOwnershipProvider

__all__ = [
    "CnameRecord",
    "CnameRecordProvider",
    "DomainOwnership",
    "DomainOwnershipProvider",
    "LiveDomain",
    "LiveDomainProvider",
    "PluginLicense",
    "PluginLicenseProvider",
]

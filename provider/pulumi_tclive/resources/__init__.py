"""The three Pulumi resources, one module each: schema, provider and lifecycle side by side."""

from .cname import CnameRecord, CnameRecordProvider
from .domain import LiveDomain, LiveDomainProvider
from .licence import PluginLicense, PluginLicenseProvider

__all__ = [
    "CnameRecord",
    "CnameRecordProvider",
    "LiveDomain",
    "LiveDomainProvider",
    "PluginLicense",
    "PluginLicenseProvider",
]

"""DNS backends for CNAME records: DNSPod, any RFC 2136 primary, or manual instructions; plus propagation checks.

Every backend follows :class:`CnameBackend`: names in one normal form (lower-case, no trailing
dot, A-labels), writes that never clobber data they did not create unless ``overwrite=True``,
and a read-back after every write. :func:`wait_for_cname` then checks the zone's authoritative
nameservers directly.
"""

from .base import CnameBackend, CnameState, Nameserver, TxtBackend, dns_name, normalise_name
from .dnspod import DnspodBackend
from .manual import ManualBackend, record_line
from .propagation import CnameAnswer, authoritative_nameservers, probe_cname, query_cname, wait_for_cname
from .rfc2136 import TSIG_ALGORITHMS, Rfc2136Backend

__all__ = [
    "TSIG_ALGORITHMS",
    "CnameAnswer",
    "CnameBackend",
    "CnameState",
    "DnspodBackend",
    "ManualBackend",
    "Nameserver",
    "Rfc2136Backend",
    "TxtBackend",
    "authoritative_nameservers",
    "dns_name",
    "normalise_name",
    "probe_cname",
    "query_cname",
    "record_line",
    "wait_for_cname",
]

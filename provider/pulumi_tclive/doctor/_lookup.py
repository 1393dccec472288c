"""Where the doctor asks what a name's CNAME is: one small interface, two ways to answer it.

- :class:`AuthoritativeServers`: the zone's authoritative nameservers, each asked directly (RD
  clear, AA required: dns/propagation.py), which is what every resolver ends up serving; on the
  embedded emulator they answer in-process (``ZoneServers.exchange``), as they do for the provider;
- :class:`RecursiveResolver`: a resolver given with ``--resolver`` (RD set), i.e. what viewers'
  devices see through it;
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import dns.exception
import dns.flags
import dns.message
import dns.query
import dns.rcode
import dns.rdataclass
import dns.rdatatype

from ..dns.base import Nameserver, dns_name, normalise_name
from ..dns.propagation import ZoneServers, probe_cname
from ..errors import TcliveError

__all__ = ["Answer", "AuthoritativeServers", "CnameLookup", "RecursiveResolver"]

_TIMEOUT = 3.0


@dataclass(frozen=True)
class Answer:
    """One server's answer for ``name CNAME?``.

    :param where: who answered (``127.0.0.1:5353``, ``DNSPod records of example.com``).
    :param target: the CNAME target in normal form, ``None`` when there is none.
    :param usable: ``False`` when there was no answer to judge by (timeout, REFUSED, not authoritative).
    :param detail: what it said, for the table (``CNAME x.tlivecdn.com``, ``NXDOMAIN``, ``timeout``).
    """

    where: str
    target: str | None
    usable: bool
    detail: str


class CnameLookup(Protocol):
    """Answers ``what is the CNAME of this name?`` from one or more servers."""

    def lookup(self, fqdn: str) -> list[Answer]:
        """Every server's answer for ``fqdn``."""
        ...


class AuthoritativeServers:
    """The zone's authoritative servers, each asked directly; all of them must serve the record."""

    def __init__(self, servers: ZoneServers) -> None:
        self.servers = servers

    def lookup(self, fqdn: str) -> list[Answer]:
        """Ask every server (RD clear, AA required)."""
        answers = []
        for server in self.servers.nameservers:
            answer = probe_cname(fqdn, server, _TIMEOUT, self.servers.exchange)
            where = server.host if server.port == 53 else str(server)
            answers.append(Answer(where, answer.target, answer.authoritative, answer.describe()))
        return answers


class RecursiveResolver:
    """A recursive resolver (``--resolver``): the CNAME it hands to clients, from its cache or by recursion."""

    def __init__(self, nameserver: Nameserver) -> None:
        self.nameserver = nameserver

    def lookup(self, fqdn: str) -> list[Answer]:
        """One recursive query (RD set); the CNAME of ``fqdn`` in the answer section."""
        where = f"resolver {self.nameserver}"
        qname = dns_name(fqdn)
        query = dns.message.make_query(qname, dns.rdatatype.CNAME)
        try:
            response, _ = dns.query.udp_with_fallback(
                query, self.nameserver.address(), timeout=_TIMEOUT, port=self.nameserver.port
            )
        except dns.exception.Timeout:
            return [Answer(where, None, False, f"timeout (no answer within {_TIMEOUT:g}s)")]
        except (OSError, dns.exception.DNSException, TcliveError) as exc:
            return [Answer(where, None, False, f"{exc.__class__.__name__}: {exc}")]
        rcode = response.rcode()
        if rcode == dns.rcode.NXDOMAIN:
            return [Answer(where, None, True, "NXDOMAIN (the name does not exist there)")]
        if rcode != dns.rcode.NOERROR:
            return [Answer(where, None, False, dns.rcode.to_text(rcode))]
        rrset = response.get_rrset(response.answer, qname, dns.rdataclass.IN, dns.rdatatype.CNAME)
        if rrset is None or len(rrset) == 0:
            return [Answer(where, None, True, "no CNAME (the name exists without one)")]
        target = normalise_name(rrset[0].target.to_text())
        return [Answer(where, target, True, f"CNAME {target}")]

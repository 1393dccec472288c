"""Asking authoritative nameservers directly whether a CNAME is there, and waiting until all of them say so.

Queries go straight to each server with RD clear and must come back with the AA flag: a cached or
referral answer says nothing about what the authority serves (docs/design.md#writing-and-verifying-records).
Public recursive resolvers are never polled: an NXDOMAIN they cache before the record exists can
outlive the record's creation by the zone's negative TTL.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from itertools import repeat

import dns.exception
import dns.flags
import dns.message
import dns.name
import dns.nameserver
import dns.query
import dns.rcode
import dns.rdataclass
import dns.rdatatype
import dns.resolver
import dns.tsig

from ..errors import DnsError, PropagationTimeout
from .base import Nameserver, dns_name, normalise_name

__all__ = [
    "CnameAnswer",
    "Exchange",
    "ZoneServers",
    "authoritative_nameservers",
    "direct_query",
    "network_exchange",
    "probe_cname",
    "query_cname",
    "resolver_at",
    "wait_for_cname",
]


Exchange = Callable[[dns.message.Message, Nameserver, float], dns.message.Message]
"""How a query reaches a nameserver: ``(query, nameserver, timeout seconds) -> answer``."""


def network_exchange(query: dns.message.Message, nameserver: Nameserver, timeout: float) -> dns.message.Message:
    """Send ``query`` to ``nameserver`` over the network: UDP, retried over TCP when truncated."""
    response, _ = dns.query.udp_with_fallback(query, nameserver.address(), timeout=timeout, port=nameserver.port)
    return response


@dataclass(frozen=True)
class ZoneServers:
    """The servers to ask about a zone's records, and how queries reach them.

    Built from the settings by ``zone_servers()`` in resources/_provider.py: ``tclive:nameservers``
    when set; on the embedded emulator its DNSPod nameservers, answered in-process (no socket);
    otherwise the zone's NS set, over the network.

    :param nameservers: the servers that must all serve a record.
    :param exchange: how one query reaches one of them.
    """

    nameservers: tuple[Nameserver, ...]
    exchange: Exchange = network_exchange


def direct_query(
    qname: dns.name.Name,
    rdtype: dns.rdatatype.RdataType,
    nameserver: Nameserver,
    timeout: float,
    *,
    tsig_key: dns.tsig.Key | None = None,
    exchange: Exchange = network_exchange,
) -> dns.message.Message:
    """Send one non-recursive query (RD clear) to ``nameserver``; UDP, retried over TCP when truncated.

    Raises dnspython's exceptions (``dns.exception.Timeout``, ``dns.tsig.PeerError``, ``OSError``…);
    callers turn them into messages that fit what they were doing.

    :param qname: an absolute name.
    :param rdtype: the record type asked for.
    :param nameserver: the server to ask.
    :param timeout: seconds to wait for the answer.
    :param tsig_key: sign the query (and require a signed answer) with this key.
    :param exchange: how the query reaches the server (default: the network).
    """
    query = dns.message.make_query(qname, rdtype)
    query.flags &= ~dns.flags.RD
    if tsig_key is not None:
        query.use_tsig(tsig_key)
    return exchange(query, nameserver, timeout)


@dataclass(frozen=True)
class CnameAnswer:
    """One nameserver's answer to ``fqdn CNAME?``.

    :param nameserver: who answered.
    :param outcome: ``cname``, ``nxdomain``, ``nodata`` (authoritative answers), or ``rcode``,
        ``not-authoritative``, ``timeout``, ``error`` (no usable answer).
    :param target: the CNAME target in normal form when ``outcome == "cname"``.
    :param ttl: the CNAME's TTL when ``outcome == "cname"``.
    :param detail: the rcode name, timeout or error text for the unusable outcomes.
    """

    nameserver: Nameserver
    outcome: str
    target: str | None = None
    ttl: int | None = None
    detail: str = ""

    @property
    def authoritative(self) -> bool:
        """True when the server answered for the zone (a CNAME, NXDOMAIN or no CNAME, with AA set)."""
        return self.outcome in ("cname", "nxdomain", "nodata")

    def describe(self) -> str:
        """A short human description: ``CNAME x.tlivecdn.com``, ``NXDOMAIN``, ``REFUSED``, ``timeout``…"""
        if self.outcome == "cname":
            return f"CNAME {self.target}"
        if self.outcome == "nxdomain":
            return "NXDOMAIN (the name does not exist there)"
        if self.outcome == "nodata":
            return "no CNAME (the name exists without one)"
        if self.outcome == "not-authoritative":
            return "not authoritative (AA flag clear: it does not serve this zone, or answered from a cache or with a referral)"
        if self.outcome == "timeout":
            return f"timeout ({self.detail})"
        if self.outcome == "rcode" and self.detail == "REFUSED":
            return "REFUSED (it does not serve this zone or refuses queries from this machine)"
        return self.detail


def probe_cname(
    fqdn: str, nameserver: Nameserver, timeout: float = 2.0, exchange: Exchange = network_exchange
) -> CnameAnswer:
    """Ask ``nameserver`` directly for ``fqdn CNAME`` and classify the answer; never raises for DNS failures.

    :param fqdn: the record name.
    :param nameserver: the server to ask.
    :param timeout: seconds to wait.
    :param exchange: how the query reaches the server (default: the network).
    """
    qname = dns_name(fqdn)
    try:
        response = direct_query(qname, dns.rdatatype.CNAME, nameserver, timeout, exchange=exchange)
    except dns.exception.Timeout:
        return CnameAnswer(nameserver, "timeout", detail=f"no answer within {timeout:g}s")
    except DnsError as exc:
        return CnameAnswer(nameserver, "error", detail=str(exc))
    except (OSError, dns.exception.DNSException) as exc:
        return CnameAnswer(nameserver, "error", detail=f"{exc.__class__.__name__}: {exc}")
    rcode = response.rcode()
    if rcode not in (dns.rcode.NOERROR, dns.rcode.NXDOMAIN):
        return CnameAnswer(nameserver, "rcode", detail=dns.rcode.to_text(rcode))
    if not response.flags & dns.flags.AA:
        return CnameAnswer(nameserver, "not-authoritative")
    if rcode == dns.rcode.NXDOMAIN:
        return CnameAnswer(nameserver, "nxdomain")
    rrset = response.get_rrset(response.answer, qname, dns.rdataclass.IN, dns.rdatatype.CNAME)
    if rrset is None or len(rrset) == 0:
        return CnameAnswer(nameserver, "nodata")
    target = rrset[0].target
    return CnameAnswer(nameserver, "cname", target=normalise_name(target.to_text()), ttl=rrset.ttl)


def query_cname(fqdn: str, nameserver: Nameserver, timeout: float = 2.0) -> str | None:
    """The CNAME target (normal form) ``nameserver`` serves for ``fqdn``, or ``None`` when it has none.

    The query is direct (RD clear) and the answer must be authoritative; anything else — a
    non-AA answer, REFUSED, SERVFAIL, a timeout — raises :class:`DnsError` naming the server.

    :param fqdn: the record name.
    :param nameserver: an authoritative server of the zone.
    :param timeout: seconds to wait.
    """
    answer = probe_cname(fqdn, nameserver, timeout)
    if not answer.authoritative:
        raise DnsError(
            f"nameserver {nameserver} gave no authoritative answer for {normalise_name(fqdn)} CNAME: "
            f"{answer.describe()}. Check that {nameserver} is an authoritative server of the zone "
            "(tclive:nameservers) and reachable from this machine."
        )
    return answer.target


def resolver_at(nameservers: Sequence[Nameserver], timeout: float) -> dns.resolver.Resolver:
    """A stub resolver that asks only ``nameservers`` (no ``/etc/resolv.conf``, no cache).

    :param nameservers: the servers to ask, in order.
    :param timeout: the lifetime of one resolution, seconds.
    """
    resolver = dns.resolver.Resolver(configure=False)
    resolver.nameservers = [dns.nameserver.Do53Nameserver(ns.address(), ns.port) for ns in nameservers]
    resolver.lifetime = timeout
    resolver.timeout = min(2.0, timeout)
    return resolver


def authoritative_nameservers(
    zone: str,
    *,
    resolver_nameservers: Sequence[Nameserver] | None = None,
    port: int = 53,
    timeout: float = 10.0,
) -> list[Nameserver]:
    """The zone's authoritative servers: its NS records, then the A and AAAA addresses of each.

    :param zone: the zone name.
    :param resolver_nameservers: servers to resolve with; ``None`` uses the system's resolvers.
    :param port: the port the returned servers are queried on (53 in the real world).
    :param timeout: seconds allowed for each lookup.
    """
    name = dns_name(zone)
    if resolver_nameservers is None:
        resolver = dns.resolver.Resolver()
        resolver.lifetime = timeout
    else:
        resolver = resolver_at(resolver_nameservers, timeout)
    try:
        ns_answer = resolver.resolve(name, dns.rdatatype.NS)
    except dns.exception.DNSException as exc:
        raise DnsError(
            f"cannot find the nameservers of zone {normalise_name(zone)} ({exc.__class__.__name__}: {exc}): "
            "check the zone is delegated, or list the servers to check in tclive:nameservers"
        ) from exc
    hosts = sorted({rdata.target for rdata in ns_answer})
    found: list[Nameserver] = []
    for host in hosts:
        for rdtype in (dns.rdatatype.A, dns.rdatatype.AAAA):
            try:
                answer = resolver.resolve(host, rdtype)
            except (dns.resolver.NoAnswer, dns.resolver.NXDOMAIN):
                continue
            except dns.exception.DNSException as exc:
                raise DnsError(
                    f"cannot resolve nameserver {host.to_text(omit_final_dot=True)} of zone {normalise_name(zone)} "
                    f"({exc.__class__.__name__}): list the servers to check in tclive:nameservers"
                ) from exc
            for rdata in answer:
                server = Nameserver(str(rdata.address), port)
                if server not in found:
                    found.append(server)
    if not found:
        raise DnsError(
            f"the nameservers of zone {normalise_name(zone)} ({', '.join(h.to_text() for h in hosts)}) have no "
            "A/AAAA addresses: fix their glue/address records, or list the servers in tclive:nameservers"
        )
    return found


def wait_for_cname(
    fqdn: str,
    target: str,
    *,
    nameservers: Sequence[Nameserver],
    timeout: float,
    progress: Callable[[str], None],
    interval: float = 0.5,
    max_interval: float = 10.0,
    query_timeout: float = 2.0,
    exchange: Exchange = network_exchange,
) -> None:
    """Wait until every server in ``nameservers`` answers ``fqdn CNAME target`` authoritatively.

    All servers still missing the record are asked in parallel each round; rounds are spaced by
    an exponential backoff from ``interval`` up to ``max_interval``. Raises
    :class:`PropagationTimeout` listing each server's last answer when ``timeout`` runs out.

    :param fqdn: the record name.
    :param target: the expected CNAME target.
    :param nameservers: the servers that must all serve the record (the zone's authoritative set).
    :param timeout: seconds to wait overall.
    :param progress: receives a line after every round that did not finish, e.g.
        ``waiting for play.example.com CNAME at 2/3 nameservers, 12s of 300s``.
    :param interval: the first pause between rounds, seconds.
    :param max_interval: the longest pause between rounds, seconds.
    :param query_timeout: seconds to wait for each server's answer.
    :param exchange: how each query reaches its server (``ZoneServers.exchange``; default: the network).
    """
    if not nameservers:
        raise DnsError(
            f"no nameservers to check {normalise_name(fqdn)} against: list them in tclive:nameservers or let the "
            "provider find the zone's NS records"
        )
    name, want = normalise_name(fqdn), dns_name(target)
    servers = list(dict.fromkeys(nameservers))
    last: dict[Nameserver, CnameAnswer] = {}
    pending = servers
    start = time.monotonic()
    deadline = start + timeout
    delay = interval
    with ThreadPoolExecutor(max_workers=min(len(servers), 16), thread_name_prefix="tclive-dns") as pool:
        while True:
            per_query = max(0.2, min(query_timeout, deadline - time.monotonic()))
            answers = list(pool.map(probe_cname, repeat(name), pending, repeat(per_query), repeat(exchange)))
            last.update((a.nameserver, a) for a in answers)
            pending = [a.nameserver for a in answers if a.target is None or dns_name(a.target) != want]
            if not pending:
                return
            now = time.monotonic()
            have = len(servers) - len(pending)
            if now >= deadline:
                raise _timeout_error(name, normalise_name(target), servers, last, timeout)
            progress(
                f"waiting for {name} CNAME at {have}/{len(servers)} nameservers, {now - start:.0f}s of {timeout:g}s"
            )
            time.sleep(min(delay, deadline - now))
            delay = min(delay * 2, max_interval)


def _timeout_error(
    name: str, target: str, servers: list[Nameserver], last: dict[Nameserver, CnameAnswer], timeout: float
) -> PropagationTimeout:
    answers = {str(ns): last[ns].describe() for ns in servers}
    have = sum(1 for ns in servers if last[ns].target == target)
    lines = "\n".join(
        f"  {server}: {text}{' (expected)' if last_target == target else ''}"
        for (server, text), last_target in zip(answers.items(), (last[ns].target for ns in servers), strict=True)
    )
    unusable = any(not last[ns].authoritative for ns in servers)
    advice = (
        "Servers answering REFUSED, not authoritative or timing out do not serve the zone for this machine: check the "
        "zone's NS delegation and firewalls, or list the servers to check in tclive:nameservers. "
        if unusable
        else ""
    )
    return PropagationTimeout(
        f"CNAME {name} -> {target} was not served by every authoritative nameserver within {timeout:g}s "
        f"({have}/{len(servers)} have it). Last answers:\n{lines}\n{advice}"
        f"Check the record at your DNS provider, raise verify_timeout if its servers are slow to update, "
        f"or set verify='none' to skip the check.",
        answers=answers,
    )

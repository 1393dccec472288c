"""The manual backend: the provider writes nothing, it prints the exact record for a person to add.

The deployment then waits with the propagation check until the zone's nameservers serve it, so
``pulumi up`` finishes when the record a person added is live.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TextIO

import dns.exception
import dns.flags
import dns.rcode
import dns.rdataclass
import dns.rdatatype
import dns.resolver

from ..errors import DnsConflictError, DnsError
from .base import CnameState, Nameserver, check_cname_owner, check_ttl, dns_name, normalise_name, relative_name
from .propagation import authoritative_nameservers, direct_query, probe_cname, resolver_at

__all__ = ["ManualBackend", "record_line", "txt_record_line"]


def record_line(fqdn: str, ttl: int | None, target: str) -> str:
    """The record in zone-file syntax, absolute names: ``play.example.com. 600 IN CNAME x.tlivecdn.com.``

    :param fqdn: the record name.
    :param ttl: seconds; left out of the line when ``None`` (unknown).
    :param target: the CNAME target.
    """
    ttl_text = "" if ttl is None else f" {ttl}"
    return f"{normalise_name(fqdn)}.{ttl_text} IN CNAME {normalise_name(target)}."


def txt_record_line(fqdn: str, ttl: int | None, value: str) -> str:
    """The TXT record in zone-file syntax: ``cssauth.example.com. 600 IN TXT "cssauth_…"``.

    :param fqdn: the record name.
    :param ttl: seconds; left out of the line when ``None`` (unknown).
    :param value: the TXT text, unquoted (quotes and backslashes in it are escaped).
    """
    ttl_text = "" if ttl is None else f" {ttl}"
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'{normalise_name(fqdn)}.{ttl_text} IN TXT "{escaped}"'


class ManualBackend:
    """Prints the records to add or remove; reads what the zone's authoritative servers answer.

    :param nameservers: the servers to read from; ``None`` finds the zone's NS set through the
        system resolver.
    :param out: where instructions are printed (stderr by default, next to the progress lines).
    """

    kind = "manual"

    def __init__(self, nameservers: Sequence[Nameserver] | None, out: TextIO | None = None) -> None:
        self.nameservers = list(nameservers) if nameservers else None
        self._out = out

    @property
    def out(self) -> TextIO:
        """Where instructions go: the stream given, else the current ``sys.stderr`` (looked up when used)."""
        return self._out if self._out is not None else sys.stderr

    def __repr__(self) -> str:
        servers = "None" if self.nameservers is None else ", ".join(map(str, self.nameservers))
        return f"ManualBackend(nameservers=[{servers}])"

    def find_zone(self, fqdn: str) -> str:
        """The zone holding ``fqdn``, found by walking up with SOA queries.

        :param fqdn: the record name.
        """
        resolver = (
            dns.resolver.get_default_resolver() if self.nameservers is None else resolver_at(self.nameservers, 10.0)
        )
        name = normalise_name(fqdn)
        servers = ", ".join(str(server) for server in self.nameservers or resolver.nameservers) or "none configured"
        asked = "the servers in tclive:nameservers" if self.nameservers else "the system resolver"
        try:
            zone = dns.resolver.zone_for_name(dns_name(fqdn), resolver=resolver, lifetime=30.0)
        except dns.resolver.NoRootSOA:
            # Every name up to the root "does not exist": no working DNS here (offline, or a filtering resolver).
            raise DnsError(
                f"cannot find the zone of {name}: {asked} ({servers}) answered that no name above it exists, not even "
                "the root zone, so this machine has no working DNS (offline, or behind a filtering resolver). List the "
                "zone's authoritative nameservers in tclive:nameservers (host[:port],…), or run where DNS works"
            ) from None
        except dns.exception.DNSException as exc:
            raise DnsError(
                f"cannot find the zone of {name}: {asked} ({servers}) gave no usable answer "
                f"({exc.__class__.__name__}: {exc}). Pass zone= explicitly, or list the zone's authoritative "
                "nameservers in tclive:nameservers"
            ) from exc
        return normalise_name(zone.to_text())

    def read(self, fqdn: str, zone: str) -> CnameState:
        """The CNAME the zone's authoritative servers answer (the first one that answers authoritatively).

        Only the CNAME is read: other record types at the name are not reported (``other_types`` is empty).

        :param fqdn: the record name.
        :param zone: its zone.
        """
        name, origin = normalise_name(fqdn), normalise_name(zone)
        relative_name(name, origin)  # refuses a name outside the zone before any query
        servers = self.nameservers or authoritative_nameservers(origin)
        problems = []
        for server in servers:
            answer = probe_cname(name, server)
            if answer.authoritative:
                return CnameState(name, origin, answer.target, answer.ttl, (), name if answer.target else "")
            problems.append(f"{server}: {answer.describe()}")
        raise DnsError(
            f"no nameserver answered authoritatively for {name} CNAME ({'; '.join(problems)}): check the zone's "
            "delegation, or list its authoritative servers in tclive:nameservers"
        )

    def ensure(self, fqdn: str, zone: str, target: str, ttl: int, *, overwrite: bool) -> CnameState:
        """Print the record to add (unless it is already served) and return what DNS serves now.

        :param fqdn: the record name.
        :param zone: its zone.
        :param target: the CNAME target.
        :param ttl: seconds.
        :param overwrite: allow the instructions to replace a different CNAME already at the name.
        """
        name, origin, want = normalise_name(fqdn), normalise_name(zone), normalise_name(target)
        check_cname_owner(name, origin)
        check_ttl(ttl)
        state = self.read(name, origin)
        if state.target == want:
            print(f"DNS record already in place: {record_line(name, state.ttl, want)}", file=self.out)
            return state
        if state.target is not None and not overwrite:
            raise DnsConflictError(
                f"{name} already has a CNAME to {state.target}, which this resource did not create: change it by hand "
                "to the new target, point the resource at another name, or set overwrite=True to be told to replace it."
            )
        replacing = f" (replacing the CNAME to {state.target})" if state.target else ""
        print(
            f"Add this DNS record in zone {origin}{replacing}; the deployment waits until the zone's nameservers "
            f"serve it:\n  {record_line(name, ttl, want)}",
            file=self.out,
        )
        return state

    def prove_writable(self, fqdn: str, zone: str | None, *, overwrite: bool) -> str | None:
        """Always possible: you add the record yourself, so nothing is looked up (offline too).

        :param fqdn: the record name.
        :param zone: its zone, returned as given.
        :param overwrite: unused: the record is written by hand.
        """
        del fqdn, overwrite
        return zone

    def update(self, current: CnameState, target: str, ttl: int) -> CnameState:
        """Print the change to make and return what DNS serves now.

        :param current: the state last read.
        :param target: the new target.
        :param ttl: the new TTL.
        """
        check_ttl(ttl)
        old = f"  remove: {record_line(current.fqdn, current.ttl, current.target)}\n" if current.target else ""
        print(
            f"Change this DNS record in zone {current.zone}; the deployment waits until the zone's nameservers serve "
            f"it:\n{old}  add:    {record_line(current.fqdn, ttl, target)}",
            file=self.out,
        )
        return self.read(current.fqdn, current.zone)

    def delete(self, current: CnameState) -> bool:
        """Print the record to remove; True when there was one to remove.

        :param current: the state last read.
        """
        if current.target is None:
            return False
        print(
            f"Remove this DNS record from zone {current.zone} (the provider does not delete records in manual mode):\n"
            f"  {record_line(current.fqdn, current.ttl, current.target)}",
            file=self.out,
        )
        return True

    def ensure_txt(self, fqdn: str, zone: str, value: str, ttl: int) -> None:
        """Print the TXT record to add, unless the zone's servers already serve that value.

        :param fqdn: the record name.
        :param zone: its zone.
        :param value: the TXT text, unquoted.
        :param ttl: seconds.
        """
        name, origin = normalise_name(fqdn), normalise_name(zone)
        relative_name(name, origin)  # refuses a name outside the zone before any query
        check_ttl(ttl)
        cname, values = self._served_txt(name, origin)
        if cname is not None:
            raise DnsConflictError(
                f"{name} has a CNAME to {cname}: a TXT record cannot sit next to a CNAME. Remove the CNAME, or pass "
                "txt_host= the name Tencent Cloud expects the TXT record at."
            )
        if value in values:
            print(f"DNS record already in place: {txt_record_line(name, None, value)}", file=self.out)
            return
        print(
            f"Add this DNS record in zone {origin} (keep any other TXT records at that name); the deployment waits "
            f"until Tencent Cloud sees it:\n  {txt_record_line(name, ttl, value)}",
            file=self.out,
        )

    def delete_txt(self, fqdn: str, zone: str, value: str) -> bool:
        """Print the TXT record to remove (only that value); always True, as nothing is read.

        :param fqdn: the record name.
        :param zone: its zone.
        :param value: the TXT text, unquoted.
        """
        print(
            f"Remove this DNS record from zone {normalise_name(zone)}, leaving other TXT records at the name (the "
            f"provider does not delete records in manual mode):\n  {txt_record_line(fqdn, None, value)}",
            file=self.out,
        )
        return True

    def _served_txt(self, name: str, origin: str) -> tuple[str | None, list[str]]:
        """(CNAME target or None, TXT values) from the first server that answers authoritatively."""
        qname = dns_name(name)
        problems = []
        for server in self.nameservers or authoritative_nameservers(origin):
            try:
                response = direct_query(qname, dns.rdatatype.TXT, server, 2.0)
            except (OSError, dns.exception.DNSException, DnsError) as exc:
                problems.append(f"{server}: {exc.__class__.__name__}: {exc}")
                continue
            if response.rcode() not in (dns.rcode.NOERROR, dns.rcode.NXDOMAIN) or not response.flags & dns.flags.AA:
                problems.append(f"{server}: not an authoritative answer ({dns.rcode.to_text(response.rcode())})")
                continue
            cname = response.get_rrset(response.answer, qname, dns.rdataclass.IN, dns.rdatatype.CNAME)
            if cname is not None and len(cname) > 0:
                return normalise_name(cname[0].target.to_text()), []
            txt = response.get_rrset(response.answer, qname, dns.rdataclass.IN, dns.rdatatype.TXT)
            strings = [getattr(rdata, "strings", ()) for rdata in txt or []]
            return None, [b"".join(parts).decode(errors="replace") for parts in strings]
        raise DnsError(
            f"no nameserver answered authoritatively for {name} TXT ({'; '.join(problems)}): check the zone's "
            "delegation, or list its authoritative servers in tclive:nameservers"
        )

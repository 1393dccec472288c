"""What every DNS backend shares: nameserver addresses, the CNAME state, the backend protocol, names.

Names have one normal form everywhere outside DNS messages: lower-case, no trailing dot,
A-labels (``bücher.example.com`` → ``xn--bcher-kva.example.com``). DNS messages get absolute
``dns.name.Name`` objects only — dnspython makes a name without the final dot relative to the
zone, which silently writes ``play.example.com.example.com`` (docs/design.md#writing-and-verifying-records).
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from typing import Protocol

import dns.exception
import dns.name
import idna

from ..errors import DnsConflictError, DnsError

__all__ = [
    "MAX_TTL",
    "CnameBackend",
    "CnameState",
    "Nameserver",
    "TxtBackend",
    "check_cname_owner",
    "check_ttl",
    "dns_name",
    "normalise_name",
    "refuse_foreign_data",
    "relative_name",
]

MAX_TTL = 2**31 - 1
"""RFC 2181 §8: a TTL with the top bit set is read as 0, so anything above this is refused."""


@dataclass(frozen=True)
class Nameserver:
    """A DNS server to talk to directly.

    ``host`` is an IP address or a host name (looked up with the system resolver when used);
    ``port`` defaults to 53. ``str(ns)`` is ``host:port`` (``[v6]:port`` for IPv6 addresses).
    """

    host: str
    port: int = 53

    def __str__(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"

    @classmethod
    def parse(cls, text: str) -> Nameserver:
        """Parse ``host``, ``host:port``, ``v6addr`` or ``[v6addr]:port`` (the ``tclive:nameservers`` syntax).

        :param text: the address as the user wrote it.
        """
        value = text.strip()
        if not value:
            raise DnsError("empty nameserver address: write host or host:port, e.g. 192.0.2.53 or ns1.example.com:53")
        host, port_text = value, ""
        if value.startswith("["):
            host, sep, rest = value[1:].partition("]")
            if not sep or (rest and not rest.startswith(":")):
                raise DnsError(f"nameserver address {text!r} is malformed: write [IPv6]:port, e.g. [2001:db8::53]:53")
            port_text = rest[1:]
        elif value.count(":") == 1:
            host, _, port_text = value.partition(":")
        if not host:
            raise DnsError(f"nameserver address {text!r} has no host: write host or host:port")
        port = 53
        if port_text:
            if not port_text.isdigit() or not 0 < int(port_text) < 65536:
                raise DnsError(f"nameserver address {text!r} has an invalid port {port_text!r}: use 1-65535")
            port = int(port_text)
        return cls(host, port)

    def address(self) -> str:
        """The IP address to send to: ``host`` itself, or its first address from the system resolver."""
        try:
            ipaddress.ip_address(self.host)
            return self.host
        except ValueError:
            pass
        try:
            infos = socket.getaddrinfo(self.host, self.port, type=socket.SOCK_STREAM)
        except OSError as exc:
            raise DnsError(
                f"cannot resolve the address of nameserver {self}: {exc}. Use an IP address or a name this machine can resolve."
            ) from exc
        return str(infos[0][4][0])


@dataclass(frozen=True)
class CnameState:
    """What a backend found at a name.

    :param fqdn: the record name, normal form (lower-case, no trailing dot, A-labels).
    :param zone: the zone holding it, same normal form.
    :param target: the current CNAME target in normal form, or ``None`` when there is no CNAME.
    :param ttl: the CNAME's TTL, or ``None`` when there is no CNAME.
    :param other_types: other record types at the name (``("A", "TXT")``) — conflicts for a CNAME.
    :param record_id: DNSPod ``RecordId`` as text; the fqdn for rfc2136/manual; ``""`` when absent.
    """

    fqdn: str
    zone: str
    target: str | None
    ttl: int | None
    other_types: tuple[str, ...]
    record_id: str

    @property
    def exists(self) -> bool:
        """True when a CNAME is at the name."""
        return self.target is not None


class CnameBackend(Protocol):
    """A place CNAME records are written to (DNSPod, an RFC 2136 primary) or only described (manual)."""

    kind: str
    """``"dnspod"``, ``"rfc2136"`` or ``"manual"``."""

    def find_zone(self, fqdn: str) -> str:
        """The zone (normal form) that holds ``fqdn``; raises :class:`DnsError` when none does."""
        ...

    def read(self, fqdn: str, zone: str) -> CnameState:
        """What is at ``fqdn`` in ``zone`` right now, read from the authority."""
        ...

    def ensure(self, fqdn: str, zone: str, target: str, ttl: int, *, overwrite: bool) -> CnameState:
        """Make ``fqdn`` a CNAME to ``target``: adopt an identical one (fixing only the TTL), refuse a
        different CNAME or other data with :class:`DnsConflictError` unless ``overwrite``; read back."""
        ...

    def update(self, current: CnameState, target: str, ttl: int) -> CnameState:
        """Change the CNAME, guarded on ``current.target`` still being there; read back."""
        ...

    def delete(self, current: CnameState) -> bool:
        """Remove the CNAME if it still points at ``current.target``; False when gone or changed by someone else."""
        ...

    def prove_writable(self, fqdn: str, zone: str | None, *, overwrite: bool) -> str | None:
        """Prove, writing nothing, that a CNAME at ``fqdn`` could be written: the zone is there to write to
        and no other record holds the name (unless ``overwrite``). Raises :class:`DnsError` (or
        :class:`DnsConflictError`) saying what is in the way; returns the zone (``None`` when not looked up).
        Run before an irreversible step that needs the CNAME (adding a mini-program play domain)."""
        ...


class TxtBackend(Protocol):
    """A place TXT records are added to and removed from, one value at a time (ownership verification).

    A name may hold several TXT values; these methods touch only the value they are given.
    """

    kind: str
    """``"dnspod"``, ``"rfc2136"`` or ``"manual"``."""

    def find_zone(self, fqdn: str) -> str:
        """The zone (normal form) that holds ``fqdn``; raises :class:`DnsError` when none does."""
        ...

    def ensure_txt(self, fqdn: str, zone: str, value: str, ttl: int) -> None:
        """Add the TXT ``value`` at ``fqdn`` unless it is there (then only its TTL is set); leave other TXT
        values alone; refuse with :class:`DnsConflictError` when a CNAME is at the name; read back."""
        ...

    def delete_txt(self, fqdn: str, zone: str, value: str) -> bool:
        """Remove only the TXT ``value`` at ``fqdn``; False when it was not there."""
        ...


def normalise_name(name: str) -> str:
    """The normal form of a domain name: lower-case, no trailing dot, IDNA 2008 A-labels (UTS #46 mapping).

    ASCII names are only lower-cased, so ``_acme-challenge`` or ``*`` labels pass through; the
    product's stricter host-name rules live in ``rules``. Raises :class:`DnsError` for names that
    cannot be a DNS name (empty labels, labels over 63 octets, names over 253 characters).

    :param name: a name as a user or an API wrote it, with or without the final dot.
    """
    text = name.strip()
    stripped = text[:-1] if text.endswith(".") else text
    if not stripped:
        raise DnsError(f"domain name {name!r} is empty: write a name such as play.example.com")
    if stripped.isascii():
        ascii_name = stripped.lower()
    else:
        try:
            ascii_name = idna.encode(stripped, uts46=True).decode("ascii")
        except idna.IDNAError as exc:
            raise DnsError(
                f"domain name {name!r} is not a valid internationalised name ({exc}): check its spelling"
            ) from exc
    try:
        dns.name.from_text(ascii_name + ".")
    except dns.name.EmptyLabel as exc:
        raise DnsError(f"domain name {name!r} has an empty label: remove the extra dot") from exc
    except dns.exception.DNSException as exc:
        raise DnsError(
            f"domain name {name!r} is not a valid DNS name ({exc.__class__.__name__}: labels are 1-63 octets, "
            "the whole name at most 253 characters): fix the name"
        ) from exc
    return ascii_name


def dns_name(name: str) -> dns.name.Name:
    """The absolute ``dns.name.Name`` for ``name`` (normalised first): the only form handed to dnspython.

    :param name: a domain name in any accepted spelling.
    """
    return dns.name.from_text(normalise_name(name) + ".")


def relative_name(fqdn: str, zone: str) -> str:
    """``fqdn`` relative to ``zone`` as DNSPod's ``SubDomain`` wants it: ``play`` or ``@`` for the apex.

    :param fqdn: the record name (any accepted spelling).
    :param zone: the zone containing it.
    """
    owner, origin = dns_name(fqdn), dns_name(zone)
    if owner == origin:
        return "@"
    if not owner.is_subdomain(origin):
        raise DnsError(
            f"record name {normalise_name(fqdn)} is not inside zone {normalise_name(zone)}: "
            "pass the zone that contains the name (or leave zone unset to find it)"
        )
    return owner.relativize(origin).to_text()


def check_cname_owner(fqdn: str, zone: str) -> None:
    """Refuse a CNAME owner outside ``zone`` or at its apex before anything is written.

    A CNAME at the apex would sit next to the zone's SOA and NS records (RFC 1034 §3.6.2), and
    servers answer NOERROR while ignoring it, so it must be stopped here.

    :param fqdn: the record name.
    :param zone: the zone it is written into.
    """
    if relative_name(fqdn, zone) == "@":
        name = normalise_name(zone)
        raise DnsConflictError(
            f"a CNAME cannot be placed at the apex of zone {name}: the apex always holds the zone's SOA and NS "
            f"records. Use a name below it (e.g. play.{name}), or pass the right zone= if {name} is not the zone."
        )


def refuse_foreign_data(state: CnameState, where: str, *, overwrite: bool) -> None:
    """The pre-flight conflict check shared by the backends: any record already at the name is foreign
    (nothing has been written for a domain that does not exist yet), unless ``overwrite``.

    :param state: what the backend read at the name.
    :param where: where it was read, for the message ("DNSPod zone example.com").
    :param overwrite: whether the CnameRecord may replace what is there.
    """
    if overwrite or not (state.exists or state.other_types):
        return
    held = f"a CNAME to {state.target}" if state.target else f"other records ({', '.join(state.other_types)})"
    raise DnsConflictError(
        f"{state.fqdn} already holds {held} in {where}, which no pulumi-tclive resource created, so its CNAME "
        "cannot be written. Remove that record, use another domain name, or set overwrite=True on the CnameRecord "
        "(overwrite_dns=True on MiniProgramLive, cname_overwrite=True on the LiveDomain) to replace it."
    )


def check_ttl(ttl: int, *, low: int = 0, high: int = MAX_TTL, backend: str = "DNS") -> None:
    """Refuse a TTL outside ``low``..``high`` with a message naming the value and the range.

    :param ttl: seconds.
    :param low: the smallest accepted value.
    :param high: the largest accepted value.
    :param backend: who imposes the range, for the message.
    """
    if isinstance(ttl, bool) or not isinstance(ttl, int) or not low <= ttl <= high:
        raise DnsError(f"TTL {ttl!r} is out of range for {backend}: use a whole number of seconds from {low} to {high}")

"""CNAME (and TXT) records on any RFC 2136 primary (BIND, Knot, PowerDNS…): TSIG-signed UPDATEs with prerequisites.

Every write is one UPDATE message over TCP whose prerequisites make it safe without a prior read:

* create: ``absent(name)`` + ``add`` — YXDOMAIN means something is already there;
* overwrite: ``delete(name)`` + ``add`` — everything at the name is replaced atomically;
* update: ``present(name, CNAME, old)`` + ``replace`` — NXRRSET means someone changed it;
* delete: ``present(name, CNAME, old)`` + ``delete(name, CNAME)`` — never deletes foreign data.

Servers answer NOERROR while silently ignoring a CNAME next to other data or at the apex
(docs/design.md#writing-and-verifying-records), so every write is read back from the primary.

Reads ask the primary for the CNAME first; only when the name exists without one are the common
types (A, AAAA, TXT, MX, NS, SRV, CAA) asked one by one. ``ANY`` is not used: servers may answer it
minimally (RFC 8482). A type outside that list still cannot be clobbered — ``absent(name)``
refuses it — it is then reported as "data of another type".
"""

from __future__ import annotations

import base64
import binascii

import dns.exception
import dns.flags
import dns.message
import dns.name
import dns.query
import dns.rcode
import dns.rdata
import dns.rdataclass
import dns.rdatatype
import dns.rdtypes.ANY.TXT
import dns.resolver
import dns.tsig
import dns.update

from ..errors import ConfigurationError, DnsConflictError, DnsError, DnsUpdateError
from .base import (
    CnameState,
    Nameserver,
    check_cname_owner,
    check_ttl,
    dns_name,
    normalise_name,
    refuse_foreign_data,
    relative_name,
)
from .propagation import direct_query, resolver_at

__all__ = ["OTHER_TYPES_READ", "TSIG_ALGORITHMS", "Rfc2136Backend"]

OTHER_TYPES_READ = ("A", "AAAA", "TXT", "MX", "NS", "SRV", "CAA")
"""Record types :meth:`Rfc2136Backend.read` looks for at a name that has no CNAME."""

TSIG_ALGORITHMS = {
    "hmac-md5": dns.tsig.HMAC_MD5,
    "hmac-sha1": dns.tsig.HMAC_SHA1,
    "hmac-sha224": dns.tsig.HMAC_SHA224,
    "hmac-sha256": dns.tsig.HMAC_SHA256,
    "hmac-sha384": dns.tsig.HMAC_SHA384,
    "hmac-sha512": dns.tsig.HMAC_SHA512,
}
"""TSIG algorithms accepted for ``tclive:rfc2136TsigAlgorithm`` (BIND's names)."""

_UNPROBED = "records of a type other than CNAME, " + ", ".join(OTHER_TYPES_READ)

_RCODE_ADVICE = {
    "REFUSED": "the server refused the update: check that TSIG key {key} is allowed by allow-update/update-policy "
    "for zone {zone} (an update-policy grant must include CNAME for this name and, for overwrite=True, the types "
    "being replaced)",
    "NOTAUTH": "the server is not authoritative for zone {zone} or does not accept key {key}: point "
    "tclive:rfc2136Server at the zone's primary server and check zone=",
    "NOTZONE": "the record name is not inside zone {zone}: pass the zone that contains it",
    "SERVFAIL": "the server failed to apply the update: check its log (is the zone journal writable?) and retry",
    "NOTIMP": "the server does not support dynamic updates for zone {zone}: enable them or use another DNS backend",
    "FORMERR": "the server could not parse the update: check the server log",
    "YXRRSET": "a prerequisite failed because a record set unexpectedly exists: refresh and retry",
}


class Rfc2136Backend:
    """Writes CNAMEs to an RFC 2136 primary with TSIG-signed, prerequisite-guarded UPDATEs.

    :param server: the zone's primary (``tclive:rfc2136Server``); updates go over TCP.
    :param key_name: the TSIG key name as configured on the server (``tclive:rfc2136TsigKeyName``).
    :param secret: the key's base64 secret (``tclive:rfc2136TsigSecret``); never shown anywhere.
    :param algorithm: the TSIG algorithm (``tclive:rfc2136TsigAlgorithm``), one of :data:`TSIG_ALGORITHMS`.
    :param timeout: seconds to wait for each answer.
    """

    kind = "rfc2136"

    def __init__(
        self,
        server: Nameserver,
        *,
        key_name: str,
        secret: str,
        algorithm: str = "hmac-sha256",
        timeout: float = 10.0,
    ) -> None:
        algorithm_name = algorithm.strip().lower().rstrip(".")
        if algorithm_name not in TSIG_ALGORITHMS:
            raise ConfigurationError(
                f"TSIG algorithm {algorithm!r} is not supported: set tclive:rfc2136TsigAlgorithm to one of "
                f"{', '.join(TSIG_ALGORITHMS)} (the algorithm of the key in the server's configuration)"
            )
        try:
            key_dns_name = dns.name.from_text(key_name.strip().rstrip(".") + ".")
        except dns.exception.DNSException as exc:
            raise ConfigurationError(
                f"TSIG key name {key_name!r} is not a valid DNS name: set tclive:rfc2136TsigKeyName to the key's name "
                "as written in the server's configuration (e.g. ddns-key)"
            ) from exc
        try:
            secret_bytes = base64.b64decode(secret.strip(), validate=True)
        except (binascii.Error, ValueError) as exc:
            raise ConfigurationError(
                f"the TSIG secret for key {key_dns_name} is not valid base64: set tclive:rfc2136TsigSecret to the "
                "secret string from the key's configuration block (as printed by tsig-keygen)"
            ) from exc
        if not secret_bytes:
            raise ConfigurationError(
                f"the TSIG secret for key {key_dns_name} is empty: set tclive:rfc2136TsigSecret (as a Pulumi secret)"
            )
        self.server = server
        self.key_name = key_dns_name.to_text()
        self.algorithm = algorithm_name
        self.timeout = timeout
        self._key = dns.tsig.Key(key_dns_name, secret_bytes, TSIG_ALGORITHMS[algorithm_name])

    def __repr__(self) -> str:
        return f"Rfc2136Backend(server={self.server}, key_name={self.key_name!r}, algorithm={self.algorithm!r})"

    def find_zone(self, fqdn: str) -> str:
        """The zone the primary serves that holds ``fqdn``, found by walking up with SOA queries.

        :param fqdn: the record name.
        """
        name = dns_name(fqdn)
        try:
            zone = dns.resolver.zone_for_name(name, resolver=resolver_at([self.server], self.timeout))
        except dns.resolver.NoNameservers as exc:
            # An authoritative-only server answers REFUSED for names outside the zones it serves.
            raise DnsError(
                f"server {self.server} serves no zone that contains {normalise_name(fqdn)} (it refused the SOA "
                "lookup): point tclive:rfc2136Server at the zone's primary server, or pass zone= explicitly"
            ) from exc
        except dns.exception.DNSException as exc:
            raise DnsError(
                f"cannot find the zone of {normalise_name(fqdn)} at server {self.server} "
                f"({exc.__class__.__name__}: {exc}): check the server address, or pass zone= explicitly"
            ) from exc
        return normalise_name(zone.to_text())

    def read(self, fqdn: str, zone: str) -> CnameState:
        """What the primary serves at ``fqdn``: the CNAME target and TTL, or the other types there.

        :param fqdn: the record name.
        :param zone: its zone.
        """
        name, origin = normalise_name(fqdn), normalise_name(zone)
        relative_name(name, origin)  # refuses a name outside the zone before any query
        qname = dns_name(name)
        response = self._query(qname, dns.rdatatype.CNAME, name, origin)
        if response.rcode() == dns.rcode.NXDOMAIN:
            return CnameState(name, origin, None, None, (), "")
        rrset = response.get_rrset(response.answer, qname, dns.rdataclass.IN, dns.rdatatype.CNAME)
        if rrset is not None and len(rrset) > 0:
            target = normalise_name(rrset[0].target.to_text())
            return CnameState(name, origin, target, rrset.ttl, (), name)
        others = []
        for rdtype_text in OTHER_TYPES_READ:
            rdtype = dns.rdatatype.from_text(rdtype_text)
            answer = self._query(qname, rdtype, name, origin)
            if answer.get_rrset(answer.answer, qname, dns.rdataclass.IN, rdtype) is not None:
                others.append(rdtype_text)
        return CnameState(name, origin, None, None, tuple(others), "")

    def ensure(self, fqdn: str, zone: str, target: str, ttl: int, *, overwrite: bool) -> CnameState:
        """Make ``fqdn`` a CNAME to ``target`` (see :class:`~pulumi_tclive.dns.base.CnameBackend`).

        :param fqdn: the record name.
        :param zone: its zone.
        :param target: the CNAME target.
        :param ttl: seconds.
        :param overwrite: replace a different CNAME or other data at the name instead of refusing.
        """
        name, origin, want = normalise_name(fqdn), normalise_name(zone), normalise_name(target)
        self._check_write(name, origin, want, ttl)
        current = CnameState(name, origin, None, None, (), "")
        for _ in range(3):
            create = self._new_update(origin)
            create.absent(dns_name(name))
            create.add(dns_name(name), ttl, dns.rdatatype.CNAME, dns_name(want).to_text())
            if self._send(create, name, origin, "create", expected=(dns.rcode.YXDOMAIN,)) == dns.rcode.NOERROR:
                return self._read_back(name, origin, want, ttl, "create")
            current = self.read(name, origin)
            # Empty after YXDOMAIN: a concurrent delete (try again) or a type read() does not look for.
            if current.target is not None or current.other_types:
                break
        if current.target == want:
            if current.ttl == ttl:
                return current
            return self._replace(current, want, ttl, "TTL change")
        if not overwrite:
            held = _describe_contents(current) if current.exists or current.other_types else _UNPROBED
            raise DnsConflictError(
                f"{name} already holds {held} at server {self.server}, which this resource did "
                f"not create: a CNAME to {want} would clobber it. Remove it, point the resource at another name, or "
                "set overwrite=True to replace it."
            )
        replace_all = self._new_update(origin)
        replace_all.delete(dns_name(name))
        replace_all.add(dns_name(name), ttl, dns.rdatatype.CNAME, dns_name(want).to_text())
        self._send(replace_all, name, origin, "overwrite")
        return self._read_back(name, origin, want, ttl, "overwrite")

    def prove_writable(self, fqdn: str, zone: str | None, *, overwrite: bool) -> str | None:
        """The primary answers authoritatively for the zone and nothing else is at ``fqdn`` (unless ``overwrite``).

        :param fqdn: the record name.
        :param zone: its zone; found with SOA queries to the primary when ``None``.
        :param overwrite: a record already at the name may be replaced.
        """
        name = normalise_name(fqdn)
        origin = normalise_name(zone) if zone else self.find_zone(name)
        check_cname_owner(name, origin)
        # read() refuses an answer without the AA flag: the server must serve the zone.
        refuse_foreign_data(self.read(name, origin), f"zone {origin} at server {self.server}", overwrite=overwrite)
        return origin

    def update(self, current: CnameState, target: str, ttl: int) -> CnameState:
        """Point the CNAME at ``target`` with ``ttl``, only if it still points at ``current.target``.

        :param current: the state last read or written.
        :param target: the new target.
        :param ttl: the new TTL.
        """
        want = normalise_name(target)
        if current.target is None:
            raise DnsError(
                f"there is no CNAME at {current.fqdn} to update: create it instead (refresh the stack, then run up)"
            )
        self._check_write(current.fqdn, current.zone, want, ttl)
        return self._replace(current, want, ttl, "update")

    def delete(self, current: CnameState) -> bool:
        """Delete the CNAME if it still points at ``current.target``.

        Returns False, deleting nothing, when the CNAME is gone or now points elsewhere.

        :param current: the state last read or written.
        """
        if current.target is None:
            return False
        name, origin = current.fqdn, current.zone
        message = self._new_update(origin)
        message.present(dns_name(name), dns.rdatatype.CNAME, dns_name(current.target).to_text())
        message.delete(dns_name(name), dns.rdatatype.CNAME)
        rcode = self._send(message, name, origin, "delete", expected=(dns.rcode.NXRRSET, dns.rcode.NXDOMAIN))
        if rcode != dns.rcode.NOERROR:
            return False
        after = self.read(name, origin)
        if after.target == current.target:
            raise DnsUpdateError(
                f"server {self.server} answered NOERROR to the delete of {name} CNAME {current.target} in zone "
                f"{origin}, but still serves it: check the server log",
                rcode="NOERROR",
            )
        return True

    def ensure_txt(self, fqdn: str, zone: str, value: str, ttl: int) -> None:
        """Add the TXT ``value`` at ``fqdn`` in one UPDATE guarded by ``absent(name, CNAME)``; read back.

        Adding a value already there changes nothing but the TXT set's TTL (RFC 2136 §3.4.2.2);
        other TXT values at the name stay.

        :param fqdn: the record name.
        :param zone: its zone.
        :param value: the TXT text, unquoted.
        :param ttl: seconds.
        """
        name, origin = normalise_name(fqdn), normalise_name(zone)
        relative_name(name, origin)  # refuses a name outside the zone before any write
        check_ttl(ttl)
        message = self._new_update(origin)
        message.absent(dns_name(name), dns.rdatatype.CNAME)
        message.add(dns_name(name), ttl, _txt_rdata(value))
        if self._send(message, name, origin, "add", expected=(dns.rcode.YXRRSET,), rdtype="TXT") != dns.rcode.NOERROR:
            current = self.read(name, origin)
            raise DnsConflictError(
                f"{name} holds a CNAME to {current.target} at server {self.server}: a TXT record cannot sit next to "
                "a CNAME. Remove the CNAME, or pass txt_host= the name Tencent Cloud expects the TXT record at."
            )
        if value not in self.read_txt(name, origin):
            raise DnsUpdateError(
                f"server {self.server} answered NOERROR to the add of {name} TXT {value!r} in zone {origin}, but does "
                "not serve it: check the server log (does the update policy allow TXT at this name?)",
                rcode="NOERROR",
            )

    def delete_txt(self, fqdn: str, zone: str, value: str) -> bool:
        """Remove only the TXT ``value`` at ``fqdn``; False (nothing sent) when it is not there.

        :param fqdn: the record name.
        :param zone: its zone.
        :param value: the TXT text, unquoted.
        """
        name, origin = normalise_name(fqdn), normalise_name(zone)
        if value not in self.read_txt(name, origin):
            return False
        message = self._new_update(origin)
        message.delete(dns_name(name), _txt_rdata(value))
        self._send(message, name, origin, "delete", rdtype="TXT")
        if value in self.read_txt(name, origin):
            raise DnsUpdateError(
                f"server {self.server} answered NOERROR to the delete of {name} TXT {value!r} in zone {origin}, but "
                "still serves it: check the server log",
                rcode="NOERROR",
            )
        return True

    def read_txt(self, fqdn: str, zone: str) -> list[str]:
        """The TXT values the primary serves at ``fqdn`` (each record's strings joined).

        :param fqdn: the record name.
        :param zone: its zone.
        """
        name, origin = normalise_name(fqdn), normalise_name(zone)
        qname = dns_name(name)
        response = self._query(qname, dns.rdatatype.TXT, name, origin)
        rrset = response.get_rrset(response.answer, qname, dns.rdataclass.IN, dns.rdatatype.TXT)
        return [] if rrset is None else [_txt_value(rdata) for rdata in rrset]

    def _check_write(self, name: str, origin: str, target: str, ttl: int) -> None:
        check_cname_owner(name, origin)
        check_ttl(ttl)
        if dns_name(target) == dns_name(name):
            raise DnsError(f"the CNAME target {target} is the record's own name: a CNAME cannot point at itself")

    def _replace(self, current: CnameState, target: str, ttl: int, action: str) -> CnameState:
        assert current.target is not None
        name, origin = current.fqdn, current.zone
        message = self._new_update(origin)
        message.present(dns_name(name), dns.rdatatype.CNAME, dns_name(current.target).to_text())
        message.replace(dns_name(name), ttl, dns.rdatatype.CNAME, dns_name(target).to_text())
        rcode = self._send(message, name, origin, action, expected=(dns.rcode.NXRRSET, dns.rcode.NXDOMAIN))
        if rcode != dns.rcode.NOERROR:
            now = self.read(name, origin)
            raise DnsConflictError(
                f"{name} changed at server {self.server} since it was last read: expected CNAME {current.target}, "
                f"found {_describe_contents(now)}. Run `pulumi refresh` to pick up the change, then apply again."
            )
        return self._read_back(name, origin, target, ttl, action)

    def _read_back(self, name: str, origin: str, target: str, ttl: int, action: str) -> CnameState:
        state = self.read(name, origin)
        if state.target == target and state.ttl == ttl:
            return state
        raise DnsUpdateError(
            f"server {self.server} answered NOERROR to the {action} of {name} CNAME {target} (TTL {ttl}) in zone "
            f"{origin}, but now serves {_describe_contents(state)}"
            f"{f' with TTL {state.ttl}' if state.target == target else ''}. Servers silently ignore a CNAME next to "
            "other data or at the zone apex: check what is at the name and the server log.",
            rcode="NOERROR",
        )

    def _new_update(self, origin: str) -> dns.update.UpdateMessage:
        return dns.update.UpdateMessage(dns_name(origin), keyring=self._key)

    def _send(
        self,
        message: dns.update.UpdateMessage,
        name: str,
        origin: str,
        action: str,
        expected: tuple[dns.rcode.Rcode, ...] = (),
        rdtype: str = "CNAME",
    ) -> dns.rcode.Rcode:
        """Send an UPDATE over TCP; return NOERROR or one of ``expected``, raise a clear error otherwise."""
        what = f"the {action} of {name} {rdtype} in zone {origin} at server {self.server}"
        try:
            response = dns.query.tcp(message, self.server.address(), timeout=self.timeout, port=self.server.port)
        except (dns.exception.DNSException, OSError) as exc:
            raise DnsUpdateError(self._failure_text(what, origin, exc), rcode=_tsig_rcode(exc)) from exc
        rcode = response.rcode()
        if rcode == dns.rcode.NOERROR or rcode in expected:
            return rcode
        text = dns.rcode.to_text(rcode)
        advice = _RCODE_ADVICE.get(text, "check the server log").format(key=self.key_name, zone=origin)
        raise DnsUpdateError(f"{what} failed with {text}: {advice}", rcode=text)

    def _query(
        self, qname: dns.name.Name, rdtype: dns.rdatatype.RdataType, name: str, origin: str
    ) -> dns.message.Message:
        what = f"reading {name} {dns.rdatatype.to_text(rdtype)} in zone {origin} from server {self.server}"
        try:
            response = direct_query(qname, rdtype, self.server, self.timeout, tsig_key=self._key)
        except (dns.exception.DNSException, OSError) as exc:
            raise DnsError(self._failure_text(what, origin, exc)) from exc
        rcode = response.rcode()
        if rcode not in (dns.rcode.NOERROR, dns.rcode.NXDOMAIN):
            raise DnsError(
                f"{what} failed with {dns.rcode.to_text(rcode)}: check that the server serves zone {origin} and "
                "allows queries from this machine"
            )
        if not response.flags & dns.flags.AA:
            raise DnsError(
                f"{what}: the answer is not authoritative (AA flag clear), so the server does not serve zone "
                f"{origin}: point tclive:rfc2136Server at the zone's primary server"
            )
        return response

    def _failure_text(self, what: str, origin: str, exc: BaseException) -> str:
        if isinstance(exc, dns.tsig.PeerBadKey):
            return (
                f"{what} was rejected: the server does not know TSIG key {self.key_name} with algorithm "
                f"{self.algorithm} (BADKEY). Check tclive:rfc2136TsigKeyName and tclive:rfc2136TsigAlgorithm match "
                "the key in the server's configuration."
            )
        if isinstance(exc, dns.tsig.PeerBadSignature):
            return (
                f"{what} was rejected: the TSIG signature did not verify (BADSIG), so the secret for key "
                f"{self.key_name} differs from the server's. Check tclive:rfc2136TsigSecret."
            )
        if isinstance(exc, dns.tsig.PeerBadTime):
            return (
                f"{what} was rejected: the server's clock and this machine's differ by more than the TSIG fudge "
                "of 300 s (BADTIME). Synchronise the clocks (NTP)."
            )
        if isinstance(exc, dns.tsig.PeerError | dns.tsig.BadSignature):
            return (
                f"{what} failed TSIG verification ({exc.__class__.__name__}): check the key name, algorithm and secret."
            )
        if isinstance(exc, dns.exception.Timeout):
            return (
                f"{what} got no answer within {self.timeout:g}s: check the server address and port and that "
                "TCP and UDP to it are not blocked."
            )
        if isinstance(exc, dns.exception.FormError):
            return (
                f"{what} got a malformed or unsigned answer ({exc}): the server probably does not serve zone "
                f"{origin} or does not know key {self.key_name}; check the server log."
            )
        if isinstance(exc, OSError):
            return f"{what} could not connect ({exc.strerror or exc}): check the server address and port."
        return f"{what} failed ({exc.__class__.__name__}: {exc}): check the server log."


def _txt_rdata(value: str) -> dns.rdtypes.ANY.TXT.TXT:
    """One TXT record holding ``value``, split into the 255-octet strings the wire format requires."""
    data = value.encode()
    chunks = [data[i : i + 255] for i in range(0, len(data), 255)] or [b""]
    return dns.rdtypes.ANY.TXT.TXT(dns.rdataclass.IN, dns.rdatatype.TXT, chunks)


def _txt_value(rdata: dns.rdata.Rdata) -> str:
    strings: tuple[bytes, ...] = getattr(rdata, "strings", ())
    return b"".join(strings).decode(errors="replace")


def _tsig_rcode(exc: BaseException) -> str:
    if isinstance(exc, dns.tsig.PeerBadKey):
        return "BADKEY"
    if isinstance(exc, dns.tsig.PeerBadSignature):
        return "BADSIG"
    if isinstance(exc, dns.tsig.PeerBadTime):
        return "BADTIME"
    return ""


def _describe_contents(state: CnameState) -> str:
    if state.target is not None:
        return f"a CNAME to {state.target}"
    if state.other_types:
        return f"other records ({', '.join(state.other_types)})"
    return "no CNAME"

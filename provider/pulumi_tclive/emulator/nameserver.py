"""The emulator's DNSPod nameservers: authoritative DNS answers for the zones its accounts hold.

Tencent's DNSPod serves every zone it hosts from its nameservers; the emulator does the same from
its SQLite records, so a CNAME written with DNSPod's API is checked by the same DNS query on the
emulator as on Tencent Cloud (docs/emulator.md#dns). :func:`answer` turns one query in wire format
into one answer in wire format (dnspython does the wire format). The embedded emulator calls it
in-process (:meth:`Emulator.answer_dns`); ``tclive emulator serve`` also serves it on a loopback UDP
and TCP port with :class:`EmulatorNameserver`.

Only enabled records on DNSPod's default line are served (the line a resolver without a location
gets); the answers are authoritative (AA set), a name outside every zone is ``REFUSED``, as a real
authoritative server answers for a zone it does not serve.
"""

from __future__ import annotations

import socketserver
import sqlite3
import threading
from collections.abc import Callable
from types import TracebackType

import dns.exception
import dns.flags
import dns.message
import dns.name
import dns.opcode
import dns.rcode
import dns.rdata
import dns.rdataclass
import dns.rdatatype
import dns.rrset

from ..cloud.dnspod import DEFAULT_LINE
from .dnspod import NAMESERVERS

__all__ = ["EmulatorNameserver", "answer"]

_SOA_TIMES = "1 3600 180 1209600 180"  # serial refresh retry expire minimum, DNSPod's free-plan figures
_UDP_LIMIT = 512  # RFC 1035 §4.2.1 without EDNS

AnswerWire = Callable[[bytes, int], bytes]
"""``(query wire, largest answer the transport carries) -> answer wire``."""


def _zone_of(db: sqlite3.Connection, qname: dns.name.Name) -> tuple[int, dns.name.Name] | None:
    """The deepest zone any account holds that contains ``qname`` (the first account's, if two hold it)."""
    labels = qname.to_text(omit_final_dot=True).lower().split(".")
    for start in range(len(labels)):
        candidate = ".".join(labels[start:])
        row = db.execute("SELECT id FROM zones WHERE punycode = ? ORDER BY id LIMIT 1", (candidate,)).fetchone()
        if row is not None:
            return int(row[0]), dns.name.from_text(candidate)
    return None


def _rdata_text(rtype: str, value: str, mx: int) -> str:
    if rtype == "MX":
        return f"{mx} {value}"
    if rtype in ("TXT", "SPF") and not value.startswith('"'):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return value


def _rrsets(db: sqlite3.Connection, zone_id: int, owner: dns.name.Name, host: str) -> list[dns.rrset.RRset]:
    """The enabled default-line records at ``host`` as rrsets (a record DNS cannot parse is left out)."""
    rows = db.execute(
        "SELECT type, value, mx, ttl FROM records WHERE zone_id = ? AND host = ? AND status = 'ENABLE' AND line = ? "
        "ORDER BY id",
        (zone_id, host, DEFAULT_LINE),
    ).fetchall()
    sets: dict[str, dns.rrset.RRset] = {}
    for rtype, value, mx, ttl in rows:
        try:
            rdtype = dns.rdatatype.from_text(str(rtype))
            rdata = dns.rdata.from_text(
                dns.rdataclass.IN,
                rdtype,
                _rdata_text(str(rtype), str(value), int(mx)),
                origin=dns.name.root,
                relativize=False,
            )
        except (dns.exception.DNSException, ValueError):
            continue
        rrset = sets.setdefault(str(rtype), dns.rrset.RRset(owner, dns.rdataclass.IN, rdtype))
        rrset.add(rdata, int(ttl))
    return list(sets.values())


def _soa(zone: dns.name.Name) -> dns.rrset.RRset:
    text = f"{NAMESERVERS[0]}. freednsadmin.dnspod.com. {_SOA_TIMES}"
    return dns.rrset.from_text(zone, 600, dns.rdataclass.IN, dns.rdatatype.SOA, text)


def _has_descendants(db: sqlite3.Connection, zone_id: int, host: str) -> bool:
    """True for an empty non-terminal: no records at ``host`` but some below it (RFC 8020: NODATA, not NXDOMAIN)."""
    pattern = "%." + host.replace("%", r"\%").replace("_", r"\_")
    row = db.execute(
        "SELECT 1 FROM records WHERE zone_id = ? AND status = 'ENABLE' AND host LIKE ? ESCAPE '\\' LIMIT 1",
        (zone_id, pattern),
    ).fetchone()
    return row is not None


def _respond(db: sqlite3.Connection, query: dns.message.Message) -> dns.message.Message:
    response = dns.message.make_response(query)
    response.flags &= ~dns.flags.RA
    if query.opcode() != dns.opcode.QUERY or len(query.question) != 1:
        response.set_rcode(dns.rcode.NOTIMP if query.opcode() != dns.opcode.QUERY else dns.rcode.FORMERR)
        return response
    question = query.question[0]
    qname, rdtype = question.name, question.rdtype
    found = _zone_of(db, qname) if question.rdclass == dns.rdataclass.IN else None
    if found is None:
        response.set_rcode(dns.rcode.REFUSED)
        return response
    zone_id, zone = found
    response.flags |= dns.flags.AA
    relative = qname.relativize(zone).to_text().lower()
    host = "@" if relative == "@" else relative
    rrsets = _rrsets(db, zone_id, qname, host)
    wanted = [r for r in rrsets if r.rdtype == rdtype or rdtype == dns.rdatatype.ANY]
    cname = [r for r in rrsets if r.rdtype == dns.rdatatype.CNAME]
    if wanted:
        response.answer.extend(wanted)
    elif cname:
        response.answer.extend(cname)  # the alias; the resolver follows it (the target is in another zone)
    elif rdtype == dns.rdatatype.SOA and host == "@":
        response.answer.append(_soa(zone))
    else:
        response.authority.append(_soa(zone))
        if not rrsets and host != "@" and not _has_descendants(db, zone_id, host):
            response.set_rcode(dns.rcode.NXDOMAIN)
    return response


def answer(db: sqlite3.Connection, wire: bytes, *, max_size: int = 65535) -> bytes:
    """The authoritative answer to the DNS query ``wire``, in wire format.

    Args:
        db: a connection to the emulator's state file, inside a read transaction.
        wire: one DNS query message.
        max_size: the largest answer the transport carries: 512 over UDP (more with EDNS), 65535 over
            TCP; a larger answer is sent empty with TC set, so the client asks again over TCP.
    """
    try:
        query = dns.message.from_wire(wire)
    except dns.exception.DNSException:
        return b""  # not a DNS message: no answer, as servers drop garbage
    response = _respond(db, query)
    limit = max(max_size, query.payload) if max_size < 65535 and query.edns >= 0 else max_size
    try:
        return response.to_wire(max_size=limit)
    except dns.exception.TooBig:
        truncated = dns.message.make_response(query)
        truncated.flags |= dns.flags.TC | (response.flags & dns.flags.AA)
        return truncated.to_wire()


class _Udp(socketserver.ThreadingUDPServer):
    daemon_threads = True


class _Tcp(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


class EmulatorNameserver:
    """The emulator's DNS answers on one loopback port, UDP and TCP, each served from a daemon thread.

    Args:
        answer_wire: ``(query wire, max answer size) -> answer wire``, e.g. :meth:`Emulator.answer_dns`.
        host: the address to listen on; loopback by default.
        port: the port for both protocols; 0 picks one free for both.
    """

    def __init__(self, answer_wire: AnswerWire, *, host: str = "127.0.0.1", port: int = 0) -> None:
        self._answer = answer_wire
        self._udp, self._tcp = self._bind(host, port)
        self.host: str = str(self._udp.server_address[0])
        self.port: int = int(self._udp.server_address[1])
        self._threads: list[threading.Thread] = []

    def _bind(self, host: str, port: int) -> tuple[_Udp, _Tcp]:
        answer = self._answer

        class UdpHandler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                data, sock = self.request
                reply = answer(data, _UDP_LIMIT)
                if reply:
                    sock.sendto(reply, self.client_address)

        class TcpHandler(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                while True:  # RFC 7766: several queries may share one connection
                    size = self.rfile.read(2)
                    if len(size) < 2:
                        return
                    reply = answer(self.rfile.read(int.from_bytes(size, "big")), 65535)
                    if not reply:
                        return
                    self.wfile.write(len(reply).to_bytes(2, "big") + reply)

        for _ in range(20):  # port 0: the free UDP port may be taken for TCP; try another
            udp = _Udp((host, port), UdpHandler)
            try:
                tcp = _Tcp((host, udp.server_address[1]), TcpHandler)
            except OSError:
                udp.server_close()
                if port:
                    raise
                continue
            return udp, tcp
        raise OSError(f"no port free for both UDP and TCP on {host}")  # pragma: no cover

    def __str__(self) -> str:
        return f"{self.host}:{self.port}"

    def start(self) -> EmulatorNameserver:
        """Serve both protocols in daemon threads; returns ``self``."""
        for server in (self._udp, self._tcp):
            thread = threading.Thread(target=server.serve_forever, name="tclive-emulator-dns", daemon=True)
            thread.start()
            self._threads.append(thread)
        return self

    def close(self) -> None:
        """Stop serving and close both sockets."""
        for server in (self._udp, self._tcp):
            if self._threads:
                server.shutdown()
            server.server_close()
        self._threads = []

    def __enter__(self) -> EmulatorNameserver:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

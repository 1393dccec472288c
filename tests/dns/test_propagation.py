"""Direct authoritative queries and the wait for every nameserver, against BIND and small fake servers."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator

import dns.flags
import dns.message
import dns.rcode
import pytest

from pulumi_tclive.dns import (
    Nameserver,
    Rfc2136Backend,
    authoritative_nameservers,
    query_cname,
    wait_for_cname,
)
from pulumi_tclive.errors import DnsError, PropagationTimeout
from tests.fixtures.bind import BindServer

pytestmark = pytest.mark.bind

TARGET = "live.tlivecdn.com"


def _answer_refused(query: dns.message.Message) -> dns.message.Message:
    response = dns.message.make_response(query)
    response.set_rcode(dns.rcode.REFUSED)
    return response


def _answer_not_authoritative(query: dns.message.Message) -> dns.message.Message:
    response = dns.message.make_response(query)
    response.flags &= ~dns.flags.AA
    return response


@pytest.fixture
def fake_server() -> Iterator[Callable[[Callable[[dns.message.Message], dns.message.Message] | None], Nameserver]]:
    """Start UDP servers on 127.0.0.1 that answer with a function, or never answer (``None``)."""
    sockets: list[socket.socket] = []

    def start(answer: Callable[[dns.message.Message], dns.message.Message] | None) -> Nameserver:
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        sock.bind(("127.0.0.1", 0))
        sockets.append(sock)

        def serve() -> None:
            while True:
                try:
                    data, peer = sock.recvfrom(4096)
                except OSError:
                    return
                if answer is not None:
                    sock.sendto(answer(dns.message.from_wire(data)).to_wire(), peer)

        threading.Thread(target=serve, daemon=True).start()
        return Nameserver("127.0.0.1", sock.getsockname()[1])

    yield start
    for sock in sockets:
        sock.close()


@pytest.fixture
def backend(bind_server: BindServer) -> Rfc2136Backend:
    return Rfc2136Backend(bind_server.nameserver, key_name=bind_server.key_name, secret=bind_server.secret)


def test_query_cname_reads_the_authoritative_answer(
    backend: Rfc2136Backend, bind_server: BindServer, record_name: str
) -> None:
    assert query_cname(record_name, bind_server.nameserver) is None
    backend.ensure(record_name, "example.test", TARGET.upper(), 600, overwrite=False)

    assert query_cname(record_name, bind_server.nameserver) == TARGET


def test_query_cname_refuses_answers_that_are_not_authoritative(
    fake_server: Callable[[Callable[[dns.message.Message], dns.message.Message] | None], Nameserver],
    bind_server: BindServer,
) -> None:
    cache = fake_server(_answer_not_authoritative)
    with pytest.raises(DnsError, match=f"nameserver {cache} gave no authoritative answer .*AA flag clear"):
        query_cname("play.example.test", cache)
    with pytest.raises(DnsError, match="REFUSED"):
        query_cname("play.elsewhere.test", bind_server.nameserver)


def test_authoritative_nameservers_follow_ns_then_addresses(bind_server: BindServer) -> None:
    found = authoritative_nameservers("example.test", resolver_nameservers=[bind_server.nameserver], port=1053)

    assert found == [Nameserver("127.0.0.1", 1053)]


def test_authoritative_nameservers_of_an_unknown_zone_is_a_clear_error(bind_server: BindServer) -> None:
    with pytest.raises(DnsError, match=r"cannot find the nameservers of zone elsewhere.test"):
        authoritative_nameservers("elsewhere.test", resolver_nameservers=[bind_server.nameserver], timeout=2)


def test_wait_returns_at_once_when_every_server_has_it(
    backend: Rfc2136Backend, bind_server: BindServer, record_name: str
) -> None:
    backend.ensure(record_name, "example.test", TARGET, 600, overwrite=False)
    lines: list[str] = []

    wait_for_cname(record_name, TARGET, nameservers=[bind_server.nameserver], timeout=5, progress=lines.append)

    assert lines == []


def test_wait_sees_a_record_added_later(backend: Rfc2136Backend, bind_server: BindServer, record_name: str) -> None:
    adder = threading.Timer(1.0, bind_server.add, args=(record_name + ".", "CNAME", TARGET + "."))
    adder.start()
    lines: list[str] = []
    try:
        wait_for_cname(
            record_name, TARGET, nameservers=[bind_server.nameserver], timeout=20, progress=lines.append, interval=0.2
        )
    finally:
        adder.join()

    assert lines, "a progress line is printed while waiting"
    assert lines[0].startswith(f"waiting for {record_name} CNAME at 0/1 nameservers, ")
    assert lines[0].endswith("s of 20s")


def test_timeout_lists_each_servers_last_answer(
    fake_server: Callable[[Callable[[dns.message.Message], dns.message.Message] | None], Nameserver],
    backend: Rfc2136Backend,
    bind_server: BindServer,
    record_name: str,
) -> None:
    backend.ensure(record_name, "example.test", "old.tlivecdn.com", 600, overwrite=False)
    refusing, cache, silent = fake_server(_answer_refused), fake_server(_answer_not_authoritative), fake_server(None)
    servers = [bind_server.nameserver, refusing, cache, silent]

    with pytest.raises(PropagationTimeout) as caught:
        wait_for_cname(
            record_name, TARGET, nameservers=servers, timeout=1.0, progress=lambda _: None, query_timeout=0.3
        )

    answers = caught.value.answers
    assert answers[str(bind_server.nameserver)] == "CNAME old.tlivecdn.com"
    assert answers[str(refusing)].startswith("REFUSED")
    assert answers[str(cache)].startswith("not authoritative")
    assert answers[str(silent)].startswith("timeout")
    message = str(caught.value)
    assert f"CNAME {record_name} -> {TARGET}" in message and "(0/4 have it)" in message
    for server, text in answers.items():
        assert f"{server}: {text}" in message
    assert "tclive:nameservers" in message


def test_timeout_names_nxdomain_for_a_missing_record(bind_server: BindServer, record_name: str) -> None:
    with pytest.raises(PropagationTimeout, match="NXDOMAIN"):
        wait_for_cname(record_name, TARGET, nameservers=[bind_server.nameserver], timeout=0.3, progress=lambda _: None)

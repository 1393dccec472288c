"""dns="manual" on a machine without working DNS: a message that says so, not dnspython's NoRootSOA."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import dns.message
import dns.rcode
import pytest

from pulumi_tclive.dns import ManualBackend
from pulumi_tclive.dns.base import Nameserver
from pulumi_tclive.errors import DnsError


@pytest.fixture
def nxdomain_everything() -> Iterator[Nameserver]:
    """A UDP resolver on loopback that says no name exists, the root included (what an offline sandbox answers)."""
    server = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    server.bind(("127.0.0.1", 0))
    server.settimeout(0.2)
    stop = threading.Event()

    def answer() -> None:
        while not stop.is_set():
            try:
                wire, client = server.recvfrom(4096)
            except TimeoutError:
                continue
            response = dns.message.make_response(dns.message.from_wire(wire))
            response.set_rcode(dns.rcode.NXDOMAIN)
            server.sendto(response.to_wire(), client)

    thread = threading.Thread(target=answer, daemon=True)
    thread.start()
    yield Nameserver("127.0.0.1", server.getsockname()[1])
    stop.set()
    thread.join()
    server.close()


def test_no_working_dns_is_named_as_such(nxdomain_everything: Nameserver) -> None:
    with pytest.raises(DnsError) as caught:
        ManualBackend([nxdomain_everything]).find_zone("play.example.com")
    message = str(caught.value)
    assert "NoRootSOA" not in message and "should never happen" not in message
    assert f"the servers in tclive:nameservers ({nxdomain_everything}) answered that no name above it exists" in message
    assert "this machine has no working DNS" in message

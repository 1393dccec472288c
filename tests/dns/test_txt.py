"""TXT records on a real BIND 9 through the RFC 2136 backend: one value at a time, never next to a CNAME."""

from __future__ import annotations

import io

import pytest

from pulumi_tclive.dns import ManualBackend, Rfc2136Backend
from pulumi_tclive.errors import DnsConflictError
from tests.fixtures.bind import BindServer

pytestmark = pytest.mark.bind

VALUE = "cssauth_0123456789abcdef0123456789abcdef"


@pytest.fixture
def backend(bind_server: BindServer) -> Rfc2136Backend:
    return Rfc2136Backend(bind_server.nameserver, key_name=bind_server.key_name, secret=bind_server.secret)


def test_ensure_txt_adds_once_and_keeps_other_values(
    backend: Rfc2136Backend, bind_server: BindServer, record_name: str
) -> None:
    bind_server.add(record_name + ".", "TXT", '"someone-else"')

    backend.ensure_txt(record_name, "example.test", VALUE, 600)
    backend.ensure_txt(record_name, "example.test", VALUE, 600)

    assert sorted(bind_server.lookup(record_name + ".", "TXT")) == [f'"{VALUE}"', '"someone-else"']
    assert sorted(backend.read_txt(record_name, "example.test")) == [VALUE, "someone-else"]


def test_ensure_txt_refuses_a_cname_at_the_name(
    backend: Rfc2136Backend, bind_server: BindServer, record_name: str
) -> None:
    bind_server.add(record_name + ".", "CNAME", "live.tlivecdn.com.")

    with pytest.raises(DnsConflictError, match="CNAME"):
        backend.ensure_txt(record_name, "example.test", VALUE, 600)

    assert bind_server.lookup(record_name + ".", "CNAME") == ["live.tlivecdn.com."]


def test_delete_txt_removes_only_its_value(backend: Rfc2136Backend, bind_server: BindServer, record_name: str) -> None:
    bind_server.add(record_name + ".", "TXT", '"someone-else"')
    backend.ensure_txt(record_name, "example.test", VALUE, 600)

    assert backend.delete_txt(record_name, "example.test", VALUE) is True
    assert backend.delete_txt(record_name, "example.test", VALUE) is False

    assert bind_server.lookup(record_name + ".", "TXT") == ['"someone-else"']


def test_manual_prints_the_exact_record_until_it_is_served(bind_server: BindServer, record_name: str) -> None:
    out = io.StringIO()
    manual = ManualBackend([bind_server.nameserver], out=out)

    manual.ensure_txt(record_name, "example.test", VALUE, 600)
    assert f'{record_name}. 600 IN TXT "{VALUE}"' in out.getvalue()

    bind_server.add(record_name + ".", "TXT", f'"{VALUE}"')
    manual.ensure_txt(record_name, "example.test", VALUE, 600)
    assert "already in place" in out.getvalue()

"""The manual backend prints what to do and reads what the authoritative servers answer."""

from __future__ import annotations

import io
import threading

import pytest

from pulumi_tclive.dns import ManualBackend, Nameserver, wait_for_cname
from pulumi_tclive.errors import DnsConflictError
from tests.fixtures.bind import BindServer

pytestmark = pytest.mark.bind

TARGET = "play.example.test.tlivecdn.com"


def test_ensure_prints_the_record_and_the_wait_sees_it_appear(bind_server: BindServer, record_name: str) -> None:
    out = io.StringIO()
    backend = ManualBackend([bind_server.nameserver], out=out)
    zone = backend.find_zone(record_name)

    state = backend.ensure(record_name, zone, TARGET, 600, overwrite=False)

    assert state.target is None
    assert f"\n  {record_name}. 600 IN CNAME {TARGET}.\n" in out.getvalue() + "\n"
    assert bind_server.lookup(record_name + ".", "CNAME") == [], "manual mode writes nothing"
    # The person adds the record a moment later; the propagation wait notices.
    adder = threading.Timer(1.0, bind_server.add, args=(record_name + ".", "CNAME", TARGET + ".", 600))
    adder.start()
    try:
        wait_for_cname(
            record_name,
            TARGET,
            nameservers=[bind_server.nameserver],
            timeout=20,
            progress=lambda line: print(line, file=out),
            interval=0.2,
        )
    finally:
        adder.join()
    assert backend.read(record_name, zone).target == TARGET


def test_ensure_reports_a_record_already_in_place(bind_server: BindServer, record_name: str) -> None:
    bind_server.add(record_name + ".", "CNAME", TARGET + ".", ttl=600)
    out = io.StringIO()

    state = ManualBackend([bind_server.nameserver], out=out).ensure(
        record_name, "example.test", TARGET, 600, overwrite=False
    )

    assert (state.target, state.ttl, state.record_id) == (TARGET, 600, record_name)
    assert out.getvalue() == f"DNS record already in place: {record_name}. 600 IN CNAME {TARGET}.\n"


def test_a_different_cname_is_a_conflict_unless_overwrite(bind_server: BindServer, record_name: str) -> None:
    bind_server.add(record_name + ".", "CNAME", "someone.else.example.", ttl=600)
    out = io.StringIO()
    backend = ManualBackend([bind_server.nameserver], out=out)

    with pytest.raises(DnsConflictError, match=r"someone.else.example"):
        backend.ensure(record_name, "example.test", TARGET, 600, overwrite=False)
    backend.ensure(record_name, "example.test", TARGET, 600, overwrite=True)

    assert "replacing the CNAME to someone.else.example" in out.getvalue()
    assert f"{record_name}. 600 IN CNAME {TARGET}." in out.getvalue()


def test_delete_prints_the_record_to_remove(bind_server: BindServer, record_name: str) -> None:
    bind_server.add(record_name + ".", "CNAME", TARGET + ".", ttl=600)
    out = io.StringIO()
    backend = ManualBackend([bind_server.nameserver], out=out)
    state = backend.read(record_name, "example.test")

    assert backend.delete(state) is True

    assert f"  {record_name}. 600 IN CNAME {TARGET}." in out.getvalue()
    assert bind_server.lookup(record_name + ".", "CNAME") == [TARGET + "."], "manual mode deletes nothing"


def test_update_prints_the_record_to_remove_and_the_one_to_add(bind_server: BindServer, record_name: str) -> None:
    bind_server.add(record_name + ".", "CNAME", "old.tlivecdn.com.", ttl=300)
    out = io.StringIO()
    backend = ManualBackend([bind_server.nameserver], out=out)

    state = backend.update(backend.read(record_name, "example.test"), TARGET, 600)

    assert state.target == "old.tlivecdn.com", "manual mode changes nothing itself"
    assert f"remove: {record_name}. 300 IN CNAME old.tlivecdn.com." in out.getvalue()
    assert f"add:    {record_name}. 600 IN CNAME {TARGET}." in out.getvalue()


def test_prove_writable_is_always_true_and_asks_nobody() -> None:
    backend = ManualBackend([Nameserver("127.0.0.1", 9)])  # nothing listens there
    assert backend.prove_writable("play.example.com", None, overwrite=False) is None
    assert backend.prove_writable("play.example.com", "example.com", overwrite=False) == "example.com"

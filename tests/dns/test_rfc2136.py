"""The RFC 2136 backend against a real BIND 9: guarded writes, read-back, conflicts and clear failures."""

from __future__ import annotations

import base64
import os

import dns.message
import dns.query
import dns.rcode
import dns.update
import pytest

from pulumi_tclive.dns import Nameserver, Rfc2136Backend
from pulumi_tclive.errors import ConfigurationError, DnsConflictError, DnsError, DnsUpdateError
from tests.fixtures.bind import BindServer

pytestmark = pytest.mark.bind

TARGET = "live.tlivecdn.com"
OTHER_TARGET = "other.tlivecdn.com"


@pytest.fixture
def backend(bind_server: BindServer) -> Rfc2136Backend:
    return Rfc2136Backend(bind_server.nameserver, key_name=bind_server.key_name, secret=bind_server.secret)


def test_create_writes_the_cname_and_reads_it_back(
    backend: Rfc2136Backend, bind_server: BindServer, record_name: str
) -> None:
    state = backend.ensure(record_name, "example.test", TARGET, 600, overwrite=False)

    assert (state.fqdn, state.zone, state.target, state.ttl) == (record_name, "example.test", TARGET, 600)
    assert state.record_id == record_name
    assert bind_server.lookup(record_name + ".", "CNAME") == [TARGET + "."]


def test_update_changes_target_and_ttl(backend: Rfc2136Backend, bind_server: BindServer, record_name: str) -> None:
    created = backend.ensure(record_name, "example.test", TARGET, 600, overwrite=False)

    updated = backend.update(created, OTHER_TARGET, 300)

    assert (updated.target, updated.ttl) == (OTHER_TARGET, 300)
    assert bind_server.lookup(record_name + ".", "CNAME") == [OTHER_TARGET + "."]


def test_delete_removes_the_cname(backend: Rfc2136Backend, bind_server: BindServer, record_name: str) -> None:
    created = backend.ensure(record_name, "example.test", TARGET, 600, overwrite=False)

    assert backend.delete(created) is True

    assert bind_server.lookup(record_name + ".", "CNAME") == []
    gone = backend.read(record_name, "example.test")
    assert (gone.target, gone.ttl, gone.other_types, gone.record_id) == (None, None, (), "")


def test_identical_cname_is_adopted_and_only_its_ttl_fixed(
    backend: Rfc2136Backend, bind_server: BindServer, record_name: str
) -> None:
    bind_server.add(record_name + ".", "CNAME", TARGET.upper() + ".", ttl=60)

    state = backend.ensure(record_name.upper(), "example.test", TARGET, 600, overwrite=False)

    assert (state.target, state.ttl) == (TARGET, 600)
    assert backend.read(record_name, "example.test").ttl == 600


def test_different_cname_is_not_clobbered(backend: Rfc2136Backend, bind_server: BindServer, record_name: str) -> None:
    bind_server.add(record_name + ".", "CNAME", OTHER_TARGET + ".")

    with pytest.raises(DnsConflictError) as caught:
        backend.ensure(record_name, "example.test", TARGET, 600, overwrite=False)

    assert f"a CNAME to {OTHER_TARGET}" in str(caught.value)
    assert "overwrite=True" in str(caught.value)
    assert bind_server.lookup(record_name + ".", "CNAME") == [OTHER_TARGET + "."]


def test_other_data_at_the_name_is_not_clobbered(
    backend: Rfc2136Backend, bind_server: BindServer, record_name: str
) -> None:
    bind_server.add(record_name + ".", "A", "192.0.2.7")
    bind_server.add(record_name + ".", "TXT", '"owner=someone-else"')

    assert backend.read(record_name, "example.test").other_types == ("A", "TXT")
    with pytest.raises(DnsConflictError, match=r"other records \(A, TXT\)"):
        backend.ensure(record_name, "example.test", TARGET, 600, overwrite=False)

    assert bind_server.lookup(record_name + ".", "A") == ["192.0.2.7"]


def test_overwrite_replaces_other_data_atomically(
    backend: Rfc2136Backend, bind_server: BindServer, record_name: str
) -> None:
    bind_server.add(record_name + ".", "A", "192.0.2.7")
    bind_server.add(record_name + ".", "TXT", '"old"')

    state = backend.ensure(record_name, "example.test", TARGET, 600, overwrite=True)

    assert (state.target, state.other_types) == (TARGET, ())
    assert bind_server.lookup(record_name + ".", "TXT") == []
    assert bind_server.lookup(record_name + ".", "CNAME") == [TARGET + "."]


def test_overwrite_replaces_a_different_cname(
    backend: Rfc2136Backend, bind_server: BindServer, record_name: str
) -> None:
    bind_server.add(record_name + ".", "CNAME", OTHER_TARGET + ".")

    state = backend.ensure(record_name, "example.test", TARGET, 600, overwrite=True)

    assert state.target == TARGET
    assert bind_server.lookup(record_name + ".", "CNAME") == [TARGET + "."]


def test_out_of_band_delete_reads_as_gone_and_delete_reports_it(
    backend: Rfc2136Backend, bind_server: BindServer, record_name: str
) -> None:
    created = backend.ensure(record_name, "example.test", TARGET, 600, overwrite=False)
    bind_server.remove(record_name + ".")

    assert backend.read(record_name, "example.test").target is None
    assert backend.delete(created) is False


def test_out_of_band_change_is_read_and_guards_update_and_delete(
    backend: Rfc2136Backend, bind_server: BindServer, record_name: str
) -> None:
    created = backend.ensure(record_name, "example.test", TARGET, 600, overwrite=False)
    bind_server.remove(record_name + ".")
    bind_server.add(record_name + ".", "CNAME", OTHER_TARGET + ".")

    assert backend.read(record_name, "example.test").target == OTHER_TARGET
    with pytest.raises(DnsConflictError, match=f"expected CNAME {TARGET}, found a CNAME to {OTHER_TARGET}"):
        backend.update(created, "third.tlivecdn.com", 600)
    assert backend.delete(created) is False
    assert bind_server.lookup(record_name + ".", "CNAME") == [OTHER_TARGET + "."]


def test_wrong_tsig_secret_is_a_clear_error_without_the_secret(bind_server: BindServer, record_name: str) -> None:
    wrong = base64.b64encode(os.urandom(32)).decode()
    backend = Rfc2136Backend(bind_server.nameserver, key_name=bind_server.key_name, secret=wrong)

    with pytest.raises(DnsUpdateError) as caught:
        backend.ensure(record_name, "example.test", TARGET, 600, overwrite=False)

    message = str(caught.value)
    assert caught.value.rcode == "BADSIG"
    assert "tclive:rfc2136TsigSecret" in message
    assert str(bind_server.nameserver) in message and record_name in message
    assert wrong not in message and bind_server.secret not in message
    assert bind_server.lookup(record_name + ".", "CNAME") == []


def test_unknown_tsig_key_is_a_clear_error(bind_server: BindServer, record_name: str) -> None:
    backend = Rfc2136Backend(bind_server.nameserver, key_name="nobody-key", secret=bind_server.secret)

    with pytest.raises(DnsUpdateError, match=r"does not know TSIG key nobody-key.") as caught:
        backend.ensure(record_name, "example.test", TARGET, 600, overwrite=False)
    assert caught.value.rcode == "BADKEY"


def test_unsigned_update_is_refused_by_the_server(bind_server: BindServer, record_name: str) -> None:
    update = dns.update.UpdateMessage("example.test.")
    update.add(record_name + ".", 600, "CNAME", TARGET + ".")

    response = dns.query.tcp(update, "127.0.0.1", port=bind_server.port, timeout=5)

    assert response.rcode() == dns.rcode.REFUSED
    assert bind_server.lookup(record_name + ".", "CNAME") == []


def test_key_not_allowed_to_update_gets_refused_with_advice(bind_server: BindServer, record_name: str) -> None:
    backend = Rfc2136Backend(
        bind_server.nameserver, key_name=bind_server.denied_key_name, secret=bind_server.denied_secret
    )

    with pytest.raises(DnsUpdateError) as caught:
        backend.ensure(record_name, "example.test", TARGET, 600, overwrite=False)

    assert caught.value.rcode == "REFUSED"
    assert "allow-update/update-policy for zone example.test" in str(caught.value)


def test_cname_at_the_apex_is_refused_before_writing(backend: Rfc2136Backend, bind_server: BindServer) -> None:
    zone = backend.find_zone("Example.Test.")
    assert zone == "example.test"

    with pytest.raises(DnsConflictError, match=r"apex of zone example.test"):
        backend.ensure("example.test", zone, TARGET, 600, overwrite=True)

    assert bind_server.lookup("example.test.", "CNAME") == []


def test_find_zone_walks_up_and_knows_each_zone(backend: Rfc2136Backend, record_name: str) -> None:
    assert backend.find_zone(record_name) == "example.test"
    assert backend.find_zone("a.b.c.other.test") == "other.test"
    assert backend.find_zone("www.example.test") == "example.test"


def test_find_zone_outside_the_servers_zones_is_a_clear_error(backend: Rfc2136Backend) -> None:
    with pytest.raises(DnsError, match=r"serves no zone that contains play.elsewhere.test"):
        backend.find_zone("play.elsewhere.test")


def test_idn_names_are_written_as_a_labels(backend: Rfc2136Backend, bind_server: BindServer) -> None:
    state = backend.ensure("Bücher.example.test", "example.test", TARGET, 600, overwrite=False)
    try:
        assert state.fqdn == "xn--bcher-kva.example.test"
        assert bind_server.lookup("xn--bcher-kva.example.test.", "CNAME") == [TARGET + "."]
    finally:
        backend.delete(state)


def test_noerror_without_the_record_is_not_success(
    backend: Rfc2136Backend, record_name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A server that answers NOERROR but ignores the change (BIND does for a CNAME next to other data).
    def ignoring_server(message: dns.message.Message, *args: object, **kwargs: object) -> dns.message.Message:
        return dns.message.make_response(message)

    monkeypatch.setattr(dns.query, "tcp", ignoring_server)

    with pytest.raises(DnsUpdateError, match=r"answered NOERROR to the create .* but now serves no CNAME"):
        backend.ensure(record_name, "example.test", TARGET, 600, overwrite=False)


def test_unreachable_server_is_a_clear_error(bind_server: BindServer, record_name: str) -> None:
    backend = Rfc2136Backend(Nameserver("127.0.0.1", 1), key_name="k", secret=bind_server.secret, timeout=2)

    with pytest.raises(DnsUpdateError, match=r"at server 127\.0\.0\.1:1 could not connect"):
        backend.ensure(record_name, "example.test", TARGET, 600, overwrite=False)


def test_settings_are_checked_and_the_secret_never_shown() -> None:
    secret = base64.b64encode(b"s" * 32).decode()
    backend = Rfc2136Backend(Nameserver("192.0.2.1"), key_name="ddns-key", secret=secret)
    assert secret not in repr(backend)
    assert "ddns-key." in repr(backend)

    with pytest.raises(ConfigurationError, match="not valid base64") as caught:
        Rfc2136Backend(Nameserver("192.0.2.1"), key_name="k", secret="not base64!")
    assert "not base64!" not in str(caught.value)
    with pytest.raises(ConfigurationError, match="hmac-sha256"):
        Rfc2136Backend(Nameserver("192.0.2.1"), key_name="k", secret=secret, algorithm="hmac-sha3")


def test_prove_writable_needs_the_server_to_answer_for_the_zone(backend: Rfc2136Backend, record_name: str) -> None:
    assert backend.prove_writable(record_name, None, overwrite=False) == "example.test"
    with pytest.raises(DnsError, match="serves no zone that contains"):
        backend.prove_writable("play.example.org", None, overwrite=False)


def test_prove_writable_refuses_other_data_unless_overwrite(
    backend: Rfc2136Backend, bind_server: BindServer, record_name: str
) -> None:
    bind_server.add(record_name + ".", "TXT", '"hello"')
    with pytest.raises(DnsConflictError, match=r"already holds other records \(TXT\)"):
        backend.prove_writable(record_name, "example.test", overwrite=False)
    assert backend.prove_writable(record_name, "example.test", overwrite=True) == "example.test"
    assert bind_server.lookup(record_name + ".", "CNAME") == []

"""Name normal form, nameserver addresses and the rules checked before any write."""

from __future__ import annotations

import pytest

from pulumi_tclive.dns import Nameserver, dns_name, normalise_name
from pulumi_tclive.dns.base import check_cname_owner, check_ttl, relative_name
from pulumi_tclive.errors import DnsConflictError, DnsError


@pytest.mark.parametrize(
    ("given", "normal"),
    [
        ("Play.Example.COM.", "play.example.com"),
        ("  play.example.com  ", "play.example.com"),
        ("bücher.example.test", "xn--bcher-kva.example.test"),
        ("Bücher.example.test", "xn--bcher-kva.example.test"),
        ("faß.de", "xn--fa-hia.de"),  # IDNA 2008, not the stdlib's IDNA 2003 "fass.de"
        ("_acme-challenge.example.com", "_acme-challenge.example.com"),
        ("*.example.com", "*.example.com"),
    ],
)
def test_names_have_one_normal_form(given: str, normal: str) -> None:
    assert normalise_name(given) == normal


@pytest.mark.parametrize("bad", ["", ".", "a..b.com", "x" * 64 + ".com", ("a" * 60 + ".") * 5 + "com"])
def test_invalid_names_are_refused_with_the_value(bad: str) -> None:
    with pytest.raises(DnsError) as caught:
        normalise_name(bad)
    assert repr(bad) in str(caught.value)


def test_dns_names_are_always_absolute() -> None:
    name = dns_name("play.example.com")
    assert name.is_absolute()
    assert name.to_text() == "play.example.com."


@pytest.mark.parametrize(
    ("text", "parsed", "shown"),
    [
        ("192.0.2.53", Nameserver("192.0.2.53", 53), "192.0.2.53:53"),
        ("ns1.example.com:5353", Nameserver("ns1.example.com", 5353), "ns1.example.com:5353"),
        ("2001:db8::53", Nameserver("2001:db8::53", 53), "[2001:db8::53]:53"),
        ("[2001:db8::53]:5300", Nameserver("2001:db8::53", 5300), "[2001:db8::53]:5300"),
        # The edges of the port range, and the default port (53) of a Nameserver given only a host.
        ("ns1.example.com:1", Nameserver("ns1.example.com", 1), "ns1.example.com:1"),
        ("ns1.example.com:65535", Nameserver("ns1.example.com", 65535), "ns1.example.com:65535"),
        ("ns1.example.com", Nameserver("ns1.example.com"), "ns1.example.com:53"),
    ],
)
def test_nameserver_addresses_parse_and_print(text: str, parsed: Nameserver, shown: str) -> None:
    assert Nameserver.parse(text) == parsed
    assert str(parsed) == shown


@pytest.mark.parametrize(
    ("bad", "why"),
    [
        ("", "empty nameserver address: write host or host:port"),
        ("host:0", "nameserver address 'host:0' has an invalid port '0': use 1-65535"),
        ("host:65536", "nameserver address 'host:65536' has an invalid port '65536': use 1-65535"),
        ("host:99999", "nameserver address 'host:99999' has an invalid port '99999': use 1-65535"),
        ("host:x", "nameserver address 'host:x' has an invalid port 'x': use 1-65535"),
        ("[::1", r"nameserver address '\[::1' is malformed: write \[IPv6\]:port"),
        (":53", "nameserver address ':53' has no host: write host or host:port"),
    ],
)
def test_bad_nameserver_addresses_are_refused(bad: str, why: str) -> None:
    with pytest.raises(DnsError, match=f"^{why}"):
        Nameserver.parse(bad)


def test_relative_names_for_dnspod() -> None:
    assert relative_name("play.example.com", "example.com") == "play"
    assert relative_name("a.b.example.com.", "Example.com") == "a.b"
    assert relative_name("example.com", "example.com") == "@"
    with pytest.raises(DnsError, match=r"not inside zone example.org"):
        relative_name("play.example.com", "example.org")


def test_cname_at_zone_apex_is_refused_before_any_write() -> None:
    with pytest.raises(DnsConflictError, match=r"apex of zone example.com"):
        check_cname_owner("Example.com.", "example.com")
    check_cname_owner("play.example.com", "example.com")


@pytest.mark.parametrize("ttl", [-1, 2**31, True, 1.5])
def test_ttl_out_of_range_is_refused(ttl: object) -> None:
    with pytest.raises(DnsError, match="TTL"):
        check_ttl(ttl)  # type: ignore[arg-type]


def test_ttl_range_is_rfc_2181s_0_to_2_to_the_31_minus_1() -> None:
    check_ttl(0)
    check_ttl(2**31 - 1)
    with pytest.raises(
        DnsError, match=r"^TTL 2147483648 is out of range for DNS: use a whole number of seconds from 0 to 2147483647$"
    ):
        check_ttl(2**31)

"""DNS records: CNAME owner names, CNAME targets, zones and TTLs, and the DNS backends that write them."""

from __future__ import annotations

import math

from ._names import _hostname_problems, _normalize_text, normalize_domain_name
from ._problem import Problem, _is_str, _same, _show, _text

__all__ = [
    "DNSPOD_MAX_TTL",
    "DNS_BACKENDS",
    "MAX_TTL",
    "VERIFY_MODES",
    "check_cname_target",
    "check_dns_name",
    "check_ttl",
    "check_verify_timeout",
    "check_zone",
]

DNS_BACKENDS = ("dnspod", "rfc2136", "manual")
VERIFY_MODES = ("dns", "cloud", "none")
# DNSPod's TTL range (docs/design.md#dnspod-records); other backends: RFC 2181 §8 (< 2**31).
DNSPOD_MAX_TTL = 604800
MAX_TTL = 2147483647


def check_dns_name(value: object, property: str) -> list[Problem]:
    """Check a CNAME owner name: the same rules as a live domain, but internationalised names pass.

    An IDN is valid here in its A-label form (what :func:`normalize_domain_name` produces).

    Args:
        value: the owner name as given.
        property: the argument name to report problems against, e.g. ``"name"``.
    """
    return _hostname_problems(value, property, noun="DNS name", allow_idn=True, min_labels=2, refuse_tencent=True)


def check_cname_target(value: object, *, name: object, property: str = "target") -> list[Problem]:
    """Check a CNAME target: a host name (not an IP literal, not a wildcard), not the owner itself.

    Args:
        value: the target as given, normally a LiveDomain's ``cname_target``.
        name: the CNAME owner; a target equal to it would be a loop (RFC 1034; ends in SERVFAIL).
        property: the argument name to report problems against.
    """
    problems = _hostname_problems(
        value, property, noun="CNAME target", allow_idn=True, min_labels=2, refuse_tencent=False
    )
    if problems or not _is_str(name):
        return problems
    if normalize_domain_name(value) == normalize_domain_name(name):
        problems.append(
            Problem(
                property,
                value,
                f"{property} {_show(value)} is the record's own name; a CNAME pointing at itself is a loop "
                "that resolvers answer with SERVFAIL.",
                "Point the CNAME at the target Tencent assigned: target=<LiveDomain>.cname_target.",
            )
        )
    return problems


def _parent(name: str) -> str:
    """The name one label up (``live.example.com`` → ``example.com``); a single label stays as it is."""
    return name.partition(".")[2] or name


def check_zone(zone: object, *, name: object, property: str = "zone") -> list[Problem]:
    """Check the DNS zone a CNAME is written into, and that the record's name lies strictly inside it.

    ``None`` means "find the zone" and passes. A name equal to the zone would put the CNAME at the
    apex, next to the zone's SOA and NS records, which RFC 1034 §3.6.2 forbids.

    Args:
        zone: the zone as given, e.g. ``"example.com"``, or None.
        name: the CNAME owner name; the containment check is skipped when it is not text.
        property: the argument name to report problems against.
    """
    if zone is None:
        return []
    problems = _hostname_problems(zone, property, noun="DNS zone", allow_idn=True, min_labels=1, refuse_tencent=False)
    if problems or not _is_str(name):
        return problems
    zone_name = _normalize_text(_text(zone))
    owner = _normalize_text(_text(name))
    if not owner:
        return problems
    if owner == zone_name:
        problems.append(
            Problem(
                property,
                zone,
                f"{property} {_show(zone)} is the name {_show(name)} itself: a CNAME cannot sit at the zone apex, "
                "where the zone's SOA and NS records are (RFC 1034 §3.6.2: a CNAME owner holds no other data).",
                f"Use a sub-domain such as 'live.{zone_name}' for the live domain, or, if {owner!r} is not a zone "
                f"of its own, set {property} to the zone that contains it or leave it unset to discover it.",
            )
        )
    elif not owner.endswith("." + zone_name):
        problems.append(
            Problem(
                property,
                zone,
                f"The name {_show(name)} is not inside {property} {_show(zone)}; a DNS server refuses updates "
                "for names outside the zone (NOTZONE).",
                f"Set {property} to the zone the name belongs to (e.g. {_parent(owner)!r}), or leave it unset "
                "to discover it.",
            )
        )
    return problems


def check_ttl(value: object, *, backend: str, property: str = "ttl") -> list[Problem]:
    """Check a CNAME TTL in seconds: a whole number within the backend's range.

    Floats with an integral value pass (Pulumi sends every number as a float). DNSPod accepts
    1–604800 with a plan-dependent minimum; the other backends 1–2147483647 (RFC 2181 §8).
    ``None`` means the resource default and passes.

    Args:
        value: the TTL as given.
        backend: the DNS backend (``"dnspod"``, ``"rfc2136"``, ``"manual"``); decides the maximum.
        property: the argument name to report problems against.
    """
    if value is None:
        return []
    is_dnspod = _same(backend, "dnspod")
    maximum = DNSPOD_MAX_TTL if is_dnspod else MAX_TTL
    where = "DNSPod" if is_dnspod else "DNS"
    fix = f"Use a whole number of seconds from 1 to {maximum}, e.g. 600."
    if is_dnspod:
        fix += " DNSPod also has a plan-dependent minimum (LimitExceeded.RecordTtlLimit); 600 is the usual default."
    value_type = type(value)
    if value_type is bool or not (issubclass(value_type, int) or issubclass(value_type, float)):
        return [Problem(property, value, f"{property} must be a number of seconds, got {_show(value)}.", fix)]
    number = float.__float__(value) if issubclass(value_type, float) else None  # type: ignore[arg-type]
    if number is not None and not (math.isfinite(number) and number.is_integer()):
        return [Problem(property, value, f"{property} {_show(value)} is not a whole number of seconds.", fix)]
    seconds = int(number) if number is not None else int.__index__(value)  # type: ignore[arg-type]
    if not 1 <= seconds <= maximum:
        return [
            Problem(
                property,
                value,
                f"{property} {_show(value)} is outside the {where} range of 1–{maximum} seconds.",
                fix,
            )
        ]
    return []


def check_verify_timeout(value: object, property: str = "verify_timeout") -> list[Problem]:
    """Check how long to wait for a record to be verified: a positive number of seconds.

    ``None`` means the resource default and passes.

    Args:
        value: the timeout as given.
        property: the argument name to report problems against.
    """
    value_type = type(value)
    if value is None or (value_type is not bool and issubclass(value_type, int | float) and value > 0):  # type: ignore[operator]
        return []
    return [
        Problem(
            property,
            value,
            f"{property} is {_show(value)}; it must be a positive number of seconds.",
            "Give seconds, e.g. 300.",
        )
    ]

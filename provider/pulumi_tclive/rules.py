"""Pure validation of the product rules in the mini-program live seed (DESIGN §2, R1–R9).

Nothing here does I/O and nothing raises: every ``check_*`` takes any object — ``None``, floats
as Pulumi sends numbers, dicts, huge strings, objects whose dunder methods raise — and returns a
list of :class:`Problem`, empty when the value is fine. Resources turn problems into Pulumi check
failures (``property`` is the resource argument name), so every problem says what was wrong, shows
the value, and says what to do.

Domain names are validated in their normal form (:func:`normalize_domain_name`: stripped,
lower-case, no trailing dot, A-labels), following ``reference/dns-cname.md`` §3. Callers skip
``pulumi.output.Unknown`` values before calling.
"""

from __future__ import annotations

import ipaddress
import math
import re
import reprlib
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import idna

__all__ = [
    "DNSPOD_MAX_TTL",
    "DNS_BACKENDS",
    "DOMAIN_SCENES",
    "DOMAIN_TYPES",
    "ECOMMERCE_CATEGORIES",
    "EDUCATION_CATEGORIES",
    "LICENCE_STATUSES",
    "LICENCE_STATUS_LABELS",
    "MAX_TTL",
    "MIN_PLUGIN_VERSION",
    "PLAY_REGIONS",
    "PLUGIN_APP_ID",
    "PLUGIN_NAME",
    "SCENES",
    "SUBJECT_TYPES",
    "SUPPORT_TICKET_URL",
    "TENCENT_SUFFIXES",
    "VERIFY_MODES",
    "Problem",
    "check_app_id",
    "check_cname_target",
    "check_dns_name",
    "check_domain_kind",
    "check_enum",
    "check_licence_status_for_domains",
    "check_live_domain_name",
    "check_mini_program_name",
    "check_mini_program_play_change",
    "check_plugin_version",
    "check_scene",
    "check_subject_type",
    "check_ttl",
    "check_zone",
    "licence_next_steps",
    "normalize_domain_name",
    "parse_version",
]

# R3: the plugin every mini-program adds (seed: 插件名称 / 插件 AppID / 插件最低版本限制).
PLUGIN_APP_ID = "wx95a7d2b78cf30f98"
PLUGIN_NAME = "腾讯云直播助手"
MIN_PLUGIN_VERSION = "1.2.1"

SUBJECT_TYPES = ("enterprise", "government", "media", "other_org", "individual")
SCENES = ("ecommerce", "education", "offline_event")
# R2: the seed's category table, exact text as WeChat shows it (full-width parentheses included).
ECOMMERCE_CATEGORIES = ("电商平台",)
EDUCATION_CATEGORIES = (
    "培训机构",
    "教育信息服务",
    "学历教育（学校）",
    "驾校培训",
    "教育平台",
    "素质教育",
    "婴幼儿教育",
    "在线教育",
    "教育装备",
    "出国移民",
    "出国留学",
    "特殊人群教育",
    "在线视频课程",
)
DOMAIN_TYPES = ("push", "play")
DOMAIN_SCENES = ("standard", "mini_program")
PLAY_REGIONS = ("mainland", "global", "overseas")
LICENCE_STATUSES = ("pending_review", "pending_payment", "available", "rejected", "expired")
# The console's labels for the statuses the seed names (购买服务 steps 2–3).
LICENCE_STATUS_LABELS = {"pending_review": "待审核", "pending_payment": "待付款", "available": "可用"}
DNS_BACKENDS = ("dnspod", "rfc2136", "manual")
VERIFY_MODES = ("dns", "cloud", "none")
# Names equal to or under these belong to Tencent (CNAME targets, API endpoints, DNSPod's own
# nameservers, Tencent's sites); a user's live domain or CNAME owner is never one of them.
TENCENT_SUFFIXES = (
    "tlivecdn.com",
    "tlivepush.com",
    "myqcloud.com",
    "tencentcloudapi.com",
    "liveplay.myqcloud.com",
    "livepush.myqcloud.com",
    "tencent-cloud.net",
    "dnspod.net",
    "qcloud.com",
    "dnspod.com",
    "dnspod.cn",
    "dnsv1.com",
    "tencent.com",
    "tencentcloud.com",
    "tencent-cloud.com",
    "tencentcs.com",
    "qq.com",
)
# DNSPod's TTL range (reference/tencent-cloud-api.md §4.1); other backends: RFC 2181 §8 (< 2**31).
DNSPOD_MAX_TTL = 604800
MAX_TTL = 2147483647
SUPPORT_TICKET_URL = "https://console.cloud.tencent.com/workorder/category"

_PLUGIN_APPLICATION_URL = "https://cloud.tencent.com/apply/p/n6h3nx5f73"
_SHOWN_CHARACTERS = 80
# Longer input cannot become a valid name (253 octets) except through UTS #46 characters that map
# to nothing; refusing to convert beyond this keeps IDNA work bounded on huge strings.
_MAX_CONVERTIBLE_LENGTH = 1024
_MAX_NAME_LENGTH = 253
_MAX_LABEL_LENGTH = 63
_LDH_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")
_APP_ID_PATTERN = re.compile(r"wx[0-9a-f]{16}")
_VERSION_PATTERN = re.compile(r"[0-9]{1,9}(?:\.[0-9]{1,9}){0,7}")
_MAX_MINI_PROGRAM_NAME_LENGTH = 64
_CATEGORY_SCENES = {category: "ecommerce" for category in ECOMMERCE_CATEGORIES} | {
    category: "education" for category in EDUCATION_CATEGORIES
}


@dataclass(frozen=True)
class Problem:
    """One broken rule, phrased for the person who wrote the Pulumi program.

    Args:
        property: the resource argument at fault, e.g. ``"domain_name"``.
        value: the value as given (not normalised).
        reason: what is wrong, quoting the value.
        fix: what to do about it.
    """

    property: str
    value: object
    reason: str
    fix: str

    def message(self) -> str:
        """The whole message: the reason followed by the fix."""
        return f"{self.reason} {self.fix}"


def _is_str(value: object) -> bool:
    # isinstance() consults a __class__ attribute that foreign objects may make raise; type() cannot.
    return issubclass(type(value), str)


def _text(value: object) -> str:
    """An exact ``str`` copy of a str (or str subclass), immune to overridden methods."""
    return str.__str__(value)


def _show(value: object) -> str:
    """``repr`` of any value, at most about 80 characters, never raising."""
    if _is_str(value):
        text = _text(value)
        if len(text) <= _SHOWN_CHARACTERS:
            return repr(text)
        return f"{text[: _SHOWN_CHARACTERS - 3]!r}… ({len(text)} characters)"
    shortener = reprlib.Repr()
    shortener.maxstring = _SHOWN_CHARACTERS
    shortener.maxother = _SHOWN_CHARACTERS
    try:
        shown = shortener.repr(value)
    except Exception:  # foreign __repr__, or an int too long to print
        return "<a value that cannot be displayed>"
    if len(shown) <= _SHOWN_CHARACTERS:
        return shown
    return shown[: _SHOWN_CHARACTERS - 1] + "…"


def _type_name(value: object) -> str:
    try:
        return str(type(value).__qualname__)
    except Exception:  # a metaclass may make even this raise
        return "object"


def _listing(items: Sequence[str], limit: int = 4) -> str:
    shown = ", ".join(_show(item) for item in items[:limit])
    return shown if len(items) <= limit else f"{shown} and {len(items) - limit} more"


def _same(left: object, right: object) -> bool:
    """Equality that tolerates foreign ``__eq__`` methods which raise or return non-booleans."""
    if left is right:
        return True
    try:
        return (left == right) is True
    except Exception:
        return False


def _truthy(value: object) -> bool:
    try:
        return bool(value)
    except Exception:
        return False


def _enum_member(value: object, allowed: Sequence[str]) -> str | None:
    """The member of ``allowed`` that ``value`` is, or None."""
    if not _is_str(value):
        return None
    text = _text(value)
    return text if text in tuple(allowed) else None


# --- domain names ------------------------------------------------------------------------------


def _to_a_labels(name: str) -> str:
    """UTS #46 + IDNA 2008 conversion (reference/dns-cname.md §3.3), or ``name`` when impossible."""
    if len(name) > _MAX_CONVERTIBLE_LENGTH:
        return name
    try:
        return idna.encode(name, uts46=True).decode("ascii")
    except Exception:  # idna raises IDNAError, UnicodeError and friends on malformed input
        return name


def _idna_error(name: str) -> str:
    """Why ``name`` cannot be converted to A-labels, in idna's words."""
    if len(name) > _MAX_CONVERTIBLE_LENGTH:
        return f"it is {len(name)} characters long"
    try:
        idna.encode(name, uts46=True)
    except Exception as error:
        return str(error)[:_SHOWN_CHARACTERS] or type(error).__name__
    return "it cannot be converted"


def _normalize_text(text: str) -> str:
    name = text.strip().lower()
    if not name.isascii():
        name = _to_a_labels(name)
        if not name.isascii():
            # Not convertible: returned as it is for the checks to report. Dropping a dot here could
            # make it convertible on a second pass (UTS #46 maps '。' to '.'), breaking idempotence.
            return name
    # Drop exactly one trailing dot, and only when what remains is not itself dotted or padded
    # ("a.." or "a ."): such names are invalid anyway, and leaving them alone keeps this idempotent.
    if name.endswith("."):
        rest = name[:-1]
        if not rest.endswith(".") and rest == rest.rstrip():
            name = rest
    return name


def normalize_domain_name(value: object) -> object:
    """The normal form of a domain name: stripped, lower-case, one trailing dot dropped, A-labels.

    Unicode is converted with ``idna.encode(..., uts46=True)`` (IDNA 2008 with UTS #46 mapping,
    reference/dns-cname.md §3.3); text it cannot convert is returned stripped and lower-cased but
    otherwise unchanged, for the ``check_*`` functions to report. A second trailing dot ("a..") is
    kept, as that name has an empty label. Idempotent.

    Args:
        value: anything; a ``str`` is normalised, any other object is returned unchanged.
    """
    if not _is_str(value):
        return value
    return _normalize_text(_text(value))


def _is_ip_literal(name: str) -> bool:
    candidate = name[1:-1] if name.startswith("[") and name.endswith("]") else name
    try:
        ipaddress.ip_address(candidate)
    except ValueError:
        return False
    return True


def _tencent_suffix(name: str) -> str | None:
    for suffix in TENCENT_SUFFIXES:
        if name == suffix or name.endswith("." + suffix):
            return suffix
    return None


def _valid_a_label(label: str) -> bool:
    try:
        return idna.encode(idna.decode(label)).decode("ascii") == label
    except Exception:  # idna's errors on malformed punycode are not all IDNAError
        return False


def _u_label_form(name: str) -> str:
    try:
        return idna.decode(name)
    except Exception:
        return name


def _hostname_problems(
    value: object,
    property: str,
    *,
    noun: str,
    allow_idn: bool,
    min_labels: int,
    refuse_tencent: bool,
) -> list[Problem]:
    """Host-name rules shared by live domains, CNAME owners, CNAME targets and zones.

    ``allow_idn`` accepts internationalised names (checked in A-label form); ``min_labels`` is the
    smallest number of labels; ``refuse_tencent`` refuses names under :data:`TENCENT_SUFFIXES`.
    """
    shown = _show(value)
    if value is None:
        return [
            Problem(property, value, f"{property} is missing.", f"Set {property} to a {noun}, e.g. 'live.example.com'.")
        ]
    if not _is_str(value):
        return [
            Problem(
                property,
                value,
                f"{property} must be a string, got {shown} ({_type_name(value)}).",
                f"Set {property} to a {noun} as text, e.g. 'live.example.com'.",
            )
        ]
    name = _normalize_text(_text(value))
    if not name:
        return [
            Problem(
                property,
                value,
                f"{property} {shown} is empty.",
                f"Set {property} to a {noun}, e.g. 'live.example.com'.",
            )
        ]
    if "*" in name:
        return [
            Problem(
                property,
                value,
                f"{property} {shown} is a wildcard name (contains '*'); a {noun} must be one concrete host name.",
                "Name each host explicitly, e.g. 'live.example.com' instead of '*.example.com'.",
            )
        ]
    if _is_ip_literal(name):
        return [
            Problem(
                property,
                value,
                f"{property} {shown} is an IP address, not a domain name; a {noun} must be a host name.",
                "Use a domain name you control, e.g. 'live.example.com'; CNAME records point names at names.",
            )
        ]
    if not name.isascii():
        if allow_idn:
            reason = f"{property} {shown} is not a valid internationalised domain name: {_idna_error(name)}."
            fix = "Remove stray characters (spaces, underscores, symbols) or write the name in A-label (xn--) form."
        else:
            reason = (
                f"{property} {shown} contains non-ASCII characters ({_idna_error(name)}); Tencent Cloud Live "
                "rejects Chinese and other internationalised domain names (InternalError.ChineseCharacterDetected)."
            )
            fix = "Use an ASCII name made of letters, digits and hyphens, e.g. a pinyin or English label."
        return [Problem(property, value, reason, fix)]

    problems: list[Problem] = []
    shown_normal = f" (normalised: {_show(name)})" if name != _text(value) else ""
    a_label_form = not _text(value).isascii()
    if len(name) > _MAX_NAME_LENGTH:
        problems.append(
            Problem(
                property,
                value,
                f"{property} {shown} is {len(name)} characters long{' in A-label form' if a_label_form else ''}; "
                f"a domain name has at most "
                f"{_MAX_NAME_LENGTH} (RFC 1035 §2.3.4).",
                "Use a shorter name.",
            )
        )
    labels = name.split(".")
    if "" in labels:
        problems.append(
            Problem(
                property,
                value,
                f"{property} {shown}{shown_normal} has an empty label (a leading dot or '..').",
                "Remove the extra dot: labels are separated by exactly one dot.",
            )
        )
    present = [label for label in labels if label]
    too_long = [label for label in present if len(label) > _MAX_LABEL_LENGTH]
    if too_long:
        problems.append(
            Problem(
                property,
                value,
                f"{property} {shown} has a label longer than {_MAX_LABEL_LENGTH} characters: {_listing(too_long)}.",
                f"Shorten each dot-separated label to at most {_MAX_LABEL_LENGTH} characters.",
            )
        )
    underscored = [label for label in present if "_" in label]
    if underscored:
        problems.append(
            Problem(
                property,
                value,
                f"{property} {shown} contains '_' in {_listing(underscored)}; underscores are legal in DNS "
                f"but not in host names, and a {noun} must be a host name.",
                "Use hyphens instead of underscores, e.g. 'live-play.example.com'.",
            )
        )
    foreign = sorted({char for label in present for char in label} - _LDH_CHARACTERS - {"_"})
    if foreign:
        problems.append(
            Problem(
                property,
                value,
                f"{property} {shown} contains characters not allowed in a host name: {_listing(foreign, 8)}.",
                "Use only letters, digits and hyphens in each label, separated by dots.",
            )
        )
    hyphen_edges = [label for label in present if label.startswith("-") or label.endswith("-")]
    if hyphen_edges:
        problems.append(
            Problem(
                property,
                value,
                f"{property} {shown} has a label that starts or ends with a hyphen: {_listing(hyphen_edges)}.",
                "Labels may contain hyphens but must start and end with a letter or digit (RFC 1123 §2.1).",
            )
        )
    ldh_labels = [label for label in present if set(label) <= _LDH_CHARACTERS]
    reserved = [label for label in ldh_labels if label[2:4] == "--" and not label.startswith("xn--")]
    if reserved:
        problems.append(
            Problem(
                property,
                value,
                f"{property} {shown} has a label with '--' in the third and fourth position: {_listing(reserved)}; "
                "that form is reserved for internationalised labels (RFC 5891 §4.2.3.1).",
                "Rearrange the hyphens, e.g. 'ab-cd' instead of 'ab--cd'.",
            )
        )
    a_labels = [label for label in ldh_labels if label.startswith("xn--")]
    broken_a_labels = [label for label in a_labels if not _valid_a_label(label)]
    if broken_a_labels:
        problems.append(
            Problem(
                property,
                value,
                f"{property} {shown} has an 'xn--' label that is not a valid IDNA A-label: {_listing(broken_a_labels)}.",
                "Write the Unicode name instead and let it be converted, or correct the punycode.",
            )
        )
    if len(present) < min_labels:
        problems.append(
            Problem(
                property,
                value,
                f"{property} {shown} is a single label; a {noun} needs a domain, e.g. 'live.example.com'.",
                "Use the fully qualified name, including the domain it belongs to.",
            )
        )
    elif present and present[-1].isdigit() and len(present) == len(labels):
        problems.append(
            Problem(
                property,
                value,
                f"{property} {shown} ends in an all-numeric label {_show(present[-1])}, which is no top-level domain.",
                "Use a domain name under a real top-level domain, e.g. 'live.example.com'.",
            )
        )
    if refuse_tencent:
        suffix = _tencent_suffix(name)
        if suffix is not None:
            problems.append(
                Problem(
                    property,
                    value,
                    f"{property} {shown} is under {suffix!r}, which belongs to Tencent Cloud, not to you.",
                    "Use a domain you own; Tencent's name is the CNAME target (LiveDomain.cname_target) "
                    "that your domain points to, not the domain itself.",
                )
            )
    if not allow_idn and a_labels and not broken_a_labels and not problems:
        problems.append(
            Problem(
                property,
                value,
                f"{property} {shown} is an internationalised domain name (A-label form {name!r}, Unicode "
                f"{_u_label_form(name)!r}); Tencent Cloud Live rejects such names (InternalError.ChineseCharacterDetected).",
                "Use an ASCII name made of letters, digits and hyphens, e.g. a pinyin or English label.",
            )
        )
    return problems


def check_live_domain_name(value: object, property: str = "domain_name") -> list[Problem]:
    """Check a live push or play domain (AddLiveDomain's ``DomainName``).

    Host-name rules on the normalised value: letters, digits and hyphens; labels of 1–63
    characters; at most 253 in all; at least two labels; no wildcard, IP literal, underscore or
    name under :data:`TENCENT_SUFFIXES`. Internationalised names are refused because Tencent
    rejects them (``InternalError.ChineseCharacterDetected``); the message shows the A-label form.

    Args:
        value: the domain name as given.
        property: the argument name to report problems against.
    """
    return _hostname_problems(value, property, noun="live domain", allow_idn=False, min_labels=2, refuse_tencent=True)


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


# --- the mini-program and its licence (R1–R4) --------------------------------------------------


def check_enum(value: object, allowed: Sequence[str], property: str) -> list[Problem]:
    """Check that ``value`` is one of the ``allowed`` strings (exact, case-sensitive).

    Args:
        value: the value as given.
        allowed: the accepted values, in the order the message lists them.
        property: the argument name to report problems against.
    """
    try:
        choices = tuple(_text(item) for item in allowed if _is_str(item))
    except Exception:  # a foreign sequence may fail to iterate
        choices = ()
    if _enum_member(value, choices) is not None:
        return []
    listed = ", ".join(repr(choice) for choice in choices)
    fix = f"Use one of: {listed}."
    if _is_str(value):
        folded = _text(value).strip().lower().replace("-", "_").replace(" ", "_")
        if folded in choices:
            fix = f"Did you mean {folded!r}? Values are lower-case. {fix}"
    if value is None:
        reason = f"{property} is missing."
    else:
        reason = f"{property} {_show(value)} is not one of the accepted values."
    return [Problem(property, value, reason, fix)]


def check_app_id(value: object, property: str = "mini_program_app_id") -> list[Problem]:
    """Check the mini-program's AppID: ``wx`` and 16 lower-case hex digits, not the plugin's own AppID.

    Args:
        value: the AppID as given.
        property: the argument name to report problems against.
    """
    where = "It is shown in the WeChat mini-program admin (mp.weixin.qq.com) under 【设置】>【基本设置】."
    if not _is_str(value):
        reason = f"{property} is missing." if value is None else f"{property} must be a string, got {_show(value)}."
        return [
            Problem(
                property, value, reason, f"Set {property} to your mini-program's AppID ('wx' + 16 hex digits). {where}"
            )
        ]
    text = _text(value)
    if text == PLUGIN_APP_ID:
        return [
            Problem(
                property,
                value,
                f"{property} {_show(value)} is the AppID of the live plugin {PLUGIN_NAME} itself, not of your "
                "mini-program.",
                f"Set {property} to your own mini-program's AppID; the plugin's AppID is only used when adding "
                f"the plugin in 【设置】>【第三方设置】>【插件管理】. {where}",
            )
        ]
    if _APP_ID_PATTERN.fullmatch(text):
        return []
    hint = ""
    if text != text.strip():
        hint = " Remove the surrounding whitespace."
    elif _APP_ID_PATTERN.fullmatch(text.lower()):
        hint = f" AppIDs are lower-case: {text.lower()!r}."
    return [
        Problem(
            property,
            value,
            f"{property} {_show(value)} is not a mini-program AppID ('wx' followed by 16 lower-case hex digits).",
            f"Copy the AppID exactly.{hint} {where}",
        )
    ]


def check_mini_program_name(value: object, property: str = "mini_program_name") -> list[Problem]:
    """Check the mini-program's name: non-blank text of at most 64 characters.

    Args:
        value: the name as given.
        property: the argument name to report problems against.
    """
    fix = f"Set {property} to the mini-program's name exactly as the WeChat admin shows it (【设置】>【基本设置】)."
    if not _is_str(value):
        reason = f"{property} is missing." if value is None else f"{property} must be a string, got {_show(value)}."
        return [Problem(property, value, reason, fix)]
    text = _text(value)
    if not text.strip():
        return [Problem(property, value, f"{property} {_show(value)} is blank.", fix)]
    if len(text) > _MAX_MINI_PROGRAM_NAME_LENGTH:
        return [
            Problem(
                property,
                value,
                f"{property} {_show(value)} has {len(text)} characters; at most {_MAX_MINI_PROGRAM_NAME_LENGTH} "
                "are accepted.",
                fix,
            )
        ]
    return []


def check_subject_type(value: object, property: str = "subject_type") -> list[Problem]:
    """R1: the mini-program must be registered to a non-individual subject (注册非个人主体类型的微信小程序).

    Args:
        value: the subject type as given, one of :data:`SUBJECT_TYPES`.
        property: the argument name to report problems against.
    """
    problems = check_enum(value, SUBJECT_TYPES, property)
    if problems:
        return problems
    if _same(value, "individual"):
        return [
            Problem(
                property,
                value,
                f"{property} 'individual': the mini-program live plugin is only granted to mini-programs "
                "registered to a non-individual subject (seed: 注册非个人主体类型的微信小程序).",
                "Register the mini-program to an enterprise, government, media or other organisation subject "
                f"and set {property} accordingly.",
            )
        ]
    return []


_OFFLINE_EVENT_EVIDENCE = (
    (
        "event_permit",
        "a safety permit for the event issued by the local public-security bureau or police station "
        "(活动所在地公安机关/派出所颁发的安全许可)",
        "Set event_permit to a reference to the permit document (its number or file name).",
    ),
    (
        "venue_proof",
        "proof of the right to use the venue, i.e. the agreement signed with the venue (场地使用证明材料（和场地方签订的文件）)",
        "Set venue_proof to a reference to the venue agreement (its number or file name).",
    ),
    (
        "support_ticket",
        f"confirmation from Tencent Cloud support before applying (需要先联系我们确认, {SUPPORT_TICKET_URL})",
        f"Open a ticket at {SUPPORT_TICKET_URL}, get the event confirmed, and set support_ticket to the ticket number.",
    ),
)


def _category_items(categories: object) -> list[object] | None:
    """The elements of a list or tuple, read without calling overridden methods; None otherwise."""
    if issubclass(type(categories), list):
        return list.copy(categories)  # type: ignore[arg-type]
    if issubclass(type(categories), tuple):
        return [*tuple.__iter__(categories)]  # type: ignore[arg-type]
    return None


def _suggest_category(name: str, allowed: Sequence[str]) -> str | None:
    """The accepted category ``name`` was probably meant to be (half-width brackets, stray spaces)."""
    folded = unicodedata.normalize("NFKC", name).replace(" ", "")
    return next((known for known in allowed if unicodedata.normalize("NFKC", known) == folded), None)


def _categories_problems(scene: str | None, categories: object) -> list[Problem]:
    property = "service_categories"
    if categories is None:
        categories = []
    if _is_str(categories):
        return [
            Problem(
                property,
                categories,
                f"{property} must be a list of category names, got the single string {_show(categories)}.",
                f"Wrap it in a list: {property}=[{_show(categories)}].",
            )
        ]
    items = _category_items(categories)
    if items is None:
        return [
            Problem(
                property,
                categories,
                f"{property} must be a list of category names, got {_show(categories)} ({_type_name(categories)}).",
                f"Set {property} to the mini-program's service categories, e.g. ['电商平台'].",
            )
        ]
    problems: list[Problem] = []
    not_text = [item for item in items if not _is_str(item)]
    if not_text:
        problems.append(
            Problem(
                property,
                categories,
                f"{property} contains values that are not category names (text): {_show(not_text)}.",
                "List each category as text, exactly as the WeChat admin shows it.",
            )
        )
    names = list(dict.fromkeys(_text(item) for item in items if _is_str(item)))
    if scene is None:
        return problems
    if scene == "ecommerce":
        allowed: tuple[str, ...] = ECOMMERCE_CATEGORIES
    elif scene == "education":
        allowed = EDUCATION_CATEGORIES
    else:
        allowed = ECOMMERCE_CATEGORIES + EDUCATION_CATEGORIES
    allowed_text = "、".join(allowed)
    accepted = f"Categories accepted for scene {scene!r}: {allowed_text}."
    misplaced = [name for name in names if name not in allowed and name in _CATEGORY_SCENES]
    if misplaced:
        other_scenes = sorted({_CATEGORY_SCENES[name] for name in misplaced})
        problems.append(
            Problem(
                property,
                categories,
                f"{property} contains {_listing(misplaced)}, a category of the "
                f"{' and '.join(map(repr, other_scenes))} scene, but scene is {scene!r}: the plugin is refused when "
                "the live scene and the mini-program's categories disagree (seed: 类目申请资质要求).",
                f"Set scene to the one that matches the mini-program's categories, or fix the categories. {accepted}",
            )
        )
    unknown = [name for name in names if name not in allowed and name not in _CATEGORY_SCENES]
    if unknown:
        suggestions = {name: _suggest_category(name, allowed) for name in unknown}
        hints = " ".join(
            f"For {_show(name)} did you mean {known!r}?" for name, known in suggestions.items() if known is not None
        )
        problems.append(
            Problem(
                property,
                categories,
                f"{property} contains {_listing(unknown)}, not a category accepted for the {scene!r} scene.",
                f"{hints + ' ' if hints else ''}{accepted} Use the exact text the WeChat admin shows.",
            )
        )
    if scene == "ecommerce" and "电商平台" not in names:
        problems.append(
            Problem(
                property,
                categories,
                f"scene 'ecommerce' (电商带货、直播导购) needs the 【电商平台】 category, but {property} is "
                f"{_show(categories)}.",
                "Add the 电商平台 category to the mini-program in the WeChat admin (【设置】>【基本设置】>服务类目) "
                f"and list it: {property}=['电商平台'].",
            )
        )
    if scene == "education" and not any(name in EDUCATION_CATEGORIES for name in names):
        problems.append(
            Problem(
                property,
                categories,
                f"scene 'education' (网课、在线培训、讲座) needs one of the 【教育】 categories, but {property} is "
                f"{_show(categories)}.",
                f"Add one of them to the mini-program in the WeChat admin and list it. {accepted}",
            )
        )
    return problems


def check_scene(
    scene: object,
    categories: object,
    *,
    event_permit: object = None,
    venue_proof: object = None,
    support_ticket: object = None,
) -> list[Problem]:
    """R2: the live scene must match the mini-program's service categories (or, for events, evidence).

    ``ecommerce`` needs 电商平台; ``education`` needs at least one of :data:`EDUCATION_CATEGORIES`;
    ``offline_event`` (展会、发布会、走秀) needs references to the security permit, the venue
    agreement and a support ticket confirming the event, and accepts categories of either list.
    Categories outside the scene's list are refused, naming the accepted ones.

    Args:
        scene: one of :data:`SCENES` (argument ``scene``).
        categories: the mini-program's service categories, a list of text (``service_categories``).
        event_permit: offline events: reference to the public-security safety permit.
        venue_proof: offline events: reference to the venue-use agreement.
        support_ticket: offline events: the ticket in which Tencent support confirmed the event.
    """
    problems = check_enum(scene, SCENES, "scene")
    known_scene = _enum_member(scene, SCENES)
    problems.extend(_categories_problems(known_scene, categories))
    if known_scene == "offline_event":
        evidence = {"event_permit": event_permit, "venue_proof": venue_proof, "support_ticket": support_ticket}
        for property, requirement, fix in _OFFLINE_EVENT_EVIDENCE:
            given = evidence[property]
            if _is_str(given) and _text(given).strip():
                continue
            problems.append(
                Problem(
                    property,
                    given,
                    f"scene 'offline_event' needs {requirement}, but {property} is {_show(given)}.",
                    fix,
                )
            )
    return problems


def parse_version(value: object) -> tuple[int, ...] | None:
    """The numeric parts of a dotted version such as ``"1.2.1"``, or None when it is not one.

    Args:
        value: the version as given; only ASCII digits and dots (at most 8 parts) are accepted.
    """
    if not _is_str(value):
        return None
    text = _text(value)
    if not _VERSION_PATTERN.fullmatch(text):
        return None
    return tuple(int(part) for part in text.split("."))


def _padded(version: tuple[int, ...], width: int) -> tuple[int, ...]:
    return version + (0,) * (width - len(version))


def check_plugin_version(value: object, property: str = "plugin_version") -> list[Problem]:
    """R3: the plugin version the mini-program uses must be at least :data:`MIN_PLUGIN_VERSION`.

    ``None`` means "not given" (the minimum is assumed) and passes.

    Args:
        value: the version as given, e.g. ``"1.2.1"``.
        property: the argument name to report problems against.
    """
    if value is None:
        return []
    fix = (
        f"Use plugin {PLUGIN_NAME} ({PLUGIN_APP_ID}) version {MIN_PLUGIN_VERSION} or later in the mini-program "
        f"and set {property} to that version, e.g. {MIN_PLUGIN_VERSION!r}."
    )
    version = parse_version(value)
    if version is None:
        return [Problem(property, value, f"{property} {_show(value)} is not a dotted version number.", fix)]
    minimum = parse_version(MIN_PLUGIN_VERSION) or ()
    width = max(len(version), len(minimum))
    if _padded(version, width) < _padded(minimum, width):
        return [
            Problem(
                property,
                value,
                f"{property} {_show(value)} is older than the plugin's minimum version {MIN_PLUGIN_VERSION} "
                "(seed: 插件最低版本限制).",
                fix,
            )
        ]
    return []


_LICENCE_BLOCKERS = {
    "pending_review": (
        "is 'pending_review' (待审核): Tencent has not yet approved the plugin application",
        "Wait for Tencent's review (about 5 working days); once the status is 'pending_payment' (待付款), pay in "
        "云直播控制台 > 资源包/插件管理, then run the update again.",
    ),
    "pending_payment": (
        "is 'pending_payment' (待付款): the application is approved but the licence is not paid",
        "Pay for the licence in 云直播控制台 > 资源包/插件管理 (购买); the status then becomes 'available' (可用) "
        "and the update can be run again.",
    ),
    "rejected": (
        "is 'rejected': Tencent refused the plugin application",
        "Fix the application (non-individual subject, service categories that match the scene, clear screenshots) "
        "and submit it again; the resubmission is a new licence that goes through review and payment again.",
    ),
    "expired": (
        "is 'expired': the purchased licence period has ended",
        "Renew the licence in 云直播控制台 > 资源包/插件管理 (购买/续费), then run the update again.",
    ),
}


def check_licence_status_for_domains(status: object, property: str = "plugin_license") -> list[Problem]:
    """R4: only an ``available`` (可用) licence lets the account add mini-program domains.

    Args:
        status: the licence status, one of :data:`LICENCE_STATUSES`.
        property: the argument name to report problems against.
    """
    known = _enum_member(status, LICENCE_STATUSES)
    if known == "available":
        return []
    if known is None:
        return [
            Problem(
                property,
                status,
                f"The plugin licence status {_show(status)} is not a known status.",
                f"Use a PluginLicense whose status is one of: {', '.join(map(repr, LICENCE_STATUSES))}; "
                "mini-program domains need 'available'.",
            )
        ]
    state, fix = _LICENCE_BLOCKERS[known]
    return [
        Problem(
            property,
            status,
            f"The plugin licence {state}; mini-program domains can only be added with an 'available' (可用) licence.",
            fix,
        )
    ]


# --- live domains (R5, R8) ---------------------------------------------------------------------


def check_domain_kind(domain_type: object, scene: object, play_region: object, *, has_licence: bool) -> list[Problem]:
    """R5: one of the four domain kinds (push/play × standard/mini_program), with a licence when needed.

    Args:
        domain_type: ``"push"`` or ``"play"`` (argument ``domain_type``).
        scene: ``"standard"`` or ``"mini_program"`` (argument ``scene``).
        play_region: play domains only: ``"mainland"``, ``"global"`` or ``"overseas"``; None for the default.
        has_licence: whether ``plugin_license`` was given; ``scene="mini_program"`` requires it.
    """
    problems = check_enum(domain_type, DOMAIN_TYPES, "domain_type")
    problems.extend(check_enum(scene, DOMAIN_SCENES, "scene"))
    if play_region is not None:
        if _same(domain_type, "push"):
            problems.append(
                Problem(
                    "play_region",
                    play_region,
                    f"play_region {_show(play_region)} is set on a push domain; the acceleration region applies "
                    "to play domains only.",
                    "Remove play_region from this push domain (or make it a play domain).",
                )
            )
        else:
            problems.extend(check_enum(play_region, PLAY_REGIONS, "play_region"))
    if _same(scene, "mini_program") and not _truthy(has_licence):
        problems.append(
            Problem(
                "plugin_license",
                None,
                "scene 'mini_program' needs the mini-program live plugin licence, but no plugin_license was given.",
                "Pass plugin_license=<PluginLicense> (the licence of the mini-program this domain serves); the console "
                "offers the 小程序直播 scene only to accounts with an available licence.",
            )
        )
    return problems


_DOMAIN_IDENTITY = ("domain_name", "domain_type", "scene", "slow_live")
_IDENTITY_DEFAULTS: dict[str, object] = {"scene": "standard", "slow_live": False}


def _lookup(mapping: object, key: str) -> tuple[bool, object]:
    """``(present, value)`` from a mapping that may be foreign and may raise."""
    if not issubclass(type(mapping), Mapping):
        return False, None
    try:
        if key not in mapping:  # type: ignore[operator]
            return False, None
        return True, mapping[key]  # type: ignore[index]
    except Exception:
        return False, None


def _identity_value(key: str, value: object) -> object:
    if value is None:
        return _IDENTITY_DEFAULTS.get(key)
    if key == "domain_name":
        return normalize_domain_name(value)
    if key == "slow_live" and type(value) in (bool, int, float):
        return _truthy(value)
    return value


def check_mini_program_play_change(old: Mapping[str, object], new: Mapping[str, object]) -> list[Problem]:
    """R8: refuse changes that would need a new domain in place of a mini-program play domain.

    A mini-program play domain cannot be deleted or unbound once added (seed: 添加小程序直播的播放域名后，
    暂不支持删除解绑), so changing its name, type, scene or slow-live flag — all of which replace the
    domain — is refused, one problem per changed property. Keys absent from ``new`` are not
    compared (callers drop unknown values); None means the default (scene ``standard``, slow_live False).

    Args:
        old: the existing domain's outputs (``domain_name``, ``domain_type``, ``scene``, ``slow_live``).
        new: the proposed inputs, same keys.
    """
    _, old_type = _lookup(old, "domain_type")
    _, old_scene = _lookup(old, "scene")
    if not (_same(old_type, "play") and _same(old_scene, "mini_program")):
        return []
    _, old_name = _lookup(old, "domain_name")
    problems: list[Problem] = []
    for key in _DOMAIN_IDENTITY:
        present, new_value = _lookup(new, key)
        if not present:
            continue
        _, old_value = _lookup(old, key)
        if _same(_identity_value(key, old_value), _identity_value(key, new_value)):
            continue
        problems.append(
            Problem(
                key,
                new_value,
                f"Changing {key} from {_show(old_value)} to {_show(new_value)} needs a new domain, but the existing "
                f"mini-program play domain {_show(old_name)} cannot be deleted or unbound once added "
                "(seed: 添加小程序直播的播放域名后，暂不支持删除解绑).",
                "Keep this LiveDomain as it is and declare a new LiveDomain for the new domain; to stop managing "
                "the old one, remove it from the program only after setting retain_on_delete=True on it, which "
                "keeps it in Tencent Cloud.",
            )
        )
    return problems


def licence_next_steps(status: str, *, scene: str = "", real_cloud: bool = False) -> list[str]:
    """The console steps still to do for a licence in ``status``, in order (seed: 申请插件, 购买服务, 添加直播域名).

    An unknown or empty status gives every step from the application on; ``available`` leaves only
    adding the domains.

    Args:
        status: the licence status, one of :data:`LICENCE_STATUSES`.
        scene: the live scene; ``offline_event`` adds the evidence step, others name the category.
        real_cloud: True on real Tencent Cloud, where no API exists for the licence and a person does
            each step in the console; False for the emulator, whose console actions stand in for them.
    """
    known_status = _enum_member(status, LICENCE_STATUSES)
    known_scene = _enum_member(scene, SCENES)
    on_real_cloud = _truthy(real_cloud)
    record = " Then set console_status on the PluginLicense to the status the console shows." if on_real_cloud else ""
    if known_scene == "ecommerce":
        category = "the 电商平台 category"
    elif known_scene == "education":
        category = "an 【教育】 category"
    else:
        category = "the service categories"
    prepare = [
        f"In the WeChat mini-program admin, 【设置】>【基本设置】: check the mini-program has {category}, save a "
        "screenshot showing its name and service categories, and note its AppID.",
        f"In 【设置】>【第三方设置】>【插件管理】: add the plugin {PLUGIN_NAME} (AppID {PLUGIN_APP_ID}, minimum version "
        f"{MIN_PLUGIN_VERSION}) and save a screenshot showing when it was added.",
    ]
    if known_scene == "offline_event":
        prepare.append(
            "Prepare the event's public-security safety permit and the venue agreement, and confirm the event with "
            f"Tencent Cloud support first: {SUPPORT_TICKET_URL}."
        )
    submit = (
        f"Submit the plugin application with the screenshots ({_PLUGIN_APPLICATION_URL}), then in 云直播控制台 > "
        "资源包/插件管理 click 添加插件 and enter the mini-program's details."
    )
    review = "Wait for Tencent's review: the status is 待审核 (pending_review) for about 5 working days." + (
        record if on_real_cloud else " (Emulator: the console action ApprovePluginLicense approves it.)"
    )
    pay = (
        "When the status is 待付款 (pending_payment), buy the licence in 云直播控制台 > 资源包/插件管理 (购买); "
        "it becomes 可用 (available) for the purchased period."
        + (record if on_real_cloud else " (Emulator: the console action PayPluginLicense pays it.)")
    )
    domains = (
        "Add the mini-program live domains (云直播控制台 > 域名管理 > 添加域名, scene 小程序直播) — declare "
        "LiveDomain resources with scene='mini_program' and plugin_license set — and CNAME each to its target."
    )
    if known_status == "available":
        return [domains]
    if known_status == "pending_payment":
        return [pay, domains]
    if known_status == "pending_review":
        return [review, pay, domains]
    if known_status == "expired":
        renew = "Renew the licence in 云直播控制台 > 资源包/插件管理 (购买/续费)." + record
        return [renew, domains]
    if known_status == "rejected":
        fix = (
            "Correct the application: a non-individual subject and service categories that match the scene; "
            "then submit it again as a new licence."
        )
        return [fix, *prepare, submit, review, pay, domains]
    return [*prepare, submit, review, pay, domains]

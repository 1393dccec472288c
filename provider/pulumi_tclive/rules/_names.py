"""Domain names: the normal form, and the host-name rules shared by every name the package checks.

Names are validated in their normal form (:func:`normalize_domain_name`: stripped, lower-case, no
trailing dot, A-labels). :func:`_hostname_problems` runs the named checks below in order: first
the ones that make the value unusable as a whole (missing, not text, empty, wildcard, IP address,
not convertible to ASCII), each ending the check; then the per-label ones, which all report.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from dataclasses import dataclass

import idna

from ._problem import _SHOWN_CHARACTERS, Problem, _is_str, _listing, _show, _text, _type_name

__all__ = ["TENCENT_SUFFIXES", "normalize_domain_name"]

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

# Longer input cannot become a valid name (253 octets) except through UTS #46 characters that map
# to nothing; refusing to convert beyond this keeps IDNA work bounded on huge strings.
_MAX_CONVERTIBLE_LENGTH = 1024
_MAX_NAME_LENGTH = 253
_MAX_LABEL_LENGTH = 63
_LDH_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")


def _to_a_labels(name: str) -> str:
    """UTS #46 + IDNA 2008 conversion (docs/design.md#domain-names), or ``name`` when impossible."""
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
    docs/design.md#domain-names); text it cannot convert is returned stripped and lower-cased but
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


@dataclass(frozen=True)
class _HostnameKind:
    """What kind of name is checked, and which of the rules apply to it.

    ``allow_idn`` accepts internationalised names (checked in A-label form); ``min_labels`` is the
    smallest number of labels; ``refuse_tencent`` refuses names under :data:`TENCENT_SUFFIXES`.
    """

    noun: str
    allow_idn: bool
    min_labels: int
    refuse_tencent: bool


@dataclass(frozen=True)
class _Hostname:
    """A text value under check: as given, shown, and in normal form."""

    argument: str
    value: object
    shown: str
    name: str
    kind: _HostnameKind

    @property
    def labels(self) -> list[str]:
        return self.name.split(".")

    @property
    def present(self) -> list[str]:
        """The non-empty labels."""
        return [label for label in self.labels if label]

    @property
    def ldh_labels(self) -> list[str]:
        """The labels made only of letters, digits and hyphens."""
        return [label for label in self.present if set(label) <= _LDH_CHARACTERS]

    @property
    def a_labels(self) -> list[str]:
        return [label for label in self.ldh_labels if label.startswith("xn--")]

    def problem(self, reason: str, fix: str) -> Problem:
        return Problem(self.argument, self.value, reason, fix)


# --- checks that make the whole value unusable (the first one found is the only problem) -------


def _unusable_value(value: object, property: str, noun: str) -> Problem | None:
    """A value that is missing, not text, or empty once normalised."""
    example = "e.g. 'live.example.com'."
    if value is None:
        return Problem(property, value, f"{property} is missing.", f"Set {property} to a {noun}, {example}")
    if not _is_str(value):
        return Problem(
            property,
            value,
            f"{property} must be a string, got {_show(value)} ({_type_name(value)}).",
            f"Set {property} to a {noun} as text, {example}",
        )
    if not _normalize_text(_text(value)):
        return Problem(
            property, value, f"{property} {_show(value)} is empty.", f"Set {property} to a {noun}, {example}"
        )
    return None


def _wildcard(host: _Hostname) -> Problem | None:
    if "*" not in host.name:
        return None
    return host.problem(
        f"{host.argument} {host.shown} is a wildcard name (contains '*'); a {host.kind.noun} must be one concrete "
        "host name.",
        "Name each host explicitly, e.g. 'live.example.com' instead of '*.example.com'.",
    )


def _ip_address(host: _Hostname) -> Problem | None:
    if not _is_ip_literal(host.name):
        return None
    return host.problem(
        f"{host.argument} {host.shown} is an IP address, not a domain name; a {host.kind.noun} must be a host name.",
        "Use a domain name you control, e.g. 'live.example.com'; CNAME records point names at names.",
    )


def _not_convertible(host: _Hostname) -> Problem | None:
    """Non-ASCII left after normalisation: the name could not be converted to A-labels."""
    if host.name.isascii():
        return None
    if host.kind.allow_idn:
        return host.problem(
            f"{host.argument} {host.shown} is not a valid internationalised domain name: {_idna_error(host.name)}.",
            "Remove stray characters (spaces, underscores, symbols) or write the name in A-label (xn--) form.",
        )
    return host.problem(
        f"{host.argument} {host.shown} contains non-ASCII characters ({_idna_error(host.name)}); Tencent Cloud Live "
        "rejects Chinese and other internationalised domain names (InternalError.ChineseCharacterDetected).",
        "Use an ASCII name made of letters, digits and hyphens, e.g. a pinyin or English label.",
    )


# --- checks on the name's length and labels (every one that fails is reported) ----------------


def _too_long(host: _Hostname) -> Problem | None:
    if len(host.name) <= _MAX_NAME_LENGTH:
        return None
    a_label_form = " in A-label form" if not _text(host.value).isascii() else ""
    return host.problem(
        f"{host.argument} {host.shown} is {len(host.name)} characters long{a_label_form}; a domain name has at most "
        f"{_MAX_NAME_LENGTH} (RFC 1035 §2.3.4).",
        "Use a shorter name.",
    )


def _empty_label(host: _Hostname) -> Problem | None:
    if "" not in host.labels:
        return None
    normal = f" (normalised: {_show(host.name)})" if host.name != _text(host.value) else ""
    return host.problem(
        f"{host.argument} {host.shown}{normal} has an empty label (a leading dot or '..').",
        "Remove the extra dot: labels are separated by exactly one dot.",
    )


def _long_labels(host: _Hostname) -> Problem | None:
    too_long = [label for label in host.present if len(label) > _MAX_LABEL_LENGTH]
    if not too_long:
        return None
    return host.problem(
        f"{host.argument} {host.shown} has a label longer than {_MAX_LABEL_LENGTH} characters: {_listing(too_long)}.",
        f"Shorten each dot-separated label to at most {_MAX_LABEL_LENGTH} characters.",
    )


def _underscores(host: _Hostname) -> Problem | None:
    underscored = [label for label in host.present if "_" in label]
    if not underscored:
        return None
    return host.problem(
        f"{host.argument} {host.shown} contains '_' in {_listing(underscored)}; underscores are legal in DNS "
        f"but not in host names, and a {host.kind.noun} must be a host name.",
        "Use hyphens instead of underscores, e.g. 'live-play.example.com'.",
    )


def _foreign_characters(host: _Hostname) -> Problem | None:
    foreign = sorted({char for label in host.present for char in label} - _LDH_CHARACTERS - {"_"})
    if not foreign:
        return None
    return host.problem(
        f"{host.argument} {host.shown} contains characters not allowed in a host name: {_listing(foreign, 8)}.",
        "Use only letters, digits and hyphens in each label, separated by dots.",
    )


def _hyphen_edges(host: _Hostname) -> Problem | None:
    edged = [label for label in host.present if label.startswith("-") or label.endswith("-")]
    if not edged:
        return None
    return host.problem(
        f"{host.argument} {host.shown} has a label that starts or ends with a hyphen: {_listing(edged)}.",
        "Labels may contain hyphens but must start and end with a letter or digit (RFC 1123 §2.1).",
    )


def _reserved_hyphens(host: _Hostname) -> Problem | None:
    reserved = [label for label in host.ldh_labels if label[2:4] == "--" and not label.startswith("xn--")]
    if not reserved:
        return None
    return host.problem(
        f"{host.argument} {host.shown} has a label with '--' in the third and fourth position: {_listing(reserved)}; "
        "that form is reserved for internationalised labels (RFC 5891 §4.2.3.1).",
        "Rearrange the hyphens, e.g. 'ab-cd' instead of 'ab--cd'.",
    )


def _broken_a_labels(host: _Hostname) -> Problem | None:
    broken = [label for label in host.a_labels if not _valid_a_label(label)]
    if not broken:
        return None
    return host.problem(
        f"{host.argument} {host.shown} has an 'xn--' label that is not a valid IDNA A-label: {_listing(broken)}.",
        "Write the Unicode name instead and let it be converted, or correct the punycode.",
    )


def _label_count(host: _Hostname) -> Problem | None:
    """Too few labels, or a last label that is all digits and so no top-level domain."""
    present = host.present
    if len(present) < host.kind.min_labels:
        return host.problem(
            f"{host.argument} {host.shown} is a single label; a {host.kind.noun} needs a domain, e.g. "
            "'live.example.com'.",
            "Use the fully qualified name, including the domain it belongs to.",
        )
    if present and present[-1].isdigit() and len(present) == len(host.labels):
        return host.problem(
            f"{host.argument} {host.shown} ends in an all-numeric label {_show(present[-1])}, which is no top-level "
            "domain.",
            "Use a domain name under a real top-level domain, e.g. 'live.example.com'.",
        )
    return None


def _tencent_owned(host: _Hostname) -> Problem | None:
    suffix = _tencent_suffix(host.name) if host.kind.refuse_tencent else None
    if suffix is None:
        return None
    return host.problem(
        f"{host.argument} {host.shown} is under {suffix!r}, which belongs to Tencent Cloud, not to you.",
        "Use a domain you own; Tencent's name is the CNAME target (LiveDomain.cname_target) "
        "that your domain points to, not the domain itself.",
    )


_WHOLE_NAME_CHECKS: tuple[Callable[[_Hostname], Problem | None], ...] = (_wildcard, _ip_address, _not_convertible)
_LABEL_CHECKS: tuple[Callable[[_Hostname], Problem | None], ...] = (
    _too_long,
    _empty_label,
    _long_labels,
    _underscores,
    _foreign_characters,
    _hyphen_edges,
    _reserved_hyphens,
    _broken_a_labels,
    _label_count,
    _tencent_owned,
)


def _internationalised(host: _Hostname) -> Problem | None:
    """An otherwise valid A-label name where internationalised names are refused (Tencent Cloud Live)."""
    if host.kind.allow_idn or not host.a_labels:
        return None
    return host.problem(
        f"{host.argument} {host.shown} is an internationalised domain name (A-label form {host.name!r}, Unicode "
        f"{_u_label_form(host.name)!r}); Tencent Cloud Live rejects such names (InternalError.ChineseCharacterDetected).",
        "Use an ASCII name made of letters, digits and hyphens, e.g. a pinyin or English label.",
    )


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
    unusable = _unusable_value(value, property, noun)
    if unusable is not None:
        return [unusable]
    kind = _HostnameKind(noun, allow_idn, min_labels, refuse_tencent)
    host = _Hostname(property, value, _show(value), _normalize_text(_text(value)), kind)
    for whole_name_check in _WHOLE_NAME_CHECKS:
        problem = whole_name_check(host)
        if problem is not None:
            return [problem]
    found = (label_check(host) for label_check in _LABEL_CHECKS)
    problems = [problem for problem in found if problem is not None]
    if not problems:
        # Only a name that is otherwise valid is reported as internationalised.
        idn = _internationalised(host)
        problems = [idn] if idn is not None else []
    return problems

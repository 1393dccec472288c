"""Property tests: every rule check takes any input without raising and explains every problem."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from hypothesis import given, settings
from hypothesis import strategies as st

from pulumi_tclive.rules import (
    DNS_BACKENDS,
    EDUCATION_CATEGORIES,
    SCENES,
    Problem,
    check_app_id,
    check_cname_target,
    check_dns_name,
    check_domain_kind,
    check_enum,
    check_licence_status_for_domains,
    check_live_domain_name,
    check_mini_program_name,
    check_mini_program_play_change,
    check_plugin_version,
    check_scene,
    check_subject_type,
    check_ttl,
    check_zone,
    licence_next_steps,
    normalize_domain_name,
    parse_version,
)

bounded = settings(max_examples=200, deadline=None)


class Hostile:
    """An object whose every hook raises, standing in for whatever a program might pass."""

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("__eq__")

    def __hash__(self) -> int:
        raise RuntimeError("__hash__")

    def __repr__(self) -> str:
        raise RuntimeError("__repr__")

    def __str__(self) -> str:
        raise RuntimeError("__str__")

    def __bool__(self) -> bool:
        raise RuntimeError("__bool__")

    def __len__(self) -> int:
        raise RuntimeError("__len__")

    def __iter__(self) -> Iterator[object]:
        raise RuntimeError("__iter__")

    @property  # type: ignore[misc]
    def __class__(self) -> type:  # isinstance() consults this
        raise RuntimeError("__class__")


class HostileStr(str):
    """A str subclass whose methods raise."""

    def strip(self, chars: str | None = None) -> str:
        raise RuntimeError("strip")

    def lower(self) -> str:
        raise RuntimeError("lower")

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("__eq__")

    __hash__ = str.__hash__

    def __str__(self) -> str:
        raise RuntimeError("__str__")


class HostileList(list[object]):
    """A list subclass whose iteration raises."""

    def __iter__(self) -> Iterator[object]:
        raise RuntimeError("__iter__")


domain_alphabet = st.sampled_from([*"abcxyz019-_.*:[] ", "ü", "直", "播", "。", "ß", "\xad", "İ", "\x00", "Ａ"])
domainish = st.text(alphabet=domain_alphabet, max_size=80)
plain_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=10**4400, max_value=10**4500),  # too long for repr() under the int digit limit
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=300),
    domainish,
    st.binary(max_size=40),
    st.sampled_from(["x" * 100_000, "ü" * 5_000 + ".com", "a." * 200 + "com", "1.2.3.4", "::1"]),
    st.builds(Hostile),
    st.builds(HostileStr, domainish),
    st.builds(HostileList, st.lists(st.text(max_size=5), max_size=3)),
)
anything = st.recursive(
    plain_values,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.tuples(inner, inner),
        st.dictionaries(st.text(max_size=12), inner, max_size=4),
    ),
    max_leaves=8,
)
category_lists = st.lists(
    st.one_of(st.sampled_from((*EDUCATION_CATEGORIES, "电商平台")), st.text(max_size=8)), max_size=4
)

CHECKS: list[Callable[[object], list[Problem]]] = [
    check_live_domain_name,
    lambda value: check_dns_name(value, "name"),
    lambda value: check_cname_target(value, name="live.example.com"),
    lambda value: check_cname_target("live.example.com", name=value),
    lambda value: check_zone(value, name="live.example.com"),
    lambda value: check_zone("example.com", name=value),
    lambda value: check_ttl(value, backend="dnspod"),
    lambda value: check_ttl(600, backend=value),  # type: ignore[arg-type]
    check_app_id,
    check_mini_program_name,
    check_subject_type,
    check_plugin_version,
    check_licence_status_for_domains,
    lambda value: check_enum(value, DNS_BACKENDS, "dns"),
    lambda value: check_enum("dnspod", value, "dns"),  # type: ignore[arg-type]
    lambda value: check_scene(value, ["电商平台"]),
    lambda value: check_scene("education", value),
    lambda value: check_scene("offline_event", value, event_permit=value, venue_proof=value, support_ticket=value),
    lambda value: check_domain_kind(value, value, value, has_licence=value),  # type: ignore[arg-type]
    lambda value: check_domain_kind("play", "mini_program", value, has_licence=False),
    lambda value: check_mini_program_play_change(value, value),  # type: ignore[arg-type]
    lambda value: check_mini_program_play_change(
        {"domain_name": "mp.example.com", "domain_type": "play", "scene": "mini_program", "slow_live": False},
        {"domain_name": value, "domain_type": value, "scene": value, "slow_live": value},
    ),
]


def assert_well_formed(problems: object) -> None:
    assert isinstance(problems, list)
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.property.strip()
        assert problem.reason.strip()
        assert problem.fix.strip()
        assert problem.message() == f"{problem.reason} {problem.fix}"


@bounded
@given(anything)
def test_every_check_accepts_anything(value: object) -> None:
    for check in CHECKS:
        assert_well_formed(check(value))


@bounded
@given(domainish)
def test_every_check_accepts_domain_like_text(value: str) -> None:
    for check in CHECKS:
        assert_well_formed(check(value))


@bounded
@given(anything)
def test_other_helpers_accept_anything(value: object) -> None:
    is_text = issubclass(type(value), str)  # not isinstance(): Hostile's __class__ raises
    version = parse_version(value)
    if version is not None:  # only text of at most 8 dotted numbers is a version
        assert is_text
        assert 1 <= len(version) <= 8 and all(type(part) is int and part >= 0 for part in version)
    normal = normalize_domain_name(value)
    if is_text:
        assert type(normal) is str  # a str subclass (HostileStr) comes back as plain text
    else:
        assert normal is value  # anything else is returned unchanged, for the checks to report
    steps = licence_next_steps(value, scene=value, real_cloud=value)  # type: ignore[arg-type]
    assert steps
    assert all(isinstance(step, str) and step for step in steps)


@bounded
@given(st.one_of(domainish, st.text(max_size=300)))
def test_normalize_is_idempotent(value: str) -> None:
    once = normalize_domain_name(value)
    assert normalize_domain_name(once) == once


@bounded
@given(domainish)
def test_checks_agree_on_raw_and_normalised_names(value: str) -> None:
    normal = normalize_domain_name(value)
    assert (check_live_domain_name(value) == []) == (check_live_domain_name(normal) == [])
    assert (check_dns_name(value, "name") == []) == (check_dns_name(normal, "name") == [])


@bounded
@given(domainish)
def test_accepted_dns_names_are_lower_case_ldh(value: str) -> None:
    if check_dns_name(value, "name") == []:
        normal = normalize_domain_name(value)
        assert isinstance(normal, str)
        assert len(normal) <= 253
        assert set(normal) <= set("abcdefghijklmnopqrstuvwxyz0123456789-.")
        assert all(0 < len(label) <= 63 for label in normal.split("."))


@bounded
@given(st.sampled_from(SCENES), category_lists)
def test_scene_checks_explain_themselves(scene: str, categories: list[str]) -> None:
    assert_well_formed(check_scene(scene, categories))


@bounded
@given(st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=5))
def test_versions_compare_numerically(parts: list[int]) -> None:
    text = ".".join(map(str, parts))
    assert parse_version(text) == tuple(parts)
    padded = (*parts, 0, 0, 0)[: max(3, len(parts))]
    assert (check_plugin_version(text) == []) == (tuple(padded) >= (1, 2, 1) + (0,) * (len(padded) - 3))

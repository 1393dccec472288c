"""Table-driven tests of the product rules (R1–R5, R8) and the domain-name rules in pulumi_tclive.rules."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pulumi_tclive import rules
from pulumi_tclive.rules import (
    ECOMMERCE_CATEGORIES,
    EDUCATION_CATEGORIES,
    LICENCE_STATUSES,
    MIN_PLUGIN_VERSION,
    PLUGIN_APP_ID,
    PLUGIN_NAME,
    SUBJECT_TYPES,
    TENCENT_SUFFIXES,
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


def messages(problems: list[Problem]) -> str:
    return "\n".join(problem.message() for problem in problems)


# --- constants the other areas code against -------------------------------------------------------


def test_product_constants() -> None:
    assert PLUGIN_APP_ID == "wx95a7d2b78cf30f98"
    assert PLUGIN_NAME == "腾讯云直播助手"
    assert MIN_PLUGIN_VERSION == "1.2.1"
    assert ECOMMERCE_CATEGORIES == ("电商平台",)
    assert len(EDUCATION_CATEGORIES) == 13
    assert "学历教育（学校）" in EDUCATION_CATEGORIES
    assert rules.DOMAIN_TYPES == ("push", "play")
    assert rules.DOMAIN_SCENES == ("standard", "mini_program")
    assert rules.PLAY_REGIONS == ("mainland", "global", "overseas")
    assert rules.DNS_BACKENDS == ("dnspod", "rfc2136", "manual")
    assert rules.VERIFY_MODES == ("dns", "cloud", "none")
    assert LICENCE_STATUSES == ("pending_review", "pending_payment", "available", "rejected", "expired")


def test_problem_message_is_reason_then_fix() -> None:
    problem = Problem("domain_name", "x", "It is wrong.", "Do this.")
    assert problem.message() == "It is wrong. Do this."


# --- R1 subject type ----------------------------------------------------------------------------


@pytest.mark.parametrize("subject_type", ["enterprise", "government", "media", "other_org"])
def test_non_individual_subjects_are_accepted(subject_type: str) -> None:
    assert check_subject_type(subject_type) == []


def test_individual_subject_is_refused_quoting_the_docs() -> None:
    [problem] = check_subject_type("individual")
    assert problem.property == "subject_type"
    assert "注册非个人主体类型的微信小程序" in problem.reason
    assert "enterprise" in problem.fix


@pytest.mark.parametrize("value", ["company", "Enterprise", "", None, 3])
def test_unknown_subject_types_list_the_accepted_ones(value: object) -> None:
    [problem] = check_subject_type(value)
    for subject_type in SUBJECT_TYPES:
        assert subject_type in problem.fix


def test_case_mistake_gets_a_suggestion() -> None:
    [problem] = check_enum("Other-Org", SUBJECT_TYPES, "subject_type")
    assert "Did you mean 'other_org'?" in problem.fix


# --- R2 scene and categories ----------------------------------------------------------------------


@pytest.mark.parametrize("category", ECOMMERCE_CATEGORIES)
def test_ecommerce_category_accepted(category: str) -> None:
    assert check_scene("ecommerce", [category]) == []


@pytest.mark.parametrize("category", EDUCATION_CATEGORIES)
def test_each_education_category_accepted(category: str) -> None:
    assert check_scene("education", [category]) == []


@pytest.mark.parametrize("category", EDUCATION_CATEGORIES)
def test_education_category_refused_for_ecommerce(category: str) -> None:
    problems = check_scene("ecommerce", [category])
    text = messages(problems)
    assert {problem.property for problem in problems} == {"service_categories"}
    assert "'education' scene" in text
    assert "电商平台" in text


def test_ecommerce_category_refused_for_education() -> None:
    problems = check_scene("education", ["电商平台"])
    text = messages(problems)
    assert "'ecommerce' scene" in text
    assert "在线教育" in text  # lists the categories that would do


@pytest.mark.parametrize(
    ("scene", "categories", "needed"),
    [
        ("ecommerce", [], "【电商平台】"),
        ("ecommerce", None, "【电商平台】"),
        ("education", [], "【教育】"),
    ],
)
def test_scene_without_its_category_is_refused(scene: str, categories: object, needed: str) -> None:
    [problem] = check_scene(scene, categories)
    assert needed in problem.reason


def test_unknown_category_lists_the_allowed_ones_for_the_scene() -> None:
    problems = check_scene("education", ["在线教育", "工具"])
    [problem] = problems
    assert "'工具'" in problem.reason
    for category in EDUCATION_CATEGORIES:
        assert category in problem.fix


def test_half_width_brackets_get_a_suggestion() -> None:
    [problem] = check_scene("education", ["在线教育", "学历教育(学校)"])
    assert "did you mean '学历教育（学校）'" in problem.fix


@pytest.mark.parametrize("categories", ["电商平台", {"电商平台": 1}, 42])
def test_categories_must_be_a_list(categories: object) -> None:
    [problem] = check_scene("ecommerce", categories)
    assert problem.property == "service_categories"
    assert "list" in problem.reason


def test_non_text_categories_are_refused() -> None:
    [problem] = check_scene("ecommerce", ["电商平台", 7])
    assert "[7]" in problem.reason


def test_offline_event_with_all_evidence_is_accepted() -> None:
    assert (
        check_scene("offline_event", [], event_permit="permit-1", venue_proof="lease.pdf", support_ticket="T-9") == []
    )


def test_offline_event_accepts_categories_of_either_list() -> None:
    documents = {"event_permit": "p", "venue_proof": "v", "support_ticket": "t"}
    assert check_scene("offline_event", ["电商平台", "在线教育"], **documents) == []
    [problem] = check_scene("offline_event", ["游戏"], **documents)
    assert "'游戏'" in problem.reason


def test_offline_event_reports_each_missing_document_quoting_the_docs() -> None:
    problems = check_scene("offline_event", [], venue_proof="  ")
    by_property = {problem.property: problem for problem in problems}
    assert set(by_property) == {"event_permit", "venue_proof", "support_ticket"}
    assert "公安机关/派出所颁发的安全许可" in by_property["event_permit"].reason
    assert "场地使用证明" in by_property["venue_proof"].reason
    assert "先联系我们确认" in by_property["support_ticket"].reason
    assert "workorder" in by_property["support_ticket"].fix


def test_offline_event_only_missing_ticket() -> None:
    [problem] = check_scene("offline_event", [], event_permit="p", venue_proof="v")
    assert problem.property == "support_ticket"


@pytest.mark.parametrize("scene", ["shopping", "ECOMMERCE", None, 1.0])
def test_unknown_scene_is_refused(scene: object) -> None:
    problems = check_scene(scene, ["电商平台"])
    assert [problem.property for problem in problems] == ["scene"]
    assert "offline_event" in problems[0].fix


# --- R3 plugin ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("app_id", "accepted"),
    [
        ("wx0123456789abcdef", True),
        ("wxfedcba9876543210", True),
        ("wx0123456789ABCDEF", False),
        ("wx0123456789abcde", False),
        ("wx0123456789abcdef0", False),
        ("wy0123456789abcdef", False),
        ("wx0123456789abcdeg", False),
        (" wx0123456789abcdef", False),
        ("wx0123456789abcdef\n", False),
        ("", False),
        (None, False),
        (123, False),
    ],
)
def test_app_id_format(app_id: object, accepted: bool) -> None:
    problems = check_app_id(app_id)
    assert (problems == []) is accepted
    assert all(problem.property == "mini_program_app_id" for problem in problems)


def test_upper_case_app_id_gets_the_lower_case_form() -> None:
    [problem] = check_app_id("wx0123456789ABCDEF")
    assert "'wx0123456789abcdef'" in problem.fix


def test_plugin_app_id_is_refused_as_the_mini_program() -> None:
    [problem] = check_app_id(PLUGIN_APP_ID)
    assert PLUGIN_NAME in problem.reason
    assert "your own mini-program" in problem.fix


@pytest.mark.parametrize(
    ("name", "accepted"),
    [
        ("Acme Shop", True),
        ("直播小店", True),
        ("x" * 64, True),
        ("x" * 65, False),
        ("", False),
        ("   ", False),
        (None, False),
        (5, False),
    ],
)
def test_mini_program_name(name: object, accepted: bool) -> None:
    assert (check_mini_program_name(name) == []) is accepted


@pytest.mark.parametrize(
    ("version", "accepted"),
    [
        ("1.2.1", True),
        ("1.2.2", True),
        ("1.3", True),
        ("1.10.0", True),
        ("2", True),
        ("1.2.1.0", True),
        (None, True),
        ("1.2.0", False),
        ("1.2", False),
        ("0.9.9", False),
        ("1.1.10", False),
        ("abc", False),
        ("1.2.x", False),
        ("v1.2.1", False),
        ("1..2", False),
        ("", False),
        ("１.２.１", False),  # full-width digits are not a version number
        (1.3, False),
    ],
)
def test_plugin_version_minimum(version: object, accepted: bool) -> None:
    problems = check_plugin_version(version)
    assert (problems == []) is accepted
    if not accepted:
        assert MIN_PLUGIN_VERSION in problems[0].fix


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("1.2.1", (1, 2, 1)),
        ("1.10.0", (1, 10, 0)),
        ("3", (3,)),
        ("abc", None),
        ("1.", None),
        ("9" * 5000, None),
        (None, None),
    ],
)
def test_parse_version(text: object, parsed: tuple[int, ...] | None) -> None:
    assert parse_version(text) == parsed


# --- R4 licence status ---------------------------------------------------------------------------


def test_available_licence_allows_domains() -> None:
    assert check_licence_status_for_domains("available") == []


@pytest.mark.parametrize(
    ("status", "in_reason", "in_fix"),
    [
        ("pending_review", "待审核", "5 working days"),
        ("pending_payment", "待付款", "资源包/插件管理"),
        ("rejected", "refused", "submit it again"),
        ("expired", "ended", "购买/续费"),
        ("approved", "not a known status", "pending_payment"),
        (None, "not a known status", "available"),
    ],
)
def test_unavailable_licence_blocks_domains(status: object, in_reason: str, in_fix: str) -> None:
    [problem] = check_licence_status_for_domains(status)
    assert problem.property == "plugin_license"
    assert in_reason in problem.reason
    assert in_fix in problem.fix


@pytest.mark.parametrize(
    ("status", "first", "count"),
    [
        ("available", "域名管理", 1),
        ("pending_payment", "待付款", 2),
        ("pending_review", "待审核", 3),
        ("expired", "续费", 2),
        ("rejected", "Correct the application", 7),
        ("", "基本设置", 6),
    ],
)
def test_licence_next_steps_in_order(status: str, first: str, count: int) -> None:
    steps = licence_next_steps(status, scene="education")
    assert len(steps) == count
    assert first in steps[0]
    assert "域名管理" in steps[-1]


def test_next_steps_for_a_new_application_name_plugin_and_category() -> None:
    steps = licence_next_steps("", scene="ecommerce")
    text = "\n".join(steps)
    assert PLUGIN_APP_ID in text
    assert MIN_PLUGIN_VERSION in text
    assert "电商平台" in text
    assert text.index("待审核") < text.index("待付款") < text.index("添加域名")


def test_next_steps_for_offline_events_include_the_evidence() -> None:
    steps = licence_next_steps("", scene="offline_event")
    assert any("safety permit" in step for step in steps)


def test_next_steps_differ_between_real_cloud_and_emulator() -> None:
    real = licence_next_steps("pending_review", real_cloud=True)
    emulated = licence_next_steps("pending_review", real_cloud=False)
    assert "console_status" in real[0]
    assert "ApprovePluginLicense" in emulated[0]


# --- R5 domain kinds -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("domain_type", "scene", "play_region", "has_licence"),
    [
        ("push", "standard", None, False),
        ("play", "standard", None, False),
        ("play", "standard", "global", False),
        ("push", "mini_program", None, True),
        ("play", "mini_program", "mainland", True),
        ("play", "mini_program", "overseas", True),
    ],
)
def test_four_domain_kinds_accepted(domain_type: str, scene: str, play_region: object, has_licence: bool) -> None:
    assert check_domain_kind(domain_type, scene, play_region, has_licence=has_licence) == []


@pytest.mark.parametrize(
    ("domain_type", "scene", "play_region", "has_licence", "property", "text"),
    [
        ("push", "standard", "mainland", False, "play_region", "play domains only"),
        ("play", "standard", "europe", False, "play_region", "overseas"),
        ("pull", "standard", None, False, "domain_type", "'push'"),
        ("play", "miniprogram", None, False, "scene", "'mini_program'"),
        ("play", "mini_program", None, False, "plugin_license", "plugin_license=<PluginLicense>"),
        ("push", "mini_program", None, False, "plugin_license", "plugin_license=<PluginLicense>"),
    ],
)
def test_domain_kind_problems(
    domain_type: object, scene: object, play_region: object, has_licence: bool, property: str, text: str
) -> None:
    [problem] = check_domain_kind(domain_type, scene, play_region, has_licence=has_licence)
    assert problem.property == property
    assert text in problem.message()


# --- R8 mini-program play domains cannot be replaced ----------------------------------------------

MINI_PROGRAM_PLAY = {
    "domain_name": "mp.example.com",
    "domain_type": "play",
    "scene": "mini_program",
    "slow_live": False,
}


@pytest.mark.parametrize(
    ("change", "property"),
    [
        ({"domain_name": "mp2.example.com"}, "domain_name"),
        ({"domain_type": "push"}, "domain_type"),
        ({"scene": "standard"}, "scene"),
        ({"scene": None}, "scene"),
        ({"slow_live": True}, "slow_live"),
        ({"slow_live": 1.0}, "slow_live"),
    ],
)
def test_mini_program_play_change_is_refused(change: dict[str, object], property: str) -> None:
    [problem] = check_mini_program_play_change(MINI_PROGRAM_PLAY, {**MINI_PROGRAM_PLAY, **change})
    assert problem.property == property
    assert "暂不支持删除解绑" in problem.reason
    assert "new LiveDomain" in problem.fix
    assert "retain_on_delete=True" in problem.fix


def test_each_changed_property_is_reported() -> None:
    new = {"domain_name": "other.example.com", "domain_type": "push", "scene": "standard", "slow_live": True}
    problems = check_mini_program_play_change(MINI_PROGRAM_PLAY, new)
    assert [problem.property for problem in problems] == ["domain_name", "domain_type", "scene", "slow_live"]


@pytest.mark.parametrize(
    "new",
    [
        dict(MINI_PROGRAM_PLAY),
        {**MINI_PROGRAM_PLAY, "domain_name": "MP.Example.com."},  # same name once normalised
        {**MINI_PROGRAM_PLAY, "slow_live": 0.0},
        {**MINI_PROGRAM_PLAY, "slow_live": None},
        {**MINI_PROGRAM_PLAY, "play_region": "global", "enabled": False},  # changes in place are fine
        {"domain_name": "mp.example.com"},  # absent keys (unknown during preview) are not compared
    ],
)
def test_mini_program_play_unchanged_identity_passes(new: dict[str, object]) -> None:
    assert check_mini_program_play_change(MINI_PROGRAM_PLAY, new) == []


@pytest.mark.parametrize(
    "old",
    [
        {**MINI_PROGRAM_PLAY, "domain_type": "push"},
        {**MINI_PROGRAM_PLAY, "scene": "standard"},
        {},
    ],
)
def test_other_domains_may_be_replaced(old: dict[str, object]) -> None:
    new = {"domain_name": "new.example.com", "domain_type": "play", "scene": "standard", "slow_live": True}
    assert check_mini_program_play_change(old, new) == []


# --- domain names -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("Live.Example.COM", "live.example.com"),
        ("live.example.com.", "live.example.com"),
        ("  live.example.com.\n", "live.example.com"),
        ("bücher.example.com", "xn--bcher-kva.example.com"),
        ("Bücher.Example.com.", "xn--bcher-kva.example.com"),
        ("直播.例子.com", "xn--z6ut02b.xn--fsqu00a.com"),
        ("直播。例子。com", "xn--z6ut02b.xn--fsqu00a.com"),  # ideographic full stops are dots (UTS #46)
        ("faß.de", "xn--fa-hia.de"),  # IDNA 2008, not 2003's "fass.de"
        ("a..", "a.."),  # only one trailing dot is dropped
        ("bad_ü.example.com", "bad_ü.example.com"),  # not convertible: left for the checks to report
        ("Bad_Ü.example.com.", "bad_ü.example.com."),
        ("0。.", "0。."),  # UTS #46 would make this "0..": not convertible, so left alone
        (42, 42),
        (None, None),
    ],
)
def test_normalize_domain_name(raw: object, normal: object) -> None:
    assert normalize_domain_name(raw) == normal
    assert normalize_domain_name(normal) == normal


@pytest.mark.parametrize(
    "name", ["live.example.com", "Live.Example.COM.", "a.b", "1live.example.com", "x-y.example.cn", "a" * 63 + ".com"]
)
def test_valid_live_domain_names(name: str) -> None:
    assert check_live_domain_name(name) == []
    assert check_dns_name(name, "name") == []


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("a" * 64 + ".example.com", "longer than 63"),
        (".".join(["a" * 63] * 4) + ".com", "at most 253"),
        ("a..example.com", "empty label"),
        (".example.com", "empty label"),
        ("-live.example.com", "hyphen"),
        ("live-.example.com", "hyphen"),
        ("live_play.example.com", "'_'"),
        ("live play.example.com", "not allowed in a host name"),
        ("live!.example.com", "not allowed in a host name"),
        ("ab--cd.example.com", "reserved"),
        ("xn--zz.example.com", "not a valid IDNA A-label"),
        ("192.0.2.1", "IP address"),
        ("2001:db8::1", "IP address"),
        ("[2001:db8::1]", "IP address"),
        ("*.example.com", "wildcard"),
        ("live.*.example.com", "wildcard"),
        ("localhost", "single label"),
        ("example.123", "all-numeric"),
        ("256.1.1.1", "all-numeric"),
        ("", "empty"),
        ("   ", "empty"),
        (None, "missing"),
        (600, "must be a string"),
        (["live.example.com"], "must be a string"),
    ],
)
def test_invalid_names(name: object, text: str) -> None:
    for problems in (check_live_domain_name(name), check_dns_name(name, "name")):
        assert problems, name
        assert text in messages(problems)


def test_name_problems_name_the_property_and_show_the_value() -> None:
    [problem] = check_dns_name("bad_name.example.com", "name")
    assert problem.property == "name"
    assert problem.value == "bad_name.example.com"
    assert "'bad_name.example.com'" in problem.reason


def test_huge_names_are_shown_truncated() -> None:
    problems = check_live_domain_name("x" * 100_000 + ".com")
    assert problems
    assert all(len(problem.message()) < 1000 for problem in problems)
    assert "100004 characters" in problems[0].reason


@pytest.mark.parametrize("suffix", TENCENT_SUFFIXES)
def test_tencent_names_are_refused(suffix: str) -> None:
    for name in (suffix, f"live.example.com.{suffix}"):
        [problem] = check_live_domain_name(name)
        assert "belongs to Tencent Cloud" in problem.reason
        assert "cname_target" in problem.fix
        assert check_dns_name(name, "name") != []


def test_similar_but_foreign_suffix_is_fine() -> None:
    assert check_live_domain_name("live.notqq.com") == []


@pytest.mark.parametrize(
    ("name", "a_label"),
    [
        ("直播.例子.com", "xn--z6ut02b.xn--fsqu00a.com"),
        ("bücher.example.com", "xn--bcher-kva.example.com"),
        ("xn--bcher-kva.example.com", "xn--bcher-kva.example.com"),
    ],
)
def test_idn_is_refused_for_live_domains_showing_the_a_label(name: str, a_label: str) -> None:
    [problem] = check_live_domain_name(name)
    assert "ChineseCharacterDetected" in problem.reason
    assert a_label in problem.reason
    assert "ASCII" in problem.fix


@pytest.mark.parametrize("name", ["直播.例子.com", "bücher.example.com", "xn--bcher-kva.example.com"])
def test_idn_is_accepted_for_dns_names(name: str) -> None:
    assert check_dns_name(name, "name") == []
    assert check_dns_name(normalize_domain_name(name), "name") == []


def test_unconvertible_unicode_is_reported() -> None:
    [live] = check_live_domain_name("bad_ü.example.com")
    assert "ChineseCharacterDetected" in live.reason
    [dns] = check_dns_name("bad_ü.example.com", "name")
    assert "not a valid internationalised domain name" in dns.reason


# --- CNAME target, zone, TTL --------------------------------------------------------------------


@pytest.mark.parametrize(
    "target", ["live.example.com.tlivecdn.com", "push.example.com.tlivepush.com.", "cdn.other.net"]
)
def test_good_cname_targets(target: str) -> None:
    assert check_cname_target(target, name="live.example.com") == []


@pytest.mark.parametrize(
    ("target", "text"),
    [
        ("live.example.com", "own name"),
        ("LIVE.example.com.", "own name"),
        ("203.0.113.7", "IP address"),
        ("::1", "IP address"),
        ("*.tlivecdn.com", "wildcard"),
        ("", "empty"),
        (None, "missing"),
    ],
)
def test_bad_cname_targets(target: object, text: str) -> None:
    problems = check_cname_target(target, name="live.example.com")
    assert [problem.property for problem in problems] == ["target"]
    assert text in problems[0].reason


@pytest.mark.parametrize(
    ("zone", "name"),
    [
        ("example.com", "live.example.com"),
        ("Example.COM.", "live.example.com"),
        ("example.com", "a.b.live.example.com"),
        ("test", "live.test"),
        (None, "live.example.com"),
        ("bücher.example", "live.bücher.example"),
    ],
)
def test_name_inside_zone(zone: object, name: str) -> None:
    assert check_zone(zone, name=name) == []


def test_cname_at_the_zone_apex_is_refused() -> None:
    [problem] = check_zone("example.com", name="Example.com.")
    assert problem.property == "zone"
    assert "a CNAME cannot sit at the zone apex" in problem.reason
    assert "RFC 1034 §3.6.2" in problem.reason


@pytest.mark.parametrize(
    ("zone", "name"),
    [("other.com", "live.example.com"), ("ample.com", "live.example.com"), ("live.example.com", "example.com")],
)
def test_name_outside_zone_is_refused(zone: str, name: str) -> None:
    [problem] = check_zone(zone, name=name)
    assert "is not inside zone" in problem.reason


@pytest.mark.parametrize("zone", ["exa_mple.com", "1.2.3.4", "", "a..com", 7])
def test_invalid_zone(zone: object) -> None:
    problems = check_zone(zone, name="live.example.com")
    assert problems
    assert all(problem.property == "zone" for problem in problems)


@pytest.mark.parametrize(
    ("ttl", "backend", "accepted"),
    [
        (600, "dnspod", True),
        (600.0, "dnspod", True),
        (1, "dnspod", True),
        (604800, "dnspod", True),
        (604801, "dnspod", False),
        (604801.0, "rfc2136", True),
        (2147483647, "rfc2136", True),
        (2147483648, "rfc2136", False),
        (2147483648, "manual", False),
        (0, "dnspod", False),
        (0, "rfc2136", False),
        (-5, "manual", False),
        (600.5, "dnspod", False),
        (float("nan"), "dnspod", False),
        (float("inf"), "rfc2136", False),
        (True, "dnspod", False),
        ("600", "dnspod", False),
        (None, "dnspod", True),
    ],
)
def test_ttl_ranges(ttl: object, backend: str, accepted: bool) -> None:
    problems = check_ttl(ttl, backend=backend)
    assert (problems == []) is accepted
    assert all(problem.property == "ttl" for problem in problems)


def test_dnspod_ttl_message_names_its_range() -> None:
    [problem] = check_ttl(604801, backend="dnspod")
    assert "604800" in problem.reason
    assert "600" in problem.fix


# --- enums ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "allowed"),
    [
        ("dnspod", rules.DNS_BACKENDS),
        ("manual", rules.DNS_BACKENDS),
        ("cloud", rules.VERIFY_MODES),
        ("global", rules.PLAY_REGIONS),
    ],
)
def test_enum_members_pass(value: str, allowed: tuple[str, ...]) -> None:
    assert check_enum(value, allowed, "x") == []


@pytest.mark.parametrize("value", ["route53", "DNSPOD", None, 0, ["dnspod"]])
def test_enum_non_members_list_the_choices(value: object) -> None:
    [problem] = check_enum(value, rules.DNS_BACKENDS, "dns")
    assert problem.property == "dns"
    assert "'dnspod', 'rfc2136', 'manual'" in problem.fix


# --- where the messages send the user ------------------------------------------------------------

PLUGIN_PAGE = "https://cloud.tencent.com/document/product/1148/39191"
CATEGORY_PAGE = "https://cloud.tencent.com/document/product/1078/43316"


@pytest.mark.parametrize(
    ("problems", "page", "wording"),
    [
        (lambda: check_subject_type("individual"), PLUGIN_PAGE, "注册非个人主体类型的微信小程序"),
        (lambda: check_scene("education", ["电商平台"]), CATEGORY_PAGE, "类目申请资质要求"),
        (lambda: check_plugin_version("1.2.0"), PLUGIN_PAGE, "插件最低版本限制"),
        (
            lambda: check_mini_program_play_change(MINI_PROGRAM_PLAY, {**MINI_PROGRAM_PLAY, "scene": "standard"}),
            PLUGIN_PAGE,
            "暂不支持删除解绑",
        ),
    ],
    ids=["R1", "R2", "R3", "R8"],
)
def test_rule_messages_cite_the_public_tencent_page(
    problems: Callable[[], list[Problem]], page: str, wording: str
) -> None:
    [problem] = [p for p in problems() if wording in p.reason]
    assert "Tencent Cloud docs" in problem.reason and page in problem.reason
    assert "seed" not in problem.message() and "§" not in problem.message()

"""The tclive policy pack's policies, called the way the analyzer calls them.

Props go through the SDK's unknown-checking proxy, as in a real preview, and unknown values use
the SDK's own sentinels.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest
from policy.tclive_policies import (
    ALL_POLICIES,
    CNAME_RECORD_TYPE,
    LIVE_DOMAIN_HAS_CNAME,
    LIVE_DOMAIN_TYPE,
    MINI_PROGRAM_DOMAINS_NEED_LICENSE,
    MINI_PROGRAM_PLAY_CNAME_PROTECTED,
    MINI_PROGRAM_PLAY_DOMAIN_PROTECTED,
    PLUGIN_LICENSE_TYPE,
    STANDARD_PLAY_DOMAIN_FOR_APP_WEB,
    UNIQUE_DOMAIN_NAMES,
    UNKNOWN,
    read_property,
)
from pulumi_policy import (
    EnforcementLevel,
    Policy,
    PolicyCustomTimeouts,
    PolicyResource,
    PolicyResourceOptions,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
)
from pulumi_policy.proxy import UNKNOWN_STRING_VALUE, unknown_checking_proxy

Violation = tuple[str, str | None]


def urn_of(resource_type: str, name: str) -> str:
    return f"urn:pulumi:dev::acme-live::{resource_type}::{name}"


def resource(
    resource_type: str,
    name: str,
    props: dict[str, Any],
    *,
    protect: bool = False,
    property_dependencies: dict[str, list[PolicyResource]] | None = None,
) -> PolicyResource:
    options = PolicyResourceOptions(protect, [], None, [], PolicyCustomTimeouts(0, 0, 0), [])
    return PolicyResource(
        resource_type,
        unknown_checking_proxy(props),
        urn_of(resource_type, name),
        name,
        options,
        None,
        None,
        [],
        property_dependencies or {},
    )


def licence(name: str = "shop", scene: str = "ecommerce") -> PolicyResource:
    return resource(PLUGIN_LICENSE_TYPE, name, {"mini_program_app_id": "wx0123456789abcdef", "scene": scene})


def domain(
    name: str,
    domain_name: str,
    domain_type: str,
    scene: str,
    *,
    protect: bool = False,
    plugin_license: str | None = None,
) -> PolicyResource:
    props: dict[str, Any] = {"domain_name": domain_name, "domain_type": domain_type, "scene": scene}
    if domain_type == "play":
        props["play_region"] = "mainland"
    if plugin_license is not None:
        props["plugin_license"] = plugin_license
    return resource(LIVE_DOMAIN_TYPE, name, props, protect=protect)


def cname(name: str, record_name: str, **kwargs: Any) -> PolicyResource:
    return resource(CNAME_RECORD_TYPE, name, {"name": record_name, "target": f"{record_name}.tlivecdn.com"}, **kwargs)


def mini_program_play(**kwargs: Any) -> PolicyResource:
    kwargs.setdefault("protect", True)
    kwargs.setdefault("plugin_license", "lic-0001")
    return domain("mp-play", "mp-play.example.com", "play", "mini_program", **kwargs)


def complete_stack() -> list[PolicyResource]:
    """The recommended setup (R6): licence, standard push, mini-program play, standard play, CNAMEs."""
    return [
        licence(),
        domain("push", "push.example.com", "push", "standard"),
        mini_program_play(),
        domain("app-play", "play.example.com", "play", "standard"),
        cname("push-cname", "push.example.com"),
        cname("mp-play-cname", "mp-play.example.com", protect=True),
        cname("app-play-cname", "play.example.com"),
    ]


def recorder(violations: list[Violation]) -> ReportViolation:
    """A report_violation callback that appends (message, urn) to ``violations``."""

    def report_violation(message: str, urn: str | None = None) -> None:
        violations.append((message, urn))

    return report_violation


def run_stack(
    policy: Policy, resources: list[PolicyResource], config: Mapping[str, Any] | None = None
) -> list[Violation]:
    assert isinstance(policy, StackValidationPolicy)
    violations: list[Violation] = []
    policy.validate(StackValidationArgs(resources, config), recorder(violations))
    return violations


def run_resource(policy: Policy, target: PolicyResource) -> list[Violation]:
    assert isinstance(policy, ResourceValidationPolicy)
    violations: list[Violation] = []
    args = ResourceValidationArgs(target.resource_type, target.props, target.urn, target.name, target.opts, None)
    policy.validate(args, recorder(violations))
    return violations


def run_all(resources: list[PolicyResource]) -> list[Violation]:
    violations: list[Violation] = []
    for policy in ALL_POLICIES:
        if isinstance(policy, StackValidationPolicy):
            violations += run_stack(policy, resources)
        else:
            for target in resources:
                violations += run_resource(policy, target)
    return violations


def without(resources: list[PolicyResource], name: str) -> list[PolicyResource]:
    return [r for r in resources if r.name != name]


def test_complete_stack_passes_every_policy() -> None:
    assert run_all(complete_stack()) == []


def test_pack_defaults_match_the_rules_severity() -> None:
    levels = {policy.name: policy.enforcement_level for policy in ALL_POLICIES}
    assert levels == {
        "tclive-live-domain-has-cname": EnforcementLevel.MANDATORY,
        "tclive-mini-program-play-domain-protected": EnforcementLevel.MANDATORY,
        "tclive-mini-program-play-cname-protected": EnforcementLevel.MANDATORY,
        "tclive-mini-program-domains-need-license": EnforcementLevel.MANDATORY,
        "tclive-unique-domain-names": EnforcementLevel.MANDATORY,
        "tclive-standard-play-domain-for-app-web": EnforcementLevel.ADVISORY,
    }


# R9: every LiveDomain has its CnameRecord.


def test_domain_without_cname_is_reported_on_that_domain() -> None:
    violations = run_stack(LIVE_DOMAIN_HAS_CNAME, without(complete_stack(), "mp-play-cname"))
    assert len(violations) == 1
    message, urn = violations[0]
    assert urn == urn_of(LIVE_DOMAIN_TYPE, "mp-play")
    assert "LiveDomain 'mp-play' (mp-play.example.com)" in message
    assert "CnameRecord" in message and "cname_target" in message


def test_cname_name_matches_regardless_of_case_and_trailing_dot() -> None:
    stack = [*without(complete_stack(), "mp-play-cname"), cname("mp-play-cname", "MP-Play.Example.COM.")]
    assert run_stack(LIVE_DOMAIN_HAS_CNAME, stack) == []


def test_cname_for_a_different_name_does_not_count() -> None:
    stack = [*without(complete_stack(), "mp-play-cname"), cname("mp-play-cname", "www.mp-play.example.com")]
    assert [urn for _, urn in run_stack(LIVE_DOMAIN_HAS_CNAME, stack)] == [urn_of(LIVE_DOMAIN_TYPE, "mp-play")]


# R8: mini-program play domains are protected.


def test_unprotected_mini_program_play_domain_is_refused() -> None:
    violations = run_resource(MINI_PROGRAM_PLAY_DOMAIN_PROTECTED, mini_program_play(protect=False))
    assert len(violations) == 1
    message = violations[0][0]
    assert "LiveDomain 'mp-play' (mp-play.example.com)" in message
    assert "not protected" in message and "protect=True" in message


@pytest.mark.parametrize(
    ("domain_type", "scene"), [("play", "standard"), ("push", "standard"), ("push", "mini_program")]
)
def test_other_domain_kinds_need_no_protection(domain_type: str, scene: str) -> None:
    target = domain("other", "other.example.com", domain_type, scene, protect=False)
    assert run_resource(MINI_PROGRAM_PLAY_DOMAIN_PROTECTED, target) == []


def test_protect_policy_ignores_other_resource_types() -> None:
    assert run_resource(MINI_PROGRAM_PLAY_DOMAIN_PROTECTED, cname("c", "mp-play.example.com")) == []


# R4/R6: mini-program domains need a plugin licence.


def test_mini_program_domain_without_licence_is_refused() -> None:
    violations = run_stack(MINI_PROGRAM_DOMAINS_NEED_LICENSE, without(complete_stack(), "shop"))
    assert len(violations) == 1
    message, urn = violations[0]
    assert urn == urn_of(LIVE_DOMAIN_TYPE, "mp-play")
    assert "LiveDomain 'mp-play' (mp-play.example.com) is a mini-program play domain" in message
    assert "declares no PluginLicense" in message
    assert "externalLicenses" in message and "'lic-0001'" in message


def test_licence_with_a_scene_that_allows_no_domains_is_named() -> None:
    stack = [*without(complete_stack(), "shop"), licence(scene="gaming")]
    [(message, _)] = run_stack(MINI_PROGRAM_DOMAINS_NEED_LICENSE, stack)
    assert "PluginLicense 'shop' (scene 'gaming')" in message


@pytest.mark.parametrize("scene", ["ecommerce", "education", "offline_event"])
def test_each_licence_scene_allows_mini_program_domains(scene: str) -> None:
    stack = [*without(complete_stack(), "shop"), licence(scene=scene)]
    assert run_stack(MINI_PROGRAM_DOMAINS_NEED_LICENSE, stack) == []


def test_licence_managed_in_another_stack_is_accepted_when_listed_in_config() -> None:
    stack = without(complete_stack(), "shop")
    config = {"externalLicenses": ["lic-0001"]}
    assert run_stack(MINI_PROGRAM_DOMAINS_NEED_LICENSE, stack, config) == []
    assert len(run_stack(MINI_PROGRAM_DOMAINS_NEED_LICENSE, stack, {"externalLicenses": ["lic-other"]})) == 1


def test_mini_program_push_domain_without_plugin_license_is_told_to_set_one() -> None:
    stack = [domain("mp-push", "mp-push.example.com", "push", "mini_program"), cname("c", "mp-push.example.com")]
    [(message, urn)] = run_stack(MINI_PROGRAM_DOMAINS_NEED_LICENSE, stack)
    assert urn == urn_of(LIVE_DOMAIN_TYPE, "mp-push")
    assert "is a mini-program push domain" in message
    assert "set its plugin_license" in message


def test_standard_only_stack_needs_no_licence() -> None:
    stack = [domain("push", "push.example.com", "push", "standard"), cname("push-cname", "push.example.com")]
    assert run_stack(MINI_PROGRAM_DOMAINS_NEED_LICENSE, stack) == []


# Each domain name exists once.


def test_push_and_play_domains_cannot_share_a_name() -> None:
    stack = [*complete_stack(), domain("push-2", "Play.Example.com", "push", "standard")]
    violations = run_stack(UNIQUE_DOMAIN_NAMES, stack)
    assert len(violations) == 1
    message, urn = violations[0]
    assert urn == urn_of(LIVE_DOMAIN_TYPE, "push-2")
    assert "LiveDomain 'push-2' (play.example.com), a standard push domain" in message
    assert "LiveDomain 'app-play', a standard play domain" in message


def test_one_record_name_declared_twice_is_reported_on_the_second() -> None:
    stack = [*complete_stack(), cname("push-cname-again", "Push.Example.com.")]
    [(message, urn)] = run_stack(UNIQUE_DOMAIN_NAMES, stack)
    assert urn == urn_of(CNAME_RECORD_TYPE, "push-cname-again")
    assert "CnameRecord 'push-cname-again' (push.example.com) is declared twice in this stack" in message
    assert "CnameRecord 'push-cname' writes the same name" in message


# R8: the CNAME of a mini-program play domain is protected like the domain.


def test_an_unprotected_cname_of_a_mini_program_play_domain_is_refused() -> None:
    stack = [*without(complete_stack(), "mp-play-cname"), cname("mp-play-cname", "MP-Play.example.com.")]
    [(message, urn)] = run_stack(MINI_PROGRAM_PLAY_CNAME_PROTECTED, stack)
    assert urn == urn_of(CNAME_RECORD_TYPE, "mp-play-cname")
    assert "CnameRecord 'mp-play-cname' is the CNAME of LiveDomain 'mp-play' (mp-play.example.com)" in message
    assert "opts=pulumi.ResourceOptions(protect=True, retain_on_delete=True)" in message


@pytest.mark.parametrize("dependency", ["name", "target"])
def test_in_preview_the_cname_is_known_by_what_it_is_computed_from(dependency: str) -> None:
    stack = without(complete_stack(), "mp-play-cname")
    play = next(r for r in stack if r.name == "mp-play")
    stack.append(cname("mp-play-cname", UNKNOWN_STRING_VALUE, property_dependencies={dependency: [play]}))
    assert [urn for _, urn in run_stack(MINI_PROGRAM_PLAY_CNAME_PROTECTED, stack)] == [
        urn_of(CNAME_RECORD_TYPE, "mp-play-cname")
    ]


def test_other_domains_cnames_need_no_protection() -> None:
    assert run_stack(MINI_PROGRAM_PLAY_CNAME_PROTECTED, complete_stack()) == []  # push and app-play are unprotected


# R6 advice: App/Web/H5 clients play from a standard play domain.


def test_mini_program_play_without_standard_play_gets_advice() -> None:
    violations = run_stack(STANDARD_PLAY_DOMAIN_FOR_APP_WEB, without(complete_stack(), "app-play"))
    assert len(violations) == 1
    message, urn = violations[0]
    assert urn == urn_of(LIVE_DOMAIN_TYPE, "mp-play")
    assert "LiveDomain 'mp-play' (mp-play.example.com)" in message
    assert "建议 App、Web（H5）等其他终端使用标准直播的播放域名进行播放" in message
    assert "scene='standard'" in message


def test_standard_push_domain_does_not_count_as_a_play_domain() -> None:
    stack = [licence(), domain("push", "push.example.com", "push", "standard"), mini_program_play()]
    assert len(run_stack(STANDARD_PLAY_DOMAIN_FOR_APP_WEB, stack)) == 1


def test_play_domain_without_scene_is_the_standard_play_domain() -> None:
    stack = [
        *without(complete_stack(), "app-play"),
        resource(LIVE_DOMAIN_TYPE, "app-play", {"domain_name": "play.example.com", "domain_type": "play"}),
    ]
    assert run_stack(STANDARD_PLAY_DOMAIN_FOR_APP_WEB, stack) == []


# Preview: unknown values are skipped, never fatal.


def test_unknown_property_reads_as_unknown() -> None:
    props = unknown_checking_proxy({"domain_name": UNKNOWN_STRING_VALUE, "scene": "standard"})
    assert read_property(props, "domain_name") is UNKNOWN
    assert read_property(props, "scene") == "standard"
    assert read_property(props, "play_region") is None


def test_cname_name_unknown_in_preview_covers_the_domain_it_is_computed_from() -> None:
    stack = without(complete_stack(), "mp-play-cname")
    play = next(r for r in stack if r.name == "mp-play")
    stack.append(cname("mp-play-cname", UNKNOWN_STRING_VALUE, property_dependencies={"name": [play]}))
    assert run_stack(LIVE_DOMAIN_HAS_CNAME, stack) == []


def test_cname_name_unknown_from_one_domain_does_not_cover_another() -> None:
    stack = without(complete_stack(), "mp-play-cname")
    stack = without(stack, "push-cname")
    play = next(r for r in stack if r.name == "mp-play")
    stack.append(cname("mp-play-cname", UNKNOWN_STRING_VALUE, property_dependencies={"name": [play]}))
    assert [urn for _, urn in run_stack(LIVE_DOMAIN_HAS_CNAME, stack)] == [urn_of(LIVE_DOMAIN_TYPE, "push")]


def test_cname_name_unknown_from_elsewhere_leaves_the_check_to_up() -> None:
    stack = [*without(complete_stack(), "mp-play-cname"), cname("mp-play-cname", UNKNOWN_STRING_VALUE)]
    assert run_stack(LIVE_DOMAIN_HAS_CNAME, stack) == []


def test_stack_of_unknowns_runs_every_policy_without_error() -> None:
    unknown_domain = {
        "domain_name": UNKNOWN_STRING_VALUE,
        "domain_type": UNKNOWN_STRING_VALUE,
        "scene": UNKNOWN_STRING_VALUE,
        "plugin_license": UNKNOWN_STRING_VALUE,
    }
    stack = [
        resource(PLUGIN_LICENSE_TYPE, "shop", {"scene": UNKNOWN_STRING_VALUE}),
        resource(LIVE_DOMAIN_TYPE, "a", unknown_domain),
        resource(LIVE_DOMAIN_TYPE, "b", unknown_domain),
        resource(CNAME_RECORD_TYPE, "a-cname", {"name": UNKNOWN_STRING_VALUE}),
    ]
    assert run_all(stack) == []


def test_unknown_licence_scene_counts_as_a_licence() -> None:
    stack = [*without(complete_stack(), "shop"), resource(PLUGIN_LICENSE_TYPE, "shop", {"scene": UNKNOWN_STRING_VALUE})]
    assert run_stack(MINI_PROGRAM_DOMAINS_NEED_LICENSE, stack) == []


def test_licence_whose_outputs_omit_the_scene_still_counts() -> None:
    stack = [*without(complete_stack(), "shop"), resource(PLUGIN_LICENSE_TYPE, "shop", {"status": "available"})]
    assert run_stack(MINI_PROGRAM_DOMAINS_NEED_LICENSE, stack) == []


def test_unknown_domain_kind_defers_the_app_web_advice() -> None:
    stack = [
        *without(complete_stack(), "app-play"),
        resource(
            LIVE_DOMAIN_TYPE,
            "maybe-play",
            {"domain_name": "play.example.com", "domain_type": UNKNOWN_STRING_VALUE, "scene": "standard"},
        ),
    ]
    assert run_stack(STANDARD_PLAY_DOMAIN_FOR_APP_WEB, stack) == []


def test_unknown_scene_defers_the_protect_check() -> None:
    target = resource(
        LIVE_DOMAIN_TYPE,
        "mp-play",
        {"domain_name": "mp-play.example.com", "domain_type": "play", "scene": UNKNOWN_STRING_VALUE},
    )
    assert run_resource(MINI_PROGRAM_PLAY_DOMAIN_PROTECTED, target) == []


def test_unknown_domain_names_are_not_duplicates() -> None:
    unknown_name = {"domain_name": UNKNOWN_STRING_VALUE, "domain_type": "play", "scene": "standard"}
    stack = [
        *complete_stack(),
        resource(LIVE_DOMAIN_TYPE, "x", unknown_name),
        resource(LIVE_DOMAIN_TYPE, "y", unknown_name),
    ]
    assert run_stack(UNIQUE_DOMAIN_NAMES, stack) == []

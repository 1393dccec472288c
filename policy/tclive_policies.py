"""Policies for stacks built with pulumi-tclive (Tencent Cloud Live mini-program live streaming).

The policies read only the property dicts the engine hands a policy pack, never the
``pulumi_tclive`` classes, so the pack runs wherever ``pulumi-policy`` does. Resource policies see
a resource's checked inputs before its step runs; stack policies see every resource's outputs
after the last step (inputs during preview, where a dynamic resource's outputs echo its inputs).

Unknown values: during preview any property that depends on another resource's output is
unknown, and reading it through the SDK's proxy raises ``UnknownValueError``. Every read here goes
through :func:`read_property`, which turns that into :data:`UNKNOWN`, and every comparison that
involves an unknown value is skipped instead of failing the whole policy.

Import this module from tests; ``__main__.py`` is the only place that builds the ``PolicyPack``
(its constructor starts a gRPC server and blocks).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from pulumi_policy import (
    EnforcementLevel,
    Policy,
    PolicyConfigSchema,
    PolicyResource,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
)
from pulumi_policy.proxy import UnknownValueError

__all__ = [
    "ALL_POLICIES",
    "CNAME_RECORD_TYPE",
    "LICENSE_SCENES",
    "LIVE_DOMAIN_HAS_CNAME",
    "LIVE_DOMAIN_TYPE",
    "MINI_PROGRAM_DOMAINS_NEED_LICENSE",
    "MINI_PROGRAM_PLAY_CNAME_PROTECTED",
    "MINI_PROGRAM_PLAY_DOMAIN_PROTECTED",
    "PLUGIN_LICENSE_TYPE",
    "STANDARD_PLAY_DOMAIN_FOR_APP_WEB",
    "UNIQUE_DOMAIN_NAMES",
    "UNKNOWN",
    "read_property",
]

PLUGIN_LICENSE_TYPE: Final = "pulumi-python:dynamic/tclive:PluginLicense"
"""Type token of ``tclive.PluginLicense`` (docs/design.md#pulumi-engine-facts)."""
LIVE_DOMAIN_TYPE: Final = "pulumi-python:dynamic/tclive:LiveDomain"
"""Type token of ``tclive.LiveDomain`` (docs/design.md#pulumi-engine-facts)."""
CNAME_RECORD_TYPE: Final = "pulumi-python:dynamic/tclive:CnameRecord"
"""Type token of ``tclive.CnameRecord`` (docs/design.md#pulumi-engine-facts)."""

LICENSE_SCENES: Final = frozenset({"ecommerce", "education", "offline_event"})
"""Licence scenes that allow mini-program domains. The documents an offline_event licence needs
are checked by the PluginLicense resource itself, so here every one of the three counts."""

_EXTERNAL_LICENSES_KEY: Final = "externalLicenses"


class _Unknown:
    """Type of :data:`UNKNOWN`: a value the engine will only know once the update runs."""

    def __repr__(self) -> str:
        return "<unknown until the update runs>"


UNKNOWN: Final = _Unknown()
"""What :func:`read_property` returns for a value that is unknown during preview."""


def read_property(props: Mapping[str, Any], key: str) -> Any:
    """Read one property the way every policy here does.

    :param props: a resource's props, usually the SDK's unknown-checking proxy.
    :param key: the property name (snake_case, as in README.md#resources).
    :returns: the value; ``None`` when the property is absent; :data:`UNKNOWN` when the value
        is not known during preview (the proxy raised ``UnknownValueError``).
    """
    try:
        return props.get(key)
    except UnknownValueError:
        return UNKNOWN


def _text(props: Mapping[str, Any], key: str) -> str | _Unknown | None:
    """A string property, :data:`UNKNOWN`, or ``None`` when absent or not a string."""
    value = read_property(props, key)
    if isinstance(value, _Unknown | str):
        return value
    return None


def _dns_name(value: str) -> str:
    """Domain name in one comparable form: trimmed, lower case, no trailing dot, A-labels."""
    name = value.strip().rstrip(".").lower()
    try:
        return name.encode("idna").decode("ascii")
    except UnicodeError:
        # Not a valid IDN: the resource's own check rejects it; compare the text as written.
        return name


@dataclass(frozen=True)
class _LiveDomain:
    """The properties of one LiveDomain these policies compare."""

    name: str
    urn: str
    domain_name: str | _Unknown | None
    domain_type: str | _Unknown | None
    scene: str | _Unknown | None
    plugin_license: str | _Unknown | None

    @classmethod
    def from_props(cls, name: str, urn: str, props: Mapping[str, Any]) -> _LiveDomain:
        """Read a LiveDomain's props (inputs or outputs: the names are the same, README.md#resources)."""
        domain_name = _text(props, "domain_name")
        scene = _text(props, "scene")
        return cls(
            name=name,
            urn=urn,
            domain_name=_dns_name(domain_name) if isinstance(domain_name, str) else domain_name,
            domain_type=_text(props, "domain_type"),
            # LiveDomain's scene defaults to standard, and a None argument never reaches the engine.
            scene="standard" if scene is None else scene,
            plugin_license=_text(props, "plugin_license"),
        )

    @property
    def label(self) -> str:
        """``LiveDomain 'name' (domain)`` for messages."""
        shown = self.domain_name if isinstance(self.domain_name, str) else "domain name not known yet"
        return f"LiveDomain '{self.name}' ({shown})"

    @property
    def kind(self) -> str:
        """``mini-program play domain`` and the like, for messages; unknown parts are left out."""
        known = [part.replace("_", "-") for part in (self.scene, self.domain_type) if isinstance(part, str)]
        return " ".join([*known, "domain"])

    @property
    def is_mini_program(self) -> bool:
        """True when the scene is known to be mini_program."""
        return self.scene == "mini_program"

    @property
    def is_mini_program_play(self) -> bool:
        """True when known to be a mini-program play domain (R5)."""
        return self.is_mini_program and self.domain_type == "play"

    @property
    def is_standard_play(self) -> bool:
        """True when known to be a standard play domain (R5)."""
        return self.scene == "standard" and self.domain_type == "play"

    @property
    def kind_is_unknown(self) -> bool:
        """True when the type or scene is not known during preview."""
        return isinstance(self.domain_type, _Unknown) or isinstance(self.scene, _Unknown)


def _live_domains(resources: Iterable[PolicyResource]) -> list[_LiveDomain]:
    return [
        _LiveDomain.from_props(resource.name, resource.urn, resource.props)
        for resource in resources
        if resource.resource_type == LIVE_DOMAIN_TYPE
    ]


def _of_type(resources: Iterable[PolicyResource], resource_type: str) -> list[PolicyResource]:
    return [resource for resource in resources if resource.resource_type == resource_type]


def _name_depends_on_domain(record: PolicyResource) -> set[str]:
    """URNs of the LiveDomains a CnameRecord's ``name`` is computed from."""
    return {
        dependency.urn
        for dependency in record.property_dependencies.get("name", [])
        if dependency.resource_type == LIVE_DOMAIN_TYPE
    }


def _validate_live_domain_has_cname(args: StackValidationArgs, report_violation: ReportViolation) -> None:
    records = _of_type(args.resources, CNAME_RECORD_TYPE)
    names = [_text(record.props, "name") for record in records]
    known_names = {_dns_name(name) for name in names if isinstance(name, str)}
    unknown_named = [record for record, name in zip(records, names, strict=True) if isinstance(name, _Unknown)]
    # An unknown name computed from a LiveDomain's output is that domain's record; one computed
    # from anything else could be any domain's, so no domain can be called uncovered.
    covered_urns: set[str] = set()
    for record in unknown_named:
        depends_on = _name_depends_on_domain(record)
        if not depends_on:
            return
        covered_urns |= depends_on
    for domain in _live_domains(args.resources):
        if not isinstance(domain.domain_name, str) or domain.domain_name in known_names:
            continue
        if domain.urn in covered_urns:
            continue
        report_violation(
            f"{domain.label} has no CnameRecord named '{domain.domain_name}'. "
            "Every push and play domain serves nothing until its name is a CNAME to the target "
            "Tencent Cloud assigns (R9). Add tclive.CnameRecord(..., name=<domain>.domain_name, "
            "target=<domain>.cname_target) for it to this stack.",
            domain.urn,
        )


def _validate_mini_program_play_domain_protected(
    args: ResourceValidationArgs, report_violation: ReportViolation
) -> None:
    if args.resource_type != LIVE_DOMAIN_TYPE:
        return
    domain = _LiveDomain.from_props(args.name, args.urn, args.props)
    if domain.is_mini_program_play and not args.opts.protect:
        report_violation(
            f"{domain.label} is a mini-program play domain that is not protected (protect is false). "
            "Tencent Cloud cannot delete or unbind a mini-program play domain once it is added (R8), "
            "so a delete or replacement planned by Pulumi can never succeed. Drop the explicit "
            "protect=False from its ResourceOptions (LiveDomain protects mini-program play domains "
            "by default) or set protect=True.",
            None,
        )


def _validate_mini_program_play_cname_protected(args: StackValidationArgs, report_violation: ReportViolation) -> None:
    # A record is a play domain's CNAME when its name is the domain's name, or (in preview, unknown) is
    # computed from that LiveDomain, or its target is.
    plays = [domain for domain in _live_domains(args.resources) if domain.is_mini_program_play]
    by_name = {domain.domain_name: domain for domain in plays if isinstance(domain.domain_name, str)}
    by_urn = {domain.urn: domain for domain in plays}
    for record in _of_type(args.resources, CNAME_RECORD_TYPE):
        if record.opts.protect:
            continue
        name = _text(record.props, "name")
        domain = by_name.get(_dns_name(name)) if isinstance(name, str) else None
        if domain is None:
            sources = [d.urn for key in ("name", "target") for d in record.property_dependencies.get(key, [])]
            domain = next((by_urn[urn] for urn in sources if urn in by_urn), None)
        if domain is None:
            continue
        report_violation(
            f"CnameRecord '{record.name}' is the CNAME of {domain.label}, a mini-program play domain, and it is not "
            "protected (protect is false). The domain can never be deleted or unbound (R8) and serves nothing "
            "without its CNAME (R9), so the record must live as long as the domain. Give the CnameRecord "
            "opts=pulumi.ResourceOptions(protect=True, retain_on_delete=True) (a CnameRecord whose name or target "
            "is the LiveDomain's output has both by default; policy packs see protect only).",
            record.urn,
        )


def _external_licenses(config: Mapping[str, Any]) -> set[str]:
    listed = config.get(_EXTERNAL_LICENSES_KEY, [])
    if not isinstance(listed, Sequence) or isinstance(listed, str):
        return set()
    return {item for item in listed if isinstance(item, str)}


def _validate_mini_program_domains_need_license(args: StackValidationArgs, report_violation: ReportViolation) -> None:
    mini_program_domains = [domain for domain in _live_domains(args.resources) if domain.is_mini_program]
    if not mini_program_domains:
        return
    licences = _of_type(args.resources, PLUGIN_LICENSE_TYPE)
    scenes = [_text(licence.props, "scene") for licence in licences]
    # A scene that is unknown (preview) or absent (outputs that do not echo it) cannot be
    # judged here; the PluginLicense's own check validates it.
    if any(scene is None or isinstance(scene, _Unknown) or scene in LICENSE_SCENES for scene in scenes):
        return
    external = _external_licenses(args.get_config())
    if licences:
        found = ", ".join(
            f"PluginLicense '{licence.name}' (scene {scene!r})" for licence, scene in zip(licences, scenes, strict=True)
        )
        problem = f"this stack's licences do not allow them: {found}"
    else:
        problem = "this stack declares no PluginLicense"
    for domain in mini_program_domains:
        if isinstance(domain.plugin_license, _Unknown) or domain.plugin_license in external:
            continue
        if isinstance(domain.plugin_license, str):
            external_fix = f"add its plugin_license {domain.plugin_license!r} to this policy's '{_EXTERNAL_LICENSES_KEY}' config list"
        else:
            external_fix = (
                f"set its plugin_license and add that value to this policy's '{_EXTERNAL_LICENSES_KEY}' config list"
            )
        report_violation(
            f"{domain.label} is a {domain.kind}, but {problem}. "
            "Tencent Cloud lets an account add mini-program domains only once its mini-program "
            "live plugin licence is available (R4). Declare tclive.PluginLicense(..., "
            f"scene={' | '.join(repr(scene) for scene in sorted(LICENSE_SCENES))}) in this stack and "
            f"pass it as plugin_license=; if the licence is managed in another stack, {external_fix}.",
            domain.urn,
        )


def _validate_unique_domain_names(args: StackValidationArgs, report_violation: ReportViolation) -> None:
    _validate_unique_record_names(args, report_violation)
    first_by_name: dict[str, _LiveDomain] = {}
    for domain in _live_domains(args.resources):
        if not isinstance(domain.domain_name, str):
            continue
        first = first_by_name.setdefault(domain.domain_name, domain)
        if first is domain:
            continue
        report_violation(
            f"{domain.label}, a {domain.kind}, uses the same domain_name as LiveDomain "
            f"'{first.name}', a {first.kind}. Tencent Cloud Live holds each "
            "domain name once, as either a push or a play domain, so the second AddLiveDomain would "
            "be refused. Give each LiveDomain its own name (for example push.example.com for "
            "pushing and play.example.com for playing).",
            domain.urn,
        )


def _validate_unique_record_names(args: StackValidationArgs, report_violation: ReportViolation) -> None:
    first_by_name: dict[str, PolicyResource] = {}
    for record in _of_type(args.resources, CNAME_RECORD_TYPE):
        name = _text(record.props, "name")
        if not isinstance(name, str):
            continue
        first = first_by_name.setdefault(_dns_name(name), record)
        if first is record:
            continue
        report_violation(
            f"CnameRecord '{record.name}' ({_dns_name(name)}) is declared twice in this stack: CnameRecord "
            f"'{first.name}' writes the same name. A name holds one CNAME, so the two would overwrite each other "
            "(or the second is refused), and deleting either removes the other's record. Keep one CnameRecord per "
            "name.",
            record.urn,
        )


def _validate_standard_play_domain_for_app_web(args: StackValidationArgs, report_violation: ReportViolation) -> None:
    domains = _live_domains(args.resources)
    if any(domain.kind_is_unknown for domain in domains) or any(domain.is_standard_play for domain in domains):
        return
    for domain in domains:
        if domain.is_mini_program_play:
            report_violation(
                f"{domain.label} is a mini-program play domain and this stack has no standard play "
                "domain. The mini-program plugin must play from a mini-program play domain, but "
                "App, Web (H5) and PC clients should play from a standard play domain "
                "(建议 App、Web（H5）等其他终端使用标准直播的播放域名进行播放), and traffic on a "
                "mini-program play domain is billed at mini-program prices (R6). If this stack "
                "serves App or Web clients, add tclive.LiveDomain(..., domain_type='play', "
                "scene='standard') and its CnameRecord; if it serves only the mini-program, set "
                "this policy's enforcementLevel to 'disabled'.",
                domain.urn,
            )


LIVE_DOMAIN_HAS_CNAME: Final = StackValidationPolicy(
    name="tclive-live-domain-has-cname",
    description="Every LiveDomain has a CnameRecord whose name is its domain_name (R9).",
    validate=_validate_live_domain_has_cname,
    enforcement_level=EnforcementLevel.MANDATORY,
)
"""R9: a live domain without its CNAME serves nothing."""

MINI_PROGRAM_PLAY_DOMAIN_PROTECTED: Final = ResourceValidationPolicy(
    name="tclive-mini-program-play-domain-protected",
    description="Mini-program play domains are protected (R8): they can never be deleted or unbound.",
    # A resource policy runs before the domain's step, so `up` stops before creating an
    # unprotected domain; a stack policy would only complain after it exists, for good.
    validate=_validate_mini_program_play_domain_protected,
    enforcement_level=EnforcementLevel.MANDATORY,
)
"""R8: protect=True on every mini-program play domain."""

MINI_PROGRAM_PLAY_CNAME_PROTECTED: Final = StackValidationPolicy(
    name="tclive-mini-program-play-cname-protected",
    description="The CnameRecord of a mini-program play domain is protected, like the domain (R8, R9).",
    validate=_validate_mini_program_play_cname_protected,
    enforcement_level=EnforcementLevel.MANDATORY,
)
"""R8/R9: the CNAME of a never-deletable domain lives as long as it. The analyzer protocol carries
``protect`` but not ``retain_on_delete`` (``AnalyzerResourceOptions`` in pulumi/pulumi
proto/pulumi/analyzer.proto), so only ``protect`` is checked."""

MINI_PROGRAM_DOMAINS_NEED_LICENSE: Final = StackValidationPolicy(
    name="tclive-mini-program-domains-need-license",
    description="A stack with mini-program domains has a PluginLicense whose scene allows them (R4, R6).",
    validate=_validate_mini_program_domains_need_license,
    enforcement_level=EnforcementLevel.MANDATORY,
    config_schema=PolicyConfigSchema(
        properties={
            _EXTERNAL_LICENSES_KEY: {
                "type": "array",
                "items": {"type": "string"},
                "description": "plugin_license values (licence ids or mini-program app ids) of licences "
                "managed outside this stack.",
            }
        }
    ),
)
"""R4/R6: mini-program domains need the plugin licence, in this stack or listed as external."""

UNIQUE_DOMAIN_NAMES: Final = StackValidationPolicy(
    name="tclive-unique-domain-names",
    description="One domain name is declared once: no two LiveDomains share a domain_name (not even a push and a "
    "play domain), no two CnameRecords a name.",
    validate=_validate_unique_domain_names,
    enforcement_level=EnforcementLevel.MANDATORY,
)
"""Each domain name exists once in a Tencent Cloud Live account, and holds one CNAME."""

STANDARD_PLAY_DOMAIN_FOR_APP_WEB: Final = StackValidationPolicy(
    name="tclive-standard-play-domain-for-app-web",
    description="A stack with a mini-program play domain also has a standard play domain for App/Web/H5 clients (R6).",
    validate=_validate_standard_play_domain_for_app_web,
    enforcement_level=EnforcementLevel.ADVISORY,
)
"""R6 (advice): App, Web and PC clients play from a standard play domain."""

ALL_POLICIES: Final[list[Policy]] = [
    LIVE_DOMAIN_HAS_CNAME,
    MINI_PROGRAM_PLAY_DOMAIN_PROTECTED,
    MINI_PROGRAM_PLAY_CNAME_PROTECTED,
    MINI_PROGRAM_DOMAINS_NEED_LICENSE,
    UNIQUE_DOMAIN_NAMES,
    STANDARD_PLAY_DOMAIN_FOR_APP_WEB,
]
"""Every policy of the ``tclive`` pack, in the order the pack lists them."""

"""Turning an :class:`~._account.Account` into a project: ``__main__.py``, ``Pulumi.yaml``, a stack file, a README.

The program is emitted already in ``ruff format`` style (every call exploded one argument per
line with a trailing comma, which ruff keeps at any line length; double quotes; one blank line
after the imports), so it stays formatted even where ruff is not installed. Nothing secret is
ever written: credentials stay in the environment or in secret stack config.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..resources._inputs import Input, Inputs
from ..resources.auth_keys import DEFAULT_VALID_SECONDS
from ..resources.auth_keys import INPUTS as AUTH_KEY_INPUTS
from ..resources.certificate import INPUTS as CERTIFICATE_INPUTS
from ..resources.cname import INPUTS as CNAME_INPUTS
from ..resources.domain import INPUTS as DOMAIN_INPUTS
from ..resources.licence import INPUTS as LICENCE_INPUTS
from ..resources.referer import INPUTS as REFERER_INPUTS
from ._account import Account, FoundDomain, FoundLicence
from ._names import Namer, unicode_form
from ._processing import FAMILIES

__all__ = [
    "LICENCE_CONFIG_KEYS",
    "Project",
    "chosen_licence",
    "component_misfit",
    "render_program",
    "render_pulumi_yaml",
    "render_readme",
    "render_stack",
    "summary_rows",
]

_WIDTH = 88  # ruff's default line length: what the output must fit where no configuration says otherwise
_INDENT = "    "

LICENCE_CONFIG_KEYS = {
    "mini_program_app_id": "miniProgramAppId",
    "mini_program_name": "miniProgramName",
    "subject_type": "subjectType",
    "scene": "licenceScene",
    "service_categories": "serviceCategories",
    "console_status": "licenceConsoleStatus",
}
"""Stack config keys of the licence fields real Tencent Cloud has no API for (project namespace)."""


@dataclass(frozen=True)
class Project:
    """Where and how the project is written.

    Args:
        name: the Pulumi project name.
        stack: the stack name (``Pulumi.<stack>.yaml``).
        config: ``tclive:*`` settings for the stack file (no secrets).
        command: the import command line, quoted in the README.
        virtualenv: the ``runtime.options.virtualenv`` path, or ``None``.
        component: emit a ``MiniProgramLive`` (the account's shape was checked to fit one).
    """

    name: str
    stack: str
    config: dict[str, str]
    command: str
    virtualenv: str | None
    component: bool = False


def _lit(value: str | int | bool | None) -> str:
    """A Python literal as ruff formats it: double quotes unless the text holds one."""
    if value is None or isinstance(value, bool | int):
        return repr(value)
    text = repr(value)
    if text.startswith("'") and '"' not in value:
        text = '"' + text[1:-1].replace("\\'", "'") + '"'
    return text


def _comment(text: str, indent: str = "") -> list[str]:
    width = max(_WIDTH - len(indent) - 2, 40)
    return [f"{indent}# {line}" for line in textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)]


def _string_list(items: Sequence[str], indent: str) -> str:
    inline = "[" + ", ".join(_lit(i) for i in items) + "]"
    if len(indent) + len(inline) + 30 <= _WIDTH:
        return inline
    inner = indent + _INDENT
    return "[\n" + "".join(f"{inner}{_lit(i)},\n" for i in items) + indent + "]"


@dataclass(frozen=True)
class _Code:
    """An argument value that is already Python code (a variable, a config lookup), written as it is."""

    text: str


def _value(value: object, indent: str) -> str:
    """An argument value as ruff formats it: code as it is, literals, lists of text, dicts with literal keys."""
    if isinstance(value, _Code):
        return value.text
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return _string_list(value, indent)
    if isinstance(value, list):
        return "[" + ", ".join(_value(item, indent) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_lit(str(k))}: {_value(v, indent)}" for k, v in value.items()) + "}"
    assert value is None or isinstance(value, str | int | bool)
    return _lit(value)


def _arguments(
    declared: Inputs, values: Mapping[str, object], secret_config: Mapping[str, str] | None = None
) -> list[tuple[str, str]]:
    """A resource's keyword arguments from its declaration: declared order, defaults left out.

    A secret is written only as a reference to the secret stack config key ``secret_config`` names
    for it, and left out otherwise: never its value.
    """
    secret_config = secret_config or {}
    references = {name: _config(declared[name], key) for name, key in secret_config.items()}
    found = declared.arguments({**values, **references}, references=set(references))
    return [(argument.name, _value(value, _INDENT)) for argument, value in found]


def _config(argument: Input, key: str) -> _Code:
    """A reference to stack config ``key`` for ``argument`` (a secret one as a secret, a list or dict as an object)."""
    if argument.secret:
        return _Code(f"config.require_secret({_lit(key)})")
    if argument.kind in (list, dict):
        return _Code(f"config.require_object({_lit(key)})")
    return _Code(f"config.require({_lit(key)})")


def _call(target: str, function: str, first: str | None, kwargs: Sequence[tuple[str, str]]) -> list[str]:
    """``target = function(first, key=value, ...)``, one argument per line with a magic trailing comma."""
    head = f"{target} = {function}(" if target else f"{function}("
    lines = [head]
    if first is not None:
        lines.append(f"{_INDENT}{first},")
    lines += [f"{_INDENT}{key}={value}," for key, value in kwargs]
    lines.append(")")
    return lines


def _kind(domain: FoundDomain) -> str:
    scene = "mini-program" if domain.scene == "mini_program" else "standard"
    return f"{scene} {domain.domain_type} domain"


def _shown(name: str) -> str:
    pretty = unicode_form(name)
    return name if pretty == name else f"{name} ({pretty})"


def chosen_licence(account: Account) -> FoundLicence | None:
    """The licence mini-program domains refer to: the available one (the first by AppID when several)."""
    if not account.licences:
        return None
    available = [x for x in account.licences if x.status == "available"]
    return (available or list(account.licences))[0]


def component_misfit(account: Account) -> str | None:
    """Why the account cannot be one ``MiniProgramLive``; ``None`` when it fits.

    The component declares one licence, one mini-program play domain, at most one push domain and
    one standard play domain, all enabled and not slow live, one play region, one CNAME each with
    one DNS backend and TTL.
    """
    domains = account.domains
    mp_play = [d for d in domains if d.is_mini_program_play]
    push = [d for d in domains if d.domain_type == "push"]
    app_play = [d for d in domains if d.domain_type == "play" and d.scene == "standard"]
    if account.licences is not None and len(account.licences) != 1:
        return f"the account has {len(account.licences)} plugin licences; the component declares exactly one"
    if len(mp_play) != 1:
        return f"the selection has {len(mp_play)} mini-program play domains; the component declares exactly one"
    if len(push) > 1 or len(app_play) > 1:
        return f"the selection has {len(push)} push and {len(app_play)} standard play domains; the component takes one each"
    misfits = [
        f"{d.name} ({reason})"
        for d in domains
        for reason in (
            "disabled" if not d.enabled else "",
            "slow live" if d.slow_live else "",
            "no CNAME to import" if d.record is None else "",
        )
        if reason
    ]
    if misfits:
        return "the component cannot express " + ", ".join(misfits)
    regions = {d.play_region for d in domains if d.domain_type == "play"}
    if len(regions) > 1:
        return f"its play domains use different play regions ({', '.join(sorted(r or '' for r in regions))})"
    records = {(d.record.dns, d.record.ttl) for d in domains if d.record is not None}
    if len(records) > 1:
        return "its CNAME records differ in DNS backend or TTL, which the component sets once for all"
    try:
        _component_security(account)
    except ValueError as exc:
        return str(exc)
    return None


def _component_security(account: Account) -> list[tuple[str, str]]:
    """The component's streaming arguments for the domains' security settings; ``ValueError`` says why none fit.

    The component sets push authentication on its push domain and play authentication, one
    certificate and one referer list on every play domain, all with the default validity.
    """
    push = [d for d in account.domains if d.domain_type == "push"]
    plays = [d for d in account.domains if d.domain_type == "play"]
    kwargs: list[tuple[str, str]] = []

    def auth_on(domain: FoundDomain) -> bool:
        auth = domain.security.auth
        if auth is None or not auth.enabled:
            return False
        if auth.valid_seconds != DEFAULT_VALID_SECONDS:
            raise ValueError(
                f"{domain.name}'s authentication accepts URLs for {auth.valid_seconds}s, and the component's "
                f"for {DEFAULT_VALID_SECONDS}s"
            )
        return True

    if push and not auth_on(push[0]):
        kwargs.append(("push_auth", "False"))
    play_auth = {auth_on(d) for d in plays}
    if len(play_auth) > 1:
        raise ValueError("only some of its play domains have play authentication; the component sets it on all")
    if play_auth == {True}:
        kwargs.append(("play_auth", "True"))
    certificates = {d.security.certificate.cloud_cert_id if d.security.certificate else None for d in plays}
    if len(certificates) > 1:
        raise ValueError("its play domains have different certificates; the component binds one to all")
    if (cloud_cert_id := certificates.pop() if certificates else None) is not None:
        kwargs.append(("play_cloud_cert_id", _lit(cloud_cert_id)))
    referers = {d.security.referer for d in plays}
    if len(referers) > 1:
        raise ValueError("its play domains have different referer rules; the component sets one list on all")
    if (referer := referers.pop() if referers else None) is not None:
        kwargs += [
            ("referer_rules", _string_list(referer.rules, _INDENT)),
            ("referer_mode", _lit(referer.mode)),
            ("referer_allow_empty", _lit(referer.allow_empty)),
        ]
    return kwargs


class _Program:
    def __init__(self, account: Account, project: Project) -> None:
        self.account = account
        self.project = project
        self.namer = Namer()
        self.lines: list[str] = []
        self.exports: list[tuple[str, str]] = []

    def blank(self) -> None:
        if self.lines and self.lines[-1] != "":
            self.lines.append("")

    def header(self) -> None:
        account = self.account
        self.lines += [
            f'"""Live streaming resources imported by `tclive import` from {account.source}.',
            "",
            *textwrap.wrap(
                "Every resource adopts what already exists (adopt_existing=True; a CnameRecord adopts an identical "
                "record by itself), so the first `pulumi up` only reads and adopts: no create, update or delete "
                "call. The preview after it shows no changes. README.md lists what was found and what could not "
                "be expressed.",
                _WIDTH,
            ),
            '"""',
            "",
            "import pulumi",
            "import pulumi_tclive as tclive",
        ]

    def licence_placeholder(self) -> str:
        """Real Tencent Cloud: the licence comes from stack config, which the user fills in from the console."""
        self.blank()
        keys = LICENCE_CONFIG_KEYS
        first = f"{self.project.name}:{keys['mini_program_app_id']}"
        self.lines += _comment(
            "Tencent Cloud has no API for the mini-program live plugin licence, so `tclive import` could not "
            "read it. Copy its details from the console (云直播控制台 > 资源包/插件管理) into stack config "
            "(README.md lists the commands). Until then preview fails with: Missing required configuration "
            f"variable '{first}'."
        )
        self.lines.append("config = pulumi.Config()")
        variable = self.namer.identifier("plugin_licence")
        values = {field: _config(LICENCE_INPUTS[field], key) for field, key in keys.items()}
        kwargs = _arguments(LICENCE_INPUTS, values)
        self.lines += _call(variable, "tclive.PluginLicense", _lit(self.namer.resource_name("plugin-licence")), kwargs)
        return variable

    def licence(self, licence: FoundLicence) -> str:
        self.blank()
        self.lines += _comment(
            f"Plugin licence of {licence.name} ({licence.app_id}): {licence.status} in the licence console."
        )
        variable = self.namer.identifier(f"licence_{licence.app_id}")
        values = {
            "mini_program_app_id": licence.app_id,
            "mini_program_name": licence.name,
            "subject_type": licence.subject_type,
            "scene": licence.scene,
            "service_categories": list(licence.service_categories),
            "console_status": licence.status,
        }
        kwargs = _arguments(LICENCE_INPUTS, values)
        self.lines += _call(
            variable, "tclive.PluginLicense", _lit(self.namer.resource_name(f"licence-{licence.app_id}")), kwargs
        )
        return variable

    def licences(self) -> str | None:
        """Every licence; returns the variable mini-program domains refer to."""
        account = self.account
        needs_licence = any(d.scene == "mini_program" for d in account.domains)
        if not account.licences:
            return self.licence_placeholder() if needs_licence else None
        variables = {x.app_id: self.licence(x) for x in account.licences}
        chosen = chosen_licence(account)
        assert chosen is not None
        return variables[chosen.app_id]

    def domain(self, domain: FoundDomain, licence: str | None) -> None:
        self.blank()
        about = f"{_shown(domain.name)}: {_kind(domain)}"
        if not domain.enabled:
            about += ", disabled in the account"
        about += "."
        if domain.is_mini_program_play:
            about += (
                " Tencent Cloud never lets a mini-program play domain be deleted or unbound (R8): it is protected, "
                "and retained if it ever leaves the program."
            )
        if (
            domain.scene == "mini_program"
            and licence is not None
            and self.account.licences
            and len(self.account.licences) > 1
        ):
            about += (
                " Tencent Cloud does not record which mini-program uses a domain; plugin_license names the account's "
                "available licence: change it if another one applies."
            )
        self.lines += _comment(about)
        for note in domain.notes:
            self.lines += _comment(("NOTE: " if domain.record is not None else "NO CNAME: ") + note)
        variable = self.namer.identifier(domain.name)
        values: dict[str, object] = {
            "domain_name": domain.name,
            "domain_type": domain.domain_type,
            "scene": domain.scene,
            "play_region": domain.play_region,
            "slow_live": domain.slow_live,
            "enabled": domain.enabled,
            "adopt_existing": True,
        }
        if domain.scene == "mini_program" and licence is not None:
            values["plugin_license"] = _Code(licence)
        kwargs = _arguments(DOMAIN_INPUTS, values)
        if domain.is_mini_program_play:
            kwargs.append(("opts", "pulumi.ResourceOptions(protect=True, retain_on_delete=True)"))
        self.lines += _call(variable, "tclive.LiveDomain", _lit(self.namer.resource_name(domain.name)), kwargs)
        self.exports.append((domain.name, f"{variable}.cname_target"))
        self.cname(domain, variable)
        self.security(domain, variable)

    def cname(self, domain: FoundDomain, variable: str) -> None:
        if domain.record is None:
            return
        record = domain.record
        values = {
            "name": _Code(f"{variable}.domain_name"),
            "target": _Code(f"{variable}.cname_target"),
            "dns": record.dns,
            "zone": record.zone,
            "ttl": record.ttl,
        }
        cname = _arguments(CNAME_INPUTS, values)
        if domain.is_mini_program_play:
            # Its domain serves forever, so its CNAME must too.
            cname.append(("opts", "pulumi.ResourceOptions(protect=True, retain_on_delete=True)"))
        self.lines += _call(
            self.namer.identifier(f"{domain.name}_cname"),
            "tclive.CnameRecord",
            _lit(self.namer.resource_name(f"{domain.name}-cname")),
            cname,
        )

    def security(self, domain: FoundDomain, variable: str) -> None:
        """Authentication, certificate and referer rules, as the domain has them (keys stay in the account)."""
        found = domain.security
        if found.auth is not None:
            kind = "Push" if domain.domain_type == "push" else "Play"
            self.lines += _comment(
                f"{kind} authentication as the domain has it. adopt_existing keeps the domain's keys, so no key is "
                "written here; they reach the stack state only as secret outputs."
            )
            values = {
                "domain_name": _Code(variable),
                "enabled": found.auth.enabled,
                "valid_seconds": found.auth.valid_seconds,
                "adopt_existing": True,
            }
            kwargs = _arguments(AUTH_KEY_INPUTS, values)
            name = self.namer.resource_name(f"{domain.name}-{kind.lower()}-auth")
            target = self.namer.identifier(f"{domain.name}_{kind.lower()}_auth")
            self.lines += _call(target, f"tclive.{kind}AuthKey", _lit(name), kwargs)
        if found.certificate is not None:
            expiry = f", expires {found.certificate.expires_at}" if found.certificate.expires_at else ""
            self.lines += _comment(f"HTTPS: the Tencent SSL certificate bound to the domain{expiry}.")
            self.lines += _call(
                self.namer.identifier(f"{domain.name}_certificate"),
                "tclive.PlayDomainCertificate",
                _lit(self.namer.resource_name(f"{domain.name}-certificate")),
                _arguments(
                    CERTIFICATE_INPUTS,
                    {"domain_name": _Code(variable), "cloud_cert_id": found.certificate.cloud_cert_id},
                ),
            )
        if found.referer is not None:
            referer = {
                "domain_name": _Code(variable),
                "mode": found.referer.mode,
                "rules": list(found.referer.rules),
                "allow_empty": found.referer.allow_empty,
            }
            self.lines += _call(
                self.namer.identifier(f"{domain.name}_referer"),
                "tclive.PlayReferer",
                _lit(self.namer.resource_name(f"{domain.name}-referer")),
                _arguments(REFERER_INPUTS, referer),
            )

    def component(self) -> None:
        account = self.account
        domains = account.domains
        mp_play = next(d for d in domains if d.is_mini_program_play)
        push = next((d for d in domains if d.domain_type == "push"), None)
        app_play = next((d for d in domains if d.domain_type == "play" and d.scene == "standard"), None)
        licence = account.licences[0] if account.licences else None
        self.blank()
        self.lines += _comment(
            "The whole account as one MiniProgramLive: its licence, domains and CNAME records, each adopted as it "
            f"is (adopt_existing=True). The mini-program play domain {mp_play.name} and its CNAME are protected: "
            "Tencent Cloud never lets that domain be deleted (R8)."
        )
        kwargs: list[tuple[str, str]] = []
        if licence is None:
            self.lines += _comment(
                "Tencent Cloud has no API for the plugin licence: copy its details from the console into stack "
                "config (README.md lists the commands)."
            )
            self.lines.append("config = pulumi.Config()")
            keys = LICENCE_CONFIG_KEYS
            kwargs += [
                ("app_id", f"config.require({_lit(keys['mini_program_app_id'])})"),
                ("mini_program_name", f"config.require({_lit(keys['mini_program_name'])})"),
                ("service_categories", f"config.require_object({_lit(keys['service_categories'])})"),
                ("subject_type", f"config.require({_lit(keys['subject_type'])})"),
                ("scene", f"config.require({_lit(keys['scene'])})"),
                ("console_status", f"config.require({_lit(keys['console_status'])})"),
            ]
        else:
            kwargs += [
                ("app_id", _lit(licence.app_id)),
                ("mini_program_name", _lit(licence.name)),
                ("service_categories", _string_list(licence.service_categories, _INDENT)),
                ("subject_type", _lit(licence.subject_type)),
                ("scene", _lit(licence.scene)),
                ("console_status", _lit(licence.status)),
            ]
        kwargs.append(("play_domain", _lit(mp_play.name)))
        if push is not None:
            kwargs += [("push_domain", _lit(push.name)), ("push_scene", _lit(push.scene))]
        if app_play is not None:
            kwargs.append(("app_play_domain", _lit(app_play.name)))
        assert mp_play.record is not None
        kwargs += [
            ("play_region", _lit(mp_play.play_region)),
            ("dns", _lit(mp_play.record.dns)),
            ("ttl", _lit(mp_play.record.ttl)),
        ]
        zones = {d.record.zone for d in domains if d.record is not None}
        if len(zones) == 1:
            kwargs.append(("zone", _lit(zones.pop())))
        kwargs += _component_security(account)
        kwargs.append(("adopt_existing", "True"))
        variable = self.namer.identifier("live")
        self.lines += _call(variable, "tclive.MiniProgramLive", _lit(self.namer.resource_name("live")), kwargs)
        self.lines.append("")
        self.lines.append(f'pulumi.export("cname_targets", {variable}.cname_targets)')

    def processing(self) -> None:
        """The processing templates, each adopted by name, and the rules binding them (adopted too)."""
        found = self.account.processing
        variables: dict[tuple[str, int], str] = {}
        for template in found.templates:
            spec = next(t for t, _ in FAMILIES if t.resource == template.resource)
            values = {k: _Code(repr(v)) if k == "transcode_template_ids" else v for k, v in template.values.items()}
            label = str(template.values.get("template_name") or template.values.get("watermark_name"))
            variable = self.namer.identifier(label)
            variables[(template.resource, template.template_id)] = variable
            kwargs = [*_arguments(spec.inputs, values), ("adopt_existing", "True")]
            self.blank()
            self.lines += _call(variable, f"tclive.{template.resource}", _lit(self.namer.resource_name(label)), kwargs)
        for rule in found.rules:
            bound = variables.get((rule.template_resource, rule.template_id))
            if bound is None:
                continue  # bound to a template the import did not find (deleted meanwhile)
            kwargs = [("domain_name", _lit(rule.domain_name)), ("template_id", f"{bound}.template_id")]
            if rule.app_name:
                kwargs.append(("app_name", _lit(rule.app_name)))
            if rule.stream_name:
                kwargs.append(("stream_name", _lit(rule.stream_name)))
            kwargs.append(("adopt_existing", "True"))
            name = self.namer.resource_name(f"{bound}-{rule.domain_name}-rule")
            self.blank()
            self.lines += _call("", f"tclive.{rule.resource}", _lit(name), kwargs)

    def render(self) -> str:
        self.header()
        if self.project.component:
            self.component()
            self.processing()
            return "\n".join(self.lines) + "\n"
        licence = self.licences()
        for domain in self.account.domains:
            self.domain(domain, licence)
        self.processing()
        if self.exports:
            self.blank()
            self.lines.append("pulumi.export(")
            self.lines.append(f"{_INDENT}{_lit('cname_targets')},")
            self.lines.append(f"{_INDENT}{{")
            self.lines += [f"{_INDENT * 2}{_lit(name)}: {value}," for name, value in self.exports]
            self.lines.append(f"{_INDENT}}},")
            self.lines.append(")")
        return "\n".join(self.lines) + "\n"


def render_program(account: Account, project: Project) -> str:
    """The ``__main__.py`` of the imported account.

    Args:
        account: what the import found.
        project: names and options of the project.
    """
    return _Program(account, project).render()


def render_pulumi_yaml(project: Project, description: str) -> str:
    """``Pulumi.yaml``: the project name, a description, the Python runtime (and its virtualenv)."""
    lines = [
        f"name: {json.dumps(project.name)}",
        f"description: {json.dumps(description, ensure_ascii=False)}",
        "runtime:",
        "  name: python",
    ]
    if project.virtualenv is not None:
        lines += ["  options:", "    toolchain: pip", f"    virtualenv: {json.dumps(project.virtualenv)}"]
    return "\n".join(lines) + "\n"


def render_stack(account: Account, project: Project) -> str:
    """``Pulumi.<stack>.yaml``: where the account is (never its credentials)."""
    lines = ["# Written by `tclive import`: the account it was imported from. No credentials are stored here."]
    if account.backend == "cloud":
        lines += [
            "# Credentials come from the environment (TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY) or:",
            "#   pulumi config set tclive:secretId AKID...",
            "#   pulumi config set --secret tclive:secretKey ...",
        ]
    elif account.backend == "emulator":
        lines.append("# The emulator server's credentials come from TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY.")
    if account.licences is None and any(d.scene == "mini_program" for d in account.domains):
        lines.append("# The plugin licence has no API: set the keys README.md lists before the first preview.")
    lines.append("config:")
    lines += [f"  {key}: {json.dumps(value)}" for key, value in sorted(project.config.items())]
    return "\n".join(lines) + "\n"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    def row(cells: Sequence[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    return [row(header), row(["---"] * len(header)), *(row(r) for r in rows)]


def summary_rows(account: Account) -> list[tuple[str, str, str, str, str]]:
    """``(domain, kind, enabled, CNAME, note)`` per domain, for the README and the CLI's table."""
    rows = []
    for d in account.domains:
        cname = f"{d.record.zone} ({d.record.dns})" if d.record is not None else "none imported"
        security = d.security
        notes = [
            "protected (R8)" if d.is_mini_program_play else "",
            f"{d.domain_type} auth{'' if security.auth.enabled else ' (off)'}" if security.auth else "",
            "HTTPS" if security.certificate else "",
            f"referer {security.referer.mode}" if security.referer else "",
            "flagged: no CNAME" if d.record is None else "",
        ]
        note = ", ".join(filter(None, notes))
        rows.append((_shown(d.name), _kind(d), "yes" if d.enabled else "no", cname, note))
    return rows


def render_readme(account: Account, project: Project, misfit: str | None) -> str:
    """A short README: what was found, how to run it, and what could not be expressed and why."""
    lines = [
        f"# {project.name}",
        "",
        f"Imported by `tclive import` from {account.source}:",
        "",
        "```sh",
        project.command,
        "```",
        "",
        "## What was found",
        "",
    ]
    if account.domains:
        lines += _table(("live domain", "kind", "enabled", "CNAME (zone, backend)", "note"), summary_rows(account))
    else:
        lines.append("No live domains.")
    lines.append("")
    if account.licences is None:
        if any(d.scene == "mini_program" for d in account.domains):
            lines.append("Plugin licence: Tencent Cloud has no API for it; see below.")
    elif account.licences:
        lines += _table(
            ("plugin licence", "mini-program", "scene", "status"),
            [(x.app_id, x.name, x.scene, x.status) for x in account.licences],
        )
    else:
        lines.append("No plugin licences.")
    lines += [
        "",
        "Every resource has `adopt_existing=True` (a `CnameRecord` adopts an identical record by itself): the "
        "first `up` reads and adopts, with no create, update or delete call, and the preview after it shows no "
        "changes. Mini-program play domains and their CNAMEs are protected and retained: Tencent Cloud never lets "
        "such a domain be deleted (R8).",
        "",
        "## Run it",
        "",
        "```sh",
        f"pulumi stack select --create {project.stack}",
        "pulumi preview",
        "pulumi up",
        f"# or without the Pulumi CLI: python -m pulumi_tclive.testing up . --stack {project.stack}",
        "```",
    ]
    placeholder = account.licences is None or (
        not account.licences and any(d.scene == "mini_program" for d in account.domains)
    )
    if placeholder and any(d.scene == "mini_program" for d in account.domains):
        keys = LICENCE_CONFIG_KEYS
        lines += [
            "",
            "## Before the first preview: the plugin licence",
            "",
            "Tencent Cloud has no API for the mini-program live plugin licence, so it could not be read. Copy its "
            "details from the console (云直播控制台 > 资源包/插件管理); until then the preview fails with "
            f"`Missing required configuration variable '{project.name}:{keys['mini_program_app_id']}'`.",
            "",
            "```sh",
            f"pulumi config set {keys['mini_program_app_id']} wx0123456789abcdef",
            f"pulumi config set {keys['mini_program_name']} 'Your mini-program'",
            f"pulumi config set {keys['subject_type']} enterprise        # government, media, other_org",
            f"pulumi config set {keys['scene']} ecommerce        # education, offline_event",
            f"pulumi config set {keys['service_categories']} '[\"电商平台\"]'",
            f"pulumi config set {keys['console_status']} available   # as the console shows it",
            "```",
        ]
    left_out = list(account.left_out)
    for d in account.domains:
        left_out += [f"{d.name}: {note}" for note in d.notes]
    if misfit is not None:
        left_out.append(f"--component: plain resources were written instead of a MiniProgramLive, because {misfit}.")
    lines += ["", "## Not imported, and why", ""]
    lines += [f"- {item}" for item in left_out] or ["Nothing: everything found is in the program."]
    return "\n".join(lines) + "\n"

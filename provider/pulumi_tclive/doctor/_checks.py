"""The checks: the live chain of a deployed stack, link by link, each with its subject and its fix.

Tencent's mini-program live setup is a chain (https://cloud.tencent.com/document/product/1148/39191):
an available plugin licence, the push and play domains, each domain's CNAME to Tencent, then
HTTPS, authentication and referer rules on top, and the plugin in the mini-program's ``app.json``.
Every check here reads only (Describe* actions and DNS queries) and makes at most one API call
per domain for each kind of check: the domains come from one paged DescribeLiveDomains list, the
licences from one console query (an emulator's; Tencent has none), the CNAMEs from DNS (the zone's
authoritative servers, asked as the provider asks them), with no API call at all.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any

from .. import rules
from ..cloud.client import TencentCloudClient
from ..cloud.live import DomainInfo, list_live_domains
from ..cloud.streaming import (
    DESCRIBE_LIVE_DOMAIN_CERT,
    DESCRIBE_LIVE_DOMAIN_REFERER,
    DescribeLiveDomainCertRequest,
    DescribeLiveDomainRefererRequest,
)
from ..dns.base import Nameserver, normalise_name
from ..dns.propagation import ZoneServers
from ..emulator.clock import parse_beijing, parse_iso_utc
from ..emulator.console_api import DESCRIBE_PLUGIN_LICENSES, DescribePluginLicensesRequest, PluginLicenseInfo
from ..errors import TcliveError, TencentCloudApiError
from ..resources.auth_keys import PLAY, PUSH, key_digest
from ..resources.domain import PLAY_REGION_NAMES
from ..tls import covers, load_chain, summarize
from ._deployed import DeployedResource, Deployment
from ._findings import Finding, Planned, Status, one
from ._lookup import Answer, AuthoritativeServers, CnameLookup, RecursiveResolver
from ._processing import processing_tasks

__all__ = ["checks_of"]


class _Once:
    """A value computed once, on first use, by whichever task needs it first (the batch Describe calls)."""

    def __init__(self, compute: Callable[[], Any]) -> None:
        self._compute = compute
        self._lock = threading.Lock()
        self._done = False
        self._value: Any = None
        self._error: TcliveError | None = None

    def get(self) -> Any:
        with self._lock:
            if not self._done:
                try:
                    self._value = self._compute()
                except TcliveError as exc:
                    self._error = exc
                self._done = True
        if self._error is not None:
            raise self._error
        return self._value


def _name(resource: DeployedResource, key: str = "domain_name") -> str:
    return normalise_name(str(resource.value(key, resource.id)))


def _days(delta: timedelta) -> str:
    days = delta.total_seconds() / 86400
    return f"{days:.0f} days" if abs(days) >= 2 else f"{delta.total_seconds() / 3600:.0f} hours"


class _Context:
    """What every check shares: the deployment, the client, the time, the options, the batch answers."""

    def __init__(
        self,
        deployment: Deployment,
        client: Callable[[], TencentCloudClient],
        zone_servers: Callable[[str], ZoneServers],
        *,
        now: datetime,
        expiry_days: int,
        resolvers: Sequence[Nameserver],
    ) -> None:
        self.deployment = deployment
        self.client = client
        self.zone_servers = zone_servers
        self.now = now
        self.expiry_days = expiry_days
        self.horizon = now + timedelta(days=expiry_days)
        self.resolvers = tuple(resolvers)
        self.apply = deployment.apply_command
        self.domains = _Once(lambda: {d.Name: d for d in list_live_domains(client())})
        self._zone_lookups: dict[tuple[str, str], CnameLookup] = {}
        self._zone_lock = threading.Lock()

    def domain(self, name: str) -> DomainInfo | None:
        found: dict[str, DomainInfo] = self.domains.get()
        return found.get(name)

    def lookup_for(self, record: DeployedResource, zone: str) -> CnameLookup:
        """Who answers for ``zone``: for ``dns='rfc2136'`` without tclive:nameservers its primary, otherwise the
        servers the provider verifies with (resources/_provider.py ``zone_servers``: tclive:nameservers, the
        embedded emulator's nameservers in-process, else the zone's NS set)."""
        settings = self.deployment.settings
        dns_kind = str(record.value("dns", "dnspod"))
        with self._zone_lock:
            key = (zone, dns_kind)
            if key not in self._zone_lookups:
                if dns_kind == "rfc2136" and not settings.nameservers and settings.rfc2136_server is not None:
                    servers = ZoneServers((settings.rfc2136_server,))
                else:
                    servers = self.zone_servers(zone)
                self._zone_lookups[key] = AuthoritativeServers(servers)
            return self._zone_lookups[key]


# ---- licence ------------------------------------------------------------------------------------


def _emulated_console(ctx: _Context, app_ids: list[str]) -> dict[str, PluginLicenseInfo]:
    """The licences of an emulated console, for a target that has one (an emulator); ``{}`` for Tencent Cloud,
    which has no licence API (docs/design.md#the-licence-has-no-api): there ``console_status`` is the one source."""
    if ctx.deployment.settings.endpoint is None or not app_ids:
        return {}
    try:
        request = DescribePluginLicensesRequest(MiniProgramAppIds=app_ids)
        answer = ctx.client().call(DESCRIBE_PLUGIN_LICENSES, request)
    except TencentCloudApiError:
        return {}  # an endpoint without the emulator's console
    return {info.MiniProgramAppId: info for info in answer.Licenses}


def _licence_tasks(ctx: _Context) -> list[Planned]:
    licences = ctx.deployment.of("PluginLicense")
    mini_program_domains = [d for d in ctx.deployment.of("LiveDomain") if d.value("scene") == "mini_program"]
    if not licences and not mini_program_domains:
        return []

    def run() -> list[Finding]:
        app_ids = [str(lic.value("mini_program_app_id", lic.id)) for lic in licences]
        served: dict[str, list[str]] = {}
        for domain in mini_program_domains:
            served.setdefault(str(domain.value("plugin_license", "")), []).append(_name(domain))
        console = _emulated_console(ctx, sorted({*app_ids, *(a for a in served if a)}))
        findings = [
            _licence_finding(ctx, licence, app_id, console.get(app_id), served.get(app_id, []))
            for licence, app_id in zip(licences, app_ids, strict=True)
        ]
        for app_id, names in sorted(served.items()):
            if app_id not in app_ids and app_id not in console:
                findings.append(
                    Finding(
                        "licence",
                        f"licence {app_id or '(none)'}",
                        "warn",
                        f"the mini-program domains {', '.join(names)} serve AppID {app_id or '(none)'}, "
                        "whose plugin licence this stack does not declare, so its status is not checked here",
                        "Declare the PluginLicense for that mini-program and pass it as plugin_license (then run "
                        f"`{ctx.apply}`), or run the doctor on the stack that declares it.",
                    )
                )
        return findings

    return [Planned("licence", "licences", run)]


def _licence_finding(
    ctx: _Context, licence: DeployedResource, app_id: str, info: PluginLicenseInfo | None, served: list[str]
) -> Finding:
    subject = f"licence {app_id}"
    serves = f"; serves {', '.join(served)}" if served else ""
    declared = str(licence.value("console_status") or "")
    record = " Then set console_status on the PluginLicense to what the console shows."
    status: str
    if info is not None:
        status, where = info.Status, "the emulated console"
        expires = parse_iso_utc(info.ExpiresAt) if info.ExpiresAt else None
    elif declared:
        status, where, expires = declared, "console_status (Tencent has no licence API)", None
    else:
        return Finding(
            "licence",
            subject,
            "warn",
            f"status unknown: console_status is not declared and Tencent has no licence API{serves}",
            "Copy the status from 云直播控制台 > 资源包/插件管理 into console_status on the PluginLicense "
            f"and run `{ctx.apply}`.",
        )
    if status != "available":
        blockers = rules.check_licence_status_for_domains(status)  # R4's next step for this status
        fix = (blockers[0].fix if blockers else "Finish the application in 云直播控制台 > 资源包/插件管理.") + record
        return Finding("licence", subject, "fail", f"status {status} by {where}{serves}", fix)
    if expires is not None and expires <= ctx.horizon:
        return Finding(
            "licence",
            subject,
            "fail",
            f"available, but expires {expires:%Y-%m-%d %H:%M} UTC (in {_days(expires - ctx.now)}, "
            f"within --expiry-days {ctx.expiry_days}){serves}",
            "Renew the licence in 云直播控制台 > 资源包/插件管理 before it expires.",
        )
    until = f", expires {expires:%Y-%m-%d} ({_days(expires - ctx.now)})" if expires else ", expiry not known"
    mismatch = f" (console_status declares {declared})" if declared and declared != status else ""
    return Finding("licence", subject, "pass", f"available by {where}{mismatch}{until}{serves}")


# ---- live domains -------------------------------------------------------------------------------


def _domain_tasks(ctx: _Context) -> list[Planned]:
    return [Planned("domain", _name(d), one(_domain_finding, ctx, d)) for d in ctx.deployment.of("LiveDomain")]


def _domain_finding(ctx: _Context, domain: DeployedResource) -> Finding:
    name = _name(domain)
    info = ctx.domain(name)
    if info is None:
        return Finding(
            "domain",
            name,
            "fail",
            "not in the account (DescribeLiveDomains does not list it)",
            f"Run `{ctx.apply} --refresh` to add it again, or add it in 云直播控制台 > 域名管理.",
        )
    declared_type = str(domain.value("domain_type"))
    actual_type = "play" if info.Type == 1 else "push"
    declared_scene = str(domain.value("scene", "standard"))
    actual_scene = "mini_program" if info.IsMiniProgramLive == 1 else "standard"
    problems: list[str] = []
    fixes: list[str] = []
    if (declared_type, declared_scene) != (actual_type, actual_scene):
        problems.append(
            f"is a {actual_scene} {actual_type} domain, the stack declares {declared_scene} {declared_type}"
        )
        fixes.append(
            "A domain's type and scene cannot change in place: declare it as the account has it, or delete it in "
            f"the console and run `{ctx.apply}` to add it as declared."
        )
    enabled = bool(domain.value("enabled", True))
    if enabled and info.Status != 1:
        problems.append("is disabled (forbidden), the stack declares it enabled")
        fixes.append(
            f"Run `{ctx.apply} --refresh` (the program declares it enabled, so it is enabled again), or enable it "
            "in 云直播控制台 > 域名管理."
        )
    elif not enabled and info.Status == 1:
        problems.append("is enabled, the stack declares it disabled")
        fixes.append(f"Run `{ctx.apply} --refresh` to disable it again.")
    if actual_type == "play" and declared_type == "play":
        region = PLAY_REGION_NAMES.get(info.PlayType, "mainland")
        declared_region = str(domain.value("play_region", "mainland"))
        if region != declared_region:
            problems.append(f"plays in region {region}, the stack declares {declared_region}")
            fixes.append(f"Run `{ctx.apply} --refresh` to set play_region {declared_region} again.")
    recorded = normalise_name(str(domain.value("cname_target", ""))) if domain.value("cname_target") else ""
    if recorded and normalise_name(info.TargetDomain) != recorded:
        problems.append(f"has the CNAME target {info.TargetDomain}, the stack recorded {recorded}")
        fixes.append(f"Run `{ctx.apply} --refresh` so the stack and its CnameRecord use {info.TargetDomain}.")
    if problems:
        return Finding("domain", name, "fail", "; ".join(problems), " ".join(dict.fromkeys(fixes)))
    kind = f"{actual_scene.replace('_', '-')} {actual_type}"
    region = f", {PLAY_REGION_NAMES.get(info.PlayType, 'mainland')}" if actual_type == "play" else ""
    state = "enabled" if info.Status == 1 else "disabled as declared"
    return Finding("domain", name, "pass", f"{kind}{region}, {state}, CNAME target {info.TargetDomain}")


# ---- CNAMEs -------------------------------------------------------------------------------------


def _cname_tasks(ctx: _Context) -> list[Planned]:
    return [
        Planned("cname", _name(r, "name"), partial(_cname_findings, ctx, r)) for r in ctx.deployment.of("CnameRecord")
    ]


def _expected_target(ctx: _Context, record: DeployedResource) -> str:
    name = normalise_name(str(record.value("name", record.id)))
    try:
        info = ctx.domain(name)
    except TcliveError:
        info = None  # the domain check reports the API failure; compare with what the stack recorded
    return normalise_name(info.TargetDomain if info is not None and info.TargetDomain else str(record.value("target")))


def _record_fix(name: str, target: str, ttl: int, zone: str, dns_kind: str, apply: str, current: str | None) -> str:
    record = f"{name}. {ttl} IN CNAME {target}."
    where = {"dnspod": "in DNSPod", "rfc2136": "on your primary DNS server", "manual": "at your DNS provider"}.get(
        dns_kind, "at your DNS provider"
    )
    first = f"Replace the CNAME of {name} (now {current}) with" if current else "Add"
    rewrite = f", or run `{apply} --refresh`, which writes it back" if dns_kind != "manual" else ""
    return f"{first} `{record}` in zone {zone} {where}{rewrite}."


def _judge(answers: list[Answer], target: str) -> tuple[Status, str, str | None]:
    """pass when every server serves ``target``; the detail lists the others' answers; the current
    foreign target, if a server serves one."""
    wrong = [a for a in answers if a.target != target]
    if not answers:
        return "fail", "no server to ask", None
    if not wrong:
        return "pass", f"CNAME {target} at {', '.join(a.where for a in answers)}", None
    current = next((a.target for a in wrong if a.target), None)
    detail = "; ".join(f"{a.where}: {a.detail}" for a in wrong)
    return "fail", f"expected CNAME {target}; {detail}", current


def _cname_findings(ctx: _Context, record: DeployedResource) -> list[Finding]:
    name = normalise_name(str(record.value("name", record.id)))
    zone = normalise_name(str(record.value("zone") or name.partition(".")[2]))
    dns_kind = str(record.value("dns", "dnspod"))
    ttl = int(record.value("ttl", 600))
    target = _expected_target(ctx, record)
    findings = []
    try:
        answers = ctx.lookup_for(record, zone).lookup(name)
    except TcliveError as exc:
        answers = [Answer(f"the servers of {zone}", None, False, str(exc))]
    status, detail, current = _judge(answers, target)
    unusable = [a for a in answers if not a.usable]
    if status == "pass":
        fix = ""
    elif unusable and len(unusable) == len([a for a in answers if a.target != target]):
        fix = (
            f"The servers of {zone} gave no usable answer: check they serve the zone and are reachable from here, "
            "or list them in tclive:nameservers (TCLIVE_NAMESERVERS)."
        )
    else:
        fix = _record_fix(name, target, ttl, zone, dns_kind, ctx.apply, current)
    findings.append(Finding("cname", name, status, detail, fix))
    for resolver in ctx.resolvers:
        answers = RecursiveResolver(resolver).lookup(name)
        status, detail, current = _judge(answers, target)
        fix = ""
        if status == "fail":
            fix = (
                f"If the zone's servers already serve `{name}. CNAME {target}.`, wait for the resolver's cache (at most the "
                f"record's TTL, {ttl} s); otherwise: "
                + _record_fix(name, target, ttl, zone, dns_kind, ctx.apply, current)
            )
        findings.append(Finding("resolver", name, status, detail, fix))
    return findings


# ---- HTTPS --------------------------------------------------------------------------------------


def _https_tasks(ctx: _Context) -> list[Planned]:
    return [Planned("https", _name(c), one(_https_finding, ctx, c)) for c in ctx.deployment.of("PlayDomainCertificate")]


def _https_finding(ctx: _Context, cert: DeployedResource) -> Finding:
    name = _name(cert)
    renew = (
        f"Bind a certificate that covers {name} beyond --expiry-days: `{ctx.apply} --refresh` binds the program's "
        "again if it was replaced in the console; otherwise give PlayDomainCertificate a renewed one (certificate= "
        f"and private_key=, or cloud_cert_id=) and run `{ctx.apply}`."
    )
    info = ctx.client().call(DESCRIBE_LIVE_DOMAIN_CERT, DescribeLiveDomainCertRequest(DomainName=name)).DomainCertInfo
    if info is None or not (info.HttpsCrt or info.CertExpireTime):
        return Finding(
            "https", name, "fail", "no certificate is bound", f"Run `{ctx.apply} --refresh` to bind it again."
        )
    problems = []  # the certificate's, which a new binding fixes
    https_off = info.Status != 1
    names: list[str] = list(info.CertDomains)
    expires = parse_beijing(info.CertExpireTime) if info.CertExpireTime else None
    if info.HttpsCrt:
        try:
            summary = summarize(load_chain(info.HttpsCrt)[0])
            names, expires = list(summary.dns_names), summary.not_after
        except ValueError as exc:
            problems.append(f"the bound certificate does not parse ({exc})")
    if names and not covers(names, name):
        problems.append(f"the certificate covers {', '.join(names)}, not {name}")
    if expires is not None and expires <= ctx.now:
        problems.append(f"the certificate expired {expires:%Y-%m-%d %H:%M} UTC")
    elif expires is not None and expires <= ctx.horizon:
        problems.append(
            f"the certificate expires {expires:%Y-%m-%d %H:%M} UTC (in {_days(expires - ctx.now)}, "
            f"within --expiry-days {ctx.expiry_days})"
        )
    if problems or https_off:
        fix = renew if problems else f"Run `{ctx.apply} --refresh` to turn HTTPS on."
        return Finding("https", name, "fail", "; ".join(["HTTPS is off"] * https_off + problems), fix)
    until = f", valid until {expires:%Y-%m-%d} ({_days(expires - ctx.now)})" if expires else ""
    return Finding("https", name, "pass", f"HTTPS on, the certificate covers {name}{until}")


# ---- authentication -----------------------------------------------------------------------------


def _auth_tasks(ctx: _Context) -> list[Planned]:
    declared: dict[tuple[str, str], DeployedResource] = {}
    for kind in ("PushAuthKey", "PlayAuthKey"):
        for resource in ctx.deployment.of(kind):
            declared[(kind, _name(resource))] = resource
    planned: list[Planned] = []
    for domain in ctx.deployment.of("LiveDomain"):
        name = _name(domain)
        kind = "PushAuthKey" if domain.value("domain_type") == "push" else "PlayAuthKey"
        check = "push auth" if kind == "PushAuthKey" else "play auth"
        planned.append(Planned(check, name, one(_auth_finding, ctx, name, kind, declared.get((kind, name)))))
    return planned


def _auth_finding(ctx: _Context, name: str, kind: str, declared: DeployedResource | None) -> Finding:
    auth = PUSH if kind == "PushAuthKey" else PLAY
    check = f"{auth.domain_type} auth"
    try:
        enable, master, _backup, _delta = auth.describe(ctx.client(), name)
    except TencentCloudApiError as exc:
        if exc.matches("ResourceNotFound.DomainNotExist", "InternalError.DomainNotExist"):
            return Finding(check, name, "fail", "the domain is not in the account", "See the domain check.")
        raise
    on = enable == 1
    if declared is None:
        if not on:
            return Finding(check, name, "pass", f"off, as declared (no {kind} in the stack)")
        if auth.domain_type == "push":
            return Finding(
                check,
                name,
                "warn",
                f"on (Tencent's default for push domains) with a key the stack does not manage (no {kind})",
                f"Declare {kind}(domain_name=…, adopt_existing=True) to manage it; push URLs need txSecret/txTime.",
            )
        return Finding(
            check,
            name,
            "fail",
            f"on, but the stack declares no {kind}: unsigned play URLs are refused",
            f"Declare {kind} for it (adopt_existing=True keeps the key), or switch it off in 云直播控制台 > 域名管理 > 访问控制.",
        )
    wanted = bool(declared.value("enabled", True))
    if wanted != on:
        state = "on" if on else "off"
        return Finding(
            check,
            name,
            "fail",
            f"{state}, the stack declares it {'on' if wanted else 'off'}",
            f"Run `{ctx.apply} --refresh` to switch it {'on' if wanted else 'off'} again.",
        )
    if not on:
        return Finding(check, name, "pass", "off, as declared")
    recorded = str(declared.value("master_key_digest", ""))
    if not recorded:
        return Finding(check, name, "pass", "on, as declared (no key digest recorded to compare with)")
    # The key itself is never printed or stored: its salted digest is what the stack recorded.
    if key_digest(name, master) != recorded:
        generated = bool(declared.value("generated", False))
        fix = (
            "URLs signed with the stack's key are refused. Accept the new key with "
            f"`{ctx.apply.replace(' up', ' refresh', 1)}` (then sign URLs with `tclive url sign --key-from-stack`), "
            f"or set master_key in the program and run `{ctx.apply}`."
            if generated
            else f"URLs signed with the stack's key are refused: run `{ctx.apply} --refresh` to put the declared key back."
        )
        return Finding(
            check,
            name,
            "fail",
            "on, but the key Tencent holds now is not the stack's (compared by salted digest; no key is shown): "
            "a URL signed with the stack's key does not verify",
            fix,
        )
    return Finding(
        check, name, "pass", "on; a URL signed with the key Tencent holds now verifies against the stack's key"
    )


# ---- referer ------------------------------------------------------------------------------------


def _strings(value: object) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _referer_tasks(ctx: _Context) -> list[Planned]:
    published = list(_strings(ctx.deployment.outputs))
    return [
        Planned("referer", _name(r), one(_referer_finding, ctx, r, published)) for r in ctx.deployment.of("PlayReferer")
    ]


def _referer_finding(ctx: _Context, referer: DeployedResource, published: list[str]) -> Finding:
    name = normalise_name(str(referer.value("domain_name", referer.id)))
    request = DescribeLiveDomainRefererRequest(DomainName=name)
    config = ctx.client().call(DESCRIBE_LIVE_DOMAIN_REFERER, request).RefererAuthConfig
    declared_rules = sorted(str(r).lower() for r in referer.value("rules", []) or [])
    actual_rules = sorted(r.lower() for r in (config.Rules if config else "").split(";") if r)
    if config is None or config.Enable != 1:
        return Finding(
            "referer", name, "fail", "referer checking is off", f"Run `{ctx.apply} --refresh` to turn it on."
        )
    if actual_rules != declared_rules:
        return Finding(
            "referer",
            name,
            "fail",
            f"the rules are {', '.join(actual_rules) or '(none)'}, the stack declares {', '.join(declared_rules)}",
            f"Run `{ctx.apply} --refresh` to put the declared rules back.",
        )
    schemes = sorted({s for s in ("rtmp", "webrtc") for url in published if url.startswith(f"{s}://{name}/")})
    if schemes:
        return Finding(
            "referer",
            name,
            "warn",
            f"on ({len(actual_rules)} rules), but referer rules act only on HTTP-FLV and HLS, and the stack publishes "
            f"{' and '.join(s.upper() if s == 'rtmp' else 'WebRTC' for s in schemes)} play URLs for it",
            "Protect RTMP and WebRTC playback with play authentication (PlayAuthKey), or stop publishing those URLs.",
        )
    return Finding("referer", name, "pass", f"on, {len(actual_rules)} rules as declared")


def checks_of(
    deployment: Deployment,
    client: Callable[[], TencentCloudClient],
    zone_servers: Callable[[str], ZoneServers],
    *,
    now: datetime | None = None,
    expiry_days: int = 30,
    resolvers: Sequence[Nameserver] = (),
) -> list[Planned]:
    """Every check of ``deployment``, ready to run in parallel.

    :param deployment: what the stack deployed.
    :param client: the API client for the stack's target (called lazily, shared).
    :param zone_servers: a zone's authoritative servers and how to query them, as the provider asks them.
    :param now: the time to judge expiry by (default: now).
    :param expiry_days: licences and certificates expiring within this many days fail.
    :param resolvers: recursive resolvers that must also answer each CNAME (``--resolver``).
    """
    ctx = _Context(
        deployment, client, zone_servers, now=now or datetime.now(UTC), expiry_days=expiry_days, resolvers=resolvers
    )
    return [
        *_licence_tasks(ctx),
        *_domain_tasks(ctx),
        *_cname_tasks(ctx),
        *_https_tasks(ctx),
        *_auth_tasks(ctx),
        *_referer_tasks(ctx),
        *processing_tasks(deployment, client),
    ]

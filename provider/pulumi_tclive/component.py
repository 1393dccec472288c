"""``MiniProgramLive``: the whole mini-program live setup as one component (R1–R9 wired together).

It declares the plugin licence, the mini-program play domain the plugin must play from (R6),
optionally a push domain (a standard push domain may feed a mini-program play domain; a
mini-program push domain is only needed to push from the plugin) and a standard play domain for
App/Web/PC clients (R6), and a CNAME for every domain (R9), each CNAME depending on its domain's
``cname_target`` and every mini-program domain on the licence.

Order: adding the mini-program play domain can never be undone (R8), so it runs last, after every
other domain and CNAME (all reversible) has been made, and its own create proves the licence, the
R7 usage and that its CNAME can be written before calling AddLiveDomain.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import pulumi

from . import rules, tls
from .errors import ConfigurationError, UrlSigningError
from .resources.auth_keys import PlayAuthKey, PushAuthKey
from .resources.binding import bind_to_push_domain
from .resources.certificate import PlayDomainCertificate
from .resources.cname import CnameRecord
from .resources.domain import LiveDomain
from .resources.licence import PluginLicense
from .resources.referer import PlayReferer
from .signed_urls import signed_url

__all__ = ["MiniProgramLive"]

STREAM = "{stream_name}"


SIGNED = "?txSecret={txSecret}&txTime={txTime}"  # what a signed URL adds (tclive url sign / signed_url)
DEFAULT_PLUGIN_ALIAS = "live-player-plugin"


def _play_urls(domain: str, *, https: bool = True, signed: bool = False) -> dict[str, str]:
    """Play URL templates: ``https://`` only where a certificate is bound, the auth parameters when signed."""
    web = "https" if https else "http"
    query = SIGNED if signed else ""
    return {
        "flv": f"{web}://{domain}/live/{STREAM}.flv{query}",
        "hls": f"{web}://{domain}/live/{STREAM}.m3u8{query}",
        "rtmp": f"rtmp://{domain}/live/{STREAM}{query}",
        "webrtc": f"webrtc://{domain}/live/{STREAM}{query}",
    }


def _steps_left(steps: Sequence[str] | None, *, play_domain_exists: bool) -> list[str]:
    """The licence's console steps, without adding the domains once the mini-program play domain exists."""
    add_domains = rules.licence_next_steps("available")[-1]
    return [step for step in steps or [] if not (play_domain_exists and step == add_domains)]


def plugin_block(alias: str, version: str | None) -> dict[str, Any]:
    """The mini-program ``app.json`` ``plugins`` block for the Tencent Cloud live plugin."""
    return {"plugins": {alias: {"version": version or rules.MIN_PLUGIN_VERSION, "provider": rules.PLUGIN_APP_ID}}}


@dataclass(frozen=True)
class _Domains:
    """The component's domain arguments."""

    play: str
    push: str | None
    push_scene: str
    app_play: str | None
    play_region: str


@dataclass(frozen=True)
class _Dns:
    """How every CNAME is written and verified."""

    backend: str
    zone: str | None
    ttl: int
    verify: str | None
    verify_timeout: int
    overwrite: bool


@dataclass(frozen=True)
class _Security:
    """The streaming security arguments: authentication, certificate, referer rules."""

    push_auth: bool
    push_auth_key: pulumi.Input[str] | None = field(repr=False)  # secrets: never in a repr
    play_auth: bool
    play_auth_key: pulumi.Input[str] | None = field(repr=False)
    play_certificate: str | None
    play_private_key: pulumi.Input[str] | None = field(repr=False)
    play_cloud_cert_id: str | None
    referer_rules: Sequence[str] | None
    referer_mode: str
    referer_allow_empty: bool


class MiniProgramLive(pulumi.ComponentResource):
    """A WeChat mini-program live setup: licence, domains and their CNAME records.

    Args:
        name: The component name; child resources are named ``<name>-licence``, ``<name>-mp-play`` …
        app_id: The mini-program's AppID (``wx`` + 16 hex digits).
        mini_program_name: The mini-program's name.
        service_categories: Its service categories (R2: ``电商平台`` for e-commerce, an education category…).
        play_domain: The mini-program play domain the plugin plays from (R6). Never deletable (R8): it and its
            CNAME record are ``protect=True`` and ``retain_on_delete=True``.
        subject_type: ``enterprise`` (default), ``government``, ``media`` or ``other_org`` (R1).
        scene: ``ecommerce`` (default), ``education`` or ``offline_event`` (R2).
        push_domain: Optional push domain (R5).
        push_scene: ``standard`` (default: App/OBS push, which can feed the mini-program play domain) or
            ``mini_program`` (only to push from the plugin itself).
        app_play_domain: Optional standard play domain for App, Web/H5 and PC clients (R6 recommends one).
        play_region: ``mainland`` (default), ``global`` or ``overseas`` for both play domains.
        dns: ``dnspod`` (default), ``rfc2136`` or ``manual`` for every CNAME.
        zone: The DNS zone of the domains (found automatically when omitted).
        ttl: CNAME TTL in seconds (default 600).
        verify: CNAME verification: ``dns``, ``cloud`` or ``none`` (default per :class:`CnameRecord`).
        verify_timeout: Seconds to wait for each CNAME (default 300).
        plugin_version: The plugin version the mini-program uses (≥ 1.2.1).
        event_permit: offline_event only: the public-security permit reference.
        venue_proof: offline_event only: the venue-use proof reference.
        support_ticket: offline_event only: the support ticket that confirmed the event.
        console_status: The licence status the console shows, on every backend (the licence's one source).
        allow_used_domain: Accept a play domain with usage this month (R7 billing).
        protect_play_domain: ``True`` (default) protects the mini-program play domain and its CNAME record.
            ``False`` releases both on purpose: run ``pulumi up``, then remove the component from the program,
            or set it together with a new ``play_domain``; the old domain and CNAME are retained, so they stay
            in the account (R8).
        adopt_existing: ``True`` to take over every child that already exists identically (the licence
            application, the domains, the CNAMEs, the domains' auth keys, which are then kept as they are
            where no key is given), e.g. after the state file was lost. Default ``False``.
        overwrite_dns: ``True`` to let every CNAME replace a record already at its name. Default ``False``.
        push_auth: Push authentication on the push domain (default ``True``, as Tencent does): a
            :class:`PushAuthKey` child, its key generated unless ``push_auth_key`` is given.
        push_auth_key: The push master key (a secret); ``None`` generates one.
        play_auth: Play authentication on every play domain (default ``False``): a :class:`PlayAuthKey` each.
        play_auth_key: The play key (a secret); ``None`` generates one per play domain.
        play_certificate: PEM bundle for HTTPS playback: bound (:class:`PlayDomainCertificate`) to the
            mini-program play domain and to the App play domain when its SANs cover it.
        play_private_key: The certificate's private key (a secret).
        play_cloud_cert_id: Instead of a PEM pair: a Tencent SSL certificate ID, bound to every play domain.
        referer_rules: Referer rules (:class:`PlayReferer`) for every play domain; ``None`` for none.
        referer_mode: ``allow`` (default) or ``deny``.
        referer_allow_empty: Also allow requests without a Referer (default ``False``).
        plugin_alias: The plugin's alias in the mini-program's ``app.json`` (default ``live-player-plugin``).
        signed_push_streams: Stream names to export ready-made signed push URLs for (secret output
            ``signed_push_urls``); needs ``signed_urls_expire_at``.
        signed_urls_expire_at: When those URLs expire (aware datetime or Unix seconds). Fixed on purpose:
            a URL that changed on every ``up`` would be false drift.
        push_templates: Processing templates (:class:`TranscodeTemplate`, :class:`Watermark`,
            :class:`RecordTemplate`, :class:`CallbackTemplate`, :class:`SnapshotTemplate`,
            :class:`TimeShiftTemplate`) to apply to every stream pushed to ``push_domain``: the component
            adds the matching rule for each (``<name>-<template>-rule``).
        opts: Pulumi resource options for the component.

    Outputs: ``license_status``, ``next_steps`` (what is left to do: the licence's console steps, without
    adding the mini-program play domain once it exists), ``play_cname_target``, ``play_url_templates`` (for the
    plugin), ``push_url_template`` (when a push domain is declared), ``app_play_url_templates`` (when an
    App/Web play domain is declared), ``cname_targets`` (domain → target), ``app_json`` (the
    ``plugins`` block for the mini-program's app.json), ``signed_push_urls`` (secret, on request).
    URL templates use ``https://`` only for play domains with a certificate, and end in
    ``?txSecret={txSecret}&txTime={txTime}`` where authentication is on.
    """

    def __init__(
        self,
        name: str,
        *,
        app_id: pulumi.Input[str],
        mini_program_name: pulumi.Input[str],
        service_categories: pulumi.Input[Sequence[pulumi.Input[str]]],
        play_domain: str,
        subject_type: pulumi.Input[str] = "enterprise",
        scene: pulumi.Input[str] = "ecommerce",
        push_domain: str | None = None,
        push_scene: str = "standard",
        app_play_domain: str | None = None,
        play_region: str = "mainland",
        dns: str = "dnspod",
        zone: str | None = None,
        ttl: int = 600,
        verify: str | None = None,
        verify_timeout: int = 300,
        plugin_version: pulumi.Input[str] | None = None,
        event_permit: pulumi.Input[str] | None = None,
        venue_proof: pulumi.Input[str] | None = None,
        support_ticket: pulumi.Input[str] | None = None,
        console_status: pulumi.Input[str] | None = None,
        allow_used_domain: bool = False,
        protect_play_domain: bool = True,
        adopt_existing: bool = False,
        overwrite_dns: bool = False,
        push_auth: bool = True,
        push_auth_key: pulumi.Input[str] | None = None,
        play_auth: bool = False,
        play_auth_key: pulumi.Input[str] | None = None,
        play_certificate: str | None = None,
        play_private_key: pulumi.Input[str] | None = None,
        play_cloud_cert_id: str | None = None,
        referer_rules: Sequence[str] | None = None,
        referer_mode: str = "allow",
        referer_allow_empty: bool = False,
        plugin_alias: str = DEFAULT_PLUGIN_ALIAS,
        signed_push_streams: Sequence[str] | None = None,
        signed_urls_expire_at: datetime | int | None = None,
        push_templates: Sequence[pulumi.Resource] | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """Declare the setup; see the class docstring for every argument and output."""
        super().__init__("tclive:index:MiniProgramLive", name, None, opts)
        self._child = pulumi.ResourceOptions(parent=self)
        self.license = PluginLicense(
            f"{name}-licence",
            mini_program_app_id=app_id,
            mini_program_name=mini_program_name,
            subject_type=subject_type,
            scene=scene,
            service_categories=service_categories,
            plugin_version=plugin_version,
            event_permit=event_permit,
            venue_proof=venue_proof,
            support_ticket=support_ticket,
            console_status=console_status,
            opts=self._child,
        )
        dns_settings = _Dns(dns, zone, ttl, verify, verify_timeout, overwrite_dns)
        domains = _Domains(play_domain, push_domain, push_scene, app_play_domain, play_region)
        self._declare_domains(name, domains, dns_settings, allow_used_domain, protect_play_domain, adopt_existing)
        security = _Security(
            push_auth,
            push_auth_key,
            play_auth,
            play_auth_key,
            play_certificate,
            play_private_key,
            play_cloud_cert_id,
            referer_rules,
            referer_mode,
            referer_allow_empty,
        )
        self._declare_security(name, domains, security, adopt_existing)
        self._declare_processing(name, push_templates)
        self._declare_outputs(domains, plugin_version, plugin_alias, signed_push_streams, signed_urls_expire_at)

    def _declare_domains(
        self,
        name: str,
        domains: _Domains,
        dns: _Dns,
        allow_used_domain: bool,
        protect_play_domain: bool,
        adopt_existing: bool,
    ) -> None:
        """The domains and their CNAMEs; the mini-program play domain last, after everything reversible (R8)."""
        self.domains: dict[str, LiveDomain] = {}
        self.cnames: dict[str, CnameRecord] = {}
        reversible: list[pulumi.Resource] = []

        def add(key: str, domain: str, domain_type: str, domain_scene: str) -> LiveDomain:
            mini_program_play = domain_type == "play" and domain_scene == "mini_program"
            # R8: protected and retained, unless released on purpose; it waits for everything reversible.
            guard = pulumi.ResourceOptions(protect=protect_play_domain, retain_on_delete=True)
            live = LiveDomain(
                f"{name}-{key}",
                domain_name=domain,
                domain_type=domain_type,
                scene=domain_scene,
                play_region=domains.play_region if domain_type == "play" else None,
                plugin_license=self.license if domain_scene == "mini_program" else None,
                allow_used_domain=allow_used_domain and mini_program_play,
                adopt_existing=adopt_existing,
                cname_dns=dns.backend if mini_program_play else None,
                cname_zone=dns.zone if mini_program_play else None,
                cname_overwrite=dns.overwrite and mini_program_play,
                allow_replace=mini_program_play and not protect_play_domain,
                opts=pulumi.ResourceOptions.merge(
                    self._child,
                    pulumi.ResourceOptions.merge(guard, pulumi.ResourceOptions(depends_on=list(reversible)))
                    if mini_program_play
                    else None,
                ),
            )
            self.domains[key] = live
            self.cnames[key] = self._cname(f"{name}-{key}-cname", live, dns, guard if mini_program_play else None)
            if not mini_program_play:
                reversible.extend((live, self.cnames[key]))
            return live

        self.push = add("push", domains.push, "push", domains.push_scene) if domains.push else None
        self.app_play = add("app-play", domains.app_play, "play", "standard") if domains.app_play else None
        self.play = add("mp-play", domains.play, "play", "mini_program")

    def _cname(
        self, resource_name: str, live: LiveDomain, dns: _Dns, guard: pulumi.ResourceOptions | None
    ) -> CnameRecord:
        """The CNAME of one domain (R9), guarded like its domain when that is the mini-program play domain."""
        cname_opts = pulumi.ResourceOptions(parent=self, depends_on=[live])
        return CnameRecord(
            resource_name,
            name=live.domain_name,
            target=live.cname_target,
            dns=dns.backend,
            zone=dns.zone,
            ttl=dns.ttl,
            verify=dns.verify,
            verify_timeout=dns.verify_timeout,
            overwrite=dns.overwrite,
            opts=pulumi.ResourceOptions.merge(cname_opts, guard) if guard is not None else cname_opts,
        )

    def _declare_security(self, name: str, domains: _Domains, security: _Security, adopt_existing: bool) -> None:
        """Push and play authentication, certificates and referer rules (issue 13)."""
        child = self._child
        self.push_auth_key: PushAuthKey | None = None
        self.play_auth_keys: dict[str, PlayAuthKey] = {}
        self.certificates: dict[str, PlayDomainCertificate] = {}
        self.referers: dict[str, PlayReferer] = {}
        plays = {"mp-play": (domains.play, self.play)}
        if domains.app_play and self.app_play:
            plays["app-play"] = (domains.app_play, self.app_play)
        if self.push and security.push_auth:
            self.push_auth_key = PushAuthKey(
                f"{name}-push-auth",
                domain_name=self.push,
                master_key=security.push_auth_key,
                adopt_existing=adopt_existing,
                opts=child,
            )
        covered = set(plays)
        if security.play_certificate is not None:
            try:
                names = tls.summarize(tls.load_chain(security.play_certificate)[0]).dns_names
            except ValueError:
                names = ()  # the certificate's own check reports it at preview
            covered = {"mp-play"} | {key for key, (domain, _) in plays.items() if tls.covers(names, domain)}
        for key, (_, live) in plays.items():
            if security.play_auth:
                self.play_auth_keys[key] = PlayAuthKey(
                    f"{name}-{key}-auth",
                    domain_name=live,
                    master_key=security.play_auth_key,
                    adopt_existing=adopt_existing,
                    opts=child,
                )
            has_certificate = security.play_certificate is not None or security.play_cloud_cert_id is not None
            if has_certificate and key in covered:
                self.certificates[key] = PlayDomainCertificate(
                    f"{name}-{key}-cert",
                    domain_name=live,
                    certificate=security.play_certificate,
                    private_key=security.play_private_key,
                    cloud_cert_id=security.play_cloud_cert_id,
                    opts=child,
                )
            if security.referer_rules is not None:
                self.referers[key] = PlayReferer(
                    f"{name}-{key}-referer",
                    domain_name=live,
                    mode=security.referer_mode,
                    rules=list(security.referer_rules),
                    allow_empty=security.referer_allow_empty,
                    opts=child,
                )

    def _declare_processing(self, name: str, push_templates: Sequence[pulumi.Resource] | None) -> None:
        """The rules binding the processing templates to the push domain."""
        self.push_rules: list[pulumi.Resource] = []
        if push_templates:
            if self.push is None:
                raise ConfigurationError("push_templates apply to the push domain: give push_domain as well.")
            self.push_rules = bind_to_push_domain(name, self.push, push_templates, self._child)

    def _declare_outputs(
        self,
        domains: _Domains,
        plugin_version: pulumi.Input[str] | None,
        plugin_alias: str,
        signed_push_streams: Sequence[str] | None,
        signed_urls_expire_at: datetime | int | None,
    ) -> None:
        """The component's outputs: licence status and steps, CNAME targets, URL templates, app.json, signed URLs."""
        declared = {
            d: live
            for d, live in ((domains.play, self.play), (domains.push, self.push), (domains.app_play, self.app_play))
            if d and live
        }
        self.license_status: pulumi.Output[str] = self.license.status
        self.next_steps: pulumi.Output[list[str]] = pulumi.Output.all(self.license.next_steps, self.play.id).apply(
            lambda values: _steps_left(values[0], play_domain_exists=bool(values[1]))
        )
        self.play_cname_target: pulumi.Output[str] = self.play.cname_target
        self.cname_targets: pulumi.Output[dict[str, str]] = pulumi.Output.all(
            **{domain: live.cname_target for domain, live in declared.items()}
        )
        self.push_url_template: str | None = None
        if domains.push:
            signed = SIGNED if self.push_auth_key is not None else ""
            self.push_url_template = f"rtmp://{domains.push}/live/{STREAM}{signed}"
        self.play_url_templates: dict[str, str] = _play_urls(
            domains.play, https="mp-play" in self.certificates, signed="mp-play" in self.play_auth_keys
        )
        self.app_play_url_templates: dict[str, str] | None = None
        if domains.app_play:
            self.app_play_url_templates = _play_urls(
                domains.app_play, https="app-play" in self.certificates, signed="app-play" in self.play_auth_keys
            )
        self.app_json: pulumi.Output[dict[str, Any]] = pulumi.Output.from_input(plugin_version).apply(
            lambda version: plugin_block(plugin_alias, version)
        )
        self.signed_push_urls: pulumi.Output[dict[str, str]] | None = None
        if signed_push_streams:
            if self.push_auth_key is None or domains.push is None:
                raise UrlSigningError("signed_push_streams needs a push_domain with push_auth=True.")
            if signed_urls_expire_at is None:
                raise UrlSigningError(
                    "signed_push_streams needs signed_urls_expire_at (a fixed time): a URL that expired and changed "
                    "on every `up` would show as drift."
                )
            streams, expires, push = list(signed_push_streams), signed_urls_expire_at, domains.push
            self.signed_push_urls = pulumi.Output.secret(
                self.push_auth_key.master_key.apply(
                    lambda key: {s: signed_url(f"rtmp://{push}/live/{s}", key, expires) for s in streams}
                )
            )
        outputs = {
            key: value
            for key, value in {
                "license_status": self.license_status,
                "next_steps": self.next_steps,
                "play_cname_target": self.play_cname_target,
                "play_url_templates": self.play_url_templates,
                "cname_targets": self.cname_targets,
                "push_url_template": self.push_url_template,
                "app_play_url_templates": self.app_play_url_templates,
                "app_json": self.app_json,
                "signed_push_urls": self.signed_push_urls,
            }.items()
            if value is not None
        }
        self.register_outputs(outputs)

"""``MiniProgramLive``: the whole mini-program live setup as one component (R1–R9 wired together).

It declares the plugin licence, the mini-program play domain the plugin must play from (R6),
optionally a push domain (a standard push domain may feed a mini-program play domain; a
mini-program push domain is only needed to push from the plugin) and a standard play domain for
App/Web/PC clients (R6), and a CNAME for every domain (R9), each CNAME depending on its domain's
``cname_target`` and every mini-program domain on the licence.
"""

from __future__ import annotations

from collections.abc import Sequence

import pulumi

from .resources.cname import CnameRecord
from .resources.domain import LiveDomain
from .resources.licence import PluginLicense

__all__ = ["MiniProgramLive"]

STREAM = "{stream_name}"


def _play_urls(domain: str) -> dict[str, str]:
    return {
        "flv": f"https://{domain}/live/{STREAM}.flv",
        "hls": f"https://{domain}/live/{STREAM}.m3u8",
        "rtmp": f"rtmp://{domain}/live/{STREAM}",
        "webrtc": f"webrtc://{domain}/live/{STREAM}",
    }


class MiniProgramLive(pulumi.ComponentResource):
    """A WeChat mini-program live setup: licence, domains and their CNAME records.

    Args:
        name: The component name; child resources are named ``<name>-licence``, ``<name>-mp-play`` …
        app_id: The mini-program's AppID (``wx`` + 16 hex digits).
        mini_program_name: The mini-program's name.
        service_categories: Its service categories (R2: ``电商平台`` for e-commerce, an education category…).
        play_domain: The mini-program play domain the plugin plays from (R6). Never deletable (R8): protected.
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
        console_status: Real Tencent Cloud only: the licence status the console shows.
        allow_used_domain: Accept a play domain with usage this month (R7 billing).
        opts: Pulumi resource options for the component.

    Outputs: ``license_status``, ``next_steps``, ``play_cname_target``, ``play_url_templates`` (for the
    plugin), ``push_url_template`` (when a push domain is declared), ``app_play_url_templates`` (when an
    App/Web play domain is declared), ``cname_targets`` (domain → target).
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
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        super().__init__("tclive:index:MiniProgramLive", name, None, opts)
        child = pulumi.ResourceOptions(parent=self)
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
            opts=child,
        )
        self.domains: dict[str, LiveDomain] = {}
        self.cnames: dict[str, CnameRecord] = {}

        def add(key: str, domain: str, domain_type: str, domain_scene: str) -> LiveDomain:
            live = LiveDomain(
                f"{name}-{key}",
                domain_name=domain,
                domain_type=domain_type,
                scene=domain_scene,
                play_region=play_region if domain_type == "play" else None,
                plugin_license=self.license if domain_scene == "mini_program" else None,
                allow_used_domain=allow_used_domain and domain_type == "play" and domain_scene == "mini_program",
                opts=child,
            )
            self.domains[key] = live
            self.cnames[key] = CnameRecord(
                f"{name}-{key}-cname",
                name=live.domain_name,
                target=live.cname_target,
                dns=dns,
                zone=zone,
                ttl=ttl,
                verify=verify,
                verify_timeout=verify_timeout,
                opts=pulumi.ResourceOptions(parent=self, depends_on=[live]),
            )
            return live

        self.play = add("mp-play", play_domain, "play", "mini_program")
        self.push = add("push", push_domain, "push", push_scene) if push_domain else None
        self.app_play = add("app-play", app_play_domain, "play", "standard") if app_play_domain else None
        declared = {
            d: live
            for d, live in ((play_domain, self.play), (push_domain, self.push), (app_play_domain, self.app_play))
            if d and live
        }

        self.license_status: pulumi.Output[str] = self.license.status
        self.next_steps: pulumi.Output[list[str]] = self.license.next_steps
        self.play_cname_target: pulumi.Output[str] = self.play.cname_target
        self.play_url_templates: dict[str, str] = _play_urls(play_domain)
        self.cname_targets: pulumi.Output[dict[str, str]] = pulumi.Output.all(
            **{domain: live.cname_target for domain, live in declared.items()}
        )
        self.push_url_template: str | None = f"rtmp://{push_domain}/live/{STREAM}" if push_domain else None
        self.app_play_url_templates: dict[str, str] | None = _play_urls(app_play_domain) if app_play_domain else None
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
            }.items()
            if value is not None
        }
        self.register_outputs(outputs)

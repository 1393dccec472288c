"""Quick start: an e-commerce WeChat mini-program with live streaming.

One MiniProgramLive declares the plugin licence (R1–R4), the mini-program play domain the plugin
plays from (protected: it can never be deleted, R8), a standard push domain for OBS/App push, a
standard play domain for App/Web clients (R6), and a DNSPod CNAME for each domain (R9).
"""

import pulumi

import pulumi_tclive as tclive

# `make demo` sets this from its second run on, to show a reviewed change (default: the component's 600 s).
cname_ttl = pulumi.Config().get_int("cnameTtl") or 600

site = tclive.MiniProgramLive(
    "acme",
    app_id="wx0123456789abcdef",
    mini_program_name="Acme Shop",
    subject_type="enterprise",
    scene="ecommerce",
    service_categories=["电商平台"],
    console_status="available",  # as the console shows it (no API exists); the emulator's account holds it
    play_domain="mp-play.example.com",
    push_domain="push.example.com",
    app_play_domain="play.example.com",
    dns="dnspod",
    ttl=cname_ttl,
)

pulumi.export("license_status", site.license.status)
pulumi.export("next_steps", site.next_steps)
pulumi.export("cname_targets", site.cname_targets)
pulumi.export("push_url_template", site.push_url_template)
pulumi.export("play_url_templates", site.play_url_templates)

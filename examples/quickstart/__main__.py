"""Quick start: an e-commerce WeChat mini-program with live streaming.

One MiniProgramLive declares the plugin licence (R1–R4), the mini-program play domain the plugin
plays from (protected: it can never be deleted, R8), a standard push domain for OBS/App push, a
standard play domain for App/Web clients (R6), and a DNSPod CNAME for each domain (R9).

Every stream pushed to the push domain also gets a two-rung transcode ladder for viewers on poor
networks (play ``<stream>_sd540`` or ``<stream>_hd720``) and the shop's logo as a watermark: the
templates are declared here, and MiniProgramLive binds each to its push domain with a rule.
"""

import pulumi

import pulumi_tclive as tclive

# `make demo` sets this from its second run on, to show a reviewed change (default: the component's 600 s).
cname_ttl = pulumi.Config().get_int("cnameTtl") or 600

ladder = [
    tclive.TranscodeTemplate("sd540", template_name="sd540", video_bitrate=900, width=960, height=540, gop=2),
    tclive.TranscodeTemplate("hd720", template_name="hd720", video_bitrate=1800, width=1280, height=720, gop=2),
]
logo = tclive.Watermark(
    "logo",
    watermark_name="acme-logo",
    picture_url="https://static.example.com/acme-logo.png",
    x_position=3,
    y_position=3,
    width=12,
)

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
    push_templates=[*ladder, logo],
)

pulumi.export("license_status", site.license.status)
pulumi.export("next_steps", site.next_steps)
pulumi.export("cname_targets", site.cname_targets)
pulumi.export("push_url_template", site.push_url_template)
pulumi.export("play_url_templates", site.play_url_templates)
pulumi.export("transcode_template_ids", {"sd540": ladder[0].template_id, "hd720": ladder[1].template_id})

"""Education (网课): the three domains R6 recommends, declared resource by resource.

- a standard push domain: teachers push from OBS or the App (no mini-program push domain needed);
- a mini-program play domain: the WeChat plugin must play from one (protected: never deletable, R8);
- a standard play domain: App, Web/H5 and PC viewers play from it (billed at standard prices).
Each domain gets a DNSPod CNAME to the target Tencent assigns (R9).

Every class pushed to the push domain is recorded as HLS and kept 30 days (the replays), and the
school's backend hears when a class goes live and when it ends (begin/end callbacks).
"""

import pulumi

import pulumi_tclive as tclive

licence = tclive.PluginLicense(
    "school",
    mini_program_app_id="wx00112233445566aa",
    mini_program_name="Acme School",
    subject_type="enterprise",
    scene="education",
    service_categories=["在线教育", "在线视频课程"],
    console_status="available",  # as the console shows it (no API exists); the emulator's account holds it
)

domains = {
    "push": tclive.LiveDomain("push", domain_name="push.school.example.com", domain_type="push"),
    "mp-play": tclive.LiveDomain(
        "mp-play",
        domain_name="mp.school.example.com",
        domain_type="play",
        scene="mini_program",
        plugin_license=licence,
        cname_dns="dnspod",  # before the irreversible add, prove its CNAME can be written there
    ),
    "app-play": tclive.LiveDomain("app-play", domain_name="play.school.example.com", domain_type="play"),
}

for key, domain in domains.items():
    # R8: the mini-program play domain's CNAME lives as long as the domain, so it is protected and retained too.
    guard = pulumi.ResourceOptions(protect=True, retain_on_delete=True) if key == "mp-play" else None
    tclive.CnameRecord(
        f"{key}-cname",
        name=domain.domain_name,
        target=domain.cname_target,
        dns="dnspod",
        opts=pulumi.ResourceOptions.merge(pulumi.ResourceOptions(depends_on=[domain]), guard),
    )

replays = tclive.RecordTemplate(
    "replays",
    template_name="replays",
    description="HLS replays kept 30 days",
    hls_param={"enable": 1, "storage_time": 30 * 86400},
)
tclive.RecordRule("replays-rule", domain_name=domains["push"], template_id=replays.template_id)
class_events = tclive.CallbackTemplate(
    "class-events",
    template_name="class-events",
    stream_begin_notify_url="https://api.school.example.com/live/begin",
    stream_end_notify_url="https://api.school.example.com/live/end",
)
tclive.CallbackRule("class-events-rule", domain_name=domains["push"], template_id=class_events.template_id)

pulumi.export("licence_status", licence.status)
pulumi.export("cname_targets", {key: d.cname_target for key, d in domains.items()})
pulumi.export("replay_template_id", replays.template_id)

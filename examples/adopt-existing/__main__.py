"""Live streaming resources imported by `tclive import` from the embedded emulator (.tclive/emulator.sqlite3).

Every resource adopts what already exists (adopt_existing=True; a CnameRecord adopts an
identical record by itself), so the first `pulumi up` only reads and adopts: no create,
update or delete call. The preview after it shows no changes. README.md lists what was
found and what could not be expressed.
"""

import pulumi

import pulumi_tclive as tclive

# Plugin licence of Acme Shop (wx0123456789abcdef): available in the licence console.
licence_wx0123456789abcdef = tclive.PluginLicense(
    "licence-wx0123456789abcdef",
    mini_program_app_id="wx0123456789abcdef",
    mini_program_name="Acme Shop",
    subject_type="enterprise",
    scene="ecommerce",
    service_categories=["电商平台"],
    console_status="available",
)

# live.example.org: standard push domain.
live_example_org = tclive.LiveDomain(
    "live.example.org",
    domain_name="live.example.org",
    domain_type="push",
    adopt_existing=True,
)
live_example_org_cname = tclive.CnameRecord(
    "live.example.org-cname",
    name=live_example_org.domain_name,
    target=live_example_org.cname_target,
    zone="example.org",
)
# Push authentication as the domain has it. adopt_existing keeps the domain's keys, so
# no key is written here; they reach the stack state only as secret outputs.
live_example_org_push_auth = tclive.PushAuthKey(
    "live.example.org-push-auth",
    domain_name=live_example_org,
    adopt_existing=True,
)

# mp-play.example.com: mini-program play domain. Tencent Cloud never lets a mini-program
# play domain be deleted or unbound (R8): it is protected, and retained if it ever
# leaves the program.
mp_play_example_com = tclive.LiveDomain(
    "mp-play.example.com",
    domain_name="mp-play.example.com",
    domain_type="play",
    scene="mini_program",
    play_region="mainland",
    plugin_license=licence_wx0123456789abcdef,
    adopt_existing=True,
    opts=pulumi.ResourceOptions(protect=True, retain_on_delete=True),
)
mp_play_example_com_cname = tclive.CnameRecord(
    "mp-play.example.com-cname",
    name=mp_play_example_com.domain_name,
    target=mp_play_example_com.cname_target,
    zone="example.com",
    opts=pulumi.ResourceOptions(protect=True, retain_on_delete=True),
)

# new-push.example.com: standard push domain.
# NO CNAME: no CNAME yet in DNSPod zone example.com: add `new-push.example.com. IN CNAME
# new-push.example.com.tlivepush.com.`.
new_push_example_com = tclive.LiveDomain(
    "new-push.example.com",
    domain_name="new-push.example.com",
    domain_type="push",
    adopt_existing=True,
)
# Push authentication as the domain has it. adopt_existing keeps the domain's keys, so
# no key is written here; they reach the stack state only as secret outputs.
new_push_example_com_push_auth = tclive.PushAuthKey(
    "new-push.example.com-push-auth",
    domain_name=new_push_example_com,
    adopt_existing=True,
)

# old-play.example.com: standard play domain, disabled in the account.
old_play_example_com = tclive.LiveDomain(
    "old-play.example.com",
    domain_name="old-play.example.com",
    domain_type="play",
    play_region="mainland",
    enabled=False,
    adopt_existing=True,
)
old_play_example_com_cname = tclive.CnameRecord(
    "old-play.example.com-cname",
    name=old_play_example_com.domain_name,
    target=old_play_example_com.cname_target,
    zone="example.com",
)

# play.example.com: standard play domain.
play_example_com = tclive.LiveDomain(
    "play.example.com",
    domain_name="play.example.com",
    domain_type="play",
    play_region="global",
    adopt_existing=True,
)
play_example_com_cname = tclive.CnameRecord(
    "play.example.com-cname",
    name=play_example_com.domain_name,
    target=play_example_com.cname_target,
    zone="example.com",
)
# Play authentication as the domain has it. adopt_existing keeps the domain's keys, so
# no key is written here; they reach the stack state only as secret outputs.
play_example_com_play_auth = tclive.PlayAuthKey(
    "play.example.com-play-auth",
    domain_name=play_example_com,
    valid_seconds=3600,
    adopt_existing=True,
)
play_example_com_referer = tclive.PlayReferer(
    "play.example.com-referer",
    domain_name=play_example_com,
    rules=["example.com", "*.example.com"],
)

# push.example.com: standard push domain.
push_example_com = tclive.LiveDomain(
    "push.example.com",
    domain_name="push.example.com",
    domain_type="push",
    adopt_existing=True,
)
push_example_com_cname = tclive.CnameRecord(
    "push.example.com-cname",
    name=push_example_com.domain_name,
    target=push_example_com.cname_target,
    zone="example.com",
)
# Push authentication as the domain has it. adopt_existing keeps the domain's keys, so
# no key is written here; they reach the stack state only as secret outputs.
push_example_com_push_auth = tclive.PushAuthKey(
    "push.example.com-push-auth",
    domain_name=push_example_com,
    adopt_existing=True,
)

pulumi.export(
    "cname_targets",
    {
        "live.example.org": live_example_org.cname_target,
        "mp-play.example.com": mp_play_example_com.cname_target,
        "new-push.example.com": new_push_example_com.cname_target,
        "old-play.example.com": old_play_example_com.cname_target,
        "play.example.com": play_example_com.cname_target,
        "push.example.com": push_example_com.cname_target,
    },
)

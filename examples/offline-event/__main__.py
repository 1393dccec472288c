"""Offline event (展会、线下产品发布会、明星走秀): the licence needs three documents first (R2).

Rule R2 (docs/design.md#product-rules) requires a safety permit from the local public-security authority (公安机关/派出所颁发的安全许可),
proof of the right to use the venue (场地使用证明) and a prior confirmation with Tencent support. Until
all three are configured, `pulumi preview` fails naming each missing one:

    pulumi config set eventPermit  "SH-PSB-2026-0042"
    pulumi config set venueProof   "contract/expo-hall-7.pdf"
    pulumi config set supportTicket "ticket-20261120-001"
"""

import pulumi

import pulumi_tclive as tclive

config = pulumi.Config()

site = tclive.MiniProgramLive(
    "expo",
    app_id="wx0a1b2c3d4e5f6a7b",
    mini_program_name="Acme Expo",
    subject_type="enterprise",
    scene="offline_event",
    service_categories=["电商平台"],
    event_permit=config.get("eventPermit"),
    venue_proof=config.get("venueProof"),
    support_ticket=config.get("supportTicket"),
    console_status="available",  # as the console shows it (no API exists); the emulator's account holds it
    play_domain="mp.expo.example.com",
    dns="dnspod",
)

pulumi.export("license_status", site.license_status)

"""The same setup against real Tencent Cloud.

Credentials come from stack config (`pulumi config set --secret tclive:secretKey …`) or the
TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY environment variables. The licence has no API:
apply in the console, then set `licenceStatus` to what the console shows; mini-program domains are
refused at preview until it is `available`. CNAMEs go to your own primary over RFC 2136 (or use
dns="dnspod" when the zone is in DNSPod) and are verified at the zone's authoritative servers.
"""

import pulumi

import pulumi_tclive as tclive

config = pulumi.Config()

site = tclive.MiniProgramLive(
    "acme",
    app_id=config.require("appId"),
    mini_program_name=config.require("miniProgramName"),
    subject_type="enterprise",
    scene="ecommerce",
    service_categories=["电商平台"],
    console_status=config.get("licenceStatus") or "pending_review",
    play_domain=config.require("playDomain"),
    push_domain=config.get("pushDomain"),
    app_play_domain=config.get("appPlayDomain"),
    dns=config.get("dns") or "rfc2136",
)

pulumi.export("license_status", site.license_status)
pulumi.export("next_steps", site.next_steps)
pulumi.export("cname_targets", site.cname_targets)

"""A licence, a push domain and its CNAME on the embedded emulator.

Config ``reliability:failWith`` adds a resource that fails on ``up``: ``taken`` (a live domain that
already exists in the account) or ``rfc2136`` (a CNAME sent to an RFC 2136 server that is not there,
signed with the configured TSIG secret).
"""

import pulumi

import pulumi_tclive as tclive

fail_with = pulumi.Config("reliability").get("failWith")
licence = tclive.PluginLicense(
    "shop",
    mini_program_app_id="wx0123456789abcdef",
    mini_program_name="Acme Shop",
    subject_type="enterprise",
    scene="ecommerce",
    service_categories=["电商平台"],
)
push = tclive.LiveDomain("push", domain_name="push.example.com", domain_type="push")
tclive.CnameRecord("push-cname", name=push.domain_name, target=push.cname_target, dns="dnspod")
if fail_with == "taken":
    tclive.LiveDomain("taken", domain_name="taken.example.com", domain_type="play")
if fail_with == "rfc2136":
    tclive.CnameRecord(
        "rfc", name="rfc.example.com", target=push.cname_target, dns="rfc2136", zone="example.com", verify="none"
    )
pulumi.export("license_status", licence.status)
pulumi.export("push_target", push.cname_target)

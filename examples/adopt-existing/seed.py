"""Seed the embedded emulator with an account set up by hand, then import it with `tclive import`.

This is how the example next to it was generated; `make adopt-existing` runs it, then `up`:

    .venv/bin/python examples/adopt-existing/seed.py

It creates examples/adopt-existing/.tclive/emulator.sqlite3 afresh, holding what a team typically
has before adopting pulumi-tclive: a plugin licence, standard and mini-program domains with their
CNAMEs in two DNSPod zones, a domain under an IDN zone, a disabled domain, a domain whose CNAME was never
added, push and play authentication, a Referer allow list, and records that belong to no live domain. Then it runs

    tclive import --endpoint embedded --state .tclive/emulator.sqlite3 --all --out . --force

in this directory, which rewrites __main__.py, Pulumi.yaml, Pulumi.dev.yaml and README.md.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from pulumi_tclive.cloud.dnspod import CREATE_DOMAIN, CREATE_RECORD, CreateDomainRequest, CreateRecordRequest
from pulumi_tclive.cloud.live import (
    ADD_LIVE_DOMAIN,
    DESCRIBE_LIVE_DOMAIN,
    FORBID_LIVE_DOMAIN,
    AddLiveDomainRequest,
    DescribeLiveDomainRequest,
    ForbidLiveDomainRequest,
)
from pulumi_tclive.cloud.streaming import (
    MODIFY_LIVE_DOMAIN_REFERER,
    MODIFY_LIVE_PLAY_AUTH_KEY,
    ModifyLiveDomainRefererRequest,
    ModifyLivePlayAuthKeyRequest,
)
from pulumi_tclive.emulator import Emulator
from pulumi_tclive.emulator.console_api import (
    APPROVE_PLUGIN_LICENSE,
    PAY_PLUGIN_LICENSE,
    RECORD_TRAFFIC,
    SUBMIT_PLUGIN_LICENSE,
    ApprovePluginLicenseRequest,
    PayPluginLicenseRequest,
    RecordTrafficRequest,
    SubmitPluginLicenseRequest,
)

HERE = Path(__file__).resolve().parent
STATE = HERE / ".tclive" / "emulator.sqlite3"

APP_ID = "wx0123456789abcdef"
IDN_ZONE = "bücher.de"  # DNSPod lists it as xn--bcher-kva.de

# (domain, DomainType 0 push / 1 play, mini-program?, PlayType 1 mainland / 2 global, zone or None for no CNAME)
DOMAINS = (
    ("push.example.com", 0, False, None, "example.com"),
    ("play.example.com", 1, False, 2, "example.com"),
    ("mp-play.example.com", 1, True, 1, "example.com"),
    ("old-play.example.com", 1, False, 1, "example.com"),
    ("new-push.example.com", 0, False, None, None),
    ("live.example.org", 0, False, None, "example.org"),
    # Tencent Cloud accepts the A-label form of an IDN; LiveDomain refuses it, so the import leaves it out.
    ("live.xn--bcher-kva.de", 1, False, 1, "xn--bcher-kva.de"),
)
DISABLED = ("old-play.example.com",)
# Set in the console: play authentication (the key is this fake account's; the import never copies it) and a
# Referer allow list. Push domains have push authentication with a key Tencent generated, as on Tencent Cloud.
PLAY_AUTH_KEY = "0123456789abcdef0123456789abcdef"
REFERER_RULES = "example.com;*.example.com"
FOREIGN_RECORDS = (
    ("example.com", "www", "A", "192.0.2.10"),
    ("example.com", "cdn", "CNAME", "cdn.example.net."),
    ("example.com", "alias", "CNAME", "play.example.com.tlivecdn.com."),
)


def seed(state: Path) -> None:
    """Create the account in a fresh emulator state file at ``state`` (any earlier file is replaced)."""
    for stale in state.parent.glob(state.name + "*"):
        stale.unlink()
    with Emulator(state) as emulator, emulator.client() as client:
        client.call(
            SUBMIT_PLUGIN_LICENSE,
            SubmitPluginLicenseRequest(
                MiniProgramAppId=APP_ID,
                MiniProgramName="Acme Shop",
                SubjectType="enterprise",
                Scene="ecommerce",
                ServiceCategories=["电商平台"],
            ),
        )
        client.call(APPROVE_PLUGIN_LICENSE, ApprovePluginLicenseRequest(MiniProgramAppId=APP_ID))
        client.call(PAY_PLUGIN_LICENSE, PayPluginLicenseRequest(MiniProgramAppId=APP_ID))
        for zone in ("example.com", "example.org", IDN_ZONE):
            client.call(CREATE_DOMAIN, CreateDomainRequest(Domain=zone))
        for name, domain_type, mini_program, play_type, zone in DOMAINS:
            client.call(
                ADD_LIVE_DOMAIN,
                AddLiveDomainRequest(
                    DomainName=name,
                    DomainType=domain_type,
                    PlayType=play_type,
                    IsMiniProgramLive=1 if mini_program else 0,
                ),
            )
            if zone is None:
                continue
            info = client.call(DESCRIBE_LIVE_DOMAIN, DescribeLiveDomainRequest(DomainName=name)).DomainInfo
            assert info is not None
            client.call(
                CREATE_RECORD,
                CreateRecordRequest(
                    Domain=zone,
                    SubDomain=name.removesuffix("." + zone),
                    RecordType="CNAME",
                    RecordLine="默认",
                    Value=info.TargetDomain + ".",
                    TTL=600,
                ),
            )
        for name in DISABLED:
            client.call(FORBID_LIVE_DOMAIN, ForbidLiveDomainRequest(DomainName=name))
        # The mini-program play domain already serves: adopting it must not trip the R7 usage check.
        client.call(RECORD_TRAFFIC, RecordTrafficRequest(DomainName="mp-play.example.com", Bytes=5_000_000_000))
        client.call(
            MODIFY_LIVE_PLAY_AUTH_KEY,
            ModifyLivePlayAuthKeyRequest(
                DomainName="play.example.com", Enable=1, AuthKey=PLAY_AUTH_KEY, AuthDelta=3600
            ),
        )
        client.call(
            MODIFY_LIVE_DOMAIN_REFERER,
            ModifyLiveDomainRefererRequest(
                DomainName="play.example.com", Enable=1, Type=1, AllowEmpty=0, Rules=REFERER_RULES
            ),
        )
        for zone, host, record_type, value in FOREIGN_RECORDS:
            client.call(
                CREATE_RECORD,
                CreateRecordRequest(
                    Domain=zone, SubDomain=host, RecordType=record_type, RecordLine="默认", Value=value
                ),
            )


def main() -> int:
    """Seed the example's emulator, then import it into this directory."""
    seed(STATE)
    # The engine state of an earlier run describes the account this run replaced.
    shutil.rmtree(HERE / ".tclive-state", ignore_errors=True)
    print(f"Seeded {STATE.relative_to(HERE.parents[1])}.", file=sys.stderr)
    tclive = Path(sys.executable).with_name("tclive")
    command = [str(tclive), "import", "--endpoint", "embedded", "--state", ".tclive/emulator.sqlite3"]
    command += ["--all", "--out", ".", "--force"]
    status = subprocess.run(command, cwd=HERE, check=False).returncode
    if status == 0:
        with (HERE / "Pulumi.dev.yaml").open("a", encoding="utf-8") as stack:
            # A fresh clone has no seeded account: with these, `up` creates the same account instead.
            stack.write(
                "  # Without the seeded account (a fresh clone), up creates it: the zones it holds, and licences\n"
                "  # approved at once. Neither changes anything in the seeded account.\n"
                '  tclive:emulatorZones: ["example.com", "example.org"]\n'
                '  tclive:emulatorAutoApprove: "true"\n'
            )
        with (HERE / "README.md").open("a", encoding="utf-8") as readme:
            readme.write(
                "\n## How this example was made\n\n"
                "`make adopt-existing` (or `.venv/bin/python examples/adopt-existing/seed.py`) creates the account "
                "above in `.tclive/emulator.sqlite3` here, as a team would have set it up by hand, then runs the "
                "import command above; `make adopt-existing` then applies the program with the offline engine: "
                "every resource is adopted, nothing is created, changed or deleted. On a fresh clone, without "
                "the seeded account, `python -m pulumi_tclive.testing up examples/adopt-existing` creates the "
                "same account instead (the stack file names its zones and approves licences at once).\n"
            )
    return status


if __name__ == "__main__":
    sys.exit(main())

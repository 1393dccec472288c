"""``tclive doctor`` at scale: wall time and API calls for N standard play domains with their CNAMEs.

Run from the repository root: ``python -m bench.doctor_bench [--quick]`` (N = 1,000; 100 with
``--quick``). The embedded emulator is seeded directly (AddLiveDomain and a DNSPod CNAME per domain,
the client's rate limits lifted for seeding only); the stack the doctor reads is built in memory
with the resources an ``up`` would record (a LiveDomain and a CnameRecord per domain), so the figure
is the doctor's own: domains from the paged DescribeLiveDomains list, one DescribeLivePlayAuthKey
per domain (authentication is on exactly where declared), each CNAME asked of the zone's
authoritative servers (the emulator's DNS, in-process). Calls go through the client's per-action
token buckets at Tencent's documented limits, as they would against Tencent Cloud. Prints figures,
asserts nothing.
"""

from __future__ import annotations

import argparse
import dataclasses
import tempfile
import time
from pathlib import Path

from pulumi_tclive.cloud.dnspod import CREATE_RECORD, CreateRecordRequest
from pulumi_tclive.cloud.live import ADD_LIVE_DOMAIN, AddLiveDomainRequest, list_live_domains
from pulumi_tclive.doctor import DeployedResource, Deployment, doctor
from pulumi_tclive.emulator import Emulator
from pulumi_tclive.settings import ProviderSettings

from ._common import ZONE, count_calls, elapsed, prepare_emulator, progress

__all__ = ["main"]

FULL = 1000
QUICK = 100
_SEED_ADD = dataclasses.replace(ADD_LIVE_DOMAIN, rate_limit=1e9)
_SEED_RECORD = dataclasses.replace(CREATE_RECORD, rate_limit=1e9)


def _seed(emulator: Emulator, domains: int) -> list[DeployedResource]:
    """The account with ``domains`` play domains and their CNAMEs, and the resources a stack records for them."""
    with emulator.client() as client:
        prepare_emulator(client, domain_limit=domains + 10)
        for i in range(domains):
            client.call(_SEED_ADD, AddLiveDomainRequest(DomainName=f"d{i}.{ZONE}", DomainType=1))
        targets = {info.Name: info.TargetDomain for info in list_live_domains(client)}
        resources = []
        for i in range(domains):
            name = f"d{i}.{ZONE}"
            request = CreateRecordRequest(
                Domain=ZONE, SubDomain=f"d{i}", RecordType="CNAME", RecordLine="默认", Value=targets[name] + "."
            )
            client.call(_SEED_RECORD, request)
            domain = {"domain_name": name, "domain_type": "play", "scene": "standard", "enabled": True}
            resources.append(
                DeployedResource("LiveDomain", f"d{i}", name, domain, {**domain, "cname_target": targets[name]})
            )
            record = {"name": name, "target": targets[name], "dns": "dnspod", "zone": ZONE, "ttl": 600}
            resources.append(DeployedResource("CnameRecord", f"c{i}", name, record, record))
    return resources


def main(quick: bool = False) -> None:
    """Seed, then run the doctor once and print its wall time and calls."""
    domains = QUICK if quick else FULL
    with tempfile.TemporaryDirectory(prefix="tclive-doctor-bench-") as directory:
        state = Path(directory) / "emulator.sqlite3"
        emulator = Emulator(state)
        progress(f"doctor_bench: seeding {domains} domains and CNAMEs")
        resources = _seed(emulator, domains)
        settings = ProviderSettings.load({"tclive:endpoint": "embedded", "tclive:emulatorState": str(state)})
        deployment = Deployment("bench", "dev", tuple(resources), {}, settings)
        with emulator.client() as console, count_calls(console) as calls:
            start = time.perf_counter()
            findings = doctor(deployment)
            wall = elapsed(start)
        emulator.close()
    statuses = {s: sum(1 for f in findings if f.status == s) for s in ("pass", "warn", "fail")}
    total = sum(calls.values())
    print(f"== doctor_bench: {domains} play domains + {domains} CNAMEs, embedded emulator ==")
    print(f"findings: {len(findings)} ({statuses['pass']} pass, {statuses['warn']} warn, {statuses['fail']} fail)")
    print(f"wall: {wall:.1f} s ({wall / domains * 1000:.1f} ms per domain)")
    print(f"API calls: {total} ({total / domains:.2f} per domain)")
    for action, count in sorted(calls.items()):
        print(f"  {action}: {count}")
    print(f"DNS queries: {domains} CNAME + 1 NS (in-process, the emulator's nameservers)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help=f"{QUICK} domains instead of {FULL}")
    main(parser.parse_args().quick)

"""Refresh reads and destroy deletes run at once under the CLI and the offline engine (up to
``--parallel``), so one provider process serves many Read and Delete calls together: the embedded
emulator's SQLite, DNSPod and RFC 2136 against a real BIND must neither fail nor lose one."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from pulumi_tclive.dns import Rfc2136Backend
from pulumi_tclive.emulator import Emulator
from pulumi_tclive.resources import CnameRecordProvider, LiveDomainProvider
from tests.fixtures.bind import BindServer

from ._support import all_domains, all_records, configured, embedded_config

DOMAINS = 16
THREADS = 8


def test_parallel_reads_then_deletes_on_the_embedded_emulator_and_dnspod(tmp_path: Path) -> None:
    state = tmp_path / "emulator.sqlite3"
    config = embedded_config(state, **{"tclive:emulatorZones": "example.com"})
    domains = configured(LiveDomainProvider(), config)
    cnames = configured(CnameRecordProvider(), config)
    names = [f"d{i:02d}.example.com" for i in range(DOMAINS)]

    def create(name: str) -> tuple[dict[str, Any], dict[str, Any]]:
        domain = domains.create({"domain_name": name, "domain_type": "play"}).outs
        record = cnames.create({"name": name, "target": domain["cname_target"], "dns": "dnspod", "verify": "none"})
        return domain, record.outs

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        created = list(pool.map(create, names))
        reads = list(pool.map(lambda pair: (domains.read(pair[0]["domain_name"], pair[0]).id,
                                            cnames.read(pair[1]["name"], pair[1]).id), created))  # fmt: skip
        assert reads == [(name, name) for name in names], "every resource found by a parallel refresh"
        # Destroy's waves: the CNAMEs (dependants) at once, then the domains at once.
        list(pool.map(lambda pair: cnames.delete(pair[1]["name"], pair[1]), created))
        list(pool.map(lambda pair: domains.delete(pair[0]["domain_name"], pair[0]), created))

    with Emulator(state) as emulator, emulator.client() as console:
        assert all_domains(console) == [] and all_records(console, "example.com") == []


@pytest.mark.bind
def test_parallel_reads_then_deletes_against_bind(bind_server: BindServer, record_name: str) -> None:
    backend = Rfc2136Backend(bind_server.nameserver, key_name=bind_server.key_name, secret=bind_server.secret)
    label, _, zone = record_name.partition(".")
    names = [f"{label}-{i:02d}.{zone}" for i in range(DOMAINS)]
    written = [backend.ensure(name, zone, "live.tlivecdn.com", 600, overwrite=False) for name in names]
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        read = list(pool.map(lambda name: backend.read(name, zone).target, names))
        assert read == ["live.tlivecdn.com"] * DOMAINS
        assert all(pool.map(backend.delete, written)), "each delete found its record"
    assert [backend.read(name, zone).target for name in names] == [None] * DOMAINS

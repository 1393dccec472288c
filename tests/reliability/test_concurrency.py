"""64 parallel creates through ONE ``python -m pulumi.dynamic`` process, as the engine sends them.

The CLI runs independent steps in parallel (``pulumi up --parallel``), so one provider process gets
many Create RPCs at once (``pulumi.dynamic`` serves them on a pool of 4 threads); the shared
client, its rate limiter and the emulator's SQLite file must neither fail a request nor lose a write.
"""

from __future__ import annotations

import os
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from pulumi.dynamic.dynamic import serialize_provider

from pulumi_tclive.emulator import Emulator
from pulumi_tclive.emulator.console_api import DESCRIBE_REQUEST_LOG, DescribeRequestLogRequest
from pulumi_tclive.resources import LiveDomainProvider
from pulumi_tclive.testing._provider import ProviderProcess, provider_environment

from ._support import all_domains, embedded_config

DOMAINS = 64
TYPE = "pulumi-python:dynamic/tclive:LiveDomain"
PACKAGE_ROOT = Path(__file__).resolve().parents[2] / "provider"


def urn(name: str) -> str:
    return f"urn:pulumi:dev::reliability::{TYPE}::{name}"


def test_64_parallel_creates_through_one_provider_process(tmp_path: Path) -> None:
    state = tmp_path / "emulator.sqlite3"
    emulator = Emulator(state)
    console = emulator.client()
    output: list[str] = []
    process = ProviderProcess(
        cwd=tmp_path,
        env=provider_environment(os.environ, project_name="reliability", python_path=[PACKAGE_ROOT]),
        config=embedded_config(state),
        secret_keys=frozenset(),
        on_output=output.append,
    )
    pickled = serialize_provider(LiveDomainProvider())
    names = [f"d{i:02d}-{'play' if i % 2 else 'push'}.example.com" for i in range(DOMAINS)]

    def inputs(name: str) -> dict[str, Any]:
        return {"__provider": pickled, "domain_name": name, "domain_type": name.split("-")[1].split(".")[0]}

    def create(name: str) -> tuple[str, dict[str, Any]]:
        checked = process.check(urn(name), TYPE, name, {}, inputs(name))
        assert list(checked.failures) == [], checked.failures
        return process.create(urn(name), TYPE, name, inputs(name))

    def read(name: str) -> str:
        found, _, _ = process.read(urn(name), TYPE, name, name, {"__provider": pickled, **inputs(name)}, inputs(name))
        return found

    try:
        create(names[0])  # starts the process and sends Configure, as the engine's first step does
        with ThreadPoolExecutor(max_workers=DOMAINS) as pool:
            created = list(pool.map(create, names[1:]))
        with ThreadPoolExecutor(max_workers=DOMAINS) as pool:
            reads = list(pool.map(read, names))
    finally:
        process.close()
    print(f"{DOMAINS} creates through one provider process; provider output: {len(output)} lines", file=sys.stderr)

    assert [created_id for created_id, _ in created] == names[1:]
    assert all(outputs["cname_target"].startswith(outputs["domain_name"]) for _, outputs in created)
    assert reads == names, "every domain created is found by a refresh"
    held = sorted(d.Name for d in all_domains(console))
    assert held == sorted(names), "exactly the 64 domains, none lost, none duplicated"
    calls = {c.Action: c.Count for c in console.call(DESCRIBE_REQUEST_LOG, DescribeRequestLogRequest()).Calls}
    assert calls["AddLiveDomain"] == DOMAINS, "one AddLiveDomain per create: no request failed or was retried"
    assert not [line for line in output if "retrying" in line or "Traceback" in line], output
    console.close()

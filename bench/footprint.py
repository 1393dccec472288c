"""Footprint: bytes of the pickled provider in every resource, and state bytes per resource.

Run from the repository root: ``python -m bench.footprint [--quick]``. The pickle is
``pulumi.dynamic.dynamic.serialize_provider`` (the base64 text stored in ``__provider``, once in
the inputs and once in the outputs of every resource; target ≤ 512 bytes). The state figure comes
from the offline engine's state file after ``up`` of a generated program with N LiveDomains + N
CnameRecords (N = 100; ``--quick``: 20) on the embedded emulator. Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from pulumi.dynamic.dynamic import serialize_provider

from pulumi_tclive.emulator import Emulator
from pulumi_tclive.resources.cname import CnameRecordProvider
from pulumi_tclive.resources.domain import LiveDomainProvider
from pulumi_tclive.resources.licence import PluginLicenseProvider
from pulumi_tclive.testing import Engine

from ._common import prepare_emulator, progress, write_stack
from .noop_provider import NoopProvider

__all__ = ["main"]

TARGET_PICKLE_BYTES = 512
FULL_SIZE = 100
QUICK_SIZE = 20


def _pickles() -> None:
    print(f"pickled provider (__provider, base64 text), target ≤ {TARGET_PICKLE_BYTES} bytes:")
    for provider in (LiveDomainProvider(), CnameRecordProvider(), PluginLicenseProvider(), NoopProvider()):
        size = len(serialize_provider(provider).encode("ascii"))
        met = "met" if size <= TARGET_PICKLE_BYTES else "MISSED"
        print(f"  {type(provider).__name__:<24} {size:>5} bytes  {met}")


def _state(domains: int) -> None:
    with tempfile.TemporaryDirectory(prefix="tclive-bench-footprint-") as tmp:
        state = Path(tmp) / "emulator.sqlite3"
        emulator = Emulator(state)
        with emulator.client() as console:
            prepare_emulator(console, domain_limit=domains + 10)
        emulator.close()
        project = Path(tmp) / "stack"
        write_stack(project, domains=domains, cnames=domains, emulator_state=state)
        engine = Engine(project)
        progress(f"footprint: up of {domains} domains + {domains} CNAMEs …")
        result = engine.up(skip_preview=True)
        if not result.ok:
            print(f"up failed (exit {result.exit_code}):\n{result.text[-3000:]}")
            return
        path = engine.state_path
        document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        resources: list[dict[str, Any]] = document["resources"]
        total = path.stat().st_size
        print(
            f"state file after up of {domains} LiveDomains + {domains} CnameRecords: {total} bytes, "
            f"{len(resources)} resources, {total / len(resources):.0f} bytes per resource (indented JSON)"
        )
        by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for entry in resources:
            by_type[entry["type"].rsplit(":", 1)[-1]].append(entry)
        for kind, entries in sorted(by_type.items()):
            indented = sum(len(json.dumps(e, indent=2, sort_keys=True, ensure_ascii=False).encode()) for e in entries)
            compact = sum(len(json.dumps(e, separators=(",", ":"), ensure_ascii=False).encode()) for e in entries)
            provider = sum(
                len(e["inputs"].get("__provider", "")) + len(e["outputs"].get("__provider", "")) for e in entries
            )
            count = len(entries)
            print(
                f"  {kind:<12} {indented / count:>6.0f} bytes/resource indented, {compact / count:>5.0f} compact; "
                f"__provider (inputs + outputs) {provider / count:.0f} bytes = {100 * provider / compact:.0f}% of compact"
            )


def main(quick: bool = False) -> None:
    """Run the benchmark and print the figures.

    :param quick: 20 domains instead of 100 for the state figure.
    """
    print("== footprint: pickled provider and state bytes per resource ==")
    _pickles()
    _state(QUICK_SIZE if quick else FULL_SIZE)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="20 domains instead of 100")
    main(parser.parse_args().quick)

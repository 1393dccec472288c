"""Preview cost: provider-side Check + Diff of N LiveDomains through one ``python -m pulumi.dynamic`` process.

Run from the repository root: ``python -m bench.preview_cost [--quick]`` (N = 100 and 1,000;
``--quick``: 100 and 300). The engine's side is ``ProviderProcess`` (the offline engine's gRPC
client). Each resource gets what ``pulumi preview`` of an unchanged stack sends: ``Check(olds = old
inputs, news)``, then ``Diff(olds = old outputs, old_inputs, news = checked inputs)``, with
``__provider`` as the serialized provider string and wire values (numbers as doubles). The
baseline is :class:`bench.noop_provider.NoopProvider` through the same server process, with the
same properties, in the same run. Target: tclive ≤ 1.5× the no-op. Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from pulumi.dynamic.dynamic import serialize_provider
from pulumi.runtime.proto import provider_pb2

from pulumi_tclive.resources.domain import LiveDomainProvider
from pulumi_tclive.testing._provider import ProviderProcess, provider_environment
from pulumi_tclive.testing._values import struct_to_dict

from ._common import REPO_ROOT, elapsed, progress
from .noop_provider import NoopProvider

__all__ = ["main", "resources"]

FULL_SIZES = (100, 1000)
QUICK_SIZES = (100, 300)
ROUNDS = 5
TARGET_RATIO = 1.5
APP_ID = "wx0123456789abcdef"
PROJECT = "tclive-bench"
TYPE = "pulumi-python:dynamic/tclive:LiveDomain"

Props = dict[str, Any]


def resources(count: int) -> list[tuple[str, Props, Props]]:
    """``count`` LiveDomains as (name, inputs the program sends, outputs a create stored), without ``__provider``.

    A mix: push domains, standard play domains and mini-program play domains (with a licence).

    :param count: how many.
    """
    made = []
    for i in range(count):
        name = f"d{i}.example.com"
        kind = i % 3
        inputs: Props = {
            "domain_name": name,
            "domain_type": "push" if kind == 0 else "play",
            "scene": "mini_program" if kind == 2 else "standard",
            "slow_live": False,
            "enabled": True,
            "adopt_existing": False,
            "allow_used_domain": False,
        }
        if kind == 2:
            inputs |= {"plugin_license": APP_ID, "plugin_license_status": "available", "play_region": "mainland"}
        target = f"{name}.{'tlivepush' if kind == 0 else 'tlivecdn'}.com"
        outputs = inputs | {
            "play_region": None if kind == 0 else "mainland",
            "cname_target": target,
            "cname_status": "configured",
            "current_cname": target,
            "created_at": "2026-11-23 10:00:00",
            "adopted": False,
        }
        made.append((name, inputs, {k: v for k, v in outputs.items() if v is not None}))
    return made


def _preview(process: ProviderProcess, provider: str, items: list[tuple[str, Props, Props]]) -> float:
    """Check + Diff every resource; returns the seconds taken."""
    start = time.perf_counter()
    for name, inputs, outputs in items:
        urn = f"urn:pulumi:dev::{PROJECT}::{TYPE}::{name}"
        news = {"__provider": provider, **inputs}
        olds = {"__provider": provider, **outputs}
        old_inputs = {"__provider": provider, **inputs}
        checked = process.check(urn, TYPE, name, old_inputs, news)
        if checked.failures:
            raise RuntimeError(f"check failed for {name}: {checked.failures}")
        diff = process.diff(urn, TYPE, name, name, olds, old_inputs, struct_to_dict(checked.inputs), [])
        if diff.changes == provider_pb2.DiffResponse.DIFF_SOME:
            raise RuntimeError(f"unexpected change for {name}: {list(diff.diffs)}")
    return elapsed(start)


def _first_call(process: ProviderProcess, provider: str, items: list[tuple[str, Props, Props]]) -> float:
    """The first Check + Diff through this provider string: unpickle, import and configure included."""
    return _preview(process, provider, items[:1])


def _in_process(items: list[tuple[str, Props, Props]]) -> float:
    """Seconds for check + diff called directly on a LiveDomainProvider (no gRPC, no serialization)."""
    provider = LiveDomainProvider()
    start = time.perf_counter()
    for name, inputs, outputs in items:
        checked = provider.check(dict(inputs), dict(inputs))
        provider.diff(name, dict(outputs), checked.inputs)
    return elapsed(start)


def measure(sizes: tuple[int, ...]) -> None:
    """Start one provider process and print the figures for every size.

    :param sizes: the resource counts to measure.
    """
    tclive = serialize_provider(LiveDomainProvider())
    noop = serialize_provider(NoopProvider())
    lines: list[str] = []
    with tempfile.TemporaryDirectory(prefix="tclive-bench-preview-") as tmp:
        env = provider_environment(os.environ, project_name=PROJECT, python_path=[REPO_ROOT, REPO_ROOT / "provider"])
        config = {"tclive:endpoint": "embedded", "tclive:emulatorState": str(Path(tmp) / "emulator.sqlite3")}
        process = ProviderProcess(
            cwd=Path(tmp), env=env, config=config, secret_keys=frozenset(), on_output=lines.append
        )
        try:
            items = resources(max(sizes))
            connect_start = time.perf_counter()
            process.check("urn:warmup", "warmup", "warmup", {}, {"__provider": noop})
            print(f"provider process start + Configure + first (no-op) Check: {elapsed(connect_start) * 1000:.0f} ms")
            print(
                f"first Check + Diff through a provider (unpickle, import, configure): "
                f"tclive {_first_call(process, tclive, items) * 1000:.1f} ms, "
                f"no-op {_first_call(process, noop, items) * 1000:.1f} ms"
            )
            print(
                f"{'N':>6} {'no-op ms':>9} {'tclive ms':>10} {'ratio':>6} {'tclive ms/res':>14} "
                f"{'no-op ms/res':>13} {'in-process µs/res':>18}  target ≤ {TARGET_RATIO}×"
            )
            for size in sizes:
                subset = items[:size]
                samples: dict[str, list[float]] = {"noop": [], "tclive": []}
                runs: list[tuple[str, Callable[[], float]]] = [
                    ("noop", partial(_preview, process, noop, subset)),
                    ("tclive", partial(_preview, process, tclive, subset)),
                ]
                for round_ in range(ROUNDS):
                    progress(f"preview_cost: N={size}, round {round_ + 1} of {ROUNDS}")
                    # Alternate which goes first, so drift (GC, caches, CPU boost) hits both alike.
                    for label, run in runs if round_ % 2 == 0 else list(reversed(runs)):
                        samples[label].append(run())
                base, ours = min(samples["noop"]), min(samples["tclive"])
                direct = min(_in_process(subset) for _ in range(ROUNDS))
                ratio = ours / base
                print(
                    f"{size:>6} {base * 1000:>9.1f} {ours * 1000:>10.1f} {ratio:>5.2f}× {ours * 1000 / size:>14.3f} "
                    f"{base * 1000 / size:>13.3f} {direct * 1e6 / size:>18.1f}  "
                    f"{'met' if ratio <= TARGET_RATIO else 'MISSED'} "
                    f"(medians: no-op {statistics.median(samples['noop']) * 1000:.1f} ms, "
                    f"tclive {statistics.median(samples['tclive']) * 1000:.1f} ms; best of {ROUNDS})"
                )
        finally:
            process.close()
    if lines:
        print("provider output:", *lines, sep="\n  ")


def main(quick: bool = False) -> None:
    """Run the benchmark and print the figures.

    :param quick: measure 100 and 300 resources instead of 100 and 1,000.
    """
    sizes = QUICK_SIZES if quick else FULL_SIZES
    print(f"== preview_cost: Check + Diff per LiveDomain through one pulumi.dynamic process, N = {sizes} ==")
    measure(sizes)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="100 and 300 resources instead of 100 and 1,000")
    main(parser.parse_args().quick)

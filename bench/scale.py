"""Scale: ``up``, ``refresh`` and ``destroy`` of N LiveDomains + N CnameRecords with the offline engine on the embedded emulator.

Run from the repository root: ``python -m bench.scale [--quick] [--parallel P]`` (N = 100 and
1,000; ``--quick``: 100 and 300; ``--parallel``: the engine's ``--parallel``, default its own). Each operation runs ``python -m pulumi_tclive.testing`` as a child process, so the
engine, the program worker and the provider are separate processes whose peak RSS (VmHWM) is
sampled from ``/proc``; their CPU time (user + system, all three and the embedded emulator) is
what the engine's waited-for children add to ours, which a shared machine's load hardly changes.
``up`` includes its preview pass, as ``pulumi up`` does. The CNAMEs use
``verify="cloud"`` (one DescribeLiveDomain per record: the emulator's BCName follows DNSPod at once).
``--latency-ms L`` makes every Live and DNSPod call of ``refresh`` and ``destroy`` take L ms more
(the emulator's ``DelayMs`` fault, outside its transaction), as a real cloud's round trips do,
so their parallel reads and deletes show. Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pulumi_tclive.cloud.client import TencentCloudClient
from pulumi_tclive.emulator import Emulator
from pulumi_tclive.emulator.console_api import SET_FAULTS, FaultRule, SetFaultsRequest

from ._common import (
    REPO_ROOT,
    TreeMemory,
    call_counts,
    elapsed,
    prepare_emulator,
    progress,
    sample_tree_memory,
    write_stack,
)

__all__ = ["Measurement", "main", "measure"]

FULL_SIZES = (100, 1000)
QUICK_SIZES = (100, 300)
VERIFY = "cloud"
ROLES = ("engine", "program", "provider")
OPERATIONS = ("up", "refresh", "destroy")


@dataclass(frozen=True)
class Measurement:
    """One operation on one stack size."""

    operation: str
    domains: int
    seconds: float
    cpu_seconds: float
    memory: TreeMemory
    calls: int
    exit_code: int
    summary: str

    @property
    def resources(self) -> int:
        """LiveDomains plus CnameRecords."""
        return 2 * self.domains

    @property
    def ms_per_resource(self) -> float:
        """Wall time per resource, in milliseconds."""
        return self.seconds * 1000 / self.resources

    @property
    def cpu_ms_per_resource(self) -> float:
        """CPU time (all processes) per resource, in milliseconds."""
        return self.cpu_seconds * 1000 / self.resources


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _role(root: int) -> Callable[[int, str], str | None]:
    def classify(pid: int, cmdline: str) -> str | None:
        if pid == root:
            return "engine"
        if "pulumi.dynamic" in cmdline:
            return "provider"
        if "_program.py" in cmdline:
            return "program"
        return None

    return classify


def _run(operation: str, project: Path, console: TencentCloudClient, domains: int, parallel: int | None) -> Measurement:
    before = sum(call_counts(console).values())
    cpu_before = _children_cpu()
    start = time.perf_counter()
    flags = [] if parallel is None else ["--parallel", str(parallel)]
    process = subprocess.Popen(
        [sys.executable, "-m", "pulumi_tclive.testing", operation, str(project), *flags],
        cwd=REPO_ROOT,
        env=os.environ.copy(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    classify = _role(process.pid)
    with sample_tree_memory(process.pid, classify) as memory:
        output, _ = process.communicate()
    seconds = elapsed(start)
    cpu_seconds = _children_cpu() - cpu_before
    calls = sum(call_counts(console).values()) - before
    summary = next((line.strip() for line in reversed(output.splitlines()) if line.startswith("Resources:")), "")
    if process.returncode != 0:
        progress(output[-4000:])
    return Measurement(operation, domains, seconds, cpu_seconds, memory, calls, process.returncode, summary)


def measure(domains: int, parallel: int | None = None, latency_ms: int = 0) -> list[Measurement]:
    """Generate a stack of ``domains`` LiveDomains + as many CnameRecords, then ``up``, ``refresh`` and ``destroy`` it.

    :param domains: the number of LiveDomains (and of CnameRecords).
    :param parallel: the engine's ``--parallel`` (``None``: its default).
    :param latency_ms: added to every API call after ``up`` (``refresh``, ``destroy``).
    """
    with tempfile.TemporaryDirectory(prefix="tclive-bench-scale-") as tmp:
        state = Path(tmp) / "emulator.sqlite3"
        emulator = Emulator(state)
        with emulator.client() as console:
            prepare_emulator(console, domain_limit=domains + 10)
            project = Path(tmp) / "stack"
            write_stack(project, domains=domains, cnames=domains, emulator_state=state, verify=VERIFY)
            results = []
            for operation in OPERATIONS:
                progress(f"scale: {operation} of {domains} domains + {domains} CNAMEs …")
                result = _run(operation, project, console, domains, parallel)
                progress(f"scale: {operation} took {result.seconds:.1f}s (exit {result.exit_code})")
                results.append(result)
                if operation == "up" and latency_ms:
                    console.call(SET_FAULTS, SetFaultsRequest(Faults=[FaultRule(Action="*", DelayMs=latency_ms)]))
        emulator.close()
    return results


def _print(results: list[Measurement]) -> None:
    print(
        f"{'operation':<9} {'resources':>9} {'wall s':>8} {'ms/res':>7} {'CPU s':>7} {'CPU ms/res':>10} "
        f"{'calls':>6} {'calls/res':>9} " + " ".join(f"{role + ' MiB':>12}" for role in ROLES) + "  exit  summary"
    )
    for r in results:
        print(
            f"{r.operation:<9} {r.resources:>9} {r.seconds:>8.1f} {r.ms_per_resource:>7.1f} {r.cpu_seconds:>7.1f} "
            f"{r.cpu_ms_per_resource:>10.1f} {r.calls:>6} "
            f"{r.calls / r.resources:>9.2f} "
            + " ".join(f"{r.memory.mib(role):>12.1f}" for role in ROLES)
            + f"  {r.exit_code:>4}  {r.summary}"
        )


def _growth(results: list[Measurement], small: int, large: int) -> None:
    factor = large / small
    print(f"growth {small} → {large} domains (×{factor:g} resources; linear time = ×{factor:g}, flat memory = ×1):")
    for operation in OPERATIONS:
        a = next(r for r in results if r.operation == operation and r.domains == small)
        b = next(r for r in results if r.operation == operation and r.domains == large)
        time_growth = b.seconds / a.seconds
        memory = ", ".join(
            f"{role} ×{b.memory.peaks.get(role, 0) / max(a.memory.peaks.get(role, 1), 1):.2f}" for role in ROLES
        )
        per_resource = b.ms_per_resource / a.ms_per_resource
        cpu_per_resource = b.cpu_ms_per_resource / a.cpu_ms_per_resource
        print(
            f"  {operation:<8} time ×{time_growth:.2f} (per resource ×{per_resource:.2f}, CPU per resource "
            f"×{cpu_per_resource:.2f}); peak RSS {memory}; "
            f"extra MiB per extra resource: "
            + ", ".join(
                f"{role} {(b.memory.mib(role) - a.memory.mib(role)) * 1024 / (b.resources - a.resources):.1f} KiB"
                for role in ROLES
            )
        )


def main(quick: bool = False, parallel: int | None = None, latency_ms: int = 0) -> None:
    """Run the benchmark and print the figures.

    :param quick: measure 100 and 300 domains instead of 100 and 1,000.
    :param parallel: the engine's ``--parallel`` (``None``: its default, 4 × CPUs).
    :param latency_ms: added to every API call of ``refresh`` and ``destroy``.
    """
    sizes = QUICK_SIZES if quick else FULL_SIZES
    steps = "default" if parallel is None else str(parallel)
    print(
        f"== scale: up + refresh + destroy, offline engine (--parallel {steps}), embedded emulator, "
        f"verify={VERIFY!r}, sizes {sizes}, +{latency_ms} ms per call after up, load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs =="
    )
    results = [m for size in sizes for m in measure(size, parallel, latency_ms)]
    _print(results)
    _growth(results, sizes[0], sizes[1])


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="100 and 300 domains instead of 100 and 1,000")
    parser.add_argument("--parallel", type=int, default=None, help="the engine's --parallel (default: its own)")
    parser.add_argument("--latency-ms", type=int, default=0, help="ms added to every API call after up")
    arguments = parser.parse_args()
    main(arguments.quick, arguments.parallel, arguments.latency_ms)

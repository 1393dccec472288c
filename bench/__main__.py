"""Run every benchmark in turn: ``python -m bench [--quick] [NAME ...]`` (what ``make bench`` runs).

Each benchmark prints its figures and ratios and asserts nothing; each is also runnable alone as
``python -m bench.<name>``. ``--quick`` runs smaller sizes. ``dns_bench`` needs BIND's ``named``
and is skipped (with a line saying so) when it is not installed.
"""

from __future__ import annotations

import argparse
import importlib
import shutil
import sys
import time
from collections.abc import Callable

from ._common import progress

BENCHMARKS = (
    "api_calls",
    "processing_calls",
    "footprint",
    "preview_cost",
    "emulator_throughput",
    "scale",
    "lock_cost",
    "dns_bench",
    "doctor_bench",
    "silent_endpoint",
)
DNS_ROUNDS = {False: 50, True: 10}


def _runner(name: str, quick: bool) -> Callable[[], None] | None:
    """The call that runs benchmark ``name``, or ``None`` when it cannot run here (said on stdout)."""
    module = importlib.import_module(f"bench.{name}")
    if name == "dns_bench":
        if shutil.which("named") is None and shutil.which("/usr/sbin/named") is None:
            print("== dns_bench: skipped, BIND's `named` is not installed (apt-get install bind9) ==")
            return None
        rounds = DNS_ROUNDS[quick]
        print(f"== dns_bench: RFC 2136 against a local BIND, {rounds} records ==")
        return lambda: module.main(rounds)
    return lambda: module.main(quick)


def main(argv: list[str] | None = None) -> int:
    """Run the selected benchmarks (all by default); returns the exit status.

    :param argv: command-line arguments (default ``sys.argv[1:]``).
    """
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes (scale: 100 and 300 domains)")
    parser.add_argument(
        "names", nargs="*", metavar="NAME", help="benchmarks to run (default all): " + ", ".join(BENCHMARKS)
    )
    args = parser.parse_args(argv)
    unknown = [name for name in args.names if name not in BENCHMARKS]
    if unknown:
        parser.error(f"no benchmark named {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}")
    names = args.names or list(BENCHMARKS)
    start = time.perf_counter()
    for name in names:
        run = _runner(name, args.quick)
        if run is None:
            continue
        began = time.perf_counter()
        run()
        sys.stdout.flush()
        progress(f"bench: {name} took {time.perf_counter() - began:.0f}s")
        print()
    progress(f"bench: all done in {time.perf_counter() - start:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The stack lock's cost per operation: take and release ``<state>.lock`` (``testing/_lock.py``).

Run from the repository root: ``python -m bench.lock_cost [--quick]``. Takes and releases the lock
N times (N = 2000; ``--quick``: 200) in a temporary directory and prints the median and p95 per
operation, next to the time of one state save of an empty stack for scale (an ``up``, ``refresh``
or ``destroy`` takes the lock once). Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from pulumi_tclive.testing import StackState
from pulumi_tclive.testing._lock import StackLock

__all__ = ["main"]

FULL_ROUNDS = 2000
QUICK_ROUNDS = 200


def _timed(action: object, rounds: int) -> list[float]:
    assert callable(action)
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return sorted(samples)


def main(quick: bool = False) -> None:
    """Print the lock's cost per operation.

    :param quick: fewer rounds.
    """
    rounds = QUICK_ROUNDS if quick else FULL_ROUNDS
    with tempfile.TemporaryDirectory() as directory:
        state = Path(directory) / "dev.json"

        def lock_once() -> None:
            with StackLock(state, cancel_command="tclive cancel"):
                pass

        def save_once() -> None:
            StackState(project="p", stack="dev").save(state)

        for name, action in (("lock take + release", lock_once), ("state save, empty stack", save_once)):
            samples = _timed(action, rounds)
            p95 = samples[int(len(samples) * 0.95) - 1]
            print(f"{name}: median {statistics.median(samples) * 1e6:.0f} µs, p95 {p95 * 1e6:.0f} µs ({rounds} rounds)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds")
    main(parser.parse_args().quick)

"""RFC 2136 backend against a local BIND: create-plus-verify latency and DNS messages per operation.

Run from the repository root: ``python -m bench.dns_bench [rounds]``. Starts its own ``named``
with the test fixture's launcher; prints figures, asserts nothing.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import dns.query
from tests.fixtures.bind import running_named

from pulumi_tclive.dns import Rfc2136Backend, wait_for_cname
from pulumi_tclive.errors import DnsConflictError

TARGET = "live.tlivecdn.com"


@contextmanager
def counting_messages() -> Iterator[Counter[str]]:
    """Count every DNS message sent, by wrapping dnspython's UDP and TCP send functions.

    ``udp_with_fallback`` and the stub resolver call these through the module, so every query,
    including TCP retries after truncation, is counted once.
    """
    counts: Counter[str] = Counter()
    originals: dict[str, Callable[..., Any]] = {"udp": dns.query.udp, "tcp": dns.query.tcp}

    def counted(kind: str, send: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            counts[kind] += 1
            return send(*args, **kwargs)

        return wrapper

    for kind, send in originals.items():
        setattr(dns.query, kind, counted(kind, send))
    try:
        yield counts
    finally:
        for kind, send in originals.items():
            setattr(dns.query, kind, send)


def _messages(operation: Callable[[], object]) -> str:
    with counting_messages() as counts:
        operation()
    return f"{sum(counts.values())} ({counts['tcp']} TCP, {counts['udp']} UDP)"


def main(rounds: int = 50) -> None:
    """Run the benchmark and print the figures.

    :param rounds: how many records to create for the latency figures.
    """
    with running_named() as server:
        backend = Rfc2136Backend(server.nameserver, key_name=server.key_name, secret=server.secret)
        names = [f"bench-{i}.{server.zone}" for i in range(rounds)]
        latencies = []
        for name in names:
            start = time.perf_counter()
            backend.ensure(name, server.zone, TARGET, 600, overwrite=False)
            wait_for_cname(name, TARGET, nameservers=[server.nameserver], timeout=10, progress=print)
            latencies.append((time.perf_counter() - start) * 1000)
        latencies.sort()
        print(f"BIND {server.nameserver}, {rounds} records")
        print(
            f"create + read-back + verify: median {statistics.median(latencies):.1f} ms, "
            f"p95 {latencies[int(0.95 * (rounds - 1))]:.1f} ms, max {latencies[-1]:.1f} ms"
        )

        fresh = f"bench-count.{server.zone}"
        state = backend.read(fresh, server.zone)
        print("DNS messages sent:")
        print(f"  find_zone:                   {_messages(lambda: backend.find_zone(fresh))}")
        print(
            f"  create (new name):           {_messages(lambda: backend.ensure(fresh, server.zone, TARGET, 600, overwrite=False))}"
        )
        state = backend.read(fresh, server.zone)
        print(
            f"  ensure (adopt identical):    {_messages(lambda: backend.ensure(fresh, server.zone, TARGET, 600, overwrite=False))}"
        )
        print(f"  update:                      {_messages(lambda: backend.update(state, 'other.tlivecdn.com', 300))}")
        state = backend.read(fresh, server.zone)
        print(
            "  verify (1 nameserver):       "
            + _messages(
                lambda: wait_for_cname(
                    fresh, "other.tlivecdn.com", nameservers=[server.nameserver], timeout=5, progress=print
                )
            )
        )
        print(f"  read (name without CNAME):   {_messages(lambda: backend.read('www.' + server.zone, server.zone))}")
        server.add(f"bench-a.{server.zone}.", "A", "192.0.2.1")
        print(
            "  ensure over an A (refused):  "
            + _messages(
                lambda: _refused(
                    lambda: backend.ensure(f"bench-a.{server.zone}", server.zone, TARGET, 600, overwrite=False)
                )
            )
        )
        print(f"  delete:                      {_messages(lambda: backend.delete(state))}")


def _refused(operation: Callable[[], object]) -> None:
    """Run an operation expected to be refused with a conflict (that refusal is what is measured)."""
    try:
        operation()
    except DnsConflictError:
        return
    raise AssertionError("the ensure over an A record was not refused")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50)

"""Emulator throughput: signed DescribeLiveDomain requests per second, in-process and over a socket.

Run from the repository root: ``python -m bench.emulator_throughput [--quick]``. Each request is
signed by the client (TC3-HMAC-SHA256), verified by the emulator, and runs one SQLite transaction
(every live/DNSPod request also counts itself in the request log). The client's per-action rate
limiter (500/s for DescribeLiveDomain, Tencent's documented limit) is lifted for the measurement,
so the figure is the emulator's and the client's own cost. 1 thread and 8 threads sharing one
client; ``EmulatorServer`` is waitress with its default 8 worker threads. Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import dataclasses
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from pulumi_tclive.cloud.client import TencentCloudClient
from pulumi_tclive.cloud.live import (
    ADD_LIVE_DOMAIN,
    DESCRIBE_LIVE_DOMAIN,
    AddLiveDomainRequest,
    DescribeLiveDomainRequest,
)
from pulumi_tclive.emulator import Emulator, EmulatorServer

from ._common import elapsed, progress

__all__ = ["main"]

FULL_REQUESTS = 2000
QUICK_REQUESTS = 400
DOMAIN = "play.example.com"
UNLIMITED = dataclasses.replace(DESCRIBE_LIVE_DOMAIN, rate_limit=1e9)


def _rate(client: TencentCloudClient, requests: int, threads: int) -> float:
    """Requests per second for ``requests`` DescribeLiveDomain calls spread over ``threads`` threads."""
    request = DescribeLiveDomainRequest(DomainName=DOMAIN)
    per_thread = requests // threads
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(per_thread):
                client.call(UNLIMITED, request)
        except BaseException as exc:
            errors.append(exc)

    client.call(UNLIMITED, request)  # warm the connection pool and the thread's SQLite connection
    workers = [threading.Thread(target=work) for _ in range(threads)]
    start = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    seconds = elapsed(start)
    if errors:
        raise RuntimeError(f"{len(errors)} threads failed; first: {errors[0]!r}")
    return per_thread * threads / seconds


def main(quick: bool = False) -> None:
    """Run the benchmark and print the figures.

    :param quick: 400 requests per measurement instead of 2,000.
    """
    requests = QUICK_REQUESTS if quick else FULL_REQUESTS
    print(f"== emulator_throughput: signed DescribeLiveDomain requests/s ({requests} per figure) ==")
    with tempfile.TemporaryDirectory(prefix="tclive-bench-throughput-") as tmp:
        emulator = Emulator(Path(tmp) / "emulator.sqlite3")
        with emulator.client() as setup:
            setup.call(ADD_LIVE_DOMAIN, AddLiveDomainRequest(DomainName=DOMAIN, DomainType=1))
        server = EmulatorServer(emulator, port=0).start()
        transports: list[tuple[str, Callable[[], TencentCloudClient]]] = [
            ("in-process (Emulator.client())", emulator.client),
            (
                f"socket (EmulatorServer {server.endpoint})",
                lambda: TencentCloudClient(emulator.credentials, endpoint=server.endpoint),
            ),
        ]
        try:
            print(f"{'transport':<48} {'1 thread':>10} {'8 threads':>10}  req/s")
            for label, make in transports:
                with make() as client:
                    progress(f"emulator_throughput: {label} …")
                    single = _rate(client, requests, 1)
                    multi = _rate(client, requests, 8)
                print(f"{label:<48} {single:>10.0f} {multi:>10.0f}")
        finally:
            server.close()
            emulator.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="400 requests per figure instead of 2,000")
    main(parser.parse_args().quick)

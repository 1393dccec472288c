"""Emulator throughput: signed DescribeLiveDomain requests per second, through our client and the official SDK.

Run from the repository root: ``python -m bench.emulator_throughput [--quick]``. Each request is
signed (TC3-HMAC-SHA256), verified by the emulator, and runs one SQLite transaction (every
live/DNSPod request also counts itself in the request log). Our client's per-action rate limiter
(500/s for DescribeLiveDomain, Tencent's documented limit) is lifted for the measurement, so the
figure is the emulator's and the client's own cost. Rows, in one run on one state file:

- our client in-process (``Emulator.client()``, no socket);
- our client over a socket (``EmulatorServer``: waitress, 8 worker threads), one client shared by the threads;
- the official SDK (``tencentcloud-sdk-python-live``'s ``LiveClient``, POST JSON, requests) over the
  same socket, one client per thread (a ``requests`` session is not meant to be shared). The SDK is
  a dev dependency; without it the row says so.

1 thread and 8 threads, and the process CPU time per request at 1 thread (client and server
together, both being in this process). Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import dataclasses
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pulumi_tclive.cloud.client import Credentials, TencentCloudClient
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

Caller = Callable[[], None]
"""Sends one DescribeLiveDomain request."""


def _rate(new_caller: Callable[[], Caller], requests: int, threads: int) -> tuple[float, float]:
    """Requests per second, and process CPU milliseconds per request (client and server together, as both
    run in this process), for ``requests`` calls spread over ``threads`` threads, each with ``new_caller()``.

    The CPU figure holds up better than the rate on a machine shared with other work.
    """
    per_thread = requests // threads
    callers = [new_caller() for _ in range(threads)]
    errors: list[BaseException] = []

    def work(call: Caller) -> None:
        try:
            for _ in range(per_thread):
                call()
        except BaseException as exc:
            errors.append(exc)

    for call in callers:
        call()  # warm each connection pool and the server threads' SQLite connections
    workers = [threading.Thread(target=work, args=(call,)) for call in callers]
    cpu_start = time.process_time()
    start = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    seconds = elapsed(start)
    cpu_ms = (time.process_time() - cpu_start) * 1000
    if errors:
        raise RuntimeError(f"{len(errors)} threads failed; first: {errors[0]!r}")
    return per_thread * threads / seconds, cpu_ms / (per_thread * threads)


def _ours(client: TencentCloudClient) -> Callable[[], Caller]:
    """Callers that all share ``client`` (it is thread-safe and pools its connections)."""
    request = DescribeLiveDomainRequest(DomainName=DOMAIN)

    def call() -> None:
        client.call(UNLIMITED, request)

    return lambda: call


def _official_sdk(endpoint: str, credentials: Credentials) -> Callable[[], Caller] | None:
    """A factory of SDK callers (one ``LiveClient`` each), or ``None`` when the SDK is not installed."""
    try:
        from tencentcloud.common import credential
        from tencentcloud.common.profile.client_profile import ClientProfile
        from tencentcloud.common.profile.http_profile import HttpProfile
        from tencentcloud.live.v20180801 import live_client, models
    except ImportError:
        return None

    def new_caller() -> Caller:
        http = HttpProfile(protocol="http", endpoint=urlsplit(endpoint).netloc)
        sdk: Any = live_client.LiveClient(
            credential.Credential(credentials.secret_id, credentials.secret_key),
            "ap-guangzhou",
            ClientProfile(httpProfile=http),
        )
        request = models.DescribeLiveDomainRequest()
        request.DomainName = DOMAIN

        def call() -> None:
            sdk.DescribeLiveDomain(request)

        return call

    return new_caller


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
        in_process = emulator.client()
        socket_client = TencentCloudClient(emulator.credentials, endpoint=server.endpoint)
        rows: list[tuple[str, Callable[[], Caller] | None]] = [
            ("our client, in-process (Emulator.client())", _ours(in_process)),
            ("our client, socket (one client, shared)", _ours(socket_client)),
            ("official SDK LiveClient, socket (one per thread)", _official_sdk(server.endpoint, emulator.credentials)),
        ]
        try:
            print(f"{'client and transport':<50} {'1 thread':>9} {'8 threads':>9}  req/s   CPU ms/req (1 thread)")
            for label, new_caller in rows:
                if new_caller is None:
                    print(f"{label:<50} {'-':>9} {'-':>9}  (tencentcloud-sdk-python-live is not installed)")
                    continue
                progress(f"emulator_throughput: {label} …")
                single, cpu_ms = _rate(new_caller, requests, 1)
                multi, _ = _rate(new_caller, requests, 8)
                print(f"{label:<50} {single:>9.0f} {multi:>9.0f}         {cpu_ms:>6.2f}")
        finally:
            in_process.close()
            socket_client.close()
            server.close()
            emulator.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="400 requests per figure instead of 2,000")
    main(parser.parse_args().quick)

"""How long a LiveDomain create takes to fail against an endpoint that takes connections and never answers.

Every deadline, timeout and backoff of the settings is divided by a scale (100 for the defaults, 10
for ``writeRetryTimeout=20`` and ``readRetryTimeout=20``), the create runs through the real provider
against a loopback socket that listens and never reads, and the time is multiplied back. The bound is
the write's retry deadline plus one request timeout (30 s): 330 s with the defaults, 50 s at 20/20.
Prints figures, asserts nothing. ``python -m bench.silent_endpoint``.
"""

from __future__ import annotations

import contextlib
import socket
import time
from typing import Any

from pulumi.dynamic import ConfigureRequest
from pulumi.dynamic.config import Config

from pulumi_tclive.cloud.client import Credentials, RetryPolicy, TencentCloudClient
from pulumi_tclive.errors import TencentCloudError
from pulumi_tclive.resources import _provider
from pulumi_tclive.resources.domain import LiveDomainProvider

REQUEST_TIMEOUT = 30.0  # the client's read timeout
CONNECT_TIMEOUT = 10.0


def seconds_to_fail(retry: RetryPolicy, scale: float) -> float:
    """Seconds (scaled back) for one create against a silent endpoint with ``retry`` divided by ``scale``."""
    scaled = RetryPolicy(
        write_deadline=retry.write_deadline / scale,
        read_deadline=retry.read_deadline / scale,
        connect_deadline=retry.connect_deadline / scale,
        base_delay=retry.base_delay / scale,
        max_delay=retry.max_delay / scale,
    )
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1024)
        endpoint = f"http://127.0.0.1:{silent.getsockname()[1]}"
        client = TencentCloudClient(
            Credentials("AKIDbenchsilent", "bench-key"),
            endpoint=endpoint,
            retry=scaled,
            read_timeout=REQUEST_TIMEOUT / scale,
            connect_timeout=CONNECT_TIMEOUT / scale,
            progress=lambda _: None,
        )
        original = _provider.Runtime.client
        _provider.Runtime.client = lambda self: client  # type: ignore[method-assign]
        try:
            provider = LiveDomainProvider()
            provider.configure(ConfigureRequest(Config({"tclive:endpoint": endpoint}, "bench")))
            started = time.monotonic()
            inputs: dict[str, Any] = {"domain_name": "play.example.com", "domain_type": "play", "scene": "standard"}
            with contextlib.suppress(TencentCloudError):  # it fails; how long it takes is the figure
                provider.create(inputs)
            return (time.monotonic() - started) * scale
        finally:
            _provider.Runtime.client = original  # type: ignore[method-assign]
            client.close()


def main(quick: bool = False) -> None:
    """Run each case (once with ``quick``, else three times) and print the times next to the bound.

    :param quick: one round instead of three.
    """
    print("== silent_endpoint: a create against an endpoint that accepts and never answers ==")
    cases = [("defaults (300 s / 180 s)", RetryPolicy(), 100.0), ("20 s / 20 s", RetryPolicy(20.0, 20.0), 10.0)]
    for label, retry, scale in cases:
        times = [seconds_to_fail(retry, scale) for _ in range(1 if quick else 3)]
        bound = retry.write_deadline + REQUEST_TIMEOUT
        shown = ", ".join(f"{t:.0f}s" for t in times)
        print(f"{label:26} {shown}  (bound: write deadline + one request timeout = {bound:.0f}s; scale 1/{scale:g})")


if __name__ == "__main__":
    main()

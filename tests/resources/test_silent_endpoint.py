"""A whole LiveDomain create against an endpoint that accepts connections and never answers (issue 17).

The create's AddLiveDomain gets no answer, so it may have happened: the lost-answer check
(DescribeLiveDomain) must run within what is left of the write's retry deadline, not a deadline of
its own. The bound asserted is the behaviour under test: the write deadline, one request timeout,
and slack, all small.
"""

from __future__ import annotations

import socket
import time

import pytest
from pulumi.dynamic import ConfigureRequest
from pulumi.dynamic.config import Config

from pulumi_tclive.cloud.client import Credentials, RetryPolicy, TencentCloudClient
from pulumi_tclive.errors import TransportError
from pulumi_tclive.resources._provider import Runtime
from pulumi_tclive.resources.domain import LiveDomainProvider

WRITE_DEADLINE = 1.0
READ_DEADLINE = 3.0  # longer than the write's: without the shared deadline the check alone would outlast the bound
REQUEST_TIMEOUT = 0.5
SLACK = 1.0


def test_a_create_against_a_server_that_never_answers_fails_within_the_write_deadline_plus_one_timeout(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(64)  # the kernel takes the connections; nothing ever reads or answers
        endpoint = f"http://127.0.0.1:{silent.getsockname()[1]}"
        client = TencentCloudClient(
            Credentials("AKIDsilenttest", "silent-test-key"),
            endpoint=endpoint,
            read_timeout=REQUEST_TIMEOUT,
            retry=RetryPolicy(
                write_deadline=WRITE_DEADLINE, read_deadline=READ_DEADLINE, base_delay=0.05, max_delay=0.1
            ),
            progress=lambda _: None,
        )
        monkeypatch.setattr(Runtime, "client", lambda self: client)  # the settings' client, with small timeouts
        provider = LiveDomainProvider()
        provider.configure(ConfigureRequest(Config({"tclive:endpoint": endpoint}, "tests")))
        started = time.monotonic()
        with client, pytest.raises(TransportError) as caught:
            provider.create({"domain_name": "play.example.com", "domain_type": "play", "scene": "standard"})
        took = time.monotonic() - started
    assert took < WRITE_DEADLINE + REQUEST_TIMEOUT + SLACK
    message = str(caught.value)
    assert "(AddLiveDomain)" in message and "took the connection and never answered" in message
    assert "tclive:writeRetryTimeout" in message and endpoint in message

"""One operation, one deadline: the calls after a write that gave up share what is left of its deadline."""

from __future__ import annotations

import httpx
import pytest

from pulumi_tclive.cloud import RetryPolicy
from pulumi_tclive.cloud.client import one_operation
from pulumi_tclive.cloud.live import ADD_LIVE_DOMAIN, DESCRIBE_LIVE_DOMAIN
from pulumi_tclive.errors import TencentCloudApiError, TransportError

from .test_client import ADD, DESCRIBE, FakeClock, Script, api_error, make_client, ok

RETRY = RetryPolicy(write_deadline=5.0, read_deadline=100.0, base_delay=1.0, max_delay=1.0)


def test_after_a_write_the_server_never_answered_the_lost_answer_check_is_not_sent_past_its_deadline() -> None:
    clock = FakeClock()
    script = Script(httpx.ReadTimeout("timed out"))
    client = make_client(script, clock, retry=RETRY)
    with one_operation():
        with pytest.raises(TransportError) as write:
            client.call(ADD_LIVE_DOMAIN, ADD)
        assert "took the connection and never answered" in str(write.value)
        sent = len(script.requests)
        clock.now += 30.0  # the last attempt's request timeout
        with pytest.raises(TransportError) as check:
            client.call(DESCRIBE_LIVE_DOMAIN, DESCRIBE)
    assert len(script.requests) == sent  # nothing sent: the read deadline (100 s) of its own is not used
    assert not check.value.request_sent
    assert "took the connection of the AddLiveDomain before it and never answered" in str(check.value)


def test_after_a_write_that_was_answered_the_check_gets_what_is_left_and_at_least_one_attempt() -> None:
    clock = FakeClock()
    script = Script(api_error("InternalError"), api_error("InternalError"), ok(DomainInfo=None))
    client = make_client(script, clock, retry=RETRY)
    with one_operation():
        with pytest.raises(TencentCloudApiError):
            client.call(ADD_LIVE_DOMAIN, ADD)  # a write's InternalError is not retried
        clock.now += 10.0  # past the write's deadline, but the server answers
        with pytest.raises(TencentCloudApiError):
            client.call(DESCRIBE_LIVE_DOMAIN, DESCRIBE)  # one attempt, no retry within a spent deadline
        assert len(script.requests) == 2
    assert client.call(DESCRIBE_LIVE_DOMAIN, DESCRIBE).DomainInfo is None  # outside: its own deadline again

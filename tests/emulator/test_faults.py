"""Injected faults seen through the real client: bounded retries, no retry of InternalError, no lost writes."""

from __future__ import annotations

import pytest

from pulumi_tclive.cloud.client import Credentials, RetryPolicy, TencentCloudClient
from pulumi_tclive.cloud.live import ADD_LIVE_DOMAIN, DESCRIBE_LIVE_DOMAIN, DESCRIBE_LIVE_DOMAINS, FORBID_LIVE_DOMAIN
from pulumi_tclive.emulator import Emulator
from pulumi_tclive.emulator.console_api import DESCRIBE_REQUEST_LOG, SET_FAULTS, FaultRule
from pulumi_tclive.errors import TencentCloudApiError, ThrottledError, TransportError
from tests.emulator.helpers import FAST, Api


def calls_of(api: Api, action: str) -> int:
    return sum(c.Count for c in api.call(DESCRIBE_REQUEST_LOG).Calls if c.Action == action)


def test_throttling_is_retried_until_the_deadline(api: Api) -> None:
    api.call(SET_FAULTS, Faults=[FaultRule(Action="AddLiveDomain", RequestLimitExceededRate=1.0)], Seed=1)
    # The deadline leaves room for several attempts even when a loaded machine slows each request down.
    client = api.make_client(
        retry=RetryPolicy(write_deadline=3.0, base_delay=0.01, max_delay=0.05), progress=lambda _: None
    )
    with pytest.raises(ThrottledError) as info:
        client.call(ADD_LIVE_DOMAIN, ADD_LIVE_DOMAIN.request(DomainName="play.example.com", DomainType=1))
    assert info.value.code == "RequestLimitExceeded" and info.value.attempts > 1
    assert calls_of(api, "AddLiveDomain") == info.value.attempts
    assert api.call(DESCRIBE_LIVE_DOMAINS).AllCount == 0


def test_internal_error_is_never_retried(api: Api) -> None:
    api.call(SET_FAULTS, Faults=[FaultRule(Action="*", InternalErrorRate=1.0)])
    client = api.make_client(retry=FAST, progress=lambda _: None)
    with pytest.raises(TencentCloudApiError) as info:
        client.call(ADD_LIVE_DOMAIN, ADD_LIVE_DOMAIN.request(DomainName="play.example.com", DomainType=1))
    assert info.value.code == "InternalError" and info.value.attempts == 1
    assert calls_of(api, "AddLiveDomain") == 1


def test_bad_gateway_is_retried_then_reported_as_transport_error(api: Api) -> None:
    api.call(SET_FAULTS, Faults=[FaultRule(Action="DescribeLiveDomains", Http502Rate=1.0)])
    client = api.make_client(retry=FAST, progress=lambda _: None)
    with pytest.raises(TransportError) as info:
        client.call(DESCRIBE_LIVE_DOMAINS, DESCRIBE_LIVE_DOMAINS.request())
    assert "HTTP 502" in str(info.value) and info.value.attempts > 1
    assert calls_of(api, "DescribeLiveDomains") == info.value.attempts


def test_partial_fault_rates_recover_within_the_deadline(api: Api) -> None:
    api.call(SET_FAULTS, Faults=[FaultRule(Action="*", RequestLimitExceededRate=0.3, Http502Rate=0.3)], Seed=7)
    client = api.make_client(
        retry=RetryPolicy(read_deadline=5.0, base_delay=0.01, max_delay=0.02), progress=lambda _: None
    )
    for _ in range(10):
        client.call(DESCRIBE_LIVE_DOMAINS, DESCRIBE_LIVE_DOMAINS.request())
    assert calls_of(api, "DescribeLiveDomains") > 10


def test_dropped_answer_neither_loses_nor_duplicates_the_domain(api: Api) -> None:
    api.call(SET_FAULTS, Faults=[FaultRule(Action="AddLiveDomain", DropResponseRate=1.0, Times=1)])
    client = api.make_client(retry=FAST, progress=lambda _: None)
    with pytest.raises(TencentCloudApiError) as info:
        client.call(ADD_LIVE_DOMAIN, ADD_LIVE_DOMAIN.request(DomainName="play.example.com", DomainType=1))
    assert info.value.code == "FailedOperation.DomainAdded" and info.value.attempts == 2
    assert api.call(DESCRIBE_LIVE_DOMAINS).AllCount == 1
    assert calls_of(api, "AddLiveDomain") == 2


def test_rule_with_times_expires_and_falls_back_to_the_wildcard(api: Api) -> None:
    rules = [
        FaultRule(Action="ForbidLiveDomain", InternalErrorRate=1.0, Times=2),
        FaultRule(Action="*", RequestLimitExceededRate=1.0, Times=1),
    ]
    api.call(SET_FAULTS, Faults=rules)
    # A write: InternalError is never retried there (it may have been committed).
    codes = [api.error(FORBID_LIVE_DOMAIN, DomainName="absent.example.com").code for _ in range(2)]
    assert codes == ["InternalError", "InternalError"]
    with pytest.raises(ThrottledError):
        api.make_client(retry=RetryPolicy(read_deadline=0.0), progress=lambda _: None).call(
            DESCRIBE_LIVE_DOMAINS, DESCRIBE_LIVE_DOMAINS.request()
        )
    assert api.call(DESCRIBE_LIVE_DOMAINS).AllCount == 0


def test_same_seed_same_faults(api: Api) -> None:
    outcomes = []
    for _ in range(2):
        api.call(SET_FAULTS, Faults=[FaultRule(Action="*", InternalErrorRate=0.5)], Seed=42)
        outcomes.append([_outcome(api) for _ in range(12)])
    assert outcomes[0] == outcomes[1] and set(outcomes[0]) == {"ResourceNotFound.DomainNotExist", "InternalError"}


def _outcome(api: Api) -> str:
    """A write on a missing domain: either the injected InternalError or the handler's own answer."""
    try:
        api.call(FORBID_LIVE_DOMAIN, DomainName="absent.example.com")
    except TencentCloudApiError as exc:
        return exc.code
    return "ok"


def test_delay_past_the_read_timeout_is_a_transport_error(emulator_server: tuple[str, Credentials, Emulator]) -> None:
    endpoint, credentials, emulator = emulator_server
    with emulator.client() as admin:
        admin.call(SET_FAULTS, SET_FAULTS.request(Faults=[FaultRule(Action="DescribeLiveDomain", DelayMs=300)]))
    retry = RetryPolicy(read_deadline=0.2, base_delay=0.01, max_delay=0.02)
    with (
        TencentCloudClient(
            credentials, endpoint=endpoint, retry=retry, read_timeout=0.1, progress=lambda _: None
        ) as client,
        pytest.raises(TransportError) as info,
    ):
        client.call(DESCRIBE_LIVE_DOMAIN, DESCRIBE_LIVE_DOMAIN.request(DomainName="play.example.com"))
    assert "Timeout" in str(info.value)


def test_emulator_service_is_never_faulted(api: Api) -> None:
    api.call(SET_FAULTS, Faults=[FaultRule(Action="*", InternalErrorRate=1.0)])
    assert api.call(DESCRIBE_REQUEST_LOG).Total == 0

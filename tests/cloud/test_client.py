"""TencentCloudClient against scripted answers (httpx.MockTransport) on a fake clock."""

from __future__ import annotations

import dataclasses
import http.server
import json
import socket
import threading
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from pulumi_tclive.cloud import Credentials, RetryPolicy, TencentCloudClient, signing
from pulumi_tclive.cloud.dnspod import CREATE_RECORD, DEFAULT_LINE, CreateRecordRequest
from pulumi_tclive.cloud.live import (
    ADD_LIVE_DOMAIN,
    DESCRIBE_LIVE_DOMAIN,
    AddLiveDomainRequest,
    DescribeLiveDomainRequest,
)
from pulumi_tclive.errors import (
    ConfigurationError,
    TencentCloudApiError,
    TencentCloudError,
    ThrottledError,
    TransportError,
)

SECRET_ID = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE"
SECRET_KEY = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE"
TOKEN = "sts-session-token-never-printed"
ENDPOINT = "http://127.0.0.1:8765"
EPOCH = 1_700_000_000

Answer = httpx.Response | Exception | Callable[[httpx.Request], httpx.Response]


class FakeClock:
    """Monotonic and wall time that only move when the client sleeps."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def wall(self) -> float:
        return EPOCH + self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


class Script:
    """Answers requests in order; the last answer repeats. Records each request and when it arrived."""

    def __init__(self, *answers: Answer, clock: FakeClock | None = None) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []
        self.times: list[float] = []
        self.clock = clock
        self._lock = threading.Lock()

    def __call__(self, request: httpx.Request) -> httpx.Response:
        with self._lock:
            self.requests.append(request)
            self.times.append(self.clock.now if self.clock else 0.0)
            answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, Exception):
            raise answer
        if callable(answer):
            return answer(request)
        return answer


def ok(**fields: Any) -> httpx.Response:
    return httpx.Response(200, json={"Response": {**fields, "RequestId": "req-ok"}})


def api_error(code: str, message: str = "something went wrong", request_id: str = "req-err") -> httpx.Response:
    return httpx.Response(
        200, json={"Response": {"Error": {"Code": code, "Message": message}, "RequestId": request_id}}
    )


def make_client(
    script: Script,
    clock: FakeClock,
    *,
    credentials: Credentials | None = None,
    endpoint: str | None = ENDPOINT,
    retry: RetryPolicy | None = None,
    progress: list[str] | None = None,
    rng: float = 0.5,
) -> TencentCloudClient:
    lines = progress if progress is not None else []
    return TencentCloudClient(
        credentials or Credentials(SECRET_ID, SECRET_KEY),
        endpoint=endpoint,
        transport=httpx.MockTransport(script),
        retry=retry or RetryPolicy(base_delay=1.0, max_delay=8.0),
        progress=lines.append,
        sleep=clock.sleep,
        monotonic=clock.monotonic,
        wall_clock=clock.wall,
        rng=lambda: rng,
    )


def signature_is_valid(request: httpx.Request, secret_key: str = SECRET_KEY) -> bool:
    """Verify a request the way the server does (docs/design.md#api-30-protocol): recompute from what was received."""
    parsed = signing.parse_authorization(request.headers["Authorization"])
    assert parsed is not None
    timestamp = int(request.headers["X-TC-Timestamp"])
    canonical = signing.canonical_request(
        method=request.method,
        headers=dict(request.headers),
        signed_headers=list(parsed.signed_headers),
        payload=request.content,
    )
    return (
        parsed.date == signing.scope_date(timestamp)
        and signing.signature(secret_key, timestamp, parsed.service, canonical) == parsed.signature
    )


DESCRIBE = DescribeLiveDomainRequest(DomainName="play.example.com")
ADD = AddLiveDomainRequest(DomainName="play.example.com", DomainType=1)


# --- request shape and signing -----------------------------------------------------------------


def test_real_cloud_request_carries_every_header_and_a_verifiable_signature() -> None:
    clock = FakeClock()
    script = Script(ok(DomainInfo={"Name": "play.example.com", "Type": 1, "Status": 1}))
    with make_client(script, clock, endpoint=None) as client:
        answer = client.call(DESCRIBE_LIVE_DOMAIN, DESCRIBE)

    assert answer.DomainInfo is not None and answer.DomainInfo.Name == "play.example.com"
    assert answer.RequestId == "req-ok"
    [request] = script.requests
    assert request.method == "POST"
    assert str(request.url) == "https://live.tencentcloudapi.com/"
    headers = request.headers
    assert headers["Content-Type"] == "application/json"
    assert headers["Host"] == "live.tencentcloudapi.com"
    assert headers["X-TC-Action"] == "DescribeLiveDomain"
    assert headers["X-TC-Version"] == "2018-08-01"
    assert headers["X-TC-Timestamp"] == str(EPOCH)
    assert headers["X-TC-Region"] == "ap-guangzhou"
    assert headers["X-TC-Language"] == "en-US"
    assert headers["X-TC-RequestClient"].startswith("pulumi-tclive/")
    assert headers["User-Agent"].startswith("pulumi-tclive/")
    assert "X-TC-Token" not in headers
    assert headers["Authorization"].startswith(f"TC3-HMAC-SHA256 Credential={SECRET_ID}/2023-11-14/live/tc3_request, ")
    assert "SignedHeaders=content-type;host," in headers["Authorization"]
    assert signature_is_valid(request)
    assert not signature_is_valid(request, secret_key="another-key")


def test_body_and_signature_match_the_self_computed_live_vector() -> None:
    script = Script(ok())
    client = TencentCloudClient(
        Credentials(SECRET_ID, SECRET_KEY),
        transport=httpx.MockTransport(script),
        wall_clock=lambda: 1551113065,
    )
    client.call(ADD_LIVE_DOMAIN, AddLiveDomainRequest(DomainName="www.test.com", DomainType=0))

    [request] = script.requests
    assert request.content == b'{"DomainName":"www.test.com","DomainType":0}'
    assert request.headers["Authorization"].endswith(
        "Signature=2752291ffd94b3e7a9f6e3343d905f5edd5f3d9366e70cb34c6fb7dd86d7a9c7"
    )


def test_non_ascii_values_are_sent_as_the_utf8_bytes_that_were_signed() -> None:
    clock = FakeClock()
    script = Script(ok(RecordId=42))
    client = make_client(script, clock, endpoint=None)
    request = CreateRecordRequest(
        Domain="example.com", SubDomain="play", RecordType="CNAME", RecordLine=DEFAULT_LINE, Value="x.tlivecdn.com"
    )
    assert client.call(CREATE_RECORD, request).RecordId == 42

    [sent] = script.requests
    assert str(sent.url) == "https://dnspod.tencentcloudapi.com/"
    assert "默认".encode() in sent.content
    assert json.loads(sent.content)["RecordLine"] == "默认"
    assert "/dnspod/tc3_request" in sent.headers["Authorization"]
    assert signature_is_valid(sent)


def test_token_header_is_sent_only_with_a_token() -> None:
    clock = FakeClock()
    with_token = Script(ok())
    make_client(with_token, clock, credentials=Credentials(SECRET_ID, SECRET_KEY, TOKEN)).call(ADD_LIVE_DOMAIN, ADD)
    without_token = Script(ok())
    make_client(without_token, clock, credentials=Credentials(SECRET_ID, SECRET_KEY, None)).call(ADD_LIVE_DOMAIN, ADD)

    assert with_token.requests[0].headers["X-TC-Token"] == TOKEN
    assert "X-TC-Token" not in without_token.requests[0].headers


def test_a_custom_endpoint_serves_every_service_with_its_own_credential_scope() -> None:
    clock = FakeClock()
    script = Script(ok(RecordId=1))
    client = make_client(script, clock, endpoint=ENDPOINT + "/")
    client.call(ADD_LIVE_DOMAIN, ADD)
    client.call(
        CREATE_RECORD, CreateRecordRequest(Domain="example.com", RecordType="A", RecordLine="默认", Value="1.2.3.4")
    )

    assert [str(r.url) for r in script.requests] == [ENDPOINT + "/", ENDPOINT + "/"]
    assert {r.headers["Host"] for r in script.requests} == {"127.0.0.1:8765"}
    services = [signing.parse_authorization(r.headers["Authorization"]) for r in script.requests]
    assert [p.service for p in services if p] == ["live", "dnspod"]
    assert all(signature_is_valid(r) for r in script.requests)


@pytest.mark.parametrize(
    "endpoint",
    ["embedded", "ftp://127.0.0.1:21", "http://127.0.0.1:8765/api", "http://127.0.0.1:8765/?x=1", "127.0.0.1:8765"],
)
def test_an_unusable_endpoint_is_a_configuration_error(endpoint: str) -> None:
    with pytest.raises(ConfigurationError) as caught:
        TencentCloudClient(Credentials(SECRET_ID, SECRET_KEY), endpoint=endpoint)
    assert repr(endpoint) in str(caught.value)
    assert "tclive:endpoint" in str(caught.value)


# --- answers mapped to errors ------------------------------------------------------------------


def test_response_error_becomes_an_api_error_with_code_message_request_id_and_action() -> None:
    clock = FakeClock()
    script = Script(api_error("FailedOperation.DomainAdded", "domain already added", "req-123"))
    with pytest.raises(TencentCloudApiError) as caught:
        make_client(script, clock).call(ADD_LIVE_DOMAIN, ADD)

    error = caught.value
    assert type(error) is TencentCloudApiError
    assert (error.code, error.message, error.request_id, error.action) == (
        "FailedOperation.DomainAdded",
        "domain already added",
        "req-123",
        "AddLiveDomain",
    )
    assert error.attempts == 1
    assert error.matches("FailedOperation")
    assert (
        str(error) == "AddLiveDomain failed with FailedOperation.DomainAdded: domain already added (RequestId req-123)"
    )
    assert len(script.requests) == 1


@pytest.mark.parametrize(
    ("code", "advice"),
    [
        ("AuthFailure.SecretIdNotFound", "TENCENTCLOUD_SECRET_ID"),
        ("AuthFailure.SignatureFailure", "secret key"),
        ("AuthFailure.SignatureExpire", "clock"),
        ("AuthFailure.UnauthorizedOperation", "CAM"),
        ("AuthFailure.TokenFailure", "TENCENTCLOUD_SECURITY_TOKEN"),
    ],
)
def test_authentication_failures_say_what_to_check(code: str, advice: str) -> None:
    clock = FakeClock()
    with pytest.raises(TencentCloudApiError) as caught:
        make_client(Script(api_error(code)), clock).call(ADD_LIVE_DOMAIN, ADD)
    assert caught.value.code == code
    assert advice in caught.value.hint
    assert advice in str(caught.value)


def test_a_non_200_answer_is_a_transport_error_naming_the_request_and_the_endpoint_setting() -> None:
    clock = FakeClock()
    script = Script(httpx.Response(502, text="<html>Bad Gateway</html>"))
    retry = RetryPolicy(write_deadline=5.0, base_delay=1.0, max_delay=1.0)
    with pytest.raises(TransportError) as caught:
        make_client(script, clock, retry=retry, rng=1.0).call(ADD_LIVE_DOMAIN, ADD)

    message = str(caught.value)
    assert f"POST {ENDPOINT}/ (AddLiveDomain)" in message
    assert "HTTP 502 Bad Gateway" in message
    assert "<html>Bad Gateway</html>" in message
    assert "6 attempts in 5.0s" in message
    assert "tclive:endpoint" in message and ENDPOINT in message
    assert caught.value.action == "AddLiveDomain"
    assert caught.value.attempts == 6 == len(script.requests)


def test_a_network_error_against_the_real_cloud_points_at_the_network_path() -> None:
    clock = FakeClock()
    script = Script(httpx.ConnectError("connection refused"))
    retry = RetryPolicy(write_deadline=0.0)
    with pytest.raises(TransportError) as caught:
        make_client(script, clock, endpoint=None, retry=retry).call(ADD_LIVE_DOMAIN, ADD)

    message = str(caught.value)
    assert "POST https://live.tencentcloudapi.com/ (AddLiveDomain)" in message
    assert "ConnectError: connection refused" in message
    assert "live.tencentcloudapi.com" in message and "tclive:endpoint" in message


@pytest.mark.parametrize(
    ("answer", "what"),
    [
        (httpx.Response(200, text="<html>captive portal</html>"), "not JSON"),
        (httpx.Response(200, json={"code": 4000, "message": "API 2.0"}), "not the API 3.0 envelope"),
        (httpx.Response(200, json=["Response"]), "not the API 3.0 envelope"),
        (httpx.Response(200, json={"Response": "ok"}), "not the API 3.0 envelope"),
        (httpx.Response(200, json={"Response": {"Error": {"Message": "no code"}}}), "Response.Error has no Code"),
        (httpx.Response(200, text=""), "empty body"),
    ],
)
def test_a_200_answer_that_is_not_the_envelope_is_a_transport_error_and_not_retried(
    answer: httpx.Response, what: str
) -> None:
    clock = FakeClock()
    script = Script(answer)
    with pytest.raises(TransportError) as caught:
        make_client(script, clock).call(ADD_LIVE_DOMAIN, ADD)
    assert what in str(caught.value)
    assert caught.value.attempts == 1
    assert len(script.requests) == 1
    assert clock.sleeps == []


def test_an_answer_that_does_not_match_the_model_is_a_transport_error_naming_the_action() -> None:
    clock = FakeClock()
    script = Script(ok(DomainInfo={"Type": 1, "Status": 1}))
    with pytest.raises(TransportError) as caught:
        make_client(script, clock).call(DESCRIBE_LIVE_DOMAIN, DESCRIBE)
    message = str(caught.value)
    assert "(DescribeLiveDomain)" in message
    assert "DescribeLiveDomainResponse" in message
    assert "DomainInfo.Name" in message
    assert len(script.requests) == 1


# --- retries ------------------------------------------------------------------------------------


def test_throttling_is_retried_with_fresh_signatures_until_it_succeeds() -> None:
    clock = FakeClock()
    lines: list[str] = []
    script = Script(
        api_error("RequestLimitExceeded"), api_error("RequestLimitExceeded.UinLimitExceeded"), ok(), clock=clock
    )
    make_client(script, clock, progress=lines).call(ADD_LIVE_DOMAIN, ADD)

    assert len(script.requests) == 3
    assert clock.sleeps == [0.5, 1.0]  # full jitter: rng 0.5 of caps 1s, 2s
    assert lines == [
        "AddLiveDomain at 127.0.0.1:8765: RequestLimitExceeded, retrying in 0.5s (attempt 2, 0s of 300s)",
        "AddLiveDomain at 127.0.0.1:8765: RequestLimitExceeded.UinLimitExceeded, retrying in 1.0s (attempt 3, 0s of 300s)",
    ]
    timestamps = [r.headers["X-TC-Timestamp"] for r in script.requests]
    assert timestamps == [str(EPOCH), str(EPOCH), str(EPOCH + 1)]
    assert len({r.headers["Authorization"] for r in script.requests}) == 2
    assert all(signature_is_valid(r) for r in script.requests)


@pytest.mark.parametrize(
    "code",
    [
        "RequestLimitExceeded",
        "RequestLimitExceeded.IPLimitExceeded",
        "RequestLimitExceeded.RequestLimitExceeded",
        "LimitExceeded.RateLimitExceeded",
        "ResourceInUse",
        "ResourceUnavailable.DomainBusy",
        "ResourceBusy",
    ],
)
def test_transient_codes_are_retried(code: str) -> None:
    clock = FakeClock()
    script = Script(api_error(code), ok())
    make_client(script, clock).call(ADD_LIVE_DOMAIN, ADD)
    assert len(script.requests) == 2


@pytest.mark.parametrize(
    "code",
    [
        "InternalError",
        "InternalError.SystemError",
        "LimitExceeded",
        "FailedOperation",
        "ResourceNotFound.DomainNotExist",
        "RequestLimitExceededSomething",
        "AuthFailure.SignatureFailure",
    ],
)
def test_other_codes_are_never_retried(code: str) -> None:
    clock = FakeClock()
    lines: list[str] = []
    script = Script(api_error(code), ok())
    with pytest.raises(TencentCloudApiError) as caught:
        make_client(script, clock, progress=lines).call(ADD_LIVE_DOMAIN, ADD)
    assert caught.value.code == code
    assert len(script.requests) == 1
    assert clock.sleeps == [] and lines == []


def test_attempts_stop_before_the_next_sleep_would_pass_the_deadline() -> None:
    clock = FakeClock()
    script = Script(api_error("RequestLimitExceeded", request_id="req-last"))
    retry = RetryPolicy(write_deadline=30.0, base_delay=1.0, max_delay=4.0)
    with pytest.raises(ThrottledError) as caught:
        make_client(script, clock, retry=retry, rng=1.0).call(ADD_LIVE_DOMAIN, ADD)

    assert clock.sleeps == [1.0, 2.0, 4.0, 4.0, 4.0, 4.0, 4.0, 4.0]  # doubling, capped at max_delay
    assert sum(clock.sleeps) <= 30.0 < sum(clock.sleeps) + 4.0
    error = caught.value
    assert error.attempts == 9 == len(script.requests)
    assert error.code == "RequestLimitExceeded" and error.request_id == "req-last"
    assert "after 9 attempts" in str(error)
    assert "27s of the 30s retry deadline" in str(error)


def test_read_only_actions_use_the_read_deadline() -> None:
    retry = RetryPolicy(write_deadline=100.0, read_deadline=3.0, base_delay=1.0, max_delay=1.0)
    read_clock, write_clock = FakeClock(), FakeClock()
    read_script = Script(api_error("ResourceUnavailable"))
    write_script = Script(api_error("ResourceUnavailable"))
    with pytest.raises(TencentCloudApiError):
        make_client(read_script, read_clock, retry=retry, rng=1.0).call(DESCRIBE_LIVE_DOMAIN, DESCRIBE)
    with pytest.raises(TencentCloudApiError):
        make_client(write_script, write_clock, retry=retry, rng=1.0).call(ADD_LIVE_DOMAIN, ADD)

    assert read_clock.now == 3.0 and len(read_script.requests) == 4
    assert write_clock.now == 100.0 and len(write_script.requests) == 101


def test_a_busy_resource_past_the_deadline_is_an_api_error_not_throttling() -> None:
    clock = FakeClock()
    retry = RetryPolicy(write_deadline=2.0, base_delay=1.0, max_delay=1.0)
    with pytest.raises(TencentCloudApiError) as caught:
        make_client(Script(api_error("ResourceInUse")), clock, retry=retry, rng=1.0).call(ADD_LIVE_DOMAIN, ADD)
    assert not isinstance(caught.value, ThrottledError)
    assert caught.value.attempts == 3


def test_non_200_answers_and_network_errors_are_retried() -> None:
    clock = FakeClock()
    lines: list[str] = []
    script = Script(httpx.Response(503, text="busy"), httpx.ReadTimeout("timed out"), ok())
    make_client(script, clock, progress=lines).call(ADD_LIVE_DOMAIN, ADD)

    assert len(script.requests) == 3
    assert lines[0].startswith("AddLiveDomain at 127.0.0.1:8765: HTTP 503, retrying in")
    assert lines[1].startswith(
        "AddLiveDomain at 127.0.0.1:8765: the server took the connection and never answered within 30s, retrying in"
    )


def unresolvable(request: httpx.Request) -> httpx.Response:
    """What httpx raises when the host name does not resolve (no network, or a typo in the endpoint)."""
    try:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    except socket.gaierror as exc:
        raise httpx.ConnectError(str(exc), request=request) from exc


def refused(request: httpx.Request) -> httpx.Response:
    try:
        raise ConnectionRefusedError(111, "Connection refused")
    except ConnectionRefusedError as exc:
        raise httpx.ConnectError(str(exc), request=request) from exc


@pytest.mark.parametrize(
    ("answer", "cause"),
    [(unresolvable, "cannot resolve the host name"), (refused, "connection refused by 127.0.0.1:8765")],
)
def test_no_connection_gives_up_within_60_seconds_naming_the_endpoint_and_its_setting(
    answer: Answer, cause: str
) -> None:
    clock = FakeClock()
    lines: list[str] = []
    script = Script(answer)
    with pytest.raises(TransportError) as caught:
        make_client(script, clock, progress=lines, retry=RetryPolicy()).call(ADD_LIVE_DOMAIN, ADD)

    assert clock.now <= 60.0
    assert lines and all(line.startswith(f"AddLiveDomain at 127.0.0.1:8765: {cause}") for line in lines)
    assert lines[-1].endswith("of 60s)")
    error = caught.value
    assert error.action == "AddLiveDomain" and not error.request_sent
    assert "(AddLiveDomain) failed" in str(error)
    assert f"Nothing answers at {ENDPOINT}, the endpoint set by stack config tclive:endpoint" in str(error)
    assert "60s connect deadline (tclive:connectRetryTimeout)" in str(error)


def test_connect_timeouts_also_end_within_the_connect_deadline() -> None:
    clock = FakeClock()

    def slow_to_fail(request: httpx.Request) -> httpx.Response:
        clock.now += 10.0  # the client's connect timeout
        raise httpx.ConnectTimeout("timed out", request=request)

    lines: list[str] = []
    with pytest.raises(TransportError) as caught:
        make_client(Script(slow_to_fail), clock, progress=lines, retry=RetryPolicy()).call(ADD_LIVE_DOMAIN, ADD)
    assert 40.0 < clock.now <= 60.0
    assert lines[0].startswith("AddLiveDomain at 127.0.0.1:8765: no connection to 127.0.0.1:8765 within the connect")
    assert not caught.value.request_sent


def test_no_network_to_the_real_cloud_names_the_host_and_the_unset_endpoint() -> None:
    clock = FakeClock()
    lines: list[str] = []
    with pytest.raises(TransportError) as caught:
        make_client(Script(unresolvable), clock, endpoint=None, progress=lines, retry=RetryPolicy()).call(
            DESCRIBE_LIVE_DOMAIN, DESCRIBE
        )
    assert clock.now <= 60.0
    assert lines[0].startswith(
        "DescribeLiveDomain at live.tencentcloudapi.com: cannot resolve the host name live.tencentcloudapi.com"
    )
    assert "cannot reach Tencent Cloud at live.tencentcloudapi.com" in str(caught.value)
    assert "tclive:endpoint (or TCLIVE_ENDPOINT) is unset" in str(caught.value)


def test_5xx_answers_keep_the_long_deadline() -> None:
    clock = FakeClock()
    lines: list[str] = []
    with pytest.raises(TransportError) as caught:
        make_client(Script(httpx.Response(502, text="bad gateway")), clock, progress=lines, retry=RetryPolicy()).call(
            ADD_LIVE_DOMAIN, ADD
        )
    assert 280.0 < clock.now <= 300.0
    assert lines[-1].startswith("AddLiveDomain at 127.0.0.1:8765: HTTP 502, retrying") and "of 300s)" in lines[-1]
    assert caught.value.request_sent


def test_a_closed_port_over_a_real_socket_gives_up_at_the_connect_deadline() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again when the block ends: nothing listens there
    lines: list[str] = []
    client = TencentCloudClient(
        Credentials(SECRET_ID, SECRET_KEY),
        endpoint=f"http://127.0.0.1:{port}",
        retry=RetryPolicy(connect_deadline=2.0, base_delay=0.2, max_delay=0.5),
        progress=lines.append,
    )
    with client, pytest.raises(TransportError) as caught:
        client.call(ADD_LIVE_DOMAIN, ADD)
    assert f"connection refused by 127.0.0.1:{port}" in lines[0]
    assert f"Nothing answers at http://127.0.0.1:{port}" in str(caught.value)


def test_progress_goes_to_stderr_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    clock = FakeClock()
    script = Script(api_error("RequestLimitExceeded"), ok())
    client = TencentCloudClient(
        Credentials(SECRET_ID, SECRET_KEY),
        endpoint=ENDPOINT,
        transport=httpx.MockTransport(script),
        sleep=clock.sleep,
        monotonic=clock.monotonic,
        rng=lambda: 1.0,
    )
    client.call(ADD_LIVE_DOMAIN, ADD)
    captured = capsys.readouterr()
    assert captured.out == ""
    assert (
        captured.err
        == "AddLiveDomain at 127.0.0.1:8765: RequestLimitExceeded, retrying in 0.5s (attempt 2, 0s of 300s)\n"
    )


# --- rate limiting and concurrency --------------------------------------------------------------


def test_the_rate_limiter_spaces_calls_per_action() -> None:
    clock = FakeClock()
    script = Script(ok(), clock=clock)
    client = make_client(script, clock)
    slow_add = dataclasses.replace(ADD_LIVE_DOMAIN, rate_limit=2.0)
    slow_describe = dataclasses.replace(DESCRIBE_LIVE_DOMAIN, rate_limit=2.0)

    for _ in range(6):
        client.call(slow_add, ADD)
    client.call(slow_describe, DESCRIBE)

    # A burst of 2, then one call every 0.5 s; another action has its own bucket.
    assert script.times == [0.0, 0.0, 0.5, 1.0, 1.5, 2.0, 2.0]


def test_eight_threads_share_one_client() -> None:
    def echo(request: httpx.Request) -> httpx.Response:
        if not signature_is_valid(request):
            return api_error("AuthFailure.SignatureFailure")
        name = json.loads(request.content)["DomainName"]
        return ok(DomainInfo={"Name": name, "Type": 1, "Status": 1})

    script = Script(echo)
    client = TencentCloudClient(
        Credentials(SECRET_ID, SECRET_KEY), endpoint=ENDPOINT, transport=httpx.MockTransport(script)
    )
    results: dict[int, list[str]] = {}
    failures: list[BaseException] = []

    def worker(index: int) -> None:
        try:
            names = [f"d{index}-{n}.example.com" for n in range(25)]
            answers = [client.call(DESCRIBE_LIVE_DOMAIN, DescribeLiveDomainRequest(DomainName=n)) for n in names]
            results[index] = [a.DomainInfo.Name if a.DomainInfo else "" for a in answers]
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    client.close()

    assert failures == []
    assert results == {i: [f"d{i}-{n}.example.com" for n in range(25)] for i in range(8)}
    assert len(script.requests) == 200


# --- secrets --------------------------------------------------------------------------------------


def test_credentials_repr_hides_the_secret_key_and_token() -> None:
    credentials = Credentials(SECRET_ID, SECRET_KEY, TOKEN)
    for text in (repr(credentials), str(credentials), repr(TencentCloudClient(credentials))):
        assert SECRET_ID in text
        assert SECRET_KEY not in text and TOKEN not in text


def test_secrets_never_appear_in_errors_or_progress_even_when_the_server_echoes_them() -> None:
    def echo_secrets(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, text=f"echo {SECRET_KEY} {request.headers['X-TC-Token']}")

    def error_echoing_secrets(request: httpx.Request) -> httpx.Response:
        return api_error("InvalidParameter", f"bad key {SECRET_KEY} token {TOKEN}")

    answers: list[Answer] = [
        echo_secrets,
        error_echoing_secrets,
        httpx.Response(500, text=f"{SECRET_KEY}{TOKEN}"),
        httpx.ConnectError(f"refused {TOKEN}"),
        api_error("AuthFailure.SignatureFailure"),
        api_error("RequestLimitExceeded", f"slow down {SECRET_KEY}"),
    ]
    texts: list[str] = []
    for answer in answers:
        clock = FakeClock()
        lines: list[str] = []
        client = make_client(
            Script(answer),
            clock,
            credentials=Credentials(SECRET_ID, SECRET_KEY, TOKEN),
            retry=RetryPolicy(write_deadline=2.0, base_delay=1.0, max_delay=1.0),
            progress=lines,
        )
        try:
            client.call(ADD_LIVE_DOMAIN, ADD)
        except TencentCloudError as exc:
            texts += [str(exc), repr(exc), *map(str, exc.args), *lines]
            if isinstance(exc, TencentCloudApiError):
                texts += [exc.message, exc.hint]

    assert len(texts) > len(answers)
    for text in texts:
        assert SECRET_KEY not in text
        assert TOKEN not in text


# --- over a real socket on 127.0.0.1 -----------------------------------------------------------------


class _SigningCheckHandler(http.server.BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        request = httpx.Request("POST", f"http://{self.headers['Host']}/", headers=dict(self.headers), content=body)
        if signature_is_valid(request) and self.headers["Content-Type"] == "application/json":
            payload = {"Response": {"DomainInfo": {"Name": json.loads(body)["DomainName"], "Type": 1, "Status": 1}}}
        else:
            payload = {"Response": {"Error": {"Code": "AuthFailure.SignatureFailure", "Message": "bad"}}}
        data = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output quiet."""


def test_requests_over_a_real_socket_arrive_signed() -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _SigningCheckHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        endpoint = f"http://127.0.0.1:{server.server_address[1]}"
        with TencentCloudClient(Credentials(SECRET_ID, SECRET_KEY), endpoint=endpoint) as client:
            for name in ("a.example.com", "b.example.com"):
                answer = client.call(DESCRIBE_LIVE_DOMAIN, DescribeLiveDomainRequest(DomainName=name))
                assert answer.DomainInfo is not None and answer.DomainInfo.Name == name
    finally:
        server.shutdown()
        server.server_close()


def test_a_server_that_never_answers_times_out_as_a_transport_error() -> None:
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        endpoint = f"http://127.0.0.1:{silent.getsockname()[1]}"
        client = TencentCloudClient(
            Credentials(SECRET_ID, SECRET_KEY),
            endpoint=endpoint,
            read_timeout=0.2,
            retry=RetryPolicy(read_deadline=0.0),
        )
        with pytest.raises(TransportError) as caught:
            client.call(DESCRIBE_LIVE_DOMAIN, DESCRIBE)
        client.close()
    assert "took the connection and never answered within 0.2s" in str(caught.value)
    assert endpoint in str(caught.value)

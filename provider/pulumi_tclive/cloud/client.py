"""The Tencent Cloud API 3.0 client: signed JSON POSTs over httpx, typed answers, retries, rate limits.

Protocol facts, with their Tencent Cloud pages, are in docs/design.md: endpoints, headers and the
``{"Response": ...}`` envelope (#api-30-protocol), signing (#tc3-signing), retries and rate limits.
The same client talks to the real cloud and to the emulator (``endpoint=`` plus an optional
in-process ``transport=``); nothing above this module knows which.
"""

from __future__ import annotations

import importlib.metadata
import json
import random
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from types import TracebackType
from typing import Any, TypeVar

import httpx
from pydantic import ValidationError

from ..errors import ConfigurationError, TencentCloudApiError, ThrottledError, TransportError, code_matches
from . import signing
from .api import Action, ApiRequest, ApiResponse, ErrorBody

__all__ = ["USER_AGENT", "Credentials", "RetryPolicy", "TencentCloudClient", "normalise_endpoint", "one_operation"]

ReqT = TypeVar("ReqT", bound=ApiRequest)
RespT = TypeVar("RespT", bound=ApiResponse)


def _package_version() -> str:
    try:
        return importlib.metadata.version("pulumi-tclive")
    except importlib.metadata.PackageNotFoundError:
        return "0.0.0"


USER_AGENT = f"pulumi-tclive/{_package_version()}"
"""Sent as ``X-TC-RequestClient`` and at the head of ``User-Agent``."""

_CONTENT_TYPE = "application/json"  # no charset: it is signed and must match byte for byte
_REAL_CLOUD_ROOT = "tencentcloudapi.com"
_EXCERPT_CHARS = 200

# docs/design.md#retries-and-rate-limits: Terraform retries these (and their sub-codes) within its deadlines; InternalError never.
# We retry InternalError on read-only actions only: a read has no effect to repeat, whereas a write
# that failed with InternalError may have been committed, so it is never retried blindly.
_INTERNAL_CODES = ("InternalError",)
_THROTTLE_CODES = ("RequestLimitExceeded", "LimitExceeded.RateLimitExceeded")
_BUSY_CODES = ("ResourceInUse", "ResourceUnavailable", "ResourceBusy")

_AUTH_HINTS = {
    "AuthFailure.SecretIdNotFound": (
        "Check tclive:secretId / TENCENTCLOUD_SECRET_ID: the key must exist, be enabled, belong to this "
        "endpoint's account and carry no stray whitespace."
    ),
    "AuthFailure.SignatureFailure": (
        "Check the secret key (tclive:secretKey / TENCENTCLOUD_SECRET_KEY): it must be the one paired with the secret id."
    ),
    "AuthFailure.SignatureExpire": (
        "Check the machine clock: the request time differs from the server's by more than 5 minutes."
    ),
    "AuthFailure.TokenFailure": (
        "Check tclive:securityToken / TENCENTCLOUD_SECURITY_TOKEN: temporary credentials may have expired."
    ),
    "AuthFailure.InvalidSecretId": "The secret id is not an API key; create an API key in the CAM console.",
}


def _print_to_stderr(line: str) -> None:
    print(line, file=sys.stderr)


@dataclass
class _Operation:
    """What the calls of one operation share: when a write in it gave up, and whether its server went silent."""

    write_gave_up_by: float | None = None  # the monotonic end of that write's retry deadline
    write: str = ""  # that write's action
    silent: bool = False  # the last attempt reached the server and got no answer


_OPERATION: ContextVar[_Operation | None] = ContextVar("tclive_operation", default=None)


@contextmanager
def one_operation() -> Iterator[None]:
    """Make the calls inside one operation (a provider's create, update, delete or read) share one deadline.

    Once a write in it has given up, every later call, such as the check whether that write happened
    after all (its answer may have been lost), runs only within what is left of the write's retry
    deadline; and none is sent at all past it when the server took the last request and never
    answered. So the operation fails within the write's retry deadline plus one request timeout.
    """
    token = _OPERATION.set(_Operation())
    try:
        yield
    finally:
        _OPERATION.reset(token)


@dataclass(frozen=True, repr=False)
class Credentials:
    """A Tencent Cloud API key pair, optionally with an STS session token.

    Args:
        secret_id: the ``SecretId`` (AKID…); shown in reprs, it identifies but does not authorise.
        secret_key: the ``SecretKey``; never shown.
        token: the session token of temporary credentials (sent as ``X-TC-Token``); never shown.
    """

    secret_id: str
    secret_key: str
    token: str | None = None

    def __repr__(self) -> str:
        token = "<hidden>" if self.token else "None"
        return f"Credentials(secret_id={self.secret_id!r}, secret_key=<hidden>, token={token})"


@dataclass(frozen=True)
class RetryPolicy:
    """How long and how fast :class:`TencentCloudClient` retries retryable failures.

    Args:
        write_deadline: seconds a write action keeps retrying (Terraform's ``WriteRetryTimeout``, 5 min).
        read_deadline: seconds a read-only action keeps retrying (Terraform's ``ReadRetryTimeout``, 3 min).
        connect_deadline: seconds to keep retrying while no connection can be made at all (the host name
            does not resolve, the connection is refused or times out): that is a wrong endpoint or no
            network, which waiting minutes does not fix. Throttling and 5xx answers keep the long deadlines.
        base_delay: the first backoff cap in seconds; it doubles after every failed attempt.
        max_delay: the largest backoff cap in seconds. Each sleep is uniform in ``[0, cap]`` (full jitter).
    """

    write_deadline: float = 300.0
    read_deadline: float = 180.0
    connect_deadline: float = 60.0
    base_delay: float = 0.5
    max_delay: float = 20.0


class _TokenBucket:
    """Blocks callers so that at most ``rate`` calls per second pass, with bursts of up to ``rate``."""

    def __init__(self, rate: float, *, monotonic: Callable[[], float], sleep: Callable[[float], None]) -> None:
        self._rate = rate
        self._capacity = max(rate, 1.0)
        self._tokens = self._capacity
        self._monotonic = monotonic
        self._sleep = sleep
        self._updated = monotonic()
        self._lock = threading.Lock()

    def acquire(self) -> None:
        while True:
            with self._lock:
                now = self._monotonic()
                self._tokens = min(self._capacity, self._tokens + (now - self._updated) * self._rate)
                self._updated = now
                # The tolerance absorbs float rounding after sleeping exactly the computed wait.
                if self._tokens >= 1.0 - 1e-9:
                    self._tokens -= 1.0
                    return
                wait = (1.0 - self._tokens) / self._rate
            self._sleep(wait)


@dataclass(frozen=True)
class _ApiFailure:
    """``Response.Error`` as received."""

    code: str
    message: str
    request_id: str

    def summary(self) -> str:
        return self.code


@dataclass(frozen=True)
class _TransportFailure:
    """No usable answer: ``label`` for progress lines, ``detail`` for the error, ``retryable`` if trying again may help.

    ``unreachable`` means no connection was made, so the request was never sent (and never committed);
    ``no_answer`` that the server took the connection and the request, and never answered.
    """

    label: str
    detail: str
    retryable: bool
    unreachable: bool = False
    no_answer: bool = False  # the request reached the server, which never answered it

    def summary(self) -> str:
        return self.label


def _connect_failure(exc: httpx.TransportError, host: str) -> str | None:
    """Why no connection to ``host`` could be made, in words; ``None`` when one was made (or may have been)."""
    if isinstance(exc, httpx.ConnectTimeout):
        return f"no connection to {host} within the connect timeout"
    if not isinstance(exc, httpx.ConnectError):
        return None
    cause: BaseException | None = exc
    while cause is not None:  # httpx.ConnectError <- httpcore.ConnectError <- the socket error
        if isinstance(cause, socket.gaierror):
            return f"cannot resolve the host name {host} ({cause.strerror or cause})"
        if isinstance(cause, ConnectionRefusedError):
            return f"connection refused by {host} (nothing listens there)"
        cause = cause.__cause__ or cause.__context__
    return f"cannot connect to {host} ({exc})"


class TencentCloudClient:
    """A thread-safe Tencent Cloud API 3.0 client (TC3-HMAC-SHA256, JSON POST).

    One pooled ``httpx.Client`` per endpoint is created on first use. Use it as a context manager
    or call :meth:`close` to release connections (a later call opens new ones).

    Args:
        credentials: the API key pair (and token) that signs every request.
        endpoint: ``None`` for the real cloud (``https://<service>.tencentcloudapi.com``), otherwise one
            base URL such as ``http://127.0.0.1:8765`` that serves every service (the emulator).
        transport: an httpx transport to send through instead of the network (in-process emulator, tests).
        region: sent as ``X-TC-Region``; the live domain and DNSPod record actions ignore it.
        retry: deadlines and backoff for retryable failures.
        connect_timeout: seconds to establish a connection.
        read_timeout: seconds to wait for an answer (also the write and pool timeouts).
        language: ``X-TC-Language``, the language of error messages: ``en-US`` or ``zh-CN``.
        progress: receives one line per retry; prints to stderr by default.
        sleep: blocks for the given seconds (injectable for tests).
        monotonic: a monotonic clock in seconds for deadlines and rate limits (injectable for tests).
        wall_clock: Unix time in seconds for ``X-TC-Timestamp`` (injectable for tests).
        rng: returns a float in ``[0, 1)`` for backoff jitter (injectable for tests).
    """

    def __init__(
        self,
        credentials: Credentials,
        *,
        endpoint: str | None = None,
        transport: httpx.BaseTransport | None = None,
        region: str = "ap-guangzhou",
        retry: RetryPolicy = RetryPolicy(),
        connect_timeout: float = 10.0,
        read_timeout: float = 30.0,
        language: str = "en-US",
        progress: Callable[[str], None] | None = None,
        sleep: Callable[[float], None] = time.sleep,
        monotonic: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
        rng: Callable[[], float] = random.random,
    ) -> None:
        self._credentials = credentials
        self._endpoint = normalise_endpoint(endpoint) if endpoint is not None else None
        self._transport = transport
        self._region = region
        self._retry = retry
        self._timeout = httpx.Timeout(read_timeout, connect=connect_timeout)
        self._language = language
        self._progress = progress if progress is not None else _print_to_stderr
        self._sleep = sleep
        self._monotonic = monotonic
        self._wall_clock = wall_clock
        self._rng = rng
        self._lock = threading.Lock()
        self._http_clients: dict[str, httpx.Client] = {}
        self._buckets: dict[tuple[str, str], _TokenBucket] = {}

    def __repr__(self) -> str:
        endpoint = self._endpoint or f"https://<service>.{_REAL_CLOUD_ROOT}"
        return f"TencentCloudClient(endpoint={endpoint!r}, credentials={self._credentials!r})"

    def __enter__(self) -> TencentCloudClient:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close every pooled connection."""
        with self._lock:
            clients = list(self._http_clients.values())
            self._http_clients.clear()
        for client in clients:
            client.close()

    def call(self, action: Action[ReqT, RespT], request: ReqT) -> RespT:
        """Send ``request`` as ``action`` and return the parsed ``Response``, retrying per :class:`RetryPolicy`.

        Args:
            action: the API action (service, version, name, models, read-only flag, rate limit).
            request: the request model instance; its ``to_body()`` is the JSON body.

        Raises:
            TencentCloudApiError: the API answered with ``Response.Error`` (after retries for busy resources).
            ThrottledError: ``RequestLimitExceeded*`` persisted until the deadline.
            TransportError: network error, timeout, non-200 status, or a body that is not the expected envelope.
        """
        base_url = self._endpoint or f"https://{action.service}.{_REAL_CLOUD_ROOT}"
        host = httpx.URL(base_url).netloc.decode("ascii")
        payload = json.dumps(request.to_body(), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        full_deadline = self._retry.read_deadline if action.read_only else self._retry.write_deadline
        bucket = self._bucket(action)
        started = self._monotonic()
        operation = _OPERATION.get()
        if operation is not None and operation.write_gave_up_by is not None:
            # After a write that gave up: only what is left of its deadline (see one_operation).
            full_deadline = max(0.0, min(full_deadline, operation.write_gave_up_by - started))
            if full_deadline == 0 and operation.silent:
                raise TransportError(
                    f"{action.name} was not sent: {host} took the connection of the {operation.write} before it and "
                    f"never answered, and the {operation.write}'s retry deadline has passed.",
                    action=action.name,
                    attempts=0,
                    request_sent=False,
                )
        attempt = 0
        while True:
            attempt += 1
            bucket.acquire()
            attempt_started = self._monotonic()
            outcome = self._attempt(action, base_url, payload)
            if operation is not None:
                operation.silent = isinstance(outcome, _TransportFailure) and outcome.no_answer
            if not isinstance(outcome, _ApiFailure | _TransportFailure):
                return outcome
            elapsed = self._monotonic() - started
            cap = min(self._retry.max_delay, self._retry.base_delay * 2 ** (attempt - 1))
            delay = self._rng() * cap
            deadline, next_attempt_ends = full_deadline, elapsed + delay
            if isinstance(outcome, _TransportFailure) and outcome.unreachable:
                # The next try will likely take as long as this one (a connect timeout): it must end in time too.
                deadline = min(full_deadline, self._retry.connect_deadline)
                next_attempt_ends += self._monotonic() - attempt_started
            if not self._retryable(outcome, action) or next_attempt_ends > deadline:
                if operation is not None and not action.read_only and operation.write_gave_up_by is None:
                    operation.write_gave_up_by, operation.write = started + full_deadline, action.name
                raise self._error(action, base_url, outcome, attempt, elapsed, deadline)
            self._progress(
                f"{action.name} at {host}: {outcome.summary()}, retrying in {delay:.1f}s "
                f"(attempt {attempt + 1}, {elapsed:.0f}s of {deadline:.0f}s)"
            )
            self._sleep(delay)

    def _bucket(self, action: Action[Any, Any]) -> _TokenBucket:
        key = (action.service, action.name)
        with self._lock:
            bucket = self._buckets.get(key)
            if bucket is None:
                bucket = _TokenBucket(action.rate_limit, monotonic=self._monotonic, sleep=self._sleep)
                self._buckets[key] = bucket
            return bucket

    def _http_client(self, base_url: str) -> httpx.Client:
        with self._lock:
            client = self._http_clients.get(base_url)
            if client is None:
                client = httpx.Client(transport=self._transport, timeout=self._timeout, follow_redirects=False)
                self._http_clients[base_url] = client
            return client

    def _attempt(
        self, action: Action[ReqT, RespT], base_url: str, payload: bytes
    ) -> RespT | _ApiFailure | _TransportFailure:
        host = httpx.URL(base_url).netloc.decode("ascii")
        timestamp = int(self._wall_clock())
        headers = {"Content-Type": _CONTENT_TYPE, "Host": host}
        authorization = signing.authorization_header(
            secret_id=self._credentials.secret_id,
            secret_key=self._credentials.secret_key,
            service=action.service,
            timestamp=timestamp,
            headers=headers,
            payload=payload,
        )
        headers.update(
            {
                "X-TC-Action": action.name,
                "X-TC-Version": action.version,
                "X-TC-Timestamp": str(timestamp),
                "X-TC-Region": self._region,
                "X-TC-Language": self._language,
                "X-TC-RequestClient": USER_AGENT,
                "User-Agent": f"{USER_AGENT} python-httpx/{httpx.__version__}",
                "Authorization": authorization,
            }
        )
        if self._credentials.token:
            headers["X-TC-Token"] = self._credentials.token
        try:
            answer = self._http_client(base_url).post(base_url + "/", content=payload, headers=headers)
        except httpx.TransportError as exc:
            what = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
            not_connected = _connect_failure(exc, host)
            if not_connected is not None:
                return _TransportFailure(
                    self._redact(not_connected), self._redact(what), retryable=True, unreachable=True
                )
            if isinstance(exc, httpx.ReadTimeout):
                silence = f"took the connection and never answered within {self._timeout.read:g}s"
                return _TransportFailure(
                    f"the server {silence}", f"{host} {silence} ({what})", retryable=True, no_answer=True
                )
            label = f"{type(exc).__name__} ({exc})" if str(exc) else type(exc).__name__
            return _TransportFailure(self._redact(label), self._redact(what), retryable=True)
        return self._parse(action, answer)

    def _parse(self, action: Action[ReqT, RespT], answer: httpx.Response) -> RespT | _ApiFailure | _TransportFailure:
        if answer.status_code != 200:
            return _TransportFailure(
                f"HTTP {answer.status_code}",
                f"HTTP {answer.status_code} {answer.reason_phrase}{self._excerpt(answer)}",
                retryable=True,
            )
        try:
            document = json.loads(answer.content)
        except ValueError:
            return _TransportFailure(
                "non-JSON answer", f"the answer is not JSON{self._excerpt(answer)}", retryable=False
            )
        envelope = document.get("Response") if isinstance(document, dict) else None
        if not isinstance(envelope, dict):
            return _TransportFailure(
                "not an API 3.0 answer",
                f'the answer is not the API 3.0 envelope {{"Response": {{...}}}}{self._excerpt(answer)}',
                retryable=False,
            )
        request_id = envelope.get("RequestId")
        request_id = request_id if isinstance(request_id, str) else ""
        if "Error" in envelope:
            try:
                error = ErrorBody.model_validate(envelope["Error"])
            except ValidationError:
                return _TransportFailure(
                    "malformed Response.Error",
                    f"Response.Error has no Code (RequestId {request_id or 'none'}){self._excerpt(answer)}",
                    retryable=False,
                )
            return _ApiFailure(error.Code, self._redact(error.Message), request_id)
        try:
            return action.response.model_validate(envelope)
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(str(p) for p in e['loc']) or '<root>'}: {e['msg']}"
                for e in exc.errors(include_input=False, include_url=False)[:3]
            )
            return _TransportFailure(
                "unexpected answer",
                f"the answer does not match {action.response.__name__} ({problems}; RequestId {request_id or 'none'}); "
                "the endpoint speaks a different version of the API than pulumi-tclive expects",
                retryable=False,
            )

    @staticmethod
    def _retryable(failure: _ApiFailure | _TransportFailure, action: Action[Any, Any]) -> bool:
        if isinstance(failure, _TransportFailure):
            return failure.retryable
        codes = _THROTTLE_CODES + _BUSY_CODES + (_INTERNAL_CODES if action.read_only else ())
        return code_matches(failure.code, *codes)

    def _error(
        self,
        action: Action[Any, Any],
        base_url: str,
        failure: _ApiFailure | _TransportFailure,
        attempts: int,
        elapsed: float,
        deadline: float,
    ) -> TencentCloudApiError | TransportError:
        if isinstance(failure, _ApiFailure):
            if code_matches(failure.code, *_THROTTLE_CODES):
                return ThrottledError(
                    action=action.name,
                    code=failure.code,
                    message=failure.message,
                    request_id=failure.request_id,
                    attempts=attempts,
                    hint=(
                        f"Tencent Cloud kept throttling for {elapsed:.0f}s of the {deadline:.0f}s retry deadline; "
                        "run fewer operations at once (pulumi up --parallel N) or try again later"
                    ),
                )
            return TencentCloudApiError(
                action=action.name,
                code=failure.code,
                message=failure.message,
                request_id=failure.request_id,
                attempts=attempts,
                hint=self._hint(action, failure.code),
            )
        plural = "attempt" if attempts == 1 else "attempts"
        host = httpx.URL(base_url).host
        if failure.unreachable and self._endpoint is not None:
            advice = (
                f"Nothing answers at {self._endpoint}, the endpoint set by stack config tclive:endpoint (or "
                "environment variable TCLIVE_ENDPOINT): start the emulator there (`tclive emulator serve` prints "
                "its URL), set tclive:endpoint to 'embedded' for the in-process emulator, or remove it for the "
                "real Tencent Cloud."
            )
        elif failure.unreachable:
            advice = (
                f"This machine cannot reach Tencent Cloud at {host}: check its network, DNS and proxy "
                "(HTTPS_PROXY). tclive:endpoint (or TCLIVE_ENDPOINT) is unset, which means the real Tencent "
                "Cloud; set it to 'embedded' to use the in-process emulator instead."
            )
        elif self._endpoint is None:
            advice = (
                f"Check the network path to {host} (proxy, firewall, DNS); "
                "tclive:endpoint / TCLIVE_ENDPOINT is unset, so the real Tencent Cloud is used."
            )
        else:
            advice = (
                f"Check the network and the endpoint setting tclive:endpoint / TCLIVE_ENDPOINT ({self._endpoint}): "
                "it must point at a running tclive emulator or a Tencent Cloud API 3.0 endpoint."
            )
        gave_up = f"{attempts} {plural} in {elapsed:.1f}s"
        if failure.unreachable and attempts > 1:
            gave_up += f", giving up after the {deadline:.0f}s connect deadline (tclive:connectRetryTimeout)"
        elif failure.no_answer:
            setting = "tclive:readRetryTimeout" if action.read_only else "tclive:writeRetryTimeout"
            gave_up += f", giving up at the {deadline:.0f}s retry deadline ({setting})"
            advice = (
                "A server that accepts connections but never answers is overloaded, or is not a Tencent Cloud "
                f"API 3.0 endpoint. {advice}"
            )
        return TransportError(
            f"POST {base_url}/ ({action.name}) failed: {failure.detail}; {gave_up}. {advice}",
            action=action.name,
            attempts=attempts,
            request_sent=not failure.unreachable,
        )

    @staticmethod
    def _hint(action: Action[Any, Any], code: str) -> str:
        if code in _AUTH_HINTS:
            return _AUTH_HINTS[code]
        if code_matches(code, "AuthFailure.UnauthorizedOperation", "UnauthorizedOperation"):
            return (
                f"The key's CAM policy does not allow {action.service}:{action.name}; "
                "ask the account administrator to grant it (CAM console → policies)."
            )
        return ""

    def _excerpt(self, answer: httpx.Response) -> str:
        text = answer.content[: _EXCERPT_CHARS * 4].decode("utf-8", errors="replace")
        text = " ".join(self._redact(text).split())
        if not text:
            return ", empty body"
        cut = text[:_EXCERPT_CHARS] + ("…" if len(text) > _EXCERPT_CHARS else "")
        content_type = answer.headers.get("content-type", "none")
        return f", Content-Type {content_type}, body starts {cut!r}"

    def _redact(self, text: str) -> str:
        for secret in (self._credentials.secret_key, self._credentials.token):
            if secret:
                text = text.replace(secret, "<hidden>")
        return text


def normalise_endpoint(endpoint: str) -> str:
    """``http(s)://host[:port]`` without a trailing slash; anything else is a configuration error."""
    problem = ""
    try:
        url = httpx.URL(endpoint.strip())
    except httpx.InvalidURL as exc:
        problem = str(exc)
    else:
        if url.scheme not in ("http", "https"):
            problem = "the scheme must be http or https"
        elif not url.host:
            problem = "it has no host"
        elif url.path not in ("", "/") or url.query or url.fragment:
            problem = "API 3.0 is served at the root path '/', so the URL must not carry a path or query"
    if problem:
        raise ConfigurationError(
            f"tclive:endpoint / TCLIVE_ENDPOINT is {endpoint!r}: {problem}. "
            "Use http://HOST:PORT of an emulator (as printed by `tclive emulator serve`), "
            "or leave it unset for the real Tencent Cloud."
        )
    return f"{url.scheme}://{url.netloc.decode('ascii')}"

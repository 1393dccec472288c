"""Helpers of the emulator tests: :class:`Api` (one emulator, one client, raw requests) and envelope checks."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from pulumi_tclive.cloud import signing
from pulumi_tclive.cloud.api import Action
from pulumi_tclive.cloud.client import Credentials, RetryPolicy, TencentCloudClient
from pulumi_tclive.emulator import Emulator
from pulumi_tclive.errors import TencentCloudApiError


class StepClock:
    """Monotonic time that moves only when the client sleeps, so a retry deadline passes at once.

    Signatures keep the real wall clock: the emulator checks their freshness against real time.
    """

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@dataclass
class Api:
    """One emulator and a client on it, reached ``in-process`` or over a ``socket``."""

    emulator: Emulator
    endpoint: str
    transport: httpx.BaseTransport | None

    def __post_init__(self) -> None:
        self.client = self.make_client()

    def make_client(self, credentials: Credentials | None = None, **kwargs: Any) -> TencentCloudClient:
        """A client on this endpoint (default credentials unless given)."""
        return TencentCloudClient(
            credentials or self.emulator.credentials, endpoint=self.endpoint, transport=self.transport, **kwargs
        )

    def call(self, action: Action[Any, Any], **fields: Any) -> Any:
        """Call ``action`` with a request built from ``fields``."""
        return self.client.call(action, action.request(**fields))

    def error(self, action: Action[Any, Any], **fields: Any) -> TencentCloudApiError:
        """Call ``action`` expecting ``Response.Error``; return the raised error."""
        with pytest.raises(TencentCloudApiError) as info:
            self.call(action, **fields)
        return info.value

    def raw(
        self,
        body: bytes,
        *,
        action: str = "DescribeLiveDomains",
        service: str = "live",
        version: str = "2018-08-01",
        method: str = "POST",
        timestamp: int | None = None,
        credentials: Credentials | None = None,
        sign_body: bytes | None = None,
        scope_timestamp: int | None = None,
        drop: tuple[str, ...] = (),
        authorization: str | None = None,
        query: str = "",
        sign_query: str | None = None,
        extra_headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        """Send hand-made request bytes, signed like the SDKs unless told otherwise."""
        creds = credentials or self.emulator.credentials
        stamp = int(time.time()) if timestamp is None else timestamp
        host = httpx.URL(self.endpoint).netloc.decode()
        content_type = "application/x-www-form-urlencoded" if method == "GET" else "application/json"
        signed = {"Content-Type": content_type, "Host": host}
        auth = signing.authorization_header(
            secret_id=creds.secret_id,
            secret_key=creds.secret_key,
            service=service,
            timestamp=stamp if scope_timestamp is None else scope_timestamp,
            headers=signed,
            payload=body if sign_body is None else sign_body,
            method=method,
            query=query if sign_query is None else sign_query,
        )
        headers = {
            "Content-Type": content_type,
            "X-TC-Action": action,
            "X-TC-Version": version,
            "X-TC-Timestamp": str(stamp),
            "Authorization": auth if authorization is None else authorization,
        }
        headers.update(extra_headers or {})
        for name in drop:
            del headers[name]
        url = self.endpoint + "/" + (f"?{query}" if query else "")
        with httpx.Client(transport=self.transport) as http:
            return http.request(method, url, content=body, headers=headers)


def envelope(answer: httpx.Response) -> dict[str, Any]:
    """The ``Response`` object of an HTTP 200 ``application/json`` answer (asserting both)."""
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/json"
    document = json.loads(answer.content)
    assert set(document) == {"Response"}
    response: dict[str, Any] = document["Response"]
    assert isinstance(response["RequestId"], str) and len(response["RequestId"]) == 36
    return response


def error_code(answer: httpx.Response) -> str:
    """The ``Response.Error.Code`` of an answer."""
    code: str = envelope(answer)["Error"]["Code"]
    return code


FAST = RetryPolicy(write_deadline=1.0, read_deadline=1.0, base_delay=0.01, max_delay=0.05)

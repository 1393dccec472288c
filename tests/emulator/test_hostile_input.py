"""Hostile requests: client mistakes get Tencent's parameter errors, never InternalError or a logged traceback.

Each code the emulator answers is one Tencent documents (tests/contract/oracle.py: the SDK's
``errorcodes.py`` and API 3.0's common error codes).
"""

from __future__ import annotations

import io
import json
import logging
import socket
import time
import urllib.parse
from typing import Any

import httpx
import pytest

from pulumi_tclive.cloud import signing
from pulumi_tclive.emulator import Emulator, EmulatorServer
from pulumi_tclive.emulator.app import MAX_BODY_BYTES
from tests.contract.oracle import COMMON_ERROR_CODES, SDK
from tests.emulator.helpers import Api, envelope, error_code

DOCUMENTED = SDK["live"].error_codes | COMMON_ERROR_CODES


def assert_refused_quietly(answer: httpx.Response, code: str, caplog: pytest.LogCaptureFixture) -> dict[str, Any]:
    """``answer`` is the error ``code`` (a documented one), and the emulator logged no traceback for it."""
    error: dict[str, Any] = envelope(answer)["Error"]
    assert error["Code"] == code, error
    assert code in DOCUMENTED
    assert not [record for record in caplog.records if record.exc_info], "the emulator logged a traceback"
    return error


@pytest.mark.parametrize(
    ("body", "code", "named"),
    [
        (b'{"DomainName": "\\ud800.example.com", "DomainType": 1}', "InvalidParameterValue", "DomainName"),
        (b'{"\\ud800": 1}', "InvalidParameter", "\\ud800"),
        (b'{"DomainName": "a", "Tags": [{"Key": "\\udfff"}]}', "InvalidParameterValue", "Key"),
    ],
    ids=["value", "key", "nested value"],
)
def test_a_lone_surrogate_is_a_parameter_error(
    api: Api, caplog: pytest.LogCaptureFixture, body: bytes, code: str, named: str
) -> None:
    caplog.set_level(logging.INFO, logger="pulumi_tclive.emulator")
    error = assert_refused_quietly(api.raw(body, action="AddLiveDomain"), code, caplog)
    assert named in error["Message"] and "surrogate" in error["Message"]


@pytest.mark.parametrize("depth", [100_000, 33])
def test_json_nested_too_deep_is_invalid_parameter(api: Api, caplog: pytest.LogCaptureFixture, depth: int) -> None:
    caplog.set_level(logging.INFO, logger="pulumi_tclive.emulator")
    body = b'{"a":' * depth + b'"x"' + b"}" * depth
    error = assert_refused_quietly(api.raw(body, action="AddLiveDomain"), "InvalidParameter", caplog)
    assert "deeper than 32 levels" in error["Message"]


def v1_post(api: Api, extra: dict[str, str], *, nonce: str = "4217", timestamp: int | None = None) -> httpx.Response:
    """A signature v1 POST (form body, HmacSHA256) of DescribeLiveDomains with ``extra`` parameters."""
    host = "live.tencentcloudapi.com"  # v1 has no credential scope: the Host names the service
    params = {
        "Action": "DescribeLiveDomains",
        "Version": "2018-08-01",
        "Timestamp": str(int(time.time()) if timestamp is None else timestamp),
        "Nonce": nonce,
        "SecretId": api.emulator.credentials.secret_id,
        "SignatureMethod": "HmacSHA256",
        **extra,
    }
    params["Signature"] = signing.legacy_signature(
        secret_key=api.emulator.credentials.secret_key, method="POST", host=host, params=params, algorithm="HmacSHA256"
    )
    with httpx.Client(transport=api.transport) as http:
        return http.post(
            api.endpoint + "/",
            content=urllib.parse.urlencode(params).encode(),
            headers={"Content-Type": "application/x-www-form-urlencoded", "Host": host},
        )


def test_a_v1_key_with_5000_dots_is_invalid_parameter(api: Api, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="pulumi_tclive.emulator")
    error = assert_refused_quietly(v1_post(api, {"a." * 5000 + "b": "1"}), "InvalidParameter", caplog)
    assert "5001 dotted parts" in error["Message"]


def test_a_replayed_v1_nonce_is_refused_and_a_fresh_one_accepted(api: Api, caplog: pytest.LogCaptureFixture) -> None:
    stamp = int(time.time())
    first = v1_post(api, {}, nonce="4217", timestamp=stamp)
    assert "Error" not in envelope(first)
    replayed = assert_refused_quietly(v1_post(api, {}, nonce="4217", timestamp=stamp), "InvalidParameterValue", caplog)
    assert "The Nonce 4217 was already used with Timestamp" in replayed["Message"]
    assert "Error" not in envelope(v1_post(api, {}, nonce="4218", timestamp=stamp))
    assert "Error" not in envelope(v1_post(api, {}, nonce="4217", timestamp=stamp - 1))


class Unreadable(io.RawIOBase):
    """A request body that must never be read."""

    def read(self, size: int = -1) -> bytes:
        raise AssertionError("the emulator read a body it should have refused by its length")


def test_an_oversized_body_is_refused_in_process_before_it_is_read(emulator: Emulator) -> None:
    answers: list[str] = []
    environ = {
        "REQUEST_METHOD": "POST",
        "CONTENT_LENGTH": str(300 << 20),
        "CONTENT_TYPE": "application/json",
        "wsgi.input": Unreadable(),
    }
    chunks = emulator.wsgi_app()(environ, lambda status, headers, exc_info=None: answers.append(status))  # type: ignore[arg-type]
    answer = json.loads(b"".join(chunks))["Response"]
    assert answers == ["200 OK"]
    assert answer["Error"]["Code"] == "RequestSizeLimitExceeded" and str(300 << 20) in answer["Error"]["Message"]
    assert "RequestSizeLimitExceeded" in COMMON_ERROR_CODES


def test_an_oversized_body_is_refused_by_the_server_before_it_is_sent(emulator: Emulator) -> None:
    with EmulatorServer(emulator).start() as server, socket.create_connection((server.host, server.port)) as conn:
        # Headers only: a server that buffers the body first would wait here for 300 MiB that never come.
        conn.sendall(
            f"POST / HTTP/1.1\r\nHost: {server.host}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {300 << 20}\r\n\r\n".encode()
        )
        conn.settimeout(10)
        status = conn.recv(4096).split(b"\r\n", 1)[0]
    assert status == b"HTTP/1.1 413 Request Entity Too Large"


def test_a_body_at_the_limit_is_read(api: Api) -> None:
    padding = MAX_BODY_BYTES - len(b'{"DomainName":""}')
    body = b'{"DomainName":"' + b"a" * padding + b'"}'
    assert len(body) == MAX_BODY_BYTES
    assert error_code(api.raw(body, action="DescribeLiveDomain")) != "RequestSizeLimitExceeded"

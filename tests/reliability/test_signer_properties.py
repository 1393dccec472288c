"""The TC3 signer and the emulator's verifier agree on every body: arbitrary JSON, arbitrary Unicode.

A signature mismatch would show as ``AuthFailure.SignatureFailure``; any body the signer signed must
instead reach the action's own validation (``UnknownParameter`` for a field the action does not
have) or its handler (a non-auth answer).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pulumi_tclive.cloud import signing
from pulumi_tclive.cloud.client import TencentCloudClient
from pulumi_tclive.cloud.live import (
    DESCRIBE_LIVE_DOMAIN,
    DESCRIBE_LIVE_DOMAINS,
    DescribeLiveDomainRequest,
    DescribeLiveDomainsRequest,
)
from pulumi_tclive.emulator import EMBEDDED_ENDPOINT, Emulator
from pulumi_tclive.errors import TencentCloudApiError

EXAMPLES = 60
# Text a JSON document can carry in UTF-8: anything but lone surrogates.
TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | TEXT,
    lambda children: st.lists(children, max_size=5) | st.dictionaries(TEXT, children, max_size=5),
    max_leaves=25,
)
KNOWN_FIELDS = set(DescribeLiveDomainsRequest.model_fields)


@pytest.fixture(scope="module")
def emulator(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Emulator]:
    instance = Emulator(Path(tmp_path_factory.mktemp("signer")) / "emulator.sqlite3")
    yield instance
    instance.close()


@pytest.fixture(scope="module")
def client(emulator: Emulator) -> Iterator[TencentCloudClient]:
    with emulator.client(progress=lambda _: None) as api:
        yield api


def signed_post(emulator: Emulator, action: str, body: bytes) -> dict[str, Any]:
    """POST ``body`` to ``live`` ``action``, signed by :mod:`pulumi_tclive.cloud.signing`; the ``Response``."""
    stamp = int(time.time())
    headers = {"Content-Type": "application/json", "Host": httpx.URL(EMBEDDED_ENDPOINT).netloc.decode()}
    headers["Authorization"] = signing.authorization_header(
        secret_id=emulator.credentials.secret_id,
        secret_key=emulator.credentials.secret_key,
        service="live",
        timestamp=stamp,
        headers=dict(headers),
        payload=body,
    )
    headers.update({"X-TC-Action": action, "X-TC-Version": "2018-08-01", "X-TC-Timestamp": str(stamp)})
    with httpx.Client(transport=emulator.transport()) as http:
        answer = http.post(EMBEDDED_ENDPOINT + "/", content=body, headers=headers)
    assert answer.status_code == 200
    response: dict[str, Any] = json.loads(answer.content)["Response"]
    return response


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True)
@given(field=TEXT.filter(lambda name: name not in KNOWN_FIELDS), value=JSON_VALUES, ascii_only=st.booleans())
def test_any_json_under_an_unknown_field_is_verified_then_refused_as_unknown(
    emulator: Emulator, field: str, value: object, ascii_only: bool
) -> None:
    body = json.dumps({field: value}, ensure_ascii=ascii_only, separators=(",", ":")).encode("utf-8")
    error = signed_post(emulator, "DescribeLiveDomains", body).get("Error")
    assert error is not None and error["Code"] == "UnknownParameter", error


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True)
@given(name=TEXT)
def test_any_unicode_domain_name_gets_a_non_auth_answer_through_the_client(
    client: TencentCloudClient, name: str
) -> None:
    try:
        answer = client.call(DESCRIBE_LIVE_DOMAIN, DescribeLiveDomainRequest(DomainName=name))
    except TencentCloudApiError as exc:
        assert not exc.code.startswith("AuthFailure"), str(exc)
    else:
        assert answer.DomainInfo is None, "the account holds no domain"


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True)
@given(prefix=TEXT)
def test_any_unicode_prefix_lists_nothing_without_auth_failure(client: TencentCloudClient, prefix: str) -> None:
    answer = client.call(DESCRIBE_LIVE_DOMAINS, DescribeLiveDomainsRequest(DomainPrefix=prefix))
    assert answer.AllCount == 0 and answer.DomainList == []

"""Our signer and the official SDK's produce identical headers for the same requests.

Two directions: the SDK builds a request (POST JSON, GET, unsigned payload, a token…) and our
``signing`` module must compute the very same ``Authorization``; and our client's real request
bytes, signed by the SDK's own routine, must give the ``Authorization`` our client sent.
"""

from __future__ import annotations

import json
import types
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from tencentcloud.common import abstract_client, credential
from tencentcloud.common.http.request import RequestInternal
from tencentcloud.common.profile.client_profile import ClientProfile
from tencentcloud.common.profile.http_profile import HttpProfile

from pulumi_tclive.cloud import signing
from pulumi_tclive.cloud.client import Credentials, TencentCloudClient
from pulumi_tclive.cloud.dnspod import (
    CREATE_RECORD,
    DESCRIBE_DOMAIN_LIST,
    CreateRecordRequest,
    DescribeDomainListRequest,
)
from pulumi_tclive.cloud.live import (
    ADD_LIVE_DOMAIN,
    DESCRIBE_LIVE_DOMAINS,
    AddLiveDomainRequest,
    DescribeLiveDomainsRequest,
)
from tests.contract.oracle import SDK

SECRET_ID = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE"
SECRET_KEY = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE"
TIMESTAMP = 1785916800  # 2026-08-05T08:00:00Z
NON_ASCII_RECORD = {
    "Domain": "例子.example.com",
    "SubDomain": "直播",
    "RecordType": "TXT",
    "RecordLine": "默认",
    "Value": "✓ ok",
}


@dataclass(frozen=True)
class Signed:
    service: str
    action: str
    params: dict[str, Any]
    method: str = "POST"
    unsigned: bool = False
    token: str | None = None
    host: str = field(default="")

    @property
    def id(self) -> str:
        flags = [self.method] + (["unsigned"] if self.unsigned else []) + (["token"] if self.token else [])
        return f"{self.action}-{'-'.join(flags)}{'-' + self.host if self.host else ''}"


TABLE = (
    Signed("live", "DescribeLiveDomains", {}),
    Signed("live", "AddLiveDomain", {"DomainName": "play.example.com", "DomainType": 1}),
    Signed(
        "live",
        "DescribeBillBandwidthAndFluxList",
        {
            "StartTime": "2026-06-01 00:00:00",
            "EndTime": "2026-06-01 01:00:00",
            "PlayDomains": ["a.example.com", "b.example.com"],
        },
    ),
    Signed("dnspod", "CreateRecord", NON_ASCII_RECORD),
    Signed("dnspod", "CreateRecord", NON_ASCII_RECORD, unsigned=True),
    Signed("dnspod", "CreateRecord", NON_ASCII_RECORD, method="GET"),
    Signed("dnspod", "DescribeDomainList", {"Tags": [{"TagKey": "team", "TagValue": ["live", "直播"]}]}, method="GET"),
    Signed("live", "DescribeLiveDomains", {"PageSize": 20}, token="a-session-token"),
    Signed("live", "DescribeLiveDomains", {"PageSize": 20}, host="127.0.0.1:8765"),
)


def _sdk_request(case: Signed, monkeypatch: pytest.MonkeyPatch) -> RequestInternal:
    """The request the SDK would send for ``case``, built by its own code at ``TIMESTAMP``."""
    monkeypatch.setattr(abstract_client, "time", types.SimpleNamespace(time=lambda: TIMESTAMP))
    http = HttpProfile(endpoint=case.host or None, reqMethod=case.method)
    profile = ClientProfile(httpProfile=http)
    profile.unsignedPayload = case.unsigned
    client = SDK[case.service].client(credential.Credential(SECRET_ID, SECRET_KEY, case.token), "ap-guangzhou", profile)
    request = RequestInternal(client._get_endpoint(), case.method, "/", header={})
    client._build_req_inter(case.action, case.params, request)
    return request


@pytest.mark.parametrize("case", TABLE, ids=lambda case: case.id)
def test_our_signer_matches_the_sdk(case: Signed, monkeypatch: pytest.MonkeyPatch) -> None:
    request = _sdk_request(case, monkeypatch)
    headers = request.header
    if case.method == "GET":
        payload, query = b"", request.data
    else:
        payload, query = request.data.encode("utf-8"), ""
    ours = signing.authorization_header(
        secret_id=SECRET_ID,
        secret_key=SECRET_KEY,
        service=case.service,
        timestamp=int(headers["X-TC-Timestamp"]),
        headers={"Content-Type": headers["Content-Type"], "Host": headers["Host"]},
        payload=signing.UNSIGNED_PAYLOAD.encode() if case.unsigned else payload,
        method=case.method,
        query=query,
    )
    assert ours == headers["Authorization"]
    assert headers["X-TC-Timestamp"] == str(TIMESTAMP)


def test_signature_v1_matches_the_sdk(monkeypatch: pytest.MonkeyPatch) -> None:
    for method in ("POST", "GET"):
        for algorithm in signing.LEGACY_ALGORITHMS:
            monkeypatch.setattr(abstract_client, "time", types.SimpleNamespace(time=lambda: TIMESTAMP))
            profile = ClientProfile(signMethod=algorithm, httpProfile=HttpProfile(reqMethod=method))
            client = SDK["dnspod"].client(credential.Credential(SECRET_ID, SECRET_KEY), "ap-guangzhou", profile)
            request = RequestInternal(client._get_endpoint(), method, "/", header={})
            client._build_req_inter("CreateRecord", dict(NON_ASCII_RECORD), request)
            params = dict(httpx.QueryParams(request.data))
            sent = params.pop("Signature")
            ours = signing.legacy_signature(
                secret_key=SECRET_KEY, method=method, host=client._get_endpoint(), params=params, algorithm=algorithm
            )
            assert ours == sent, (method, algorithm)


# Our client's own requests, captured on the wire.
OUR_CALLS = (
    (DESCRIBE_LIVE_DOMAINS, DescribeLiveDomainsRequest(PageSize=20)),
    (ADD_LIVE_DOMAIN, AddLiveDomainRequest(DomainName="play.example.com", DomainType=1, IsMiniProgramLive=1)),
    (CREATE_RECORD, CreateRecordRequest(**NON_ASCII_RECORD)),
    (DESCRIBE_DOMAIN_LIST, DescribeDomainListRequest(Keyword="例子")),
)


@pytest.mark.parametrize(("action", "request_model"), OUR_CALLS, ids=[action.name for action, _ in OUR_CALLS])
def test_our_clients_request_is_signed_as_the_sdk_signs_it(action: Any, request_model: Any) -> None:
    captured: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        captured.append(request)
        return httpx.Response(
            200, json={"Response": {"RequestId": "r", "RecordId": 1, "DomainInfo": {"Id": 1, "Domain": "x"}}}
        )

    with TencentCloudClient(
        Credentials(SECRET_ID, SECRET_KEY),
        endpoint="https://example.tencentcloudapi.com",
        transport=httpx.MockTransport(answer),
        wall_clock=lambda: TIMESTAMP,
    ) as client:
        client.call(action, request_model)
    sent = captured[0]
    assert json.loads(sent.content) == request_model.to_body()
    sdk_client = SDK[action.service].client(credential.Credential(SECRET_ID, SECRET_KEY), "ap-guangzhou")
    request = RequestInternal(sent.headers["Host"], "POST", "/", header={})
    for name in ("Content-Type", "Host", "X-TC-Timestamp"):
        request.header[name] = sent.headers[name]
    request.data = sent.content.decode("utf-8")
    signature = sdk_client._get_tc3_signature({}, request, signing.scope_date(TIMESTAMP), action.service, SECRET_KEY)
    assert sent.headers["Authorization"].endswith(f"Signature={signature}")
    assert sent.headers["X-TC-Action"] == action.name and sent.headers["X-TC-Version"] == action.version
    assert sent.headers["X-TC-Timestamp"] == str(TIMESTAMP)

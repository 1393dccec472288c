"""The SDK's transport options against the served emulator: POST JSON, GET, unsigned payload, Region, signature v1.

Every option must give the same answer as the default (POST JSON, signed payload, TC3-HMAC-SHA256),
including parameters that are lists, nested structures and non-ASCII text, which GET and
signature v1 flatten into ``Name.0.Field=value`` form parameters.
"""

from __future__ import annotations

from typing import Any

import pytest
from tencentcloud.common.exception.tencent_cloud_sdk_exception import TencentCloudSDKException

from pulumi_tclive.cloud.client import Credentials
from pulumi_tclive.cloud.dnspod import CREATE_DOMAIN, CreateDomainRequest
from pulumi_tclive.emulator.console_api import RECORD_TRAFFIC, RecordTrafficRequest
from tests.contract.cases import PLAY, ZONE, cname, play, zone
from tests.contract.sdk_env import SdkEnv, call_sdk

OPTIONS: dict[str, dict[str, Any]] = {
    "POST JSON": {},
    "GET": {"method": "GET"},
    "unsigned payload": {"unsigned": True},
    "GET, unsigned payload": {"method": "GET", "unsigned": True},
    "no Region header": {"region": ""},
    "Region ap-shanghai": {"region": "ap-shanghai"},
    "signature v1 HmacSHA256 (POST form)": {"sign_method": "HmacSHA256"},
    "signature v1 HmacSHA256 (GET)": {"sign_method": "HmacSHA256", "method": "GET"},
    "signature v1 HmacSHA1": {"sign_method": "HmacSHA1"},
}

# Reads whose answers must not depend on the transport, with parameters of every shape, each of
# which filters something out: a transport that dropped or garbled one would change the answer.
READS: tuple[tuple[str, str, dict[str, Any]], ...] = (
    ("live", "DescribeLiveDomains", {"DomainType": 1, "PageSize": 20}),
    (
        "live",
        "DescribeBillBandwidthAndFluxList",
        {
            "StartTime": "2026-06-01 00:00:00",
            "EndTime": "2026-06-01 02:00:00",
            "PlayDomains": [PLAY],
            "Granularity": 60,
        },
    ),
    ("dnspod", "DescribeDomainList", {"Keyword": "example", "Tags": [{"TagKey": "team", "TagValue": ["live"]}]}),
    ("dnspod", "DescribeRecordList", {"Domain": ZONE, "Subdomain": "play", "RecordLine": "默认"}),
)
EXPECTED = {
    "DescribeLiveDomains": lambda answer: answer["AllCount"] == 1,
    "DescribeBillBandwidthAndFluxList": lambda answer: answer["SumFlux"] == 5.0,
    "DescribeDomainList": lambda answer: [zone["Name"] for zone in answer["DomainList"]] == [ZONE],
    "DescribeRecordList": lambda answer: [record["Name"] for record in answer["RecordList"]] == ["play"],
}


@pytest.fixture
def arranged(sdk_env: SdkEnv) -> SdkEnv:
    zone(sdk_env.admin)
    sdk_env.admin.call(CREATE_DOMAIN, CreateDomainRequest(Domain="example.org"))
    cname(sdk_env.admin)
    play(sdk_env.admin)
    for domain in (PLAY, "other.example.com"):  # 01:30 Beijing time on 1 June
        sdk_env.admin.call(
            RECORD_TRAFFIC, RecordTrafficRequest(DomainName=domain, Bytes=5_000_000, Time="2026-05-31T17:30:00Z")
        )
    return sdk_env


@pytest.mark.parametrize("option", OPTIONS)
def test_transport_option_gives_the_default_answers(arranged: SdkEnv, option: str) -> None:
    for service, action, params in READS:
        expected = call_sdk(arranged.client(service), service, action, params)._serialize()
        answer = call_sdk(arranged.client(service, **OPTIONS[option]), service, action, params)._serialize()
        expected.pop("RequestId")
        answer.pop("RequestId")
        assert EXPECTED[action](expected), f"{action}: the POST JSON answer itself is wrong: {expected}"
        assert answer == expected, f"{action} over {option}"


@pytest.mark.parametrize("option", ["GET", "unsigned payload", "signature v1 HmacSHA256 (POST form)"])
def test_transport_option_writes_non_ascii(arranged: SdkEnv, option: str) -> None:
    client = arranged.client("dnspod", **OPTIONS[option])
    params = {
        "Domain": ZONE,
        "SubDomain": "txt",
        "RecordType": "TXT",
        "RecordLine": "默认",
        "Value": "直播 ✓",
        "Remark": "备注",
    }
    created = call_sdk(client, "dnspod", "CreateRecord", params)
    described = call_sdk(client, "dnspod", "DescribeRecord", {"Domain": ZONE, "RecordId": created.RecordId})
    assert (described.RecordInfo.Value, described.RecordInfo.Remark) == ("直播 ✓", "备注")


@pytest.mark.parametrize("option", ["signature v1 HmacSHA256 (POST form)", "GET"])
def test_wrong_key_is_refused_on_every_transport(arranged: SdkEnv, option: str) -> None:
    forged = Credentials(arranged.credentials.secret_id, "not-the-key")
    client = arranged.client("live", credentials=forged, **OPTIONS[option])
    with pytest.raises(TencentCloudSDKException) as info:
        call_sdk(client, "live", "DescribeLiveDomains", {})
    assert info.value.code == "AuthFailure.SignatureFailure"

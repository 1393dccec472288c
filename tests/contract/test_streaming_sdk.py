"""The official tencentcloud-sdk-python LiveClient drives every streaming action of the emulator over real HTTP.

Auth keys, certificate bindings and referer rules: the values the SDK reads back after its own
writes. Every action's success and error codes are the rows of ``tests/contract/cases.py``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from pulumi_tclive.cloud.client import Credentials
from pulumi_tclive.emulator import Emulator
from tests.fixtures.certs import issue

sdk_credential = pytest.importorskip("tencentcloud.common.credential")
from tencentcloud.common.exception.tencent_cloud_sdk_exception import TencentCloudSDKException  # noqa: E402
from tencentcloud.common.profile.client_profile import ClientProfile  # noqa: E402
from tencentcloud.common.profile.http_profile import HttpProfile  # noqa: E402
from tencentcloud.live.v20180801 import live_client, models  # noqa: E402


@pytest.fixture
def live(emulator_server: tuple[str, Credentials, Emulator]) -> Iterator[live_client.LiveClient]:
    endpoint, credentials, _ = emulator_server
    profile = ClientProfile(httpProfile=HttpProfile(protocol="http", endpoint=endpoint.split("://", 1)[1]))
    client = live_client.LiveClient(
        sdk_credential.Credential(credentials.secret_id, credentials.secret_key), "", profile
    )
    for name, kind in (("push.example.com", 0), ("play.example.com", 1)):
        client.AddLiveDomain(request(models.AddLiveDomainRequest, DomainName=name, DomainType=kind))
    yield client


def request(cls: type, **fields: Any) -> Any:
    model = cls()
    model.from_json_string(json.dumps(fields))
    return model


def code_of(call: Any) -> str:
    with pytest.raises(TencentCloudSDKException) as info:
        call()
    return str(info.value.get_code())


def test_a_new_push_domain_has_push_authentication_on_with_a_generated_key(live: live_client.LiveClient) -> None:
    info = live.DescribeLivePushAuthKey(
        request(models.DescribeLivePushAuthKeyRequest, DomainName="push.example.com")
    ).PushAuthKeyInfo
    assert isinstance(info, models.PushAuthKeyInfo)
    assert info.DomainName == "push.example.com" and info.Enable == 1
    assert len(info.MasterAuthKey) == 32 and int(info.MasterAuthKey, 16) >= 0
    assert info.BackupAuthKey == "" and info.AuthDelta > 0


def test_modify_push_auth_key_changes_only_what_it_is_given(live: live_client.LiveClient) -> None:
    live.ModifyLivePushAuthKey(
        request(models.ModifyLivePushAuthKeyRequest, DomainName="push.example.com", BackupAuthKey="backup12345")
    )
    live.ModifyLivePushAuthKey(
        request(models.ModifyLivePushAuthKeyRequest, DomainName="push.example.com", Enable=0, AuthDelta=600)
    )
    info = live.DescribeLivePushAuthKey(
        request(models.DescribeLivePushAuthKeyRequest, DomainName="push.example.com")
    ).PushAuthKeyInfo
    assert (info.Enable, info.BackupAuthKey, info.AuthDelta) == (0, "backup12345", 600)
    assert len(info.MasterAuthKey) == 32


def test_play_auth_key_round_trip(live: live_client.LiveClient) -> None:
    before = live.DescribeLivePlayAuthKey(
        request(models.DescribeLivePlayAuthKeyRequest, DomainName="play.example.com")
    ).PlayAuthKeyInfo
    assert (before.Enable, before.AuthKey) == (0, "")
    live.ModifyLivePlayAuthKey(
        request(
            models.ModifyLivePlayAuthKeyRequest,
            DomainName="play.example.com",
            Enable=1,
            AuthKey="playkey123",
            AuthBackKey="playback456",
            AuthDelta=3600,
        )
    )
    after = live.DescribeLivePlayAuthKey(
        request(models.DescribeLivePlayAuthKeyRequest, DomainName="play.example.com")
    ).PlayAuthKeyInfo
    assert (after.Enable, after.AuthKey, after.AuthBackKey, after.AuthDelta) == (1, "playkey123", "playback456", 3600)


def test_certificate_bind_describe_and_unbind(live: live_client.LiveClient) -> None:
    cert = issue("play.example.com", "*.example.com")
    answer = live.ModifyLiveDomainCertBindings(
        request(
            models.ModifyLiveDomainCertBindingsRequest,
            DomainInfos=[{"DomainName": "play.example.com", "Status": 1}],
            CertificatePublicKey=cert.chain,
            CertificatePrivateKey=cert.key,
            CertificateAlias="sdk-test",
        )
    )
    assert answer.MismatchedDomainNames == [] and answer.Errors == []
    listed = live.DescribeLiveDomainCertBindings(
        request(models.DescribeLiveDomainCertBindingsRequest, DomainName="play.example.com")
    )
    assert listed.TotalNum == 1
    binding = listed.LiveDomainCertBindings[0]
    assert isinstance(binding, models.LiveDomainCertBindings)
    assert (binding.DomainName, binding.CertificateAlias, binding.Status) == ("play.example.com", "sdk-test", 1)
    assert len(binding.CloudCertId) == 8 and binding.CertExpireTime
    info = live.DescribeLiveDomainCert(
        request(models.DescribeLiveDomainCertRequest, DomainName="play.example.com")
    ).DomainCertInfo
    assert info.HttpsCrt == cert.chain and info.CertDomains == ["play.example.com", "*.example.com"]
    assert cert.key not in json.dumps(info._serialize())  # the private key is never answered

    live.UnBindLiveDomainCert(request(models.UnBindLiveDomainCertRequest, DomainName="play.example.com"))
    again = request(models.DescribeLiveDomainCertRequest, DomainName="play.example.com")
    assert code_of(lambda: live.DescribeLiveDomainCert(again)) == "ResourceNotFound.CrtDomainNotFound"


def test_a_certificate_that_does_not_cover_the_domain_is_skipped_and_listed(live: live_client.LiveClient) -> None:
    cert = issue("other.example.org")
    answer = live.ModifyLiveDomainCertBindings(
        request(
            models.ModifyLiveDomainCertBindingsRequest,
            DomainInfos=[{"DomainName": "play.example.com", "Status": 1}],
            CertificatePublicKey=cert.chain,
            CertificatePrivateKey=cert.key,
        )
    )
    assert answer.MismatchedDomainNames == ["play.example.com"]
    assert answer.Errors[0].Code == "InvalidParameter.CrtDomainNotFound"
    listed = live.DescribeLiveDomainCertBindings(request(models.DescribeLiveDomainCertBindingsRequest))
    assert listed.TotalNum == 0


def test_referer_round_trip(live: live_client.LiveClient) -> None:
    default = live.DescribeLiveDomainReferer(
        request(models.DescribeLiveDomainRefererRequest, DomainName="play.example.com")
    ).RefererAuthConfig
    assert (default.Enable, default.Rules) == (0, "")
    live.ModifyLiveDomainReferer(
        request(
            models.ModifyLiveDomainRefererRequest,
            DomainName="play.example.com",
            Enable=1,
            Type=1,
            AllowEmpty=0,
            Rules="www.example.com;*.example.net",
        )
    )
    config = live.DescribeLiveDomainReferer(
        request(models.DescribeLiveDomainRefererRequest, DomainName="play.example.com")
    ).RefererAuthConfig
    assert isinstance(config, models.RefererAuthConfig)
    assert (config.Enable, config.Type, config.AllowEmpty, config.Rules) == (1, 1, 0, "www.example.com;*.example.net")
    bad = request(
        models.ModifyLiveDomainRefererRequest,
        DomainName="play.example.com",
        Enable=1,
        Type=1,
        AllowEmpty=0,
        Rules="https://www.example.com/page",
    )
    assert code_of(lambda: live.ModifyLiveDomainReferer(bad)) == "InvalidParameterValue"

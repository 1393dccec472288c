"""The emulator-only service: licence console, settings, clock, reset, request log, accounts."""

from __future__ import annotations

from pulumi_tclive.cloud.client import TencentCloudClient
from pulumi_tclive.cloud.dnspod import CREATE_DOMAIN, DESCRIBE_DOMAIN_LIST
from pulumi_tclive.cloud.live import ADD_LIVE_DOMAIN, DESCRIBE_LIVE_DOMAINS
from pulumi_tclive.emulator import Emulator
from pulumi_tclive.emulator.console_api import (
    APPROVE_PLUGIN_LICENSE,
    DESCRIBE_PLUGIN_LICENSES,
    DESCRIBE_REQUEST_LOG,
    EXPIRE_PLUGIN_LICENSE,
    PAY_PLUGIN_LICENSE,
    REJECT_PLUGIN_LICENSE,
    RESET,
    SET_CLOCK,
    SET_FAULTS,
    SUBMIT_PLUGIN_LICENSE,
    UPDATE_SETTINGS,
    FaultRule,
)
from tests.emulator.helpers import Api

APP_ID = "wx0123456789abcdef"
APPLICATION = {
    "MiniProgramAppId": APP_ID,
    "MiniProgramName": "Acme Shop",
    "SubjectType": "enterprise",
    "Scene": "ecommerce",
    "ServiceCategories": ["电商平台"],
}


def test_license_lifecycle(api: Api) -> None:
    api.call(SET_CLOCK, Time="2026-01-31T08:00:00Z")
    submitted = api.call(SUBMIT_PLUGIN_LICENSE, **APPLICATION).License
    assert (submitted.Status, submitted.ExpiresAt, submitted.SubmittedAt) == (
        "pending_review",
        "",
        "2026-01-31T08:00:00Z",
    )
    assert api.error(SUBMIT_PLUGIN_LICENSE, **APPLICATION).code == "FailedOperation.PluginLicenseExists"
    wrong = api.error(PAY_PLUGIN_LICENSE, MiniProgramAppId=APP_ID)
    assert wrong.code == "FailedOperation.InvalidLicenseState"
    assert "pending_review" in wrong.message and "pending_payment" in wrong.message
    assert api.call(APPROVE_PLUGIN_LICENSE, MiniProgramAppId=APP_ID).License.Status == "pending_payment"
    paid = api.call(PAY_PLUGIN_LICENSE, MiniProgramAppId=APP_ID, Months=1).License
    assert (paid.Status, paid.ExpiresAt) == ("available", "2026-02-28T08:00:00Z")
    api.call(SET_CLOCK, Time="2026-03-01T00:00:00Z")
    assert api.call(DESCRIBE_PLUGIN_LICENSES).Licenses[0].Status == "expired"
    assert api.error(EXPIRE_PLUGIN_LICENSE, MiniProgramAppId=APP_ID).code == "FailedOperation.InvalidLicenseState"
    renewed = api.call(PAY_PLUGIN_LICENSE, MiniProgramAppId=APP_ID).License
    assert (renewed.Status, renewed.ExpiresAt) == ("available", "2027-03-01T00:00:00Z")
    assert api.call(EXPIRE_PLUGIN_LICENSE, MiniProgramAppId=APP_ID).License.Status == "expired"


def test_reject_and_unknown_app_id(api: Api) -> None:
    api.call(SUBMIT_PLUGIN_LICENSE, **APPLICATION)
    rejected = api.call(REJECT_PLUGIN_LICENSE, MiniProgramAppId=APP_ID, Reason="category missing").License
    assert (rejected.Status, rejected.RejectReason) == ("rejected", "category missing")
    unknown = api.error(APPROVE_PLUGIN_LICENSE, MiniProgramAppId="wxffffffffffffffff")
    assert unknown.code == "ResourceNotFound.PluginLicenseNotFound"
    assert (
        api.error(SUBMIT_PLUGIN_LICENSE, **{**APPLICATION, "MiniProgramAppId": "app"}).code == "InvalidParameterValue"
    )
    listed = api.call(DESCRIBE_PLUGIN_LICENSES, MiniProgramAppIds=["wxffffffffffffffff"])
    assert listed.TotalCount == 0


def test_auto_approval_setting_and_instance_override(api: Api) -> None:
    settings = api.call(UPDATE_SETTINGS, AutoApprovePluginLicenses=True, DomainLimit=5)
    assert (settings.AutoApprovePluginLicenses, settings.DomainLimit, settings.RequireDomainOwnerVerification) == (
        True,
        5,
        False,
    )
    assert api.call(SUBMIT_PLUGIN_LICENSE, **APPLICATION).License.Status == "available"
    api.call(UPDATE_SETTINGS, AutoApprovePluginLicenses=False)
    with Emulator(api.emulator.state_path, auto_approve=True) as demo, demo.client() as client:
        request = SUBMIT_PLUGIN_LICENSE.request(**{**APPLICATION, "MiniProgramAppId": "wx00000000000000aa"})
        assert client.call(SUBMIT_PLUGIN_LICENSE, request).License.Status == "available"
    assert api.call(UPDATE_SETTINGS).AutoApprovePluginLicenses is False


def test_reset_keeps_credentials_and_empties_the_rest(api: Api) -> None:
    api.call(ADD_LIVE_DOMAIN, DomainName="play.example.com", DomainType=1)
    api.call(CREATE_DOMAIN, Domain="example.com")
    api.call(UPDATE_SETTINGS, DomainLimit=3)
    api.call(SET_FAULTS, Faults=[FaultRule(Action="*", DelayMs=1)])
    api.call(RESET)
    assert api.call(DESCRIBE_LIVE_DOMAINS).AllCount == 0
    assert api.call(DESCRIBE_DOMAIN_LIST).DomainList == []
    assert api.call(UPDATE_SETTINGS).DomainLimit == 100
    calls = {(c.Service, c.Action, c.Count) for c in api.call(DESCRIBE_REQUEST_LOG).Calls}
    assert calls == {("live", "DescribeLiveDomains", 1), ("dnspod", "DescribeDomainList", 1)}


def test_set_faults_validation(api: Api) -> None:
    unknown = api.error(SET_FAULTS, Faults=[FaultRule(Action="Nope")])
    assert unknown.code == "InvalidParameterValue" and "Nope" in unknown.message
    too_much = api.error(SET_FAULTS, Faults=[FaultRule(Action="*", InternalErrorRate=0.6, Http502Rate=0.6)])
    assert too_much.code == "InvalidParameterValue"


def test_accounts_are_isolated(api: Api) -> None:
    other = api.make_client(api.emulator.create_account())
    api.call(ADD_LIVE_DOMAIN, DomainName="play.example.com", DomainType=1)
    assert other.call(DESCRIBE_LIVE_DOMAINS, DESCRIBE_LIVE_DOMAINS.request()).AllCount == 0
    other.call(ADD_LIVE_DOMAIN, ADD_LIVE_DOMAIN.request(DomainName="play.example.com", DomainType=1))
    other.close()


def test_credentials_persist_with_the_file(emulator: Emulator) -> None:
    again = Emulator(emulator.state_path)
    assert again.credentials == emulator.credentials
    assert emulator.credentials.secret_key not in repr(emulator)
    again.close()


def test_emulator_client_fixture_reaches_the_embedded_endpoint(emulator_client: TencentCloudClient) -> None:
    assert "emulator.tclive.invalid" in repr(emulator_client)
    assert emulator_client.call(DESCRIBE_LIVE_DOMAINS, DESCRIBE_LIVE_DOMAINS.request()).AllCount == 0

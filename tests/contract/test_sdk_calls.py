"""Every action the emulator serves, called through the official ``LiveClient`` / ``DnspodClient``.

Successes must come back with the SDK's response model fully populated; every error code the
emulator can answer must reach the SDK user as ``TencentCloudSDKException`` with that code.
"""

from __future__ import annotations

import inspect
import re
import time
import types
from typing import Any

import pytest
from tencentcloud.common import abstract_client
from tencentcloud.common.common_client import CommonClient
from tencentcloud.common.exception.tencent_cloud_sdk_exception import TencentCloudSDKException

from pulumi_tclive.cloud.client import Credentials
from pulumi_tclive.emulator import app
from pulumi_tclive.emulator.console_api import SET_FAULTS, FaultRule, SetFaultsRequest
from tests.contract.cases import PLAY, SDK_CALLS, SdkCall, play, resolve
from tests.contract.omissions import ERRORS_NOT_THROUGH_SDK
from tests.contract.oracle import COMMON_ERROR_CODES, SDK, sdk_fields
from tests.contract.sdk_env import SdkEnv, call_sdk, unpopulated_fields

SERVED = {
    (service, name): route
    for service, routes in app._ROUTES.items()
    if service in SDK
    for name, route in routes.items()
}


def _raise_code(run: Any) -> TencentCloudSDKException:
    with pytest.raises(TencentCloudSDKException) as info:
        run()
    assert info.value.requestId, "an emulator error always carries a RequestId"
    return info.value


@pytest.mark.parametrize("case", SDK_CALLS, ids=lambda case: case.id)
def test_sdk_call(sdk_env: SdkEnv, case: SdkCall) -> None:
    for step in case.setup:
        step(sdk_env.admin)
    client = sdk_env.client(case.service)
    params = resolve(case.params, sdk_env.admin)
    if case.expect is None:
        response = call_sdk(client, case.service, case.action, params)
        assert unpopulated_fields(response) == []
        return
    request_model = getattr(SDK[case.service].models, f"{case.action}Request")
    if params.keys() <= sdk_fields(request_model).keys():
        error = _raise_code(lambda: call_sdk(client, case.service, case.action, params))
    else:  # a parameter the SDK model lacks can only be sent as raw JSON
        error = _raise_code(lambda: client.call_json(case.action, params))
    assert error.code == case.expect, error.message


def test_every_served_action_has_a_successful_sdk_call() -> None:
    covered = {(case.service, case.action) for case in SDK_CALLS if case.expect is None}
    missing = sorted(SERVED.keys() - covered)
    assert not missing, f"add a success row to tests/contract/cases.py for {missing}"


def _emulated_codes() -> set[str]:
    """Codes in ``fail(...)`` / ``_error(...)`` of the app and of every module with a live/DNSPod handler."""
    modules = {inspect.getmodule(route.handler) for route in SERVED.values()} | {app}
    pattern = re.compile(r"\b(?:fail|_error)\(\s*\"([A-Z][A-Za-z.]+)\"")
    return {code for module in modules for code in pattern.findall(inspect.getsource(module))}


def test_every_emulated_error_code_is_called_through_the_sdk() -> None:
    through_sdk = {case.expect for case in SDK_CALLS if case.expect} | set(PROTOCOL_CODES)
    missing = sorted(_emulated_codes() - through_sdk - ERRORS_NOT_THROUGH_SDK.keys())
    assert not missing, f"add an error row to tests/contract/cases.py (or PROTOCOL_CODES) for {missing}"
    assert not ERRORS_NOT_THROUGH_SDK.keys() & through_sdk, "listed as impossible through the SDK, yet tested"


def test_every_error_code_is_one_tencent_documents_for_the_service() -> None:
    undocumented = sorted(
        (case.service, case.action, case.expect)
        for case in SDK_CALLS
        if case.expect and case.expect not in SDK[case.service].error_codes | COMMON_ERROR_CODES
    )
    undocumented += [("*", "protocol", code) for code in PROTOCOL_CODES if code not in COMMON_ERROR_CODES]
    assert undocumented == []


PROTOCOL_CODES = (
    "AuthFailure.SecretIdNotFound",
    "AuthFailure.SignatureFailure",
    "AuthFailure.SignatureExpire",
    "AuthFailure.InvalidAuthorization",
    "NoSuchProduct",
    "NoSuchVersion",
    "InvalidAction",
    "RequestSizeLimitExceeded",
    "RequestLimitExceeded",
    "InternalError",
)


def _protocol_call(env: SdkEnv, code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    live = env.client("live")
    describe = {"DomainName": PLAY}
    if code == "AuthFailure.SecretIdNotFound":
        stranger = env.client("live", credentials=Credentials("AKID" + "x" * 32, env.credentials.secret_key))
        call_sdk(stranger, "live", "DescribeLiveDomain", describe)
    elif code == "AuthFailure.SignatureFailure":
        forged = env.client("live", credentials=Credentials(env.credentials.secret_id, "not-the-key"))
        call_sdk(forged, "live", "DescribeLiveDomain", describe)
    elif code == "AuthFailure.SignatureExpire":
        monkeypatch.setattr(abstract_client, "time", types.SimpleNamespace(time=lambda: time.time() - 3600))
        call_sdk(live, "live", "DescribeLiveDomain", describe)
    elif code == "AuthFailure.InvalidAuthorization":
        live.call_json("DescribeLiveDomain", describe, options={"SkipSign": True})
    elif code in ("NoSuchProduct", "NoSuchVersion"):
        service, version = ("cvm", "2017-03-12") if code == "NoSuchProduct" else ("live", "2000-01-01")
        other = CommonClient(service, version, live.credential, "ap-guangzhou", live.profile)
        other.call_json("DescribeInstances", {})
    elif code == "InvalidAction":
        live.call_json("DescribeEverything", {})
    elif code == "RequestSizeLimitExceeded":
        call_sdk(live, "live", "DescribeLiveDomain", {"DomainName": "a" * (app.MAX_BODY_BYTES + 1)})
    else:  # the injected faults of SetFaults
        rate = {"RequestLimitExceeded": "RequestLimitExceededRate", "InternalError": "InternalErrorRate"}[code]
        env.admin.call(SET_FAULTS, SetFaultsRequest(Faults=[FaultRule(Action="DescribeLiveDomain", **{rate: 1.0})]))
        call_sdk(live, "live", "DescribeLiveDomain", describe)


@pytest.mark.parametrize("code", PROTOCOL_CODES)
def test_protocol_error_through_the_sdk(sdk_env: SdkEnv, code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    play(sdk_env.admin)
    error = _raise_code(lambda: _protocol_call(sdk_env, code, monkeypatch))
    assert error.code == code, error.message

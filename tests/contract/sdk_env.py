"""A served emulator and official SDK clients on it: :class:`SdkEnv`, and the checks made on SDK answers."""

from __future__ import annotations

import json
import warnings
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from tencentcloud.common import credential
from tencentcloud.common.abstract_model import AbstractModel
from tencentcloud.common.profile.client_profile import ClientProfile
from tencentcloud.common.profile.http_profile import HttpProfile

from pulumi_tclive.cloud.client import Credentials, TencentCloudClient
from pulumi_tclive.emulator import Emulator
from tests.contract.oracle import SDK, sdk_fields

__all__ = ["SdkEnv", "call_sdk", "unpopulated_fields"]


@dataclass
class SdkEnv:
    """One emulator served on a loopback socket (port 0), its credentials and an in-process admin client."""

    endpoint: str
    credentials: Credentials
    emulator: Emulator
    admin: TencentCloudClient

    def client(
        self,
        service: str,
        *,
        method: str = "POST",
        unsigned: bool = False,
        region: str = "ap-guangzhou",
        sign_method: str | None = None,
        credentials: Credentials | None = None,
    ) -> Any:
        """The SDK's ``LiveClient`` / ``DnspodClient`` on the emulator, as a user would configure it."""
        http = HttpProfile(protocol="http", endpoint=urlsplit(self.endpoint).netloc, reqMethod=method, reqTimeout=10)
        profile = ClientProfile(signMethod=sign_method, httpProfile=http, language="en-US")
        profile.unsignedPayload = unsigned
        creds = credentials or self.credentials
        return SDK[service].client(credential.Credential(creds.secret_id, creds.secret_key), region, profile)


def call_sdk(client: Any, service: str, action: str, params: dict[str, Any]) -> AbstractModel:
    """``client.<action>(<action>Request)`` with the SDK's own request model built from ``params``.

    Fields the SDK model does not know are refused here (the SDK would drop them silently), and
    any "fields are useless" warning the SDK raises while reading the answer fails the call.
    """
    request = getattr(SDK[service].models, f"{action}Request")()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        request.from_json_string(json.dumps(params))
        assert not caught, f"{action}Request does not know {[str(w.message) for w in caught]}"
        response: AbstractModel = getattr(client, action)(request)
        useless = [str(w.message) for w in caught if "useless" in str(w.message)]
    assert not useless, f"{action}: the answer has fields the SDK does not know: {useless}"
    return response


def unpopulated_fields(model: AbstractModel, path: str = "") -> list[str]:
    """Fields left null that Tencent documents as always present (no "此字段可能返回 null" note), recursively."""
    problems: list[str] = []
    for name, documented in sdk_fields(type(model)).items():
        value = vars(model)[f"_{name}"]  # not the property: deprecated ones warn on every read
        where = f"{path}{name}"
        if value is None:
            if not documented.nullable:
                problems.append(where)
        elif isinstance(value, AbstractModel):
            problems += unpopulated_fields(value, where + ".")
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, AbstractModel):
                    problems += unpopulated_fields(item, f"{where}[{index}].")
    return problems

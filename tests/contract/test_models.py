"""Our request and response models against the official SDK's, field by field: name and type class."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel

from pulumi_tclive.cloud.api import ApiRequest
from tests.contract.omissions import FIELD_OMISSIONS, SERVICES_WITHOUT_SDK
from tests.contract.oracle import SDK, action_registries, our_fields, our_models, reachable_models, sdk_fields

REGISTRIES = action_registries()
ACTIONS = [action for registry in REGISTRIES.values() for action in registry]
COMPARED = reachable_models(action for action in ACTIONS if action.service in SDK)


def _differences(model: type[BaseModel], service: str) -> set[tuple[str, str, str, str]]:
    """``(service, model, field, what)`` for every difference from the SDK model of the same name."""
    sdk_model = getattr(SDK[service].models, model.__name__, None)
    if sdk_model is None:
        return {(service, model.__name__, "", "no SDK model of this name")}
    ours = our_fields(model)
    theirs = {name: field.type_class for name, field in sdk_fields(sdk_model).items()}
    if issubclass(model, ApiRequest):
        theirs.pop("RequestId", None)
    found: set[tuple[str, str, str, str]] = set()
    for name, type_class in ours.items():
        if name not in theirs:
            found.add((service, model.__name__, name, "not an SDK field (misspelled or invented)"))
        elif theirs[name] != type_class:
            found.add((service, model.__name__, name, f"type class {type_class}, the SDK's is {theirs[name]}"))
    for name in theirs.keys() - ours.keys():
        if (service, model.__name__, name) not in FIELD_OMISSIONS:
            side = "sends it" if issubclass(model, ApiRequest) else "documents it as returned"
            found.add((service, model.__name__, name, f"missing: the SDK {side}"))
    return found


@pytest.mark.parametrize("model", sorted(COMPARED, key=lambda m: (COMPARED[m], m.__name__)), ids=lambda m: m.__name__)
def test_model_matches_the_sdk_field_by_field(model: type[BaseModel]) -> None:
    differences = sorted(_differences(model, COMPARED[model]))
    assert not differences, "differences from the SDK (fix the model, or justify in omissions.py):\n" + "\n".join(
        map(str, differences)
    )


def test_every_model_of_an_sdk_service_is_compared() -> None:
    """A model defined next to live/DNSPod actions but reachable from none of them would escape the comparison."""
    modules = {name.split(".")[0] for name, registry in REGISTRIES.items() if any(a.service in SDK for a in registry)}
    uncompared = [model.__name__ for model in our_models(modules) if model not in COMPARED]
    assert uncompared == []


def test_every_action_service_is_in_the_sdk_or_a_justified_omission() -> None:
    services = {action.service for action in ACTIONS}
    assert services - SDK.keys() - SERVICES_WITHOUT_SDK.keys() == set()
    assert {"live", "dnspod"} <= services


def test_every_action_has_sdk_models_and_a_client_method() -> None:
    missing: list[str] = []
    for action in ACTIONS:
        if action.service not in SDK:
            continue
        sdk = SDK[action.service]
        if action.version != sdk.version:
            missing.append(f"{action.name}: version {action.version}, the SDK's is {sdk.version}")
        for part in ("Request", "Response"):
            ours: Any = action.request if part == "Request" else action.response
            if ours.__name__ != f"{action.name}{part}" or not hasattr(sdk.models, f"{action.name}{part}"):
                missing.append(f"{action.name}{part}: ours is {ours.__name__}")
        if not callable(getattr(sdk.client, action.name, None)):
            missing.append(f"{sdk.client.__name__}.{action.name}")
    assert missing == []


def test_listed_omissions_are_still_differences() -> None:
    by_name = {(service, model.__name__): model for model, service in COMPARED.items()}
    stale = [key for key in FIELD_OMISSIONS if key[:2] not in by_name or key[2] in our_fields(by_name[key[:2]])]
    assert stale == []


def test_services_without_sdk_list_each_of_their_actions() -> None:
    """The justification names every action it covers, so a new console action must be listed too."""
    unlisted = sorted(
        (action.service, action.name)
        for action in ACTIONS
        if action.service in SERVICES_WITHOUT_SDK and action.name not in SERVICES_WITHOUT_SDK[action.service]
    )
    assert unlisted == []

"""The official SDK as an oracle: its models' fields and type classes, and ours, in one comparable form.

A field's *type class* is what the contract compares: ``int``, ``float``, ``str``, ``bool``,
``list[<class>]`` or ``model:<Name>``. The SDK states it in each model's docstring
(``:type Name: list of DomainInfo``); ours comes from the pydantic annotation.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import types
import typing
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from tencentcloud.common.abstract_model import AbstractModel
from tencentcloud.dnspod.v20210323 import dnspod_client
from tencentcloud.dnspod.v20210323 import errorcodes as dnspod_errors
from tencentcloud.dnspod.v20210323 import models as dnspod_models
from tencentcloud.live.v20180801 import errorcodes as live_errors
from tencentcloud.live.v20180801 import live_client
from tencentcloud.live.v20180801 import models as live_models

import pulumi_tclive.cloud
from pulumi_tclive.cloud.api import Action, ApiObject, ApiRequest, ApiResponse

__all__ = [
    "COMMON_ERROR_CODES",
    "SDK",
    "SdkField",
    "SdkService",
    "action_registries",
    "our_fields",
    "our_models",
    "reachable_models",
    "sdk_fields",
]


@dataclass(frozen=True)
class SdkService:
    """One service of the SDK: its models module and its client class."""

    models: types.ModuleType
    client: type[Any]
    version: str
    errors: types.ModuleType

    @property
    def error_codes(self) -> frozenset[str]:
        """The service-specific error codes the SDK lists (``errorcodes.py``)."""
        return frozenset(v for k, v in vars(self.errors).items() if k.isupper() and isinstance(v, str))


SDK: dict[str, SdkService] = {
    "live": SdkService(live_models, live_client.LiveClient, "2018-08-01", live_errors),
    "dnspod": SdkService(dnspod_models, dnspod_client.DnspodClient, "2021-03-23", dnspod_errors),
}
"""The services the official SDK covers, by API 3.0 service name."""


COMMON_ERROR_CODES = frozenset(
    {
        "AuthFailure.InvalidAuthorization",
        "AuthFailure.InvalidSecretId",
        "AuthFailure.MFAFailure",
        "AuthFailure.SecretIdNotFound",
        "AuthFailure.SignatureExpire",
        "AuthFailure.SignatureFailure",
        "AuthFailure.TokenFailure",
        "AuthFailure.UnauthorizedOperation",
        "DryRunOperation",
        "FailedOperation",
        "InternalError",
        "InvalidAction",
        "InvalidParameter",
        "InvalidParameterValue",
        "InvalidRequest",
        "IpInBlacklist",
        "IpNotInWhitelist",
        "LimitExceeded",
        "MissingParameter",
        "NoSuchProduct",
        "NoSuchVersion",
        "RequestLimitExceeded",
        "RequestSizeLimitExceeded",
        "ResourceInUse",
        "ResourceInsufficient",
        "ResourceNotFound",
        "ResourceUnavailable",
        "ResponseSizeLimitExceeded",
        "ServiceUnavailable",
        "UnauthorizedOperation",
        "UnknownParameter",
        "UnsupportedOperation",
        "UnsupportedProtocol",
        "UnsupportedRegion",
    }
)
"""API 3.0's common error codes (公共错误码, https://cloud.tencent.com/document/api/1427/56192)."""


@dataclass(frozen=True)
class SdkField:
    """One documented field of an SDK model."""

    name: str
    type_class: str
    nullable: bool  # "注意：此字段可能返回 null": Tencent may answer null; otherwise it is always present


_PARAM = re.compile(r":param _(\w+):(.*?)\n\s*:type \1: ([^\n]+)", re.S)
_SCALARS = {"int": "int", "float": "float", "str": "str", "bool": "bool"}


def _sdk_type_class(text: str) -> str:
    text = text.strip().removesuffix(" non-negative")  # "list of int non-negative" (TimeShiftTemplate)
    if text.startswith("list of "):
        return f"list[{_sdk_type_class(text[len('list of ') :])}]"
    if text in _SCALARS:
        return _SCALARS[text]
    nested = re.fullmatch(r":class:`[\w.]*?\.(\w+)`", text) or re.fullmatch(r"(\w+)", text)
    if nested is None:
        raise ValueError(f"unknown SDK type {text!r}")
    return f"model:{nested.group(1)}"


def sdk_fields(model: type[AbstractModel]) -> dict[str, SdkField]:
    """The documented fields of an SDK model, by name, in declaration order."""
    doc = model.__init__.__doc__ or ""
    fields = {
        m.group(1): SdkField(
            m.group(1), _sdk_type_class(m.group(3)), "可能返回 null" in m.group(2) or "可能返回null" in m.group(2)
        )
        for m in _PARAM.finditer(doc)
    }
    attributes = [name[1:] for name in vars(model()) if name.startswith("_") and name != "_headers"]
    assert list(fields) == attributes, f"{model.__name__}: docstring fields {list(fields)} != attributes {attributes}"
    return fields


def _our_type_class(annotation: Any) -> str:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _our_type_class(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        inner = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        assert len(inner) == 1, f"a union of several types: {annotation}"
        return _our_type_class(inner[0])
    if origin is typing.Literal:
        kinds = {type(value) for value in typing.get_args(annotation)}
        assert len(kinds) == 1, f"a Literal of mixed types: {annotation}"
        return _our_type_class(kinds.pop())
    if origin is list:
        return f"list[{_our_type_class(typing.get_args(annotation)[0])}]"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"model:{annotation.__name__}"
    if annotation in (int, float, str, bool):
        return str(annotation.__name__)
    raise ValueError(f"unsupported annotation {annotation!r}")


def our_fields(model: type[BaseModel]) -> dict[str, str]:
    """Our model's fields (``RequestId`` included, as in the SDK) and their type classes."""
    return {name: _our_type_class(field.annotation) for name, field in model.model_fields.items()}


def _nested(model: type[BaseModel]) -> list[type[BaseModel]]:
    found: list[type[BaseModel]] = []

    def visit(annotation: Any) -> None:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            found.append(annotation)
        for arg in typing.get_args(annotation):
            visit(arg)

    for field in model.model_fields.values():
        visit(field.annotation)
    return found


def action_registries() -> dict[str, tuple[Action[Any, Any], ...]]:
    """Every ``*_ACTIONS`` registry of the ``pulumi_tclive.cloud`` modules (new modules are found by themselves)."""
    registries: dict[str, tuple[Action[Any, Any], ...]] = {}
    for info in pkgutil.iter_modules(pulumi_tclive.cloud.__path__):
        module = importlib.import_module(f"pulumi_tclive.cloud.{info.name}")
        for name, value in vars(module).items():
            if name.endswith("_ACTIONS") and isinstance(value, tuple) and all(isinstance(a, Action) for a in value):
                registries[f"{info.name}.{name}"] = value
    return registries


def reachable_models(actions: typing.Iterable[Action[Any, Any]]) -> dict[type[BaseModel], str]:
    """The request/response models of ``actions`` and every model nested in them, each with its service."""
    seen: dict[type[BaseModel], str] = {}
    pending: list[tuple[type[BaseModel], str]] = []
    for action in actions:
        pending += [(action.request, action.service), (action.response, action.service)]
    while pending:
        model, service = pending.pop()
        if model in seen:
            continue
        seen[model] = service
        pending += [(nested, service) for nested in _nested(model)]
    return seen


def our_models(module_names: typing.Iterable[str]) -> list[type[BaseModel]]:
    """Every API model class defined in the given ``pulumi_tclive.cloud`` modules."""
    found: list[type[BaseModel]] = []
    for name in module_names:
        module = importlib.import_module(f"pulumi_tclive.cloud.{name}")
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, ApiRequest | ApiObject | ApiResponse)
                and value.__module__ == module.__name__
                and value not in found
            ):
                found.append(value)
    return found

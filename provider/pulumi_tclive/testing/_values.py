"""Property values as they travel on the wire between program, engine and dynamic provider.

The engine works on plain JSON-like values (what ``google.protobuf.Struct`` holds): the SDK's
special objects are dicts tagged with a signature key, unknowns are a sentinel string. Keeping to
that form means the engine process never touches the SDK's process-global runtime settings.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from google.protobuf import json_format, struct_pb2

__all__ = [
    "PROVIDER_KEY",
    "RESOURCE_REFERENCE_SIG",
    "SECRET_PLACEHOLDER",
    "SECRET_SIG",
    "SIG_KEY",
    "UNKNOWN",
    "contains_secret",
    "contains_unknown",
    "go_value",
    "is_secret",
    "struct_from",
    "struct_to_dict",
    "unwrap_secrets",
    "wrap_secret",
]

SIG_KEY = "4dabf18193072939515e22adb298388d"
"""The key that tags special values (``pulumi.runtime.rpc._special_sig_key``)."""

SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270"
"""Signature of a secret value: ``{SIG_KEY: SECRET_SIG, "value": ...}``."""

RESOURCE_REFERENCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e"
"""Signature of a resource reference: ``{SIG_KEY: ..., "urn": ..., "id": ...}``."""

UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"
"""The wire form of a value not known during preview (``pulumi.runtime.rpc.UNKNOWN``)."""

PROVIDER_KEY = "__provider"
"""The input and output key that carries the pickled dynamic provider."""

SECRET_PLACEHOLDER = "[secret]"
"""What the state file holds instead of a secret value."""


def struct_to_dict(struct: struct_pb2.Struct) -> dict[str, Any]:
    """Return the plain dict a ``Struct`` holds; whole numbers become ``int`` (the wire only has
    doubles, and the state file should read ``600``, not ``600.0``; the provider sees floats anyway).

    :param struct: the protobuf struct to convert.
    """
    result: dict[str, Any] = _whole_numbers(json_format.MessageToDict(struct))
    return result


def _whole_numbers(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    if isinstance(value, dict):
        return {key: _whole_numbers(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_whole_numbers(item) for item in value]
    return value


def struct_from(values: Mapping[str, Any]) -> struct_pb2.Struct:
    """Build a ``Struct`` from plain values, dropping keys whose value is ``None`` (as the SDK does).

    :param values: JSON-like values (dicts, lists, strings, numbers, booleans).
    """
    struct = struct_pb2.Struct()
    struct.update({key: value for key, value in values.items() if value is not None})
    return struct


def is_secret(value: Any) -> bool:
    """Tell whether ``value`` is a secret wrapper.

    :param value: any wire value.
    """
    return isinstance(value, dict) and value.get(SIG_KEY) == SECRET_SIG


def wrap_secret(value: Any) -> dict[str, Any]:
    """Wrap ``value`` in the secret signature (what ``rpc.wrap_rpc_secret`` produces).

    :param value: the plain value to mark secret.
    """
    return {SIG_KEY: SECRET_SIG, "value": value}


def contains_secret(value: Any) -> bool:
    """Tell whether ``value`` is, or holds at any depth, a secret wrapper.

    :param value: any wire value.
    """
    if is_secret(value):
        return True
    if isinstance(value, dict):
        return any(contains_secret(item) for item in value.values())
    if isinstance(value, list):
        return any(contains_secret(item) for item in value)
    return False


def contains_unknown(value: Any) -> bool:
    """Tell whether ``value`` is, or holds at any depth, the unknown sentinel.

    :param value: any wire value.
    """
    if value == UNKNOWN:
        return True
    if isinstance(value, dict):
        return any(contains_unknown(item) for item in value.values())
    if isinstance(value, list):
        return any(contains_unknown(item) for item in value)
    return False


def unwrap_secrets(value: Any, resource_ids: Mapping[str, str] | None = None) -> Any:
    """Remove every secret wrapper and downgrade resource references, as the engine does for a
    provider that answered ``Configure`` with ``acceptSecrets=False`` / ``acceptResources=False``.

    :param value: any wire value.
    :param resource_ids: known ids by URN; a reference to a resource with an id becomes that id,
        any other reference becomes its URN.
    """
    if is_secret(value):
        return unwrap_secrets(value.get("value"), resource_ids)
    if isinstance(value, dict):
        if value.get(SIG_KEY) == RESOURCE_REFERENCE_SIG:
            urn = str(value.get("urn", ""))
            ref_id = value.get("id")
            if isinstance(ref_id, str) and ref_id:
                return ref_id
            return (resource_ids or {}).get(urn) or urn
        return {key: unwrap_secrets(item, resource_ids) for key, item in value.items()}
    if isinstance(value, list):
        return [unwrap_secrets(item, resource_ids) for item in value]
    return value


def go_value(value: Any) -> str:
    """Render a value the way the engine's ``PropertyValue.String()`` does in diagnostics.

    Strings print bare inside braces (``{abc}``), numbers like Go's ``%v`` (``{600}``),
    unknowns as ``output<string>{}``, absent values as ``{<nil>}``.

    :param value: any wire value, or ``None`` for a missing property.
    """
    if value == UNKNOWN:
        return "output<string>{}"
    return "{" + _go_inner(value) + "}"


def _go_inner(value: Any) -> str:
    if value is None:
        return "<nil>"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer() and abs(value) < 1e21:
            return str(int(value))
        return repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + " ".join(go_value(item) for item in value) + "]"
    if isinstance(value, dict):
        if is_secret(value):
            return "[secret]"
        return "map[" + " ".join(f"{key}:{go_value(value[key])}" for key in sorted(value)) + "]"
    return str(value)

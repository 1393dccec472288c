"""``stack export`` / ``stack import``: the stack's state in the Pulumi CLI's deployment format.

``pulumi stack import`` reads an ``UntypedDeployment`` (``{"version": 3, "deployment": {…}}``) whose
deployment is a ``DeploymentV3``: a manifest, ``resources`` (``ResourceV3``) in dependency order and
``pending_operations`` (``OperationV2``) — https://github.com/pulumi/pulumi/blob/master/sdk/go/common/apitype/core.go.
The CLI's checkpoint holds two resources this engine does not store, so the export adds them: the
stack resource (``pulumi:pulumi:Stack``, holding the stack outputs, the parent of top-level
resources), and the default provider of Python dynamic resources (``pulumi:providers:pulumi-python``),
which every dynamic resource names in ``provider`` as ``<urn>::<id>``: the snapshot's integrity check
(``VerifyIntegrity`` in pkg/resource/deploy/snapshot.go) refuses a resource whose provider is missing.

Secrets travel as the CLI stores them: a value encrypted under the stack's passphrase is exported
as is, with ``secrets_providers`` naming the passphrase provider and the stack file's
``encryptionsalt`` (the CLI's ``passphrase`` state), so ``pulumi stack import`` with the same
passphrase reads them. A secret stored without a passphrase (``"[secret]"``) has no value to
export: its key is left out (the CLI then sees it as changed and the next ``pulumi up`` writes it
again from the program).
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from importlib.metadata import version
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from pulumi_tclive.errors import ConfigurationError
from pulumi_tclive.testing._deployment import DYNAMIC_TYPE_PREFIX, STACK_TYPE
from pulumi_tclive.testing._secrets import is_ciphertext
from pulumi_tclive.testing._state import (
    OPERATION_TYPES,
    PendingOperation,
    ResourceState,
    StackState,
    describe_problems,
    seal,
)
from pulumi_tclive.testing._values import SECRET_PLACEHOLDER, SECRET_SIG, SIG_KEY

__all__ = ["DEPLOYMENT_VERSION", "state_from_deployment", "untyped_deployment"]

DEPLOYMENT_VERSION = 3
"""``apitype.DeploymentSchemaVersionLatest`` that ``pulumi stack import`` reads without features."""

_PROVIDER_TYPE = "pulumi:providers:pulumi-python"


def _stack_urn(project: str, stack: str) -> str:
    return f"urn:pulumi:{stack}::{project}::{STACK_TYPE}::{project}-{stack}"


def _provider_reference(project: str, stack: str) -> tuple[str, str]:
    """The default provider's URN and a stable id (the CLI's is a UUID made when it was first registered)."""
    urn = f"urn:pulumi:{stack}::{project}::{_PROVIDER_TYPE}::default"
    return urn, str(uuid.uuid5(uuid.NAMESPACE_URL, urn))


def _resource(entry: ResourceState, provider: str) -> dict[str, Any]:
    document: dict[str, Any] = {"urn": entry.urn, "custom": entry.custom, "type": entry.type}
    if entry.delete:
        document["delete"] = True
    if entry.id:
        document["id"] = entry.id
    document["inputs"] = _exported(entry.inputs)
    document["outputs"] = _exported(entry.outputs)
    if entry.parent:
        document["parent"] = entry.parent
    if entry.protect:
        document["protect"] = True
    if entry.dependencies:
        document["dependencies"] = list(entry.dependencies)
    if entry.custom and entry.type.startswith(DYNAMIC_TYPE_PREFIX):
        document["provider"] = provider
    if entry.retain_on_delete:
        document["retainOnDelete"] = True
    return document


def _exported(values: Mapping[str, Any]) -> dict[str, Any]:
    """Stored values as the CLI's checkpoint holds them: a withheld secret (no value) left out."""
    return {key: value for key, value in values.items() if value != SECRET_PLACEHOLDER}


def untyped_deployment(state: StackState, salt_state: str | None = None) -> dict[str, Any]:
    """The stack's state as ``pulumi stack export`` writes it (``apitype.UntypedDeployment``, version 3).

    :param state: the stack's state.
    :param salt_state: the stack file's ``encryptionsalt``, which encrypted the secrets in the state.
    """
    provider_urn, provider_id = _provider_reference(state.project, state.stack)
    provider = f"{provider_urn}::{provider_id}"
    cli_version = f"pulumi-tclive {version('pulumi-tclive')}"
    stack_outputs = _exported(state.outputs)
    resources: list[dict[str, Any]] = [
        {"urn": _stack_urn(state.project, state.stack), "custom": False, "type": STACK_TYPE, "outputs": stack_outputs}
    ]
    if any(entry.custom and entry.type.startswith(DYNAMIC_TYPE_PREFIX) for entry in state.resources):
        resources.append({"urn": provider_urn, "custom": True, "id": provider_id, "type": _PROVIDER_TYPE})
    resources += [_resource(entry, provider) for entry in state.resources]
    deployment: dict[str, Any] = {
        "manifest": {
            "time": datetime.now(UTC).isoformat(),
            # manifest.go NewMagic: the SHA-256 of the version, which the CLI checks for tampering.
            "magic": hashlib.sha256(cli_version.encode()).hexdigest(),
            "version": cli_version,
        },
        "resources": resources,
    }
    if salt_state is not None:
        # The CLI's passphrase secrets manager state (pkg/secrets/passphrase/manager.go).
        deployment["secrets_providers"] = {"type": "passphrase", "state": {"salt": salt_state}}
    if state.pending_operations:
        deployment["pending_operations"] = [
            {"resource": _resource(op.resource, provider), "type": op.type} for op in state.pending_operations
        ]
    return {"version": DEPLOYMENT_VERSION, "deployment": deployment}


class _ResourceV3(BaseModel):
    """The fields of ``ResourceV3`` this engine keeps; others are allowed and dropped."""

    model_config = ConfigDict(extra="allow")
    urn: str
    custom: bool
    type: str
    delete: bool = False
    id: str = ""
    inputs: dict[str, Any] = Field(default_factory=dict)
    outputs: dict[str, Any] = Field(default_factory=dict)
    parent: str = ""
    protect: bool = False
    dependencies: list[str] = Field(default_factory=list)
    retainOnDelete: bool = False


class _OperationV2(BaseModel):
    model_config = ConfigDict(extra="allow")
    resource: _ResourceV3
    type: str


class _DeploymentV3(BaseModel):
    model_config = ConfigDict(extra="allow")
    resources: list[_ResourceV3] = Field(default_factory=list)
    pending_operations: list[_OperationV2] = Field(default_factory=list)


class _UntypedDeployment(BaseModel):
    version: int
    deployment: _DeploymentV3


def _sealed(values: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Values as the state stores them: a secret encrypted under a passphrase (the CLI's ``{sig: secret,
    ciphertext}``) kept as it is, any other secret withheld."""
    encrypted = {key: value for key, value in values.items() if is_ciphertext(value)}
    plain = {key: value for key, value in values.items() if key not in encrypted}
    secret_keys = [key for key, value in plain.items() if isinstance(value, dict) and value.get(SIG_KEY) == SECRET_SIG]
    stored, withheld = seal(plain, secret_keys)
    return {**stored, **encrypted}, sorted([*withheld, *encrypted])


def _entry(resource: _ResourceV3) -> ResourceState:
    inputs, secret_inputs = _sealed(resource.inputs)
    outputs, secret_outputs = _sealed(resource.outputs)
    return ResourceState(
        urn=resource.urn,
        type=resource.type,
        name=resource.urn.rsplit("::", 1)[-1],
        custom=resource.custom,
        id=resource.id,
        inputs=inputs,
        outputs=outputs,
        secret_inputs=secret_inputs,
        secret_outputs=secret_outputs,
        protect=resource.protect,
        retain_on_delete=resource.retainOnDelete,
        dependencies=list(resource.dependencies),
        parent=resource.parent,
        delete=resource.delete,
    )


def state_from_deployment(document: Any, *, project: str, stack: str) -> StackState:
    """Read what ``pulumi stack export`` writes into this engine's state.

    :param document: the parsed JSON. :param project: the project. :param stack: the stack.
    :raises ConfigurationError: naming the field at fault, a version other than 3, a resource of
        another stack or project, or a resource this engine cannot drive.
    """
    try:
        parsed = _UntypedDeployment.model_validate(document)
    except ValidationError as exc:
        raise ConfigurationError(f"the deployment is malformed: {describe_problems(exc)}") from None
    if parsed.version not in (DEPLOYMENT_VERSION, DEPLOYMENT_VERSION + 1):
        raise ConfigurationError(
            f"the deployment has version {parsed.version}; this engine reads version {DEPLOYMENT_VERSION} "
            "(and 4 without features), which `pulumi stack export` writes"
        )
    state = StackState(project=project, stack=stack)
    prefix = f"urn:pulumi:{stack}::{project}::"
    for resource in parsed.deployment.resources:
        if not resource.urn.startswith(prefix):
            raise ConfigurationError(
                f"resource {resource.urn} belongs to another stack or project than {project!r} stack {stack!r}; "
                "import it into that stack (--stack, -C)."
            )
        if resource.type == STACK_TYPE:
            state.outputs, _ = _sealed(resource.outputs)
        elif resource.type == _PROVIDER_TYPE:
            continue
        elif resource.custom and not resource.type.startswith(DYNAMIC_TYPE_PREFIX):
            raise ConfigurationError(
                f"resource {resource.urn} ({resource.type}) is not a Python dynamic resource; the offline engine "
                "drives only those. Keep this stack with the Pulumi CLI."
            )
        else:
            state.resources.append(_entry(resource))
    for operation in parsed.deployment.pending_operations:
        if operation.type in OPERATION_TYPES:
            state.pending_operations.append(PendingOperation(operation.type, _entry(operation.resource)))
    return state

"""What a stack deployed, read from the offline engine's state file or from ``pulumi stack export``.

Both give the same :class:`Deployment`: the tclive resources with their inputs and outputs, the
stack outputs, and the provider settings the stack's resources were deployed with (the stack's
``tclive:*`` config, then the environment, as the provider reads them: README.md#configuration).

Secret values stay withheld: the offline engine writes them as ``"[secret]"`` or, under a
passphrase, encrypted as the CLI does; in its state and in an export a secret is
``{"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", "ciphertext": …}``
(or ``"plaintext"`` with ``--show-secrets``); the doctor reads neither, so no check can print one.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped]  # pyyaml ships no stubs; it comes with pulumi

from ..errors import ConfigurationError
from ..settings import ProviderSettings

__all__ = ["SECRET", "DeployedResource", "Deployment", "from_export", "from_state"]

SECRET = "[secret]"
"""What a withheld secret value reads as, from either source."""

_TYPE_PREFIX = "pulumi-python:dynamic/tclive:"
# A secret in an export is {SIG_KEY: SECRET_SIG, "ciphertext"|"plaintext": …}; the same key marks assets and
# resource references with other values (sdk/go/common/resource/sig/sig.go in https://github.com/pulumi/pulumi).
_SIG_KEY = "4dabf18193072939515e22adb298388d"
_SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270"
_STACK_TYPE = "pulumi:pulumi:Stack"


@dataclass(frozen=True)
class DeployedResource:
    """One tclive resource as the stack recorded it.

    :param kind: the resource class, e.g. ``LiveDomain`` (from the type token).
    :param name: the Pulumi resource name.
    :param id: the provider id (for domains, the domain name).
    :param inputs: the recorded inputs (secrets withheld as :data:`SECRET`).
    :param outputs: the recorded outputs (secrets withheld as :data:`SECRET`).
    """

    kind: str
    name: str
    id: str
    inputs: Mapping[str, Any]
    outputs: Mapping[str, Any]

    def value(self, key: str, default: Any = None) -> Any:
        """An output, else the input of that name, else ``default``; a withheld secret is ``default``."""
        for source in (self.outputs, self.inputs):
            if key in source and source[key] is not None and source[key] != SECRET:
                return source[key]
        return default


@dataclass(frozen=True)
class Deployment:
    """A deployed stack: where it was read from, its resources and outputs, and the provider settings.

    :param source: what was read, for messages (``state file …`` or ``pulumi stack export …``).
    :param stack: the stack name.
    :param resources: the tclive resources (components left out).
    :param outputs: the stack outputs (secrets withheld).
    :param settings: the provider settings of the stack (target, credentials, DNS servers).
    :param apply_command: the command that applies the program again, for fixes
        (``tclive up`` or ``pulumi up``, with the stack when it is not the default).
    """

    source: str
    stack: str
    resources: tuple[DeployedResource, ...]
    outputs: Mapping[str, Any]
    settings: ProviderSettings
    apply_command: str = "tclive up"

    def of(self, kind: str) -> list[DeployedResource]:
        """The resources of one class, e.g. ``of("LiveDomain")``."""
        return [r for r in self.resources if r.kind == kind]


def _kind(type_token: str) -> str | None:
    return type_token[len(_TYPE_PREFIX) :] if type_token.startswith(_TYPE_PREFIX) else None


def _settings(config: Mapping[str, str], program_dir: Path | None) -> ProviderSettings:
    values = dict(config)
    state = values.get("tclive:emulatorState")
    if state and program_dir is not None and not Path(state).is_absolute():
        # As the provider resolves it: relative to the program directory (`main:`), where it runs.
        values["tclive:emulatorState"] = str(program_dir / state)
    return ProviderSettings.load(values)


def from_state(directory: str, stack: str, state_file: str | None = None) -> Deployment:
    """The stack ``stack`` of the project in ``directory``, from the offline engine's state file.

    :param directory: the project directory (holding ``Pulumi.yaml``).
    :param stack: the stack name.
    :param state_file: the state file (default ``DIR/.tclive-state/<stack>.json``).
    :raises ConfigurationError: no project or no such stack there, an unreadable state file, a stack
        with nothing deployed, or malformed settings; the message says what to run instead.
    """
    # The engine's own readers, so the doctor finds stacks and state exactly where `tclive up` puts them.
    from ..testing._project import default_state_path, load_project, load_stack_config, require_stack
    from ..testing._state import StackState

    project = load_project(directory)
    path = Path(state_file).resolve() if state_file else default_state_path(project, stack)
    require_stack(project, stack, path, command="tclive")
    state = StackState.load(path, project=project.name, stack=stack)
    resources = tuple(
        # Under a passphrase the engine stores secrets encrypted: withheld here all the same.
        DeployedResource(kind, entry.name, entry.id, _unwrap(dict(entry.inputs)), _unwrap(dict(entry.outputs)))
        for entry in state.resources
        if not entry.delete and (kind := _kind(entry.type)) is not None
    )
    where = "" if project.root == Path.cwd().resolve() else f" {directory}"
    flag = "" if stack == "dev" else f" --stack {stack}"
    if not resources:
        raise ConfigurationError(
            f"stack '{stack}' ({path}) has no tclive resources deployed; run `tclive up{where}{flag}` first."
        )
    config = load_stack_config(project, stack).values
    return Deployment(
        source=f"state file {path}",
        stack=stack,
        resources=resources,
        outputs=_unwrap(dict(state.outputs)),
        settings=_settings(config, project.program_dir),
        apply_command=f"tclive up{where}{flag}",
    )


def _unwrap(value: Any) -> Any:
    """Export values with secrets withheld: a secret object (ciphertext or plaintext) becomes :data:`SECRET`."""
    if isinstance(value, dict):
        if value.get(_SIG_KEY) == _SECRET_SIG:
            return SECRET
        return {key: _unwrap(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_unwrap(item) for item in value]
    return value


def _plain_stack_config(directory: str, stack: str) -> tuple[dict[str, str], Path | None]:
    """The plain ``tclive:*`` values of ``DIR/Pulumi.<stack>.yaml`` and the program directory, if there is a
    project; encrypted values are left to the environment (the Pulumi CLI alone can decrypt them)."""
    root = Path(directory).resolve()
    if not (root / "Pulumi.yaml").is_file():
        return {}, None
    from ..testing._project import load_project

    project = load_project(root)
    path = root / f"Pulumi.{stack}.yaml"
    if not path.is_file():
        return {}, project.program_dir
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ConfigurationError(f"{path} is not valid YAML ({exc}); fix the file.") from exc
    raw = document.get("config") if isinstance(document, dict) else None
    values: dict[str, str] = {}
    for key, value in (raw or {}).items():
        if not str(key).startswith("tclive:") or isinstance(value, dict):
            continue
        values[str(key)] = value if isinstance(value, str) else json.dumps(value)
    return values, project.program_dir


def from_export(export_file: str, directory: str, stack: str) -> Deployment:
    """The stack in a ``pulumi stack export`` document (``-`` reads standard input).

    Settings come from the plain ``tclive:*`` values of ``DIR/Pulumi.<stack>.yaml`` when ``DIR`` holds
    a project, then the environment (``TENCENTCLOUD_SECRET_ID``, ``TENCENTCLOUD_SECRET_KEY``, …).

    :param export_file: the file ``pulumi stack export --file`` wrote, or ``-``.
    :param directory: the project directory, for the stack config (optional: none there is fine).
    :param stack: the stack name, for the stack config and for fixes.
    :raises ConfigurationError: an unreadable file or one that is not an export (message says which).
    """
    try:
        text = sys.stdin.read() if export_file == "-" else Path(export_file).read_text(encoding="utf-8")
        document = json.loads(text)
    except OSError as exc:
        raise ConfigurationError(
            f"cannot read --from-export {export_file}: {exc.strerror or exc}; write it with "
            "`pulumi stack export --file stack.json` and pass that file (or - for standard input)."
        ) from None
    except ValueError as exc:
        raise ConfigurationError(
            f"--from-export {export_file} is not JSON ({exc}); pass what `pulumi stack export` prints."
        ) from None
    deployment = document.get("deployment") if isinstance(document, dict) else None
    entries = deployment.get("resources") if isinstance(deployment, dict) else None
    if not isinstance(entries, list):
        raise ConfigurationError(
            f"--from-export {export_file} has no deployment.resources list (apitype UntypedDeployment); "
            "pass what `pulumi stack export` prints."
        )
    resources: list[DeployedResource] = []
    outputs: dict[str, Any] = {}
    for entry in entries:
        if not isinstance(entry, dict) or entry.get("delete"):
            continue
        type_token = str(entry.get("type", ""))
        if type_token == _STACK_TYPE:
            outputs = _unwrap(entry.get("outputs") or {})
            continue
        kind = _kind(type_token)
        if kind is None:
            continue
        urn = str(entry.get("urn", ""))
        resources.append(
            DeployedResource(
                kind,
                urn.rpartition("::")[2],
                str(entry.get("id", "")),
                _unwrap(entry.get("inputs") or {}),
                _unwrap(entry.get("outputs") or {}),
            )
        )
    if not resources:
        raise ConfigurationError(
            f"--from-export {export_file} holds no tclive resources; export the stack that runs the program "
            "(`pulumi stack export --stack NAME`)."
        )
    config, program_dir = _plain_stack_config(directory, stack)
    return Deployment(
        source=f"pulumi stack export {export_file}",
        stack=stack,
        resources=tuple(resources),
        outputs=outputs,
        settings=_settings(config, program_dir),
        apply_command=f"pulumi up --stack {stack}",
    )

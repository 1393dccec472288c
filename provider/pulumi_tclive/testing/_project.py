"""A Pulumi project directory: ``Pulumi.yaml``, ``Pulumi.<stack>.yaml``, the stack config, and which stacks exist.

A stack exists when it has a state file or a ``Pulumi.<stack>.yaml``, as with the Pulumi CLI's file
backend, where ``pulumi stack init`` creates the state and a stack file may come from the repository.
"""

from __future__ import annotations

import json
import os
import re
import shlex
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped]  # pyyaml ships no stubs; it comes with pulumi

from pulumi_tclive.errors import ConfigurationError

__all__ = [
    "PLAIN_SECRET_PREFIX",
    "STATE_DIRECTORY",
    "Project",
    "StackConfig",
    "default_state_path",
    "load_project",
    "load_stack_config",
    "require_stack",
    "save_stack_config",
    "stack_names",
    "validate_stack_name",
]

STATE_DIRECTORY = ".tclive-state"
"""Where the stacks' state files live by default, under the project directory: ``<stack>.json``."""

_STACK_NAME = re.compile(r"[A-Za-z0-9_.-]*")

PLAIN_SECRET_PREFIX = "plain:"
"""``secure: "plain:<text>"`` in a stack file is a secret whose value is ``<text>`` (offline only)."""


@dataclass(frozen=True)
class Project:
    """What ``Pulumi.yaml`` says about a project.

    :param name: the project name (``name:``).
    :param root: the directory holding ``Pulumi.yaml``.
    :param program_dir: the directory of ``__main__.py`` (``main:``, relative to ``root``).
    """

    name: str
    root: Path
    program_dir: Path


@dataclass(frozen=True, repr=False)
class StackConfig:
    """The stack's configuration: namespaced keys, string values, and which of them are secret.

    ``repr`` never shows values, so a secret cannot leak through a log line.

    :param values: ``{"project:key": "value"}`` for every key.
    :param secret_keys: the keys whose values are secret.
    """

    values: Mapping[str, str]
    secret_keys: frozenset[str]

    def __repr__(self) -> str:
        return f"StackConfig(keys={sorted(self.values)}, secret_keys={sorted(self.secret_keys)})"


def load_project(project_dir: str | os.PathLike[str]) -> Project:
    """Read ``Pulumi.yaml`` in ``project_dir``.

    :param project_dir: the project directory.
    :raises ConfigurationError: when the file is missing, malformed, or has no ``name``.
    """
    root = Path(project_dir).resolve()
    path = root / "Pulumi.yaml"
    document = _read_yaml(path, required=True)
    name = document.get("name")
    if not isinstance(name, str) or not name:
        raise ConfigurationError(f"{path} has no `name:` (got {name!r}); add `name: <project>` to it.")
    main = document.get("main", ".")
    if not isinstance(main, str):
        raise ConfigurationError(f"{path}: `main:` must be a directory path, got {main!r}.")
    program_dir = (root / main).resolve()
    if not (program_dir / "__main__.py").is_file():
        raise ConfigurationError(
            f"{program_dir / '__main__.py'} does not exist; `main:` in {path} must name the directory "
            "holding the program's __main__.py."
        )
    return Project(name=name, root=root, program_dir=program_dir)


def load_stack_config(
    project: Project,
    stack: str,
    overrides: Mapping[str, str] | None = None,
    secrets: Mapping[str, str] | None = None,
) -> StackConfig:
    """Build the stack config from ``Pulumi.<stack>.yaml`` plus explicit values.

    Keys without a namespace get the project name, as ``pulumi config set`` does. Numbers and
    booleans become strings and lists/maps become JSON text, which is what the CLI hands to the
    program and to ``Configure``.

    :param project: the loaded project.
    :param stack: the stack name.
    :param overrides: plain values that win over the stack file.
    :param secrets: secret values that win over the stack file.
    :raises ConfigurationError: when the file is malformed or holds an encrypted value.
    """
    path = project.root / f"Pulumi.{stack}.yaml"
    document = _read_yaml(path, required=False)
    raw = document.get("config") or {}
    if not isinstance(raw, dict):
        raise ConfigurationError(f"{path}: `config:` must be a map of keys to values, got {type(raw).__name__}.")
    values: dict[str, str] = {}
    secret_keys: set[str] = set()
    for key, value in raw.items():
        full_key = _namespaced(str(key), project.name)
        if isinstance(value, dict) and set(value) == {"secure"}:
            values[full_key] = _plain_secret(path, full_key, value["secure"])
            secret_keys.add(full_key)
        else:
            values[full_key] = _config_text(value)
    for key, text in (overrides or {}).items():
        full_key = _namespaced(key, project.name)
        values[full_key] = text
        secret_keys.discard(full_key)
    for key, text in (secrets or {}).items():
        full_key = _namespaced(key, project.name)
        values[full_key] = text
        secret_keys.add(full_key)
    return StackConfig(values=values, secret_keys=frozenset(secret_keys))


def _namespaced(key: str, project_name: str) -> str:
    return key if ":" in key else f"{project_name}:{key}"


def _plain_secret(path: Path, key: str, secure: Any) -> str:
    if isinstance(secure, str) and secure.startswith(PLAIN_SECRET_PREFIX):
        return secure[len(PLAIN_SECRET_PREFIX) :]
    raise ConfigurationError(
        f"{path}: config key {key} holds an encrypted value, which the offline engine cannot decrypt. "
        f'Write it as `secure: "{PLAIN_SECRET_PREFIX}<value>"` in a test stack file, or pass it with '
        "`--secret KEY=VALUE` / Engine(secrets={...})."
    )


def _config_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    return json.dumps(value, separators=(",", ":"), sort_keys=True)


def _read_yaml(path: Path, *, required: bool) -> dict[str, Any]:
    if not path.is_file():
        if required:
            raise ConfigurationError(f"{path} does not exist; the project directory must hold a Pulumi.yaml.")
        return {}
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ConfigurationError(f"{path} is not valid YAML ({exc}); fix the file.") from exc
    if document is None:
        return {}
    if not isinstance(document, dict):
        raise ConfigurationError(f"{path} must hold a YAML map at the top level, got {type(document).__name__}.")
    return document


def default_state_path(project: Project, stack: str) -> Path:
    """The state file of ``stack`` when none is given: ``<project>/.tclive-state/<stack>.json``.

    :param project: the loaded project. :param stack: the stack name.
    """
    return project.root / STATE_DIRECTORY / f"{stack}.json"


def stack_names(project: Project) -> list[str]:
    """The stacks of ``project``: those with a ``Pulumi.<stack>.yaml`` or a state file in the default place.

    :param project: the loaded project.
    """
    names = {path.name[len("Pulumi.") : -len(".yaml")] for path in project.root.glob("Pulumi.*.yaml")}
    names |= {path.stem for path in (project.root / STATE_DIRECTORY).glob("*.json")}
    return sorted(name for name in names if name)


def validate_stack_name(name: str) -> None:
    """Refuse a name the Pulumi CLI would refuse (``ParseStackName`` in
    https://github.com/pulumi/pulumi/blob/master/sdk/go/common/tokens/stack_name.go).

    :param name: the stack name.
    :raises ConfigurationError: with the CLI's wording.
    """
    if not name:
        raise ConfigurationError("a stack name may not be empty")
    if len(name) > 100:
        raise ConfigurationError("a stack name cannot exceed 100 characters")
    match = _STACK_NAME.match(name)
    end = match.end() if match else 0
    if end != len(name):
        raise ConfigurationError(
            "a stack name may only contain alphanumeric, hyphens, underscores, or periods: "
            f"invalid character {name[end]!r} at position {end}"
        )


def require_stack(project: Project, stack: str, state_path: Path, *, command: str) -> None:
    """Refuse a stack that does not exist, naming the ones that do, before anything is written.

    :param project: the loaded project. :param stack: the stack name.
    :param state_path: the stack's state file (``--state`` or the default).
    :param command: how the user runs the engine (``tclive``), for the advice.
    :raises ConfigurationError: ``no stack named 'dve' found; stacks here: dev`` and how to create it.
    """
    if state_path.is_file() or (project.root / f"Pulumi.{stack}.yaml").is_file():
        return
    existing = stack_names(project)
    here = ", ".join(existing) if existing else "none"
    location = "" if project.root == Path.cwd().resolve() else f" -C {shlex.quote(str(project.root))}"
    state = "" if state_path == default_state_path(project, stack) else f" --state {shlex.quote(str(state_path))}"
    raise ConfigurationError(
        f"no stack named '{stack}' found; stacks here: {here}. Pick one with `--stack NAME`, or create this one "
        f"with `{command} stack init {stack}{location}{state}`."
    )


def save_stack_config(project: Project, stack: str, values: Mapping[str, str]) -> None:
    """Save plain config values into ``Pulumi.<stack>.yaml``, as ``pulumi up --config KEY=VALUE`` does.

    Each key is written namespaced (``project:key``), as ``pulumi config set`` writes it, replacing
    the line of that key (namespaced or not) in the ``config:`` map, or appended to the map. The
    file is edited line by line, so its comments and layout stay.

    :param project: the loaded project. :param stack: the stack name.
    :param values: ``key`` or ``namespace:key`` → text.
    """
    path = project.root / f"Pulumi.{stack}.yaml"
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    start = next((i for i, line in enumerate(lines) if re.match(r"config:\s*(\{\s*\})?\s*(#.*)?$", line)), None)
    if start is not None:
        lines[start] = "config:"  # an empty flow map (`config: {}`) becomes the block map written below
    else:
        lines += ["config:"]
        start = len(lines) - 1
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or lines[end][:1].isspace()):
        end += 1
    for key, value in values.items():
        full_key = _namespaced(key, project.name)
        short = full_key.removeprefix(f"{project.name}:")
        # One line, quoted as YAML needs it: a value stays the string it was given (`"300"`, as the CLI writes it).
        line = f"  {full_key}: {json.dumps(value, ensure_ascii=False)}"
        found = next(
            (
                i
                for i in range(start + 1, end)
                if re.match(rf"\s+({re.escape(full_key)}|{re.escape(short)})\s*:", lines[i])
            ),
            None,
        )
        if found is None:
            lines.insert(end, line)
            end += 1
        else:
            lines[found] = line
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

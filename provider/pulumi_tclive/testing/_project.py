"""A Pulumi project directory: ``Pulumi.yaml``, ``Pulumi.<stack>.yaml`` and the stack config."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped]  # pyyaml ships no stubs; it comes with pulumi

from pulumi_tclive.errors import ConfigurationError

__all__ = ["PLAIN_SECRET_PREFIX", "Project", "StackConfig", "load_project", "load_stack_config"]

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

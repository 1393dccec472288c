"""The per-stack state file: one JSON document, replaced atomically after every successful step.

Secret values are never written: a secret input or output is stored as ``"[secret]"`` and its key
listed in ``secret_inputs`` / ``secret_outputs``. ``__provider`` is the exception: it is only a
by-reference pickle, so it is stored in clear even though the SDK marks it secret.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from pulumi_tclive.errors import ConfigurationError
from pulumi_tclive.testing._values import PROVIDER_KEY, SECRET_PLACEHOLDER, contains_secret, unwrap_secrets

__all__ = ["STATE_VERSION", "ResourceState", "StackState", "seal"]

STATE_VERSION = 1


@dataclass
class ResourceState:
    """One resource as the state file records it.

    :param urn: the resource URN. :param type: its type token. :param name: its logical name.
    :param custom: ``True`` for provider-managed resources, ``False`` for components.
    :param id: the provider's id ("" for components).
    :param inputs: the checked inputs; secret keys hold ``"[secret]"``.
    :param outputs: the provider's outputs; secret keys hold ``"[secret]"``.
    :param secret_inputs: keys of ``inputs`` whose values were withheld.
    :param secret_outputs: keys of ``outputs`` whose values were withheld.
    :param protect: the ``protect`` option at the last registration.
    :param retain_on_delete: the ``retain_on_delete`` option at the last registration.
    :param dependencies: URNs this resource depends on (``depends_on`` and input dependencies).
    :param parent: the parent's URN (the stack's for top-level resources).
    :param delete: ``True`` for a replaced resource still waiting for its delete.
    """

    urn: str
    type: str
    name: str
    custom: bool
    id: str = ""
    inputs: dict[str, Any] = field(default_factory=dict)
    outputs: dict[str, Any] = field(default_factory=dict)
    secret_inputs: list[str] = field(default_factory=list)
    secret_outputs: list[str] = field(default_factory=list)
    protect: bool = False
    retain_on_delete: bool = False
    dependencies: list[str] = field(default_factory=list)
    parent: str = ""
    delete: bool = False
    _line: str | None = field(default=None, init=False, repr=False, compare=False)

    def __setattr__(self, name: str, value: Any) -> None:
        # Fields are only ever replaced, never mutated in place, so an assignment is the one way the
        # cached line can go stale.
        object.__setattr__(self, name, value)
        if name != "_line":
            object.__setattr__(self, "_line", None)

    def to_json(self) -> str:
        """This entry as one compact JSON line, cached until a field is assigned (saves stay cheap)."""
        if self._line is None:
            document = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "_line"}
            self._line = json.dumps(document, sort_keys=True)
        return self._line

    def known_inputs(self) -> dict[str, Any]:
        """The stored inputs minus the withheld secret ones (what can be sent to the provider)."""
        return {key: value for key, value in self.inputs.items() if key not in self.secret_inputs}

    def known_outputs(self) -> dict[str, Any]:
        """The stored outputs minus the withheld secret ones (what can be sent to the provider)."""
        return {key: value for key, value in self.outputs.items() if key not in self.secret_outputs}


def seal(values: Mapping[str, Any], secret_keys: Iterable[str] = ()) -> tuple[dict[str, Any], list[str]]:
    """Turn wire values into what may be stored: secrets withheld, ``__provider`` kept in clear.

    :param values: wire values (secret wrappers possible).
    :param secret_keys: keys to withhold even when their value is not wrapped (secret-annotated).
    :returns: the storable values and the sorted list of withheld keys.
    """
    forced = set(secret_keys)
    stored: dict[str, Any] = {}
    withheld: list[str] = []
    for key, value in values.items():
        if key == PROVIDER_KEY:
            stored[key] = unwrap_secrets(value)
        elif key in forced or contains_secret(value):
            stored[key] = SECRET_PLACEHOLDER
            withheld.append(key)
        else:
            stored[key] = unwrap_secrets(value)
    return stored, sorted(withheld)


@dataclass
class StackState:
    """The whole state of one stack.

    :param project: the project name. :param stack: the stack name.
    :param resources: resources in dependency order (a resource after everything it depends on).
    :param outputs: the stack outputs (secrets as ``"[secret]"``).
    """

    project: str
    stack: str
    resources: list[ResourceState] = field(default_factory=list)
    outputs: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path, *, project: str, stack: str) -> StackState:
        """Read ``path``, or start empty when it does not exist.

        :param path: the state file. :param project: the project name. :param stack: the stack name.
        :raises ConfigurationError: when the file is unreadable or belongs to another stack.
        """
        if not path.is_file():
            return cls(project=project, stack=stack)
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
            resources = [ResourceState(**entry) for entry in document.get("resources", [])]
        except (ValueError, TypeError) as exc:
            raise ConfigurationError(
                f"state file {path} is not a state file this engine wrote ({exc}); move it away to start afresh."
            ) from exc
        if document.get("project") != project or document.get("stack") != stack:
            raise ConfigurationError(
                f"state file {path} belongs to project {document.get('project')!r} stack "
                f"{document.get('stack')!r}, not {project!r} stack {stack!r}; pass the right --state."
            )
        return cls(project=project, stack=stack, resources=resources, outputs=dict(document.get("outputs", {})))

    def save(self, path: Path) -> None:
        """Write the state atomically (a temporary file renamed over the old one).

        :param path: the state file.
        """
        path.parent.mkdir(parents=True, exist_ok=True)
        header = {"version": STATE_VERSION, "project": self.project, "stack": self.stack, "outputs": self.outputs}
        # One compact line per resource: json's C encoder (indent=None) keeps a save after every step
        # cheap for large stacks, and the file still diffs line by line.
        resources = ",\n".join(r.to_json() for r in self.resources)
        text = json.dumps(header, sort_keys=True)[:-1] + ',\n"resources": [\n' + resources + "\n]}\n"
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(text)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

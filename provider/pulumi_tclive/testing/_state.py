"""The per-stack state file: one JSON document, plus a journal of the steps of the running operation.

Secret values are never written in clear: a secret input or output is stored encrypted under the
stack's passphrase (``_secrets.py``), or as ``"[secret]"`` when none is set, and its key listed in
``secret_inputs`` / ``secret_outputs``. ``__provider`` is the exception: it is only a
by-reference pickle, so it is stored in clear even though the SDK marks it secret.

Files, for a state file ``dev.json``:

- ``dev.json``: the whole state, replaced atomically (a temporary file renamed over it).
- ``dev.json.bak``: the state file as it was before its last rewrite, as the Pulumi CLI's file
  backend keeps ``<stack>.json.bak`` (``backupTarget`` in
  https://github.com/pulumi/pulumi/blob/master/pkg/backend/diy/state.go).
- ``dev.json.journal``: while an operation runs, each step appends the entries it changed (JSON
  lines), so a step costs what it changed, not the size of the stack; the operation's end rewrites
  ``dev.json`` and removes the journal. After a crash, loading replays it: no finished step is lost.
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import tempfile
import typing
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model

from pulumi_tclive.errors import ConfigurationError
from pulumi_tclive.testing._values import (
    PROVIDER_KEY,
    SECRET_PLACEHOLDER,
    contains_secret,
    contains_unknown,
    unwrap_secrets,
)

__all__ = [
    "OPERATION_TYPES",
    "STATE_VERSION",
    "PendingOperation",
    "ResourceState",
    "StackState",
    "StateWriter",
    "backup_path",
    "describe_problems",
    "journal_path",
    "seal",
    "write_private",
]

STATE_VERSION = 2
"""The state file format this engine writes; it reads this and every older one (1 had no
``pending_operations``). A newer file is refused, as the CLI refuses a checkpoint newer than it knows
(``DeploymentSchemaVersionCurrent`` in https://github.com/pulumi/pulumi/blob/master/sdk/go/common/apitype/core.go)."""

OPERATION_TYPES = ("creating", "updating", "deleting")
"""The CLI's ``OperationType`` values the engine records (apitype/core.go)."""

_JOURNAL_MINIMUM = 1 << 20
"""The journal may grow to the state file's size or this many bytes before the state file is rewritten."""


def backup_path(path: Path) -> Path:
    """Where the previous version of the state file ``path`` is kept (``<path>.bak``).

    :param path: the state file.
    """
    return path.with_name(path.name + ".bak")


def journal_path(path: Path) -> Path:
    """The journal of the operation writing the state file ``path`` (``<path>.journal``).

    :param path: the state file.
    """
    return path.with_name(path.name + ".journal")


def _entry_key(entry: ResourceState) -> str:
    # A replaced resource has two entries under one URN: the live one and the one waiting for its delete.
    return f"{entry.urn}#delete#{entry.id}" if entry.delete else entry.urn


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


@dataclass
class PendingOperation:
    """A provider call that had started and not ended when the state was last written, as the CLI's
    checkpoint records it (``pending_operations``, ``OperationV2`` in apitype/core.go): the engine
    records it before the call and drops it when the call returns, so one left in the state means
    the operation was interrupted and the resource's state in the cloud is unknown.

    :param type: ``creating``, ``updating`` or ``deleting``.
    :param resource: the resource as it was when the call started (for a create: its checked inputs).
    """

    type: str
    resource: ResourceState

    def to_document(self) -> dict[str, Any]:
        """The JSON form stored in the state file and its journal."""
        return {"type": self.type, "resource": json.loads(self.resource.to_json())}

    @classmethod
    def from_document(cls, document: Mapping[str, Any]) -> PendingOperation:
        """Read :meth:`to_document`'s form (already validated).

        :param document: ``{"type": …, "resource": {…}}``.
        """
        return cls(type=str(document["type"]), resource=ResourceState(**document["resource"]))


def _field_default(item: dataclasses.Field[Any]) -> Any:
    if item.default_factory is not dataclasses.MISSING:
        return Field(default_factory=item.default_factory)
    return item.default if item.default is not dataclasses.MISSING else ...


_STRICT = ConfigDict(strict=True, extra="forbid")
_RESOURCE_MODEL: type[BaseModel] = create_model(  # type: ignore[call-overload]
    "resource",
    __config__=_STRICT,
    **{
        item.name: (typing.get_type_hints(ResourceState)[item.name], _field_default(item))
        for item in fields(ResourceState)
        if item.init
    },
)


class _OperationDocument(BaseModel):
    model_config = _STRICT
    type: Literal["creating", "updating", "deleting"]
    resource: _RESOURCE_MODEL


class _StateDocument(BaseModel):
    model_config = _STRICT
    version: int
    project: str
    stack: str
    serial: str = ""
    outputs: dict[str, Any] = Field(default_factory=dict)
    resources: list[_RESOURCE_MODEL] = Field(default_factory=list)
    pending_operations: list[_OperationDocument] = Field(default_factory=list)


def describe_problems(error: ValidationError) -> str:
    """Each problem as ``path: what (got value)``, the path in the file's terms (``resources[3].inputs``).

    :param error: pydantic's validation error.
    """
    lines = []
    for problem in error.errors(include_url=False):
        path = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in problem["loc"]).lstrip(".")
        shown = repr(problem.get("input"))
        lines.append(f"{path or 'the top level'}: {problem['msg'].lower()} (got {shown[:60]})")
    return "; ".join(lines)


def write_private(path: Path, text: str, *, append: bool = False) -> None:
    """Write ``text`` to ``path``, creating it readable by its owner only (0600, as the state file).

    :param path: the file. :param text: what to write. :param append: append instead of replacing.
    """
    flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC)
    with os.fdopen(os.open(path, flags, 0o600), "w", encoding="utf-8") as stream:
        stream.write(text)


def seal(
    values: Mapping[str, Any], secret_keys: Iterable[str] = (), encrypt: Callable[[Any], Any] | None = None
) -> tuple[dict[str, Any], list[str]]:
    """Turn wire values into what may be stored: secrets withheld (or, with ``encrypt``, encrypted),
    ``__provider`` kept in clear.

    :param values: wire values (secret wrappers possible).
    :param secret_keys: keys to withhold even when their value is not wrapped (secret-annotated).
    :param encrypt: the stack's encryption (``SecretsManager.encrypt``), when a passphrase is set.
    :returns: the storable values and the sorted list of secret keys.
    """
    forced = set(secret_keys)
    stored: dict[str, Any] = {}
    withheld: list[str] = []
    for key, value in values.items():
        if key == PROVIDER_KEY:
            stored[key] = unwrap_secrets(value)
        elif key in forced or contains_secret(value):
            plain = unwrap_secrets(value)
            stored[key] = SECRET_PLACEHOLDER if encrypt is None or contains_unknown(plain) else encrypt(plain)
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
    :param serial: the version of the state file this was read from ("" when not read from one).
    :param pending_operations: provider calls that started and had not ended when the state was
        last written (an interrupted operation), as the CLI's checkpoint records them.
    """

    project: str
    stack: str
    resources: list[ResourceState] = field(default_factory=list)
    outputs: dict[str, Any] = field(default_factory=dict)
    serial: str = ""
    pending_operations: list[PendingOperation] = field(default_factory=list)

    @classmethod
    def load(cls, path: Path, *, project: str, stack: str) -> StackState:
        """Read ``path`` (and replay its journal, left by an interrupted operation), or start empty.

        :param path: the state file. :param project: the project name. :param stack: the stack name.
        :raises ConfigurationError: when the file is unreadable, malformed (naming each field's
            path), newer than this engine, or belongs to another stack.
        """
        if not path.is_file():
            return cls(project=project, stack=stack)
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise ConfigurationError(
                f"state file {path} is not a state file this engine wrote ({exc}); " + _restore_advice(path)
            ) from exc
        version = document.get("version") if isinstance(document, dict) else None
        if isinstance(version, int) and version > STATE_VERSION:
            raise ConfigurationError(
                f"state file {path} has version {version}, newer than this engine's {STATE_VERSION}: it was "
                "written by a newer pulumi-tclive. Upgrade pulumi-tclive (`pip install -U pulumi-tclive`) to "
                "read it; nothing was written."
            )
        try:
            _StateDocument.model_validate(document)
        except ValidationError as exc:
            raise ConfigurationError(
                f"state file {path} is malformed: {describe_problems(exc)}. Correct the field(s) named in the file; "
                f"nothing was written (the version before the last write is kept in {backup_path(path)})."
            ) from None
        if document["project"] != project or document["stack"] != stack:
            raise ConfigurationError(
                f"state file {path} belongs to project {document['project']!r} stack "
                f"{document['stack']!r}, not {project!r} stack {stack!r}; pass the right --state."
            )
        state = cls(
            project=project,
            stack=stack,
            resources=[ResourceState(**entry) for entry in document.get("resources", [])],
            outputs=dict(document.get("outputs", {})),
            serial=str(document.get("serial", "")),
            pending_operations=[PendingOperation.from_document(op) for op in document.get("pending_operations", [])],
        )
        state._replay(journal_path(path), state.serial)
        return state

    def _replay(self, journal: Path, serial: str) -> None:
        """Apply the journal written on top of this state, if there is one for this very version of it."""
        if not journal.is_file():
            return
        # The last line is torn when the process died while appending it; the step it recorded had not finished.
        lines = journal.read_text(encoding="utf-8").split("\n")[:-1]
        entries = {_entry_key(entry): entry for entry in self.resources}
        for number, line in enumerate(lines, start=1):
            try:
                record = json.loads(line)
                if number == 1:
                    if record.get("base") != serial:
                        return  # left over from an older version of the state file, which already holds it
                elif "put" in record:
                    entry = ResourceState(**record["put"])
                    entries[_entry_key(entry)] = entry
                elif "drop" in record:
                    entries.pop(record["drop"], None)
                elif "pending" in record:
                    self.pending_operations = [PendingOperation.from_document(op) for op in record["pending"]]
                else:
                    self.outputs = dict(record["outputs"])
            except (ValueError, TypeError, KeyError, AttributeError) as exc:
                raise ConfigurationError(
                    f"state journal {journal} line {number} is unreadable ({exc}); "
                    "it holds the finished steps of an interrupted operation, which the state file does not "
                    f"have yet. Correct that line (each line is one JSON object) and run the command again."
                ) from None
        self.resources = _dependency_order(list(entries.values()))

    def save(self, path: Path) -> str:
        """Write the whole state atomically (a temporary file renamed over the old one), keep the old
        one as ``<path>.bak``, and remove the journal it supersedes.

        :param path: the state file.
        :returns: the version's serial, which a journal written on top of it names.
        """
        path.parent.mkdir(parents=True, exist_ok=True)
        serial = uuid.uuid4().hex
        header = {
            "version": STATE_VERSION,
            "project": self.project,
            "stack": self.stack,
            "outputs": self.outputs,
            "serial": serial,
            "pending_operations": [op.to_document() for op in self.pending_operations],
        }
        # One compact line per resource: json's C encoder (indent=None) keeps a save cheap for large
        # stacks, and the file still diffs line by line.
        resources = ",\n".join(r.to_json() for r in self.resources)
        text = json.dumps(header, sort_keys=True)[:-1] + ',\n"resources": [\n' + resources + "\n]}\n"
        # mkstemp creates the file 0600: the state is readable by its owner only.
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(text)
            _keep_backup(path)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        journal_path(path).unlink(missing_ok=True)
        return serial


def _restore_advice(path: Path) -> str:
    backup = backup_path(path)
    if backup.is_file():
        return (
            f"the previous version is kept in {backup}: restore it with `cp {backup} {path}` and run `refresh` "
            "to pick up what changed since (resources created since then are not in it: adopt them again)."
        )
    return (
        f"there is no backup ({backup} does not exist): repair the JSON of {path}; it lists the resources "
        "the stack manages."
    )


def _keep_backup(path: Path) -> None:
    """Make ``<path>.bak`` the current ``path`` (a hard link: no copy, the rename that follows keeps it)."""
    if not path.is_file():
        return
    backup = backup_path(path)
    backup.unlink(missing_ok=True)
    try:
        os.link(path, backup)
    except OSError:  # a file system without hard links
        shutil.copy2(path, backup)


def _dependency_order(entries: list[ResourceState]) -> list[ResourceState]:
    """``entries`` reordered as little as possible so each comes after its parent and dependencies."""
    by_urn = {entry.urn: entry for entry in entries if not entry.delete}
    placed: set[int] = set()
    ordered: list[ResourceState] = []

    def place(entry: ResourceState, visiting: set[int]) -> None:
        if id(entry) in placed or id(entry) in visiting:
            return
        visiting.add(id(entry))
        for urn in [entry.parent, *entry.dependencies]:
            before = by_urn.get(urn)
            if before is not None and before is not entry:
                place(before, visiting)
        placed.add(id(entry))
        ordered.append(entry)

    for entry in entries:
        place(entry, set())
    return ordered


class StateWriter:
    """Saves the state after every step of an operation, appending only what changed to the journal.

    Rewriting the whole file after each step costs O(stack size) per step, O(N²) for an ``up`` of N
    resources; the journal keeps each step O(what it changed) and leaves the state file (and so its
    ``.bak``) as it was before the operation. When the journal outgrows the state file, the state
    file is rewritten. The operation's end rewrites it with :meth:`StackState.save`, or :meth:`close`.

    :param path: the state file.
    :param on_disk: the state the file (and its journal) hold now, as :meth:`StackState.load` read it.
    """

    def __init__(self, path: Path, on_disk: StackState) -> None:
        self._path = path
        self._journal = journal_path(path)
        self._written = {_entry_key(entry): entry.to_json() for entry in on_disk.resources}
        self._outputs = json.dumps(on_disk.outputs, sort_keys=True)
        self._pending = json.dumps([op.to_document() for op in on_disk.pending_operations], sort_keys=True)
        self._serial = on_disk.serial if path.is_file() else ""
        self._limit = max(path.stat().st_size, _JOURNAL_MINIMUM) if self._serial else 0
        self._journal_bytes = self._journal.stat().st_size if self._serial and self._journal.is_file() else 0
        self._dirty = self._journal_bytes > 0

    def checkpoint(self, state: StackState) -> None:
        """Record ``state`` durably before the next step starts.

        :param state: the whole state as it stands now.
        """
        current: dict[str, str] = {}
        records: list[str] = []
        for entry in state.resources:
            key = _entry_key(entry)
            line = entry.to_json()
            current[key] = line
            if self._written.get(key) != line:
                records.append('{"put": ' + line + "}")
        records += [json.dumps({"drop": key}) for key in self._written.keys() - current.keys()]
        outputs = json.dumps(state.outputs, sort_keys=True)
        if outputs != self._outputs:
            records.append('{"outputs": ' + outputs + "}")
        pending = json.dumps([op.to_document() for op in state.pending_operations], sort_keys=True)
        if pending != self._pending:
            records.append('{"pending": ' + pending + "}")
        self._written, self._outputs, self._pending = current, outputs, pending
        if not records:
            return
        text = "\n".join(records) + "\n"
        if not self._serial or self._journal_bytes + len(text) > self._limit:
            self._rewrite(state)
            return
        if not self._dirty:
            text = json.dumps({"base": self._serial}) + "\n" + text
        write_private(self._journal, text, append=self._dirty)
        self._journal_bytes += len(text)
        self._dirty = True

    def close(self, state: StackState) -> None:
        """Rewrite the state file from ``state`` if the journal holds anything (which removes it).

        :param state: the whole state as it stands now.
        """
        if self._dirty:
            self._rewrite(state)

    def _rewrite(self, state: StackState) -> None:
        self._serial = state.save(self._path)
        self._limit = max(self._path.stat().st_size, _JOURNAL_MINIMUM)
        self._journal_bytes = 0
        self._dirty = False

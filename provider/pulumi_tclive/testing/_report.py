"""What an operation prints and returns: step lines, diagnostics, outputs, the summary line."""

from __future__ import annotations

import json
import threading
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, NamedTuple, TextIO

__all__ = ["Report", "RunResult", "Step"]

_SYMBOLS = {"create": "+", "update": "~", "replace": "+-", "delete": "-", "same": "=", "read": ""}
_PLANNED = {"create": "to create", "update": "to update", "replace": "to replace", "delete": "to delete"}
_DONE = {"create": "created", "update": "updated", "replace": "replaced", "delete": "deleted"}


class Step(NamedTuple):
    """One resource step: ``op`` is create, update, replace, delete, same or read (refresh, unchanged).

    :param op: the operation. :param type: the resource type token. :param name: the resource name.
    """

    op: str
    type: str
    name: str


@dataclass
class RunResult:
    """The outcome of ``preview``, ``up``, ``refresh`` or ``destroy``.

    :param operation: which one ran.
    :param exit_code: 0 on success, 1 on any failure (the CLI's exit status).
    :param steps: the steps of the operation, in the order they happened (for ``up``, the steps of
        the update, not of the preview that ran before it).
    :param diagnostics: every error and warning, in full (provider tracebacks included).
    :param outputs: the stack outputs; secrets as ``"[secret]"``, unknowns (preview) as ``"[unknown]"``.
    :param text: everything the operation printed.
    """

    operation: str
    exit_code: int
    steps: list[Step] = field(default_factory=list)
    diagnostics: list[str] = field(default_factory=list)
    outputs: dict[str, Any] = field(default_factory=dict)
    text: str = ""

    @property
    def ok(self) -> bool:
        """``True`` when the operation succeeded."""
        return self.exit_code == 0

    @property
    def counts(self) -> dict[str, int]:
        """How many steps of each op (``{"create": 2, "same": 1}``)."""
        return dict(Counter(step.op for step in self.steps))


class Report:
    """Collects printed lines (optionally echoing them) and the result's steps and diagnostics.

    :param echo: where to print lines as they are produced (the CLI passes ``sys.stdout``).
    """

    def __init__(self, echo: TextIO | None) -> None:
        self._echo = echo
        self._lines: list[str] = []
        self._lock = threading.Lock()
        self.steps: list[Step] = []
        self.planned: list[Step] = []
        self.diagnostics: list[str] = []
        self.failed = False

    def line(self, text: str = "") -> None:
        """Print one line.

        :param text: the line, without a newline.
        """
        with self._lock:
            self._lines.append(text)
            if self._echo is not None:
                print(text, file=self._echo, flush=True)

    def step(self, op: str, type_: str, name: str, *, record: bool = True) -> None:
        """Print a step line and (unless ``record`` is false) count it in the result.

        :param op: the operation. :param type_: the type token. :param name: the resource name.
        :param record: ``False`` when the step is counted later, once it has succeeded.
        """
        self.line(f" {_SYMBOLS[op]:<2} {op:<8} {type_} {name}")
        if record:
            self.record(op, type_, name)

    def record(self, op: str, type_: str, name: str) -> None:
        """Count a step in the result without printing it.

        :param op: the operation. :param type_: the type token. :param name: the resource name.
        """
        self.steps.append(Step(op, type_, name))

    def plan(self, op: str, type_: str, name: str) -> None:
        """Print a step of the preview that runs before an update; kept apart from the update's steps.

        :param op: the operation. :param type_: the type token. :param name: the resource name.
        """
        self.step(op, type_, name, record=False)
        self.planned.append(Step(op, type_, name))

    def error(self, message: str, full: str | None = None) -> None:
        """Print ``error: <message>`` and record ``full`` (default: the message) as a diagnostic.

        :param message: the printed text. :param full: the complete text, e.g. with a traceback.
        """
        self.failed = True
        self.line(f"error: {message}")
        self.diagnostics.append(f"error: {full if full is not None else message}")

    def warning(self, message: str) -> None:
        """Print and record ``warning: <message>``.

        :param message: the warning.
        """
        self.line(f"warning: {message}")
        self.diagnostics.append(f"warning: {message}")

    def block(self, title: str, lines: list[str]) -> None:
        """Print a titled, indented block (program or provider output); nothing when empty.

        :param title: the heading. :param lines: the lines.
        """
        if not lines:
            return
        self.line()
        self.line(f"{title}:")
        for text in lines:
            self.line(f"    {text}")

    def outputs(self, outputs: dict[str, Any]) -> None:
        """Print the stack outputs.

        :param outputs: display-ready output values.
        """
        if not outputs:
            return
        self.line()
        self.line("Outputs:")
        for key in sorted(outputs):
            self.line(f"    {key}: {json.dumps(outputs[key], ensure_ascii=False, sort_keys=True)}")

    def summary(self, *, planned: bool, steps: list[Step]) -> None:
        """Print ``Resources: 2 to create, 1 unchanged`` (or ``2 created, …`` after an update).

        :param planned: ``True`` for a preview's wording. :param steps: the steps to count.
        """
        counts = Counter(step.op for step in steps)
        words = _PLANNED if planned else _DONE
        parts = [f"{counts[op]} {words[op]}" for op in ("create", "update", "replace", "delete") if counts[op]]
        parts.append(f"{counts['same'] + counts['read']} unchanged")
        self.line()
        self.line("Resources: " + ", ".join(parts))

    def text(self) -> str:
        """Everything printed so far."""
        with self._lock:
            return "\n".join(self._lines) + "\n"

"""What an operation prints and returns: step lines, diagnostics, outputs, the summary line, and
the JSON document of ``--json``.

Wording follows the Pulumi CLI's display (https://github.com/pulumi/pulumi/tree/master/pkg/backend/display):
step lines carry ``[diff: ~ttl]`` (rows.go ``getInfoColumn``), ``--diff`` adds one line per property
(object_diff.go), and ``--json`` prints a ``PreviewDigest`` (pkg/display/json.go).
"""

from __future__ import annotations

import json
import threading
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple, TextIO

from pulumi_tclive.testing._diff import DIFFED_OPS, StepDetail, render_value, short_diff

__all__ = ["Report", "RunResult", "Step", "StepDetail"]

_SYMBOLS = {"create": "+", "update": "~", "replace": "+-", "delete": "-", "same": "=", "read": ""}
_PLANNED = {"create": "to create", "update": "to update", "replace": "to replace", "delete": "to delete"}
_DONE = {"create": "created", "update": "updated", "replace": "replaced", "delete": "deleted"}
CHANGE_OPS = frozenset({"create", "update", "replace", "delete"})
"""The ops that count as changes for ``--expect-no-changes`` (``engine.HasChanges``)."""


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
    :param exit_code: 0 on success, 1 on any failure (the CLI's exit status), 7 when
        ``expect_no_changes`` was set and something changed (the CLI's ``ExitNoChanges``).
    :param steps: the steps of the operation, in the order they happened (for ``up``, the steps of
        the update, not of the preview that ran before it).
    :param diagnostics: every error and warning, in full (provider tracebacks included).
    :param outputs: the stack outputs; secrets as ``"[secret]"``, unknowns (preview) as ``"[unknown]"``.
    :param text: everything the operation printed.
    :param digest: the JSON document ``--json`` prints (``steps``, ``changeSummary``,
        ``diagnostics``, ``outputs``; see ``docs/offline-engine.md``).
    """

    operation: str
    exit_code: int
    steps: list[Step] = field(default_factory=list)
    diagnostics: list[str] = field(default_factory=list)
    outputs: dict[str, Any] = field(default_factory=dict)
    text: str = ""
    digest: dict[str, Any] = field(default_factory=dict)

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

    :param echo: where to print lines as they are produced (the CLI passes ``sys.stdout``, or
        ``sys.stderr`` with ``--json``).
    :param show_diff: print each property's old and new value under its step line (``--diff``).
    :param on_reader_gone: called once when ``echo`` is a closed pipe (``tclive preview | head -1``):
        echoing stops and the engine cancels the operation, as a reader that left wants nothing more.
    """

    def __init__(
        self, echo: TextIO | None, *, show_diff: bool = False, on_reader_gone: Callable[[], None] | None = None
    ) -> None:
        self._echo = echo
        self._on_reader_gone = on_reader_gone
        self._show_diff = show_diff
        self._lines: list[str] = []
        self._lock = threading.Lock()
        self._pending: dict[Step, deque[StepDetail | None]] = {}
        self.steps: list[Step] = []
        self.json_steps: list[dict[str, Any]] = []
        self.json_planned: list[dict[str, Any]] = []
        self.planned: list[Step] = []
        self.diagnostics: list[str] = []
        self.json_diagnostics: list[dict[str, Any]] = []
        self.errored: set[str] = set()
        self.failed = False

    def line(self, text: str = "") -> None:
        """Print one line.

        :param text: the line, without a newline.
        """
        self.lines([text])

    def lines(self, texts: list[str]) -> None:
        """Print lines together: steps running in parallel never interleave within a block.

        :param texts: the lines, without newlines.
        """
        with self._lock:
            self._lines.extend(texts)
            if self._echo is None:
                return
            try:
                print("\n".join(texts), file=self._echo, flush=True)
            except BrokenPipeError:
                self._echo = None
                if self._on_reader_gone is not None:
                    self._on_reader_gone()

    def step(self, op: str, type_: str, name: str, *, record: bool = True, detail: StepDetail | None = None) -> None:
        """Print a step line and (unless ``record`` is false) count it in the result.

        :param op: the operation. :param type_: the type token. :param name: the resource name.
        :param record: ``False`` when the step is counted later (:meth:`record`), once it has succeeded.
        :param detail: what the step changes; kept for the step's entry in the JSON document.
        """
        self.show(op, type_, name, detail=detail)
        with self._lock:
            self._pending.setdefault(Step(op, type_, name), deque()).append(detail)
        if record:
            self.record(op, type_, name)

    def show(self, op: str, type_: str, name: str, *, detail: StepDetail | None = None) -> None:
        """Print a step line, with its ``[diff: …]`` note and (``--diff``, or a detail marked
        ``expand``) the property values, without counting it anywhere.

        :param op: the operation. :param type_: the type token. :param name: the resource name.
        :param detail: what the step changes.
        """
        text = f" {_SYMBOLS[op]:<2} {op:<8} {type_} {name}"
        note = short_diff(list(detail.diffs)) if detail is not None and op in DIFFED_OPS else ""
        lines = [f"{text} [{note}]" if note else text]
        # Like the CLI's --diff, unchanged resources get no detail (display.go ``shouldShow``).
        if detail is not None and op in CHANGE_OPS and (self._show_diff or (detail.expand and op in DIFFED_OPS)):
            lines += self._detail_lines(detail, with_ids=self._show_diff)
        self.lines(lines)

    @staticmethod
    def _detail_lines(detail: StepDetail, *, with_ids: bool) -> list[str]:
        """``[id=…]``, ``[urn=…]`` and ``~ key: old => new`` lines, indented as the CLI's ``--diff``
        (object_diff.go ``getResourcePropertiesSummary`` / ``printObjectDiff``)."""
        lines = []
        if with_ids:
            if detail.id:
                lines.append(f"        [id={detail.id}]")
            lines.append(f"        [urn={detail.urn}]")
        width = max((len(diff.key) for diff in detail.diffs), default=0)
        for diff in detail.diffs:
            title = f"      {diff.symbol} {diff.key:<{width}}: "
            base = diff.kind.removesuffix("-replace")
            if base == "add":
                lines.append(title + render_value(diff.new))
            elif base == "delete":
                lines.append(title + render_value(diff.old))
            else:
                lines.append(f"{title}{render_value(diff.old)} => {render_value(diff.new)}")
        return lines

    def record(self, op: str, type_: str, name: str) -> None:
        """Count a step in the result without printing it.

        :param op: the operation. :param type_: the type token. :param name: the resource name.
        """
        step = Step(op, type_, name)
        with self._lock:
            queue = self._pending.get(step)
            detail = queue.popleft() if queue else None
            self.steps.append(step)
            self._json_step(self.json_steps, op, type_, detail)

    @staticmethod
    def _json_step(steps: list[dict[str, Any]], op: str, type_: str, detail: StepDetail | None) -> None:
        # The CLI's digest leaves out unchanged resources unless --show-sames (display.go shouldShow).
        if op in CHANGE_OPS:
            steps.append(
                detail.json_step(op, type_)
                if detail is not None
                else {"op": op, "urn": "", "type": type_, "detailedDiff": None}
            )

    def plan(self, op: str, type_: str, name: str, *, detail: StepDetail | None = None) -> None:
        """Print a step of the preview that runs before an update; kept apart from the update's steps.

        :param op: the operation. :param type_: the type token. :param name: the resource name.
        :param detail: what the step changes.
        """
        self.show(op, type_, name, detail=detail)
        with self._lock:
            self.planned.append(Step(op, type_, name))
            self._json_step(self.json_planned, op, type_, detail)

    def error(self, message: str, full: str | None = None, *, urn: str = "") -> None:
        """Print ``error: <message>`` and record ``full`` (default: the message) as a diagnostic.

        :param message: the printed text. :param full: the complete text, e.g. with a traceback.
        :param urn: the resource the error is about; it is counted as errored in the summary.
        """
        self.failed = True
        self.line(f"error: {message}")
        text = f"error: {full if full is not None else message}"
        self.diagnostics.append(text)
        self.json_diagnostics.append({**({"urn": urn} if urn else {}), "message": text, "severity": "error"})
        if urn:
            self.errored.add(urn)

    def count_errored(self, urn: str) -> None:
        """Count a resource as errored for a problem already reported (not printed again).

        :param urn: the resource.
        """
        self.failed = True
        with self._lock:
            self.errored.add(urn)

    def warning(self, message: str) -> None:
        """Print and record ``warning: <message>``.

        :param message: the warning.
        """
        self.line(f"warning: {message}")
        self.diagnostics.append(f"warning: {message}")
        self.json_diagnostics.append({"message": f"warning: {message}", "severity": "warning"})

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

    def outputs(self, outputs: dict[str, Any], previous: dict[str, Any] | None = None) -> None:
        """Print the stack outputs; against ``previous`` (the outputs in state), each one that changes
        is marked ``+``, ``-`` or ``~ key: old => new``, as the CLI marks the stack's output diff.
        A value not known until the update (``[unknown]``) is not called a change, as in the CLI's
        preview (object_diff.go ``massageStackPreviewOutputDiff``).

        :param outputs: display-ready output values. :param previous: the stack's outputs before.
        """
        before = previous or {}
        if not outputs and not before:
            return
        self.line()
        self.line("Outputs:")

        def shown(value: Any) -> str:
            return json.dumps(value, ensure_ascii=False, sort_keys=True)

        for key in sorted(set(outputs) | set(before)):
            if key not in outputs:
                self.line(f"  - {key}: {shown(before[key])}")
            elif not before or (key in before and (before[key] == outputs[key] or outputs[key] == "[unknown]")):
                self.line(f"    {key}: {shown(outputs[key])}")
            elif key not in before:
                self.line(f"  + {key}: {shown(outputs[key])}")
            else:
                self.line(f"  ~ {key}: {shown(before[key])} => {shown(outputs[key])}")

    def summary(self, *, planned: bool, steps: list[Step]) -> None:
        """Print ``Resources: 2 to create, 1 unchanged`` (or ``2 created, …`` after an update), with
        ``, 3 errored`` when resources failed (the CLI's ``N errored``, diff.go ``renderSummaryEvent``).

        :param planned: ``True`` for a preview's wording. :param steps: the steps to count.
        """
        counts = Counter(step.op for step in steps)
        words = _PLANNED if planned else _DONE
        parts = [f"{counts[op]} {words[op]}" for op in ("create", "update", "replace", "delete") if counts[op]]
        parts.append(f"{counts['same'] + counts['read']} unchanged")
        if self.errored:
            parts.append(f"{len(self.errored)} errored")
        self.line()
        self.line("Resources: " + ", ".join(parts))

    def change_summary(self, steps: list[Step]) -> dict[str, int]:
        """Pulumi's ``changeSummary``: steps per op, an unchanged refresh (``read``) counted as ``same``.

        :param steps: the steps to count.
        """
        return dict(Counter("same" if step.op == "read" else step.op for step in steps))

    def text(self) -> str:
        """Everything printed so far."""
        with self._lock:
            return "\n".join(self._lines) + "\n"

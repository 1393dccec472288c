"""A dynamic provider whose create, read and delete take a while and log when they started and ended.

Config ``steplog:path`` names a JSON-lines file; every call appends ``{"op", "name", "start", "end"}``
(``time.monotonic()`` of the provider process), so a test can see which calls overlapped.
"""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Any

import pulumi
from pulumi.dynamic import ConfigureRequest, CreateResult, ReadResult, Resource, ResourceProvider

__all__ = ["LoggedStep", "StepLogProvider", "logged", "overlapping"]

_LOCK = threading.Lock()
_CREATE_SECONDS = 0.4


class StepLogProvider(ResourceProvider):
    """Create, read and delete wait ``_CREATE_SECONDS`` and append their interval to the log file."""

    def configure(self, req: ConfigureRequest) -> None:
        """Remember the log file."""
        self._log = Path(str(req.config.get("steplog:path")))

    def _logged(self, op: str, name: str) -> None:
        start = time.monotonic()
        time.sleep(_CREATE_SECONDS)
        entry = {"op": op, "name": name, "start": start, "end": time.monotonic()}
        with _LOCK, self._log.open("a", encoding="utf-8") as stream:
            stream.write(json.dumps(entry) + "\n")

    def create(self, props: dict[str, Any]) -> CreateResult:
        """Wait, then log the interval."""
        self._logged("create", props["step_name"])
        return CreateResult(props["step_name"], {**props, "done": f"{props['step_name']} after {props['after']}"})

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        """Wait, log, and report the resource as it was."""
        self._logged("read", id_)
        return ReadResult(id_, props)

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        """Wait and log."""
        self._logged("delete", id_)


class LoggedStep(Resource, module="steplog", name="Step"):
    """One logged step.

    :param name: the resource name. :param after: any text; pass another step's output to depend on it.
    :param opts: resource options.
    """

    done: pulumi.Output[str]

    def __init__(self, name: str, *, after: pulumi.Input[str] = "-", opts: pulumi.ResourceOptions | None = None):
        super().__init__(StepLogProvider(), name, {"step_name": name, "after": after, "done": None}, opts)


def logged(path: Path, op: str) -> list[dict[str, Any]]:
    """The logged calls of one kind, in the order they ended.

    :param path: the log file. :param op: ``create``, ``read`` or ``delete``.
    """
    entries = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return [entry for entry in entries if entry["op"] == op]


def overlapping(path: Path, op: str = "create") -> int:
    """The largest number of logged calls of one kind that were running at one moment.

    :param path: the log file. :param op: ``create``, ``read`` or ``delete``.
    """
    steps = logged(path, op)
    return max(sum(1 for other in steps if other["start"] <= step["start"] < other["end"]) for step in steps)

"""A dynamic provider whose create takes a while and logs when it started and ended.

Config ``steplog:path`` names a JSON-lines file; every create appends ``{"name", "start", "end"}``
(``time.monotonic()`` of the provider process), so a test can see which creates overlapped.
"""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Any

import pulumi
from pulumi.dynamic import ConfigureRequest, CreateResult, Resource, ResourceProvider

__all__ = ["LoggedStep", "StepLogProvider", "overlapping"]

_LOCK = threading.Lock()
_CREATE_SECONDS = 0.4


class StepLogProvider(ResourceProvider):
    """Create waits ``_CREATE_SECONDS`` and appends its interval to the log file."""

    def configure(self, req: ConfigureRequest) -> None:
        """Remember the log file."""
        self._log = Path(str(req.config.get("steplog:path")))

    def create(self, props: dict[str, Any]) -> CreateResult:
        """Wait, then log the interval."""
        start = time.monotonic()
        time.sleep(_CREATE_SECONDS)
        with _LOCK, self._log.open("a", encoding="utf-8") as stream:
            stream.write(json.dumps({"name": props["step_name"], "start": start, "end": time.monotonic()}) + "\n")
        return CreateResult(props["step_name"], {**props, "done": f"{props['step_name']} after {props['after']}"})


class LoggedStep(Resource, module="steplog", name="Step"):
    """One logged step.

    :param name: the resource name. :param after: any text; pass another step's output to depend on it.
    :param opts: resource options.
    """

    done: pulumi.Output[str]

    def __init__(self, name: str, *, after: pulumi.Input[str] = "-", opts: pulumi.ResourceOptions | None = None):
        super().__init__(StepLogProvider(), name, {"step_name": name, "after": after, "done": None}, opts)


def overlapping(path: Path) -> int:
    """The largest number of logged creates that were running at one moment.

    :param path: the log file.
    """
    steps = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return max(sum(1 for other in steps if other["start"] <= step["start"] < other["end"]) for step in steps)

"""A dynamic provider whose create takes ``slow:seconds`` and logs when it starts and when it ends.

Config ``slow:log`` names a text file; each create appends ``start NAME`` before it waits and
``end NAME`` after, so a test can interrupt the engine while a create is under way and see
whether that create went on to finish (its "cloud write") or not.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pulumi
from pulumi.dynamic import ConfigureRequest, CreateResult, Resource, ResourceProvider

__all__ = ["SlowItem", "SlowProvider", "logged"]

_LOCK = threading.Lock()


class SlowProvider(ResourceProvider):
    """Create logs ``start``, waits, then logs ``end``."""

    def configure(self, req: ConfigureRequest) -> None:
        """Remember the log file and the delay."""
        self._log = Path(str(req.config.get("slow:log")))
        self._seconds = float(req.config.get("slow:seconds") or 0)

    def _write(self, line: str) -> None:
        with _LOCK, self._log.open("a", encoding="utf-8") as stream:
            stream.write(line + "\n")

    def create(self, props: dict[str, Any]) -> CreateResult:
        """Log the start, wait, log the end."""
        self._write(f"start {props['item_name']}")
        time.sleep(self._seconds)
        self._write(f"end {props['item_name']}")
        return CreateResult(props["item_name"], {**props, "done": f"{props['item_name']} after {props['after']}"})


class SlowItem(Resource, module="slow", name="Item"):
    """One slow item.

    :param name: the resource name. :param after: any text; pass another item's output to depend on it.
    :param opts: resource options.
    """

    done: pulumi.Output[str]

    def __init__(self, name: str, *, after: pulumi.Input[str] = "-", opts: pulumi.ResourceOptions | None = None):
        super().__init__(SlowProvider(), name, {"item_name": name, "after": after, "done": None}, opts)


def logged(path: Path) -> list[str]:
    """The lines of the log so far (none when it does not exist yet).

    :param path: the log file.
    """
    return path.read_text(encoding="utf-8").splitlines() if path.is_file() else []

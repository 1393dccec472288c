"""What a check gives: a finding per subject; and what the runner runs: planned tasks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

__all__ = ["CHECK_ORDER", "Finding", "Planned", "Status", "Task", "one"]

Status = Literal["pass", "warn", "fail"]

CHECK_ORDER = (
    "licence",
    "domain",
    "cname",
    "resolver",
    "https",
    "push auth",
    "play auth",
    "referer",
    "processing",
    "app.json",
)
"""The checks in the order the chain runs (and the table lists them)."""


@dataclass(frozen=True)
class Finding:
    """The result of one check on one subject.

    :param check: which check (one of :data:`CHECK_ORDER`).
    :param subject: what was checked: a domain, the licence's AppID, a file.
    :param status: ``pass``, ``warn`` or ``fail``.
    :param detail: what was found.
    :param fix: what to do when it does not pass (``""`` when it passes).
    """

    check: str
    subject: str
    status: Status
    detail: str
    fix: str = ""


Task = Callable[[], list[Finding]]


def one(check: Callable[..., Finding], *args: Any) -> Task:
    """A task of the check that gives one finding."""
    return lambda: [check(*args)]


@dataclass(frozen=True)
class Planned:
    """One check to run: its name and subject (for the failure finding when the task raises) and the task."""

    check: str
    subject: str
    task: Task

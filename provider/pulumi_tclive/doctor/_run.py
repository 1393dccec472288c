"""Running the checks in parallel, with progress, and printing the table or the JSON document."""

from __future__ import annotations

import json
import sys
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from ..errors import TcliveError
from ._findings import CHECK_ORDER, Finding, Planned

__all__ = ["WORKERS", "render_json", "render_table", "run_checks", "summary"]

WORKERS = 16
"""Checks in flight at once. The client's per-action token buckets keep the API calls within Tencent's
documented rate limits (cloud/client.py), so this only bounds threads and DNS queries in flight."""

_PROGRESS_AFTER = 1.0


def _safely(planned: Planned) -> list[Finding]:
    try:
        return planned.task()
    except TcliveError as exc:
        return [
            Finding(
                planned.check,
                planned.subject,
                "fail",
                f"could not check: {exc}",
                "Check the stack's target and credentials (tclive:endpoint, TENCENTCLOUD_SECRET_ID / "
                "TENCENTCLOUD_SECRET_KEY), then run the doctor again.",
            )
        ]


def run_checks(planned: Sequence[Planned], *, progress: Callable[[str], None] | None = None) -> list[Finding]:
    """Run every check, ``WORKERS`` at a time; one progress line a second on stderr once it takes over a second.

    :param planned: the checks.
    :param progress: receives the progress lines (default: stderr).
    """
    say = progress or (lambda line: print(line, file=sys.stderr, flush=True))
    done = threading.Event()
    finished = [0]
    start = time.monotonic()

    def report() -> None:
        shown = False
        while not done.wait(_PROGRESS_AFTER):
            shown = True
            say(f"tclive doctor: {finished[0]}/{len(planned)} checks done, {time.monotonic() - start:.0f}s")
        if shown:
            say(f"tclive doctor: {len(planned)}/{len(planned)} checks done in {time.monotonic() - start:.1f}s")

    reporter = threading.Thread(target=report, name="tclive-doctor-progress", daemon=True)
    reporter.start()
    results: list[list[Finding]] = []
    try:
        with ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="tclive-doctor") as pool:
            futures = [pool.submit(_safely, item) for item in planned]
            for future in futures:
                results.append(future.result())
                finished[0] += 1
    finally:
        done.set()
        reporter.join()
    findings = [finding for group in results for finding in group]
    order = {name: index for index, name in enumerate(CHECK_ORDER)}
    return sorted(findings, key=lambda f: (order.get(f.check, len(order)), f.subject))


def summary(findings: Sequence[Finding]) -> dict[str, int]:
    """``{"pass": n, "warn": n, "fail": n}``."""
    return {status: sum(1 for f in findings if f.status == status) for status in ("pass", "warn", "fail")}


def render_json(findings: Sequence[Finding]) -> str:
    """The ``--json`` document: ``{"checks": [{check, subject, status, detail, fix}], "summary": {pass, warn, fail}}``."""
    document: dict[str, Any] = {
        "checks": [
            {"check": f.check, "subject": f.subject, "status": f.status, "detail": f.detail, "fix": f.fix}
            for f in findings
        ],
        "summary": summary(findings),
    }
    return json.dumps(document, indent=2, ensure_ascii=False)


def render_table(findings: Sequence[Finding]) -> str:
    """The table: one row per finding (CHECK, SUBJECT, STATUS, DETAIL), the fix under each row that does not
    pass, and the counts."""
    header = ("CHECK", "SUBJECT", "STATUS", "DETAIL")
    rows = [(f.check, f.subject, f.status.upper(), f.detail) for f in findings]
    widths = [max(len(row[column]) for row in (header, *rows)) for column in range(3)]
    lines = []
    for row, finding in zip((header, *rows), (None, *findings), strict=True):
        lines.append("  ".join(cell.ljust(width) for cell, width in zip(row[:3], widths, strict=True)) + "  " + row[3])
        if finding is not None and finding.fix and finding.status != "pass":
            lines.append(" " * (sum(widths) + 6) + "fix: " + finding.fix)
    counts = summary(findings)
    lines.append(f"{counts['pass']} passed, {counts['warn']} warned, {counts['fail']} failed")
    return "\n".join(lines)

"""Turn ``tclive doctor --json`` into a Markdown table, and fail when a check failed.

    tclive doctor . --stack prod --from-export stack.json --json > doctor.json
    python doctor_report.py doctor.json > report.md      # exit 1 when any check failed

Exit status: 0 when no check failed, 1 when one did, 2 when the document is missing or is not the
doctor's (the doctor itself exits 2 for bad usage and then prints no document; its message is on
its stderr, in the job log). The table lists failures first, then warnings, then passes, each with
its fix; the doctor never prints a key or a credential, so the table is safe to post.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

_ORDER = {"fail": 0, "warn": 1, "pass": 2}
_MARK = {"fail": "❌ fail", "warn": "⚠️ warn", "pass": "✅ pass"}


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def render(document: dict[str, Any]) -> str:
    """The Markdown report of a doctor document: the counts, then one row per check."""
    counts = document["summary"]
    checks = sorted(document["checks"], key=lambda c: _ORDER.get(c["status"], 3))
    lines = [
        f"**tclive doctor**: {counts['fail']} failed, {counts['warn']} warned, {counts['pass']} passed",
        "",
        "| check | subject | status | detail | fix |",
        "|---|---|---|---|---|",
    ]
    for check in checks:
        lines.append(
            "| "
            + " | ".join(
                _cell(value)
                for value in (
                    check["check"],
                    check["subject"],
                    _MARK.get(check["status"], check["status"]),
                    check["detail"],
                    check["fix"],
                )
            )
            + " |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    """Print the report of the document at ``argv[0]``; the exit status says whether a check failed."""
    if len(argv) != 1:
        print("usage: doctor_report.py DOCTOR_JSON", file=sys.stderr)
        return 2
    try:
        document = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
        if not isinstance(document, dict) or not isinstance(document.get("checks"), list):
            raise ValueError("no checks list")
        failures = int(document["summary"]["fail"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        print(
            f"doctor_report.py: {argv[0]} is not a `tclive doctor --json` document ({exc.__class__.__name__}: {exc}); "
            "the doctor's own error is in its output above.",
            file=sys.stderr,
        )
        return 2
    print(render(document), end="")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

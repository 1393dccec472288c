"""Turn a preview's JSON document into a Markdown pull-request comment.

    pulumi preview --stack prod --json > plan.json                   # the Pulumi CLI
    python -m pulumi_tclive.testing preview . --json > plan.json     # or the offline engine
    python plan_comment.py plan.json > comment.md

Reads both: the CLI's ``PreviewDigest`` and the offline engine's document of the same shape
(docs/offline-engine.md). For each step it names the properties that change: ``detailedDiff``
when present (the offline engine fills it), else ``diffReasons``, else, as the CLI's own display
does for providers without a detailed diff, the top-level inputs that differ between ``oldState``
and ``newState`` (keys starting ``__`` are internal). Values are never printed: the comment is
public to everyone who can read the pull request.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

_SYMBOLS = {"create": "+", "update": "~", "replace": "+-", "delete": "-"}
_KIND_SYMBOLS = {"add": "+", "delete": "-", "update": "~"}
_ORDER = ("create", "update", "replace", "delete")


def changed_properties(step: dict[str, Any]) -> list[str]:
    """``~ttl``-style names of what a step changes (``+`` added, ``-`` removed, ``~`` updated)."""
    detailed = step.get("detailedDiff")
    if isinstance(detailed, dict) and detailed:
        return [
            _KIND_SYMBOLS.get(str(diff.get("kind", "update")).removesuffix("-replace"), "~") + key
            for key, diff in sorted(detailed.items())
        ]
    if step.get("diffReasons"):
        return ["~" + str(key) for key in step["diffReasons"]]
    olds = (step.get("oldState") or {}).get("inputs") or {}
    news = (step.get("newState") or {}).get("inputs") or {}
    if step.get("op") not in ("update", "replace"):
        return []
    keys = sorted(key for key in set(olds) | set(news) if not key.startswith("__") and olds.get(key) != news.get(key))
    return [("+" if key not in olds else "-" if key not in news else "~") + key for key in keys]


def _name(urn: str) -> str:
    return urn.rsplit("::", 1)[-1]


def _type(step: dict[str, Any]) -> str:
    token = str(step.get("type") or (step.get("newState") or step.get("oldState") or {}).get("type") or "")
    if not token:
        token = step.get("urn", "").rsplit("::", 2)[-2].rsplit("$", 1)[-1] if "::" in step.get("urn", "") else ""
    return token.removeprefix("pulumi-python:dynamic/")


def render(document: dict[str, Any]) -> str:
    """The Markdown comment for one preview document."""
    summary = document.get("changeSummary") or {}
    parts = [f"{summary[op]} to {op}" for op in _ORDER if summary.get(op)]
    if summary.get("same"):
        parts.append(f"{summary['same']} unchanged")
    errors = [d for d in document.get("diagnostics") or [] if d.get("severity") == "error"]
    status = "failed" if errors else "no changes" if not any(summary.get(op) for op in _ORDER) else "changes"
    lines = [f"### Pulumi preview: {status}", "", "Resources: " + (", ".join(parts) or "none"), ""]
    steps = [step for step in document.get("steps") or [] if step.get("op") in _SYMBOLS]
    if steps:
        lines += ["| | resource | type | changes |", "|---|---|---|---|"]
        for step in steps:
            op = str(step["op"])
            changes = " ".join(f"`{name}`" for name in changed_properties(step))
            replaces = step.get("replaceReasons") or []
            if replaces:
                changes += " (replaced because of " + ", ".join(f"`{key}`" for key in replaces) + ")"
            lines.append(
                f"| `{_SYMBOLS[op]}` {op} | `{_name(str(step.get('urn', '')))}` | `{_type(step)}` | {changes} |"
            )
        lines.append("")
    if errors:
        lines += [f"**{len(errors)} error{'s' if len(errors) != 1 else ''}:**", "", "```text"]
        lines += [str(d.get("message", "")).rstrip() for d in errors]
        lines += ["```", ""]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    """``plan_comment.py [PLAN.json]`` (standard input when no file is given)."""
    text = Path(argv[0]).read_text(encoding="utf-8") if argv else sys.stdin.read()
    if not text.strip():
        # The preview stopped before it could print its plan (login, config): the job log says why.
        print("### Pulumi preview: failed\n\nNo plan was produced; see the job log.")
        return 0
    print(render(json.loads(text)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

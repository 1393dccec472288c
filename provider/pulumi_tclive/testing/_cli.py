"""Command line: ``python -m pulumi_tclive.testing {preview,up,refresh,destroy} DIR [options]``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from pulumi_tclive.errors import ConfigurationError
from pulumi_tclive.testing._engine import Engine

__all__ = ["main"]


def _pair(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key:
        raise argparse.ArgumentTypeError(f"expected KEY=VALUE, got {text!r}")
    return key, value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m pulumi_tclive.testing",
        description="Run a Pulumi Python program without the Pulumi CLI (offline engine for dynamic providers).",
    )
    parser.add_argument("operation", choices=["preview", "up", "refresh", "destroy"], help="what to run")
    parser.add_argument("project_dir", metavar="DIR", help="the directory holding Pulumi.yaml")
    parser.add_argument("--stack", default="dev", help="stack name; selects Pulumi.<stack>.yaml (default dev)")
    parser.add_argument(
        "--config",
        action="append",
        type=_pair,
        default=[],
        metavar="KEY=VALUE",
        help="a plain config value (KEY without a namespace gets the project's); repeatable",
    )
    parser.add_argument(
        "--secret",
        action="append",
        type=_pair,
        default=[],
        metavar="KEY=VALUE",
        help="a secret config value (visible in the process list; prefer `secure: plain:…` in a test stack file)",
    )
    parser.add_argument(
        "--state", default=None, metavar="FILE", help="state file (default DIR/.tclive-state/<stack>.json)"
    )
    parser.add_argument("--skip-preview", action="store_true", help="up: apply without previewing first")
    parser.add_argument(
        "--exclude-protected",
        action="store_true",
        help="destroy: keep protected resources (and what they depend on) and delete the rest",
    )
    # Review and pipeline flags, named and behaving as the Pulumi CLI's (docs/offline-engine.md).
    parser.add_argument(
        "--diff", action="store_true", help="show each changed property's old and new value under its step"
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="print one JSON document (steps, changeSummary, diagnostics) on stdout; the usual output goes to stderr",
    )
    parser.add_argument(
        "--expect-no-changes",
        action="store_true",
        help="preview, up, refresh: fail with exit status 7 if anything would change or did change",
    )
    parser.add_argument(
        "--refresh", action="store_true", help="preview, up: refresh the state first, then plan against it"
    )
    return parser


_ONLY_FOR = {"--expect-no-changes": ("preview", "up", "refresh"), "--refresh": ("preview", "up")}


def main(argv: Sequence[str] | None = None) -> int:
    """Run one operation, print its output, and return the exit status (0 ok, 1 failed, 2 usage,
    7 changes found with ``--expect-no-changes``).

    :param argv: the arguments (default ``sys.argv[1:]``).
    """
    parser = _parser()
    args = parser.parse_args(argv)
    for flag, operations in _ONLY_FOR.items():
        if getattr(args, flag.removeprefix("--").replace("-", "_")) and args.operation not in operations:
            parser.error(f"{flag} applies to {', '.join(operations)}, not {args.operation}")
    try:
        engine = Engine(
            args.project_dir,
            stack=args.stack,
            config=dict(args.config),
            state_path=args.state,
            secrets=dict(args.secret),
            echo=sys.stderr if args.json else sys.stdout,
            diff=args.diff,
        )
        if args.operation == "preview":
            result = engine.preview(refresh=args.refresh, expect_no_changes=args.expect_no_changes)
        elif args.operation == "up":
            result = engine.up(
                skip_preview=args.skip_preview, refresh=args.refresh, expect_no_changes=args.expect_no_changes
            )
        elif args.operation == "refresh":
            result = engine.refresh(expect_no_changes=args.expect_no_changes)
        else:
            result = engine.destroy(exclude_protected=args.exclude_protected)
    except ConfigurationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        # One document, indented as the CLI's ShowPreviewDigest does (json.MarshalIndent, four spaces).
        print(json.dumps(result.digest, indent=4, ensure_ascii=False), flush=True)
    return result.exit_code

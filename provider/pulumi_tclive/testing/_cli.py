"""Command line: ``python -m pulumi_tclive.testing {preview,up,refresh,destroy,stack,state,cancel} …``
(the same commands as ``tclive preview …``).

Each operation has its own parser, so ``up --help`` shows ``up``'s flags only, as each Pulumi CLI
command does (pkg/cmd/pulumi/operations/{preview,up,refresh,destroy}.go in
https://github.com/pulumi/pulumi).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from types import FrameType

from pulumi_tclive.errors import ConfigurationError
from pulumi_tclive.testing._engine import Engine
from pulumi_tclive.testing._project import require_stack, save_stack_config
from pulumi_tclive.testing._report import RunResult
from pulumi_tclive.testing._stacks import add_stack_commands, stack_main

__all__ = ["OPERATIONS", "add_engine_commands", "main"]

PROG = "python -m pulumi_tclive.testing"

OPERATIONS = {
    "preview": "show a preview of updates to a stack's resources",
    "up": "create or update the resources in a stack",
    "refresh": "refresh the resources in a stack (read them; the program is not run)",
    "destroy": "destroy all existing resources in the stack",
}
"""The operations and their one-line help (the Pulumi CLI's ``Short`` texts)."""

_NOUNS = {"preview": "preview", "up": "update", "refresh": "refresh", "destroy": "destroy"}


def _pair(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key:
        raise argparse.ArgumentTypeError(f"expected KEY=VALUE, got {text!r}")
    return key, value


def _operation_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], operation: str, default_dir: str | None
) -> None:
    parser = commands.add_parser(operation, help=OPERATIONS[operation], description=OPERATIONS[operation] + ".")
    if default_dir is None:
        parser.add_argument("project_dir", metavar="DIR", nargs="?", help="the directory holding Pulumi.yaml")
    else:
        parser.add_argument(
            "project_dir",
            metavar="DIR",
            nargs="?",
            help=f"the directory holding Pulumi.yaml (default {default_dir}; or -C DIR)",
        )
    parser.add_argument(
        "-C", "--cwd", default=None, metavar="DIR", help="run in DIR, the project directory (the same as DIR)"
    )
    parser.add_argument("--stack", "-s", default="dev", help="stack name; selects Pulumi.<stack>.yaml (default dev)")
    parser.add_argument(
        "--config",
        "-c",
        action="append",
        type=_pair,
        default=[],
        metavar="KEY=VALUE",
        help=f"config to use during the {_NOUNS[operation]} and save to the stack config file "
        "(Pulumi.<stack>.yaml); KEY without a namespace gets the project's; repeatable",
    )
    parser.add_argument(
        "--secret",
        action="append",
        type=_pair,
        default=[],
        metavar="KEY=VALUE",
        help="a secret config value for this run only (visible in the process list; prefer the stack file)",
    )
    parser.add_argument(
        "--state", default=None, metavar="FILE", help="state file (default DIR/.tclive-state/<stack>.json)"
    )
    if operation == "up":
        parser.add_argument("--skip-preview", action="store_true", help="apply without previewing first")
    if operation == "destroy":
        parser.add_argument(
            "--exclude-protected",
            action="store_true",
            help="keep protected resources (and what they depend on) and delete the rest",
        )
    if operation == "refresh":
        parser.add_argument(
            "--clear-pending-creates",
            action="store_true",
            help="clear all pending creates, dropping them from the state (the creates did not happen)",
        )
        parser.add_argument(
            "--import-pending-creates",
            nargs=2,
            action="append",
            default=[],
            metavar=("URN", "ID"),
            help="the create of URN did happen and made ID: read it into the state (a LiveDomain's or "
            "CnameRecord's id is its domain name); repeatable",
        )
    # Review and pipeline flags, named and behaving as the Pulumi CLI's (docs/offline-engine.md).
    parser.add_argument("--diff", action="store_true", help="show each changed property's old and new value")
    parser.add_argument(
        "--json",
        "-j",
        action="store_true",
        help="print one JSON document (steps, changeSummary, diagnostics) on stdout; the usual output goes to stderr",
    )
    if operation != "destroy":
        parser.add_argument(
            "--expect-no-changes",
            action="store_true",
            help="fail with exit status 7 if anything would change or did change",
        )
    if operation in ("preview", "up"):
        parser.add_argument(
            "--refresh", "-r", action="store_true", help="refresh the state first, then plan against it"
        )
    parser.add_argument(
        "--parallel",
        "-p",
        type=int,
        default=None,
        metavar="P",
        help="allow P resource operations to run in parallel at once (1 for no parallelism; "
        "default: $PULUMI_PARALLEL, else 4 × CPUs, as the Pulumi CLI)",
    )
    parser.set_defaults(engine_operation=operation)


def add_engine_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], *, default_dir: str | None = None
) -> None:
    """Add ``preview``, ``up``, ``refresh``, ``destroy``, ``stack``, ``state`` and ``cancel``.

    :param commands: the subcommands of the top-level parser.
    :param default_dir: the project directory when none is given (``.`` for ``tclive``).
    """
    for operation in OPERATIONS:
        _operation_parser(commands, operation, default_dir)
    add_stack_commands(commands)


def _parser(prog: str, default_dir: str | None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Run a Pulumi Python program without the Pulumi CLI (offline engine for dynamic providers).",
        epilog=f"`{prog} COMMAND --help` shows a command's flags.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    add_engine_commands(commands, default_dir=default_dir)
    return parser


class _Interrupts:
    """SIGINT and SIGTERM as the CLI handles them (pkg/backend/cancellation_scope.go): the first
    cancels (running steps finish and are saved), the second ends the process at once; pending
    operations are in the state already, recorded before each step started."""

    def __init__(self, engine: Engine, operation: str) -> None:
        self._engine = engine
        self._operation = operation
        self._count = 0

    def __call__(self, number: int, frame: FrameType | None) -> None:
        self._count += 1
        shown = "^C" if number == signal.SIGINT else "SIGTERM"
        again = "press ^C again" if number == signal.SIGINT else "send SIGTERM again"
        if self._count == 1:
            message = f"{shown} received; cancelling. If you would like to terminate immediately, {again}."
            if self._operation != "preview":
                message += (
                    "\nNote that terminating immediately may lead to orphaned resources and other inconsistencies."
                )
            print(message, file=sys.stderr, flush=True)
            self._engine.cancel()
            return
        print(f"{shown} received; terminating", file=sys.stderr, flush=True)
        self._engine.release_lock()
        # The children end with this process (_children.py); the journal holds every finished step.
        os._exit(1)


def _project_dir(args: argparse.Namespace, default_dir: str | None, parser: argparse.ArgumentParser) -> str:
    given = [value for value in (args.project_dir, args.cwd) if value is not None]
    if len(given) == 2 and Path(given[0]).resolve() != Path(given[1]).resolve():
        parser.error(f"DIR ({given[0]}) and -C/--cwd ({given[1]}) name different directories; give one")
    if given:
        return str(given[0])
    if default_dir is None:
        parser.error(f"{args.engine_operation} needs the project directory: DIR or -C DIR")
    return default_dir


def main(argv: Sequence[str] | None = None, *, prog: str = PROG, default_dir: str | None = None) -> int:
    """Run one command, print its output, and return the exit status (0 ok, 1 failed, 2 usage,
    7 changes found with ``--expect-no-changes``).

    :param argv: the arguments (default ``sys.argv[1:]``).
    :param prog: how the user runs the engine (``tclive`` for the front door), for usage and advice.
    :param default_dir: the project directory when none is given (``.`` for ``tclive``; required otherwise).
    """
    parser = _parser(prog, default_dir)
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    try:
        if not hasattr(args, "engine_operation"):
            code = stack_main(args, prog=prog)
        else:
            code = _operate(args, prog=prog, project_dir=_project_dir(args, default_dir, parser))
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        # The reader went away (`tclive preview | head -1`): stop quietly. Python would report the
        # failed flush of stdout at exit, so point stdout at /dev/null first (Python docs, "Note on SIGPIPE").
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def _operate(args: argparse.Namespace, *, prog: str, project_dir: str) -> int:
    operation: str = args.engine_operation
    config = dict(args.config)
    try:
        engine = Engine(
            project_dir,
            stack=args.stack,
            config=config,
            state_path=args.state,
            secrets=dict(args.secret),
            echo=sys.stderr if args.json else sys.stdout,
            diff=args.diff,
            parallel=args.parallel,
        )
        engine.command = prog
        require_stack(engine.project, engine.stack, engine.state_path, command=prog)
        if config:
            engine.read_state()  # a state file this engine refuses stops the run before anything is written
            # As `pulumi preview/up --config`: used for this run and saved to the stack config file.
            save_stack_config(engine.project, engine.stack, config)
        interrupts = _Interrupts(engine, operation)
        previous = {number: signal.signal(number, interrupts) for number in (signal.SIGINT, signal.SIGTERM)}
        try:
            result = _run(engine, operation, args)
        finally:
            for number, handler in previous.items():
                signal.signal(number, handler)
    except ConfigurationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        # One document, indented as the CLI's ShowPreviewDigest does (json.MarshalIndent, four spaces).
        print(json.dumps(result.digest, indent=4, ensure_ascii=False), flush=True)
    return result.exit_code


def _run(engine: Engine, operation: str, args: argparse.Namespace) -> RunResult:
    if operation == "preview":
        return engine.preview(refresh=args.refresh, expect_no_changes=args.expect_no_changes)
    if operation == "up":
        return engine.up(skip_preview=args.skip_preview, refresh=args.refresh, expect_no_changes=args.expect_no_changes)
    if operation == "refresh":
        return engine.refresh(
            expect_no_changes=args.expect_no_changes,
            clear_pending_creates=args.clear_pending_creates,
            import_pending_creates=[(urn, id_) for urn, id_ in args.import_pending_creates],
        )
    return engine.destroy(exclude_protected=args.exclude_protected)

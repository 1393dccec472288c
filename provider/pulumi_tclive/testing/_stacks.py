"""``stack init|ls|output`` and ``state unprotect``: the Pulumi CLI's stack commands for the offline engine.

Each follows its Pulumi CLI namesake's arguments and wording (pkg/cmd/pulumi/stack/stack_new.go,
stack_list.go, stack_output.go and pkg/cmd/pulumi/state/state_unprotect.go in
https://github.com/pulumi/pulumi). The project directory is ``-C DIR`` (the CLI's ``--cwd``),
default the current directory.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pulumi_tclive.errors import ConfigurationError
from pulumi_tclive.testing._project import (
    Project,
    default_state_path,
    load_project,
    require_stack,
    stack_names,
    validate_stack_name,
)
from pulumi_tclive.testing._state import StackState

__all__ = ["COMMANDS", "stack_main"]

COMMANDS = ("stack", "state")
"""The first words this module answers (the engine's operations are the others)."""


def _common(parser: argparse.ArgumentParser, *, stack: bool = True) -> None:
    parser.add_argument(
        "-C", "--cwd", default=".", metavar="DIR", help="the project directory (holding Pulumi.yaml); default ."
    )
    if stack:
        parser.add_argument("--stack", "-s", default="dev", help="the stack to operate on (default dev)")
        parser.add_argument(
            "--state", default=None, metavar="FILE", help="state file (default DIR/.tclive-state/<stack>.json)"
        )


def _parser(prog: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog, description="Manage the offline engine's stacks and their state.")
    groups = parser.add_subparsers(dest="group", metavar="{stack,state}", required=True)

    stack = groups.add_parser("stack", help="manage stacks").add_subparsers(dest="command", required=True)
    init = stack.add_parser(
        "init", aliases=["new"], help="create an empty stack with the given name, ready for updates"
    )
    init.add_argument("name", metavar="NAME", help="the stack name (letters, digits, '-', '_', '.')")
    _common(init, stack=False)
    init.add_argument("--state", default=None, metavar="FILE", help="state file (default DIR/.tclive-state/NAME.json)")
    listing = stack.add_parser("ls", aliases=["list"], help="list stacks")
    _common(listing, stack=False)
    output = stack.add_parser("output", help="show a stack's output properties")
    output.add_argument("property", nargs="?", metavar="PROPERTY", help="show only this output's value")
    output.add_argument("--json", "-j", action="store_true", help="emit output as JSON")
    _common(output)

    state = groups.add_parser("state", help="edit the current stack's state").add_subparsers(
        dest="command", required=True
    )
    unprotect = state.add_parser("unprotect", help="unprotect resources in a stack's state")
    unprotect.add_argument("urns", nargs="*", metavar="URN", help="the resources to unprotect")
    unprotect.add_argument("--all", action="store_true", help="unprotect all resources in the checkpoint")
    unprotect.add_argument("--yes", "-y", action="store_true", help="skip confirmation prompts (there are none)")
    _common(unprotect)
    return parser


def stack_main(argv: Sequence[str], *, prog: str) -> int:
    """Run a ``stack`` or ``state`` command; returns the exit status (0 ok, 2 bad usage or input).

    :param argv: the arguments, starting with ``stack`` or ``state``.
    :param prog: how the user runs the engine (``tclive``), for usage and advice.
    """
    args = _parser(prog).parse_args(argv)
    try:
        project = load_project(args.cwd)
        if args.group == "stack" and args.command in ("init", "new"):
            return _init(project, args.name, _state_path(project, args.name, args.state), prog)
        if args.group == "stack" and args.command in ("ls", "list"):
            return _list(project)
        state_path = _state_path(project, args.stack, args.state)
        require_stack(project, args.stack, state_path, command=prog)
        state = StackState.load(state_path, project=project.name, stack=args.stack)
        if args.group == "stack":
            return _output(state, args.property, as_json=args.json)
        return _unprotect(state, state_path, args.urns, unprotect_all=args.all)
    except ConfigurationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


def _state_path(project: Project, stack: str, given: str | None) -> Path:
    validate_stack_name(stack)
    return Path(given).resolve() if given is not None else default_state_path(project, stack)


def _init(project: Project, name: str, state_path: Path, prog: str) -> int:
    if state_path.is_file() or name in stack_names(project):
        raise ConfigurationError(
            f"stack '{name}' already exists; run `{prog} up` with `--stack {name}` to deploy to it, "
            "or choose another name."
        )
    StackState(project=project.name, stack=name).save(state_path)
    print(f"Created stack '{name}'")
    return 0


def _list(project: Project) -> int:
    rows: list[tuple[str, ...]] = [("NAME", "LAST UPDATE", "RESOURCE COUNT")]
    for name in stack_names(project):
        path = default_state_path(project, name)
        if path.is_file():
            count = str(len(StackState.load(path, project=project.name, stack=name).resources))
            rows.append((name, _ago(path.stat().st_mtime), count))
        else:
            rows.append((name, "n/a", "n/a"))
    _table(rows, prefix="")
    return 0


def _ago(mtime: float) -> str:
    seconds = max(int(time.time() - mtime), 0)
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            count = seconds // size
            return f"{count} {unit}{'s' if count > 1 else ''} ago"
    return "now"


def _table(rows: list[tuple[str, ...]], *, prefix: str) -> None:
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    for row in rows:
        print(prefix + "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())


def _text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)


def _output(state: StackState, name: str | None, *, as_json: bool) -> int:
    outputs = state.outputs
    if name is not None:
        if name not in outputs:
            raise ConfigurationError(f"current stack does not have output property '{name}'")
        print(json.dumps(outputs[name], indent=2, ensure_ascii=False) if as_json else _text(outputs[name]))
        return 0
    if as_json:
        print(json.dumps(outputs, indent=2, ensure_ascii=False, sort_keys=True))
        return 0
    print(f"Current stack outputs ({len(outputs)}):")
    if not outputs:
        print("    No output values currently in this stack")
        return 0
    _table([("OUTPUT", "VALUE"), *((key, _text(outputs[key])) for key in sorted(outputs))], prefix="    ")
    return 0


def _unprotect(state: StackState, state_path: Path, urns: list[str], *, unprotect_all: bool) -> int:
    live = {entry.urn: entry for entry in state.resources if not entry.delete}
    if not state.resources:
        raise ConfigurationError("no resources found to unprotect")
    if unprotect_all:
        for entry in live.values():
            entry.protect = False
        state.save(state_path)
        print("All resources unprotected")
        return 0
    if not urns:
        raise ConfigurationError(
            "missing required argument: resource URN (`stack output` does not list URNs; the protect "
            "error names the URN to pass)"
        )
    missing = [urn for urn in urns if urn not in live]
    if missing:
        raise ConfigurationError("\n".join(_not_found(urn, list(live)) for urn in missing))
    for urn in urns:
        live[urn].protect = False
    state.save(state_path)
    print(f"{len(urns)} resources unprotected")
    return 0


def _not_found(urn: str, candidates: list[str]) -> str:
    message = f'No such resource "{urn}" exists in the current state'
    suggestions = difflib.get_close_matches(urn, candidates, n=3, cutoff=0.6)
    if suggestions:
        message += "\nDid you mean:\n" + "\n".join(f"  {suggestion}" for suggestion in suggestions)
    return message

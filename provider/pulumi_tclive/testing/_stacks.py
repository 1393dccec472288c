"""``stack init|ls|output|export|import``, ``state unprotect`` and ``cancel``: the Pulumi CLI's stack
commands for the offline engine.

Each follows its Pulumi CLI namesake's arguments and wording (pkg/cmd/pulumi/stack/stack_new.go,
stack_list.go, stack_output.go, stack_export.go, stack_import.go, pkg/cmd/pulumi/cancel/cancel.go and
pkg/cmd/pulumi/state/state_unprotect.go in
https://github.com/pulumi/pulumi). The project directory is ``-C DIR`` (the CLI's ``--cwd``),
default the current directory.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
import time
from pathlib import Path
from typing import Any

from pulumi_tclive.errors import ConfigurationError
from pulumi_tclive.testing._export import state_from_deployment, untyped_deployment
from pulumi_tclive.testing._lock import StackLock, remove_stale_lock
from pulumi_tclive.testing._project import (
    Project,
    default_state_path,
    load_project,
    require_stack,
    stack_names,
    validate_stack_name,
)
from pulumi_tclive.testing._secrets import (
    PASSPHRASE_HINT,
    SecretsManager,
    displayed_outputs,
    is_ciphertext,
    stack_salt,
)
from pulumi_tclive.testing._state import StackState, write_private
from pulumi_tclive.testing._values import SECRET_PLACEHOLDER

__all__ = ["add_stack_commands", "stack_main"]


def _common(parser: argparse.ArgumentParser, *, stack: bool = True) -> None:
    parser.add_argument(
        "-C", "--cwd", default=".", metavar="DIR", help="the project directory (holding Pulumi.yaml); default ."
    )
    if stack:
        parser.add_argument("--stack", "-s", default="dev", help="the stack to operate on (default dev)")
        parser.add_argument(
            "--state", default=None, metavar="FILE", help="state file (default DIR/.tclive-state/<stack>.json)"
        )


def add_stack_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``stack``, ``state`` and ``cancel`` to the engine's commands.

    :param commands: the subcommands of the top-level parser.
    """
    stack_parser = commands.add_parser("stack", help="manage stacks: init, ls, output, export, import")
    stack = stack_parser.add_subparsers(dest="stack_command", metavar="COMMAND", required=True)
    init = stack.add_parser(
        "init", aliases=["new"], help="create an empty stack with the given name, ready for updates"
    )
    init.add_argument("name", metavar="NAME", help="the stack name (letters, digits, '-', '_', '.')")
    _common(init, stack=False)
    init.add_argument("--state", default=None, metavar="FILE", help="state file (default DIR/.tclive-state/NAME.json)")
    init.set_defaults(stack_handler=_init)
    listing = stack.add_parser("ls", aliases=["list"], help="list stacks")
    _common(listing, stack=False)
    listing.set_defaults(stack_handler=_list)
    output = stack.add_parser("output", help="show a stack's output properties")
    output.add_argument("property", nargs="?", metavar="PROPERTY", help="show only this output's value")
    output.add_argument("--json", "-j", action="store_true", help="emit output as JSON")
    output.add_argument(
        "--show-secrets",
        action="store_true",
        help="display secret outputs in plain text (needs the stack's passphrase: PULUMI_CONFIG_PASSPHRASE "
        "or PULUMI_CONFIG_PASSPHRASE_FILE)",
    )
    _common(output)
    output.set_defaults(stack_handler=_output)
    export = stack.add_parser(
        "export", help="export the stack's deployment in the Pulumi CLI's format (`pulumi stack import` reads it)"
    )
    export.add_argument("--file", default=None, metavar="FILE", help="write to FILE instead of stdout")
    _common(export)
    export.set_defaults(stack_handler=_export)
    imported = stack.add_parser(
        "import", help="import a deployment in the Pulumi CLI's format (what `pulumi stack export` writes)"
    )
    imported.add_argument("--file", default=None, metavar="FILE", help="read FILE instead of stdin")
    _common(imported)
    imported.set_defaults(stack_handler=_import)

    state_parser = commands.add_parser("state", help="edit the current stack's state: unprotect")
    state = state_parser.add_subparsers(dest="state_command", metavar="COMMAND", required=True)
    unprotect = state.add_parser("unprotect", help="unprotect resources in a stack's state")
    unprotect.add_argument("urns", nargs="*", metavar="URN", help="the resources to unprotect")
    unprotect.add_argument("--all", action="store_true", help="unprotect all resources in the checkpoint")
    unprotect.add_argument("--yes", "-y", action="store_true", help="skip confirmation prompts (there are none)")
    _common(unprotect)
    unprotect.set_defaults(stack_handler=_unprotect)

    cancel = commands.add_parser(
        "cancel",
        help="remove the lock of a stack whose update was killed",
        description="Remove the lock a killed or crashed update left on the stack, so the next one can run. "
        "A lock whose holder still runs on this host is left alone: stop that process first.",
    )
    cancel.add_argument("stack_name", nargs="?", metavar="STACK", help="the stack (or --stack; default dev)")
    cancel.add_argument("--yes", "-y", action="store_true", help="skip confirmation prompts (there are none)")
    _common(cancel)
    cancel.set_defaults(stack_handler=_cancel)


def stack_main(args: argparse.Namespace, *, prog: str) -> int:
    """Run a ``stack``, ``state`` or ``cancel`` command; returns the exit status (0 ok, 1 the
    command failed, 2 bad usage or input).

    :param args: the parsed arguments (:func:`add_stack_commands`).
    :param prog: how the user runs the engine (``tclive``), for usage and advice.
    """
    try:
        project = load_project(args.cwd)
        return int(args.stack_handler(project, args, prog))
    except ConfigurationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


def _load(project: Project, args: argparse.Namespace, prog: str) -> tuple[StackState, Path]:
    """The chosen stack's state and its file, refusing a stack that does not exist."""
    state_path = _state_path(project, args.stack, args.state)
    require_stack(project, args.stack, state_path, command=prog)
    return StackState.load(state_path, project=project.name, stack=args.stack), state_path


def _state_path(project: Project, stack: str, given: str | None) -> Path:
    validate_stack_name(stack)
    return Path(given).resolve() if given is not None else default_state_path(project, stack)


def _init(project: Project, args: argparse.Namespace, prog: str) -> int:
    name = args.name
    state_path = _state_path(project, name, args.state)
    if state_path.is_file() or name in stack_names(project):
        raise ConfigurationError(
            f"stack '{name}' already exists; run `{prog} up` with `--stack {name}` to deploy to it, "
            "or choose another name."
        )
    StackState(project=project.name, stack=name).save(state_path)
    print(f"Created stack '{name}'")
    return 0


def _list(project: Project, args: argparse.Namespace, prog: str) -> int:
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


def _output(project: Project, args: argparse.Namespace, prog: str) -> int:
    state, _ = _load(project, args, prog)
    name, as_json = args.property, args.json
    stored = state.outputs
    outputs = displayed_outputs(stored)
    if name is not None:
        if name not in outputs:
            raise ConfigurationError(f"current stack does not have output property '{name}'")
        value = _revealed(project, args.stack, stored[name]) if args.show_secrets else outputs[name]
        print(json.dumps(value, indent=2, ensure_ascii=False) if as_json else _text(value))
        return 0
    if args.show_secrets:
        outputs = {key: _revealed(project, args.stack, value) for key, value in stored.items()}
    if as_json:
        print(json.dumps(outputs, indent=2, ensure_ascii=False, sort_keys=True))
        return 0
    print(f"Current stack outputs ({len(outputs)}):")
    if not outputs:
        print("    No output values currently in this stack")
        return 0
    _table([("OUTPUT", "VALUE"), *((key, _text(outputs[key])) for key in sorted(outputs))], prefix="    ")
    return 0


def _revealed(project: Project, stack: str, stored: Any) -> Any:
    """A stored output as ``--show-secrets`` shows it: decrypted under the stack's passphrase."""
    if stored == SECRET_PLACEHOLDER:
        raise ConfigurationError(
            "a secret output was not stored, because no passphrase was set when it was written: "
            f"{PASSPHRASE_HINT}, then run `up` again."
        )
    if not is_ciphertext(stored):
        return stored
    manager = SecretsManager.for_stack(project.root / f"Pulumi.{stack}.yaml")
    if manager is None:
        raise ConfigurationError(
            "the stack's secret outputs are encrypted: set PULUMI_CONFIG_PASSPHRASE (or "
            "PULUMI_CONFIG_PASSPHRASE_FILE) to the stack's passphrase to show them."
        )
    return manager.decrypt(stored)


def _unprotect(project: Project, args: argparse.Namespace, prog: str) -> int:
    state_path = _state_path(project, args.stack, args.state)
    require_stack(project, args.stack, state_path, command=prog)
    with StackLock(state_path, cancel_command=f"{prog} cancel"):
        state = StackState.load(state_path, project=project.name, stack=args.stack)
        return _unprotect_in(state, state_path, args.urns, unprotect_all=args.all)


def _unprotect_in(state: StackState, state_path: Path, urns: list[str], *, unprotect_all: bool) -> int:
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


def _cancel(project: Project, args: argparse.Namespace, prog: str) -> int:
    stack = args.stack_name or args.stack
    state_path = _state_path(project, stack, args.state)
    require_stack(project, stack, state_path, command=prog)
    print(remove_stale_lock(state_path, stack))
    return 0


def _export(project: Project, args: argparse.Namespace, prog: str) -> int:
    state, _ = _load(project, args, prog)
    salt = stack_salt(project.root / f"Pulumi.{args.stack}.yaml")
    text = json.dumps(untyped_deployment(state, salt), indent=4, ensure_ascii=False) + "\n"
    if args.file is None:
        sys.stdout.write(text)
    else:
        write_private(Path(args.file), text)
    return 0


def _import(project: Project, args: argparse.Namespace, prog: str) -> int:
    state_path = _state_path(project, args.stack, args.state)
    require_stack(project, args.stack, state_path, command=prog)
    source = "stdin" if args.file is None else args.file
    try:
        text = sys.stdin.read() if args.file is None else Path(args.file).read_text(encoding="utf-8")
        document = json.loads(text)
    except (OSError, ValueError) as exc:
        raise ConfigurationError(f"cannot read a deployment from {source}: {exc}") from None
    with StackLock(state_path, cancel_command=f"{prog} cancel"):
        state = state_from_deployment(document, project=project.name, stack=args.stack)
        state.save(state_path)
    print("Import complete.")
    return 0

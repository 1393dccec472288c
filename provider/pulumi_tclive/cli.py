"""The ``tclive`` command.

Subcommands register themselves in :func:`build_parser`; each leaf sets ``handler`` to a function
taking the parsed arguments and returning the exit status.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .cloud.api import Action
from .cloud.dnspod import (
    DESCRIBE_DOMAIN_LIST,
    DESCRIBE_RECORD_LIST,
    DNSPOD_ACTIONS,
    DescribeDomainListRequest,
    DescribeRecordListRequest,
)
from .cloud.live import LIVE_ACTIONS, list_live_domains
from .doctor import add_doctor_command
from .emulator import Emulator, EmulatorServer, ensure_zone, serve
from .emulator.console_api import CONSOLE_ACTIONS, DESCRIBE_PLUGIN_LICENSES, DescribePluginLicensesRequest
from .emulator.nameserver import EmulatorNameserver
from .errors import TcliveError
from .importer import add_import_command
from .settings import DEFAULT_EMULATOR_STATE
from .url_command import add_url_commands

__all__ = ["build_parser", "main"]

CommandHandler = Callable[[argparse.Namespace], int]


def _emulator_serve(args: argparse.Namespace) -> int:
    logging.basicConfig(stream=sys.stderr, level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    try:
        emulator = Emulator(args.state, auto_approve=True if args.auto_approve else None)
    except TcliveError as exc:
        print(f"tclive emulator serve: {exc} Pass another file with --state.", file=sys.stderr)
        return 1
    try:
        nameserver = EmulatorNameserver(emulator.answer_dns, host=args.host, port=args.dns_port).start()
    except OSError as exc:
        emulator.close()
        print(
            f"tclive emulator serve: cannot answer DNS on {args.host}:{args.dns_port}: {exc}. "
            "Choose another --dns-port (0 picks a free one) or --host.",
            file=sys.stderr,
        )
        return 1

    def announce(server: EmulatorServer) -> None:
        print(f"TCLIVE_ENDPOINT={server.endpoint}")
        print(f"TENCENTCLOUD_SECRET_ID={emulator.credentials.secret_id}")
        print(f"TENCENTCLOUD_SECRET_KEY={emulator.credentials.secret_key}")
        print(f"TCLIVE_NAMESERVERS={nameserver}")
        sys.stdout.flush()

    try:
        serve(emulator, host=args.host, port=args.port, ready=announce)
    except OSError as exc:
        print(
            f"tclive emulator serve: cannot listen on {args.host}:{args.port}: {exc}. "
            "Choose another --port (0 picks a free one) or --host.",
            file=sys.stderr,
        )
        return 1
    finally:
        nameserver.close()
        emulator.close()
    return 0


ALL_ACTIONS: dict[tuple[str, str], Action[Any, Any]] = {
    (a.service, a.name): a for a in (*LIVE_ACTIONS, *DNSPOD_ACTIONS, *CONSOLE_ACTIONS)
}


def _open(command: str, state: str, *, create: bool = True) -> Emulator | None:
    """The emulator on ``state``, or ``None`` after printing why not (a missing file needs ``create``)."""
    path = Path(state)
    if not create and not path.exists():
        print(
            f"tclive emulator {command}: the state file {state} ({path.resolve()}) does not exist. Pass the file "
            "your stack uses with --state (its tclive:emulatorState, relative to the program's directory), "
            "or add --create to start an empty emulator there.",
            file=sys.stderr,
        )
        return None
    try:
        return Emulator(path)
    except TcliveError as exc:
        print(f"tclive emulator {command}: {exc} Pass another file with --state.", file=sys.stderr)
        return None


def _emulator_call(args: argparse.Namespace) -> int:
    action = ALL_ACTIONS.get((args.service, args.action))
    if action is None:
        known = sorted(f"{service} {name}" for service, name in ALL_ACTIONS)
        print(
            f"tclive emulator call: unknown action {args.service} {args.action}; known: {', '.join(known)}",
            file=sys.stderr,
        )
        return 2
    try:
        request = action.request.model_validate_json(args.body)
    except ValidationError as exc:
        print(f"tclive emulator call: the body does not fit {args.action}: {exc}", file=sys.stderr)
        return 2
    emulator = _open("call", args.state, create=args.create)
    if emulator is None:
        return 1
    with emulator, emulator.client() as client:
        try:
            response = client.call(action, request)
        except TcliveError as exc:
            print(f"tclive emulator call: {exc}", file=sys.stderr)
            return 1
    print(json.dumps(response.model_dump(mode="json"), ensure_ascii=False, indent=2))
    return 0


def _emulator_zone(args: argparse.Namespace) -> int:
    emulator = _open("zone", args.state)
    if emulator is None:
        return 1
    with emulator, emulator.client() as client:
        added = ensure_zone(client, args.zone)
    print(f"DNSPod zone {args.zone} {'added to' if added else 'already exists in'} the emulator ({args.state}).")
    return 0


def _table(title: str, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    print(title)
    if not rows:
        print("  (none)")
        return
    widths = [max(len(str(c)) for c in column) for column in zip(header, *rows, strict=True)]
    for row in (header, *rows):
        print("  " + "  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


def _emulator_show(args: argparse.Namespace) -> int:
    emulator = _open("show", args.state, create=args.create)
    if emulator is None:
        return 1
    with emulator, emulator.client() as client:
        licences = client.call(DESCRIBE_PLUGIN_LICENSES, DescribePluginLicensesRequest()).Licenses
        domains = list_live_domains(client)
        zones = client.call(DESCRIBE_DOMAIN_LIST, DescribeDomainListRequest()).DomainList
        records = []
        for zone in zones:
            listed = client.call(DESCRIBE_RECORD_LIST, DescribeRecordListRequest(Domain=zone.Name, ErrorOnEmpty="no"))
            records += [(zone.Name, r) for r in listed.RecordList if not r.DefaultNS]
    _table(
        "Plugin licences",
        ("AppID", "mini-program", "scene", "status", "expires"),
        [(x.MiniProgramAppId, x.MiniProgramName, x.Scene, x.Status, x.ExpiresAt or "-") for x in licences],
    )
    _table(
        "Live domains",
        ("domain", "type", "scene", "enabled", "CNAME target", "CNAME"),
        [
            (
                d.Name,
                "play" if d.Type == 1 else "push",
                "mini_program" if d.IsMiniProgramLive == 1 else "standard",
                "yes" if d.Status == 1 else "no",
                d.TargetDomain,
                "configured" if d.BCName == 1 else "pending",
            )
            for d in domains
        ],
    )
    _table(
        "DNS records",
        ("zone", "name", "type", "value", "TTL"),
        [(zone, r.Name, r.Type, r.Value, str(r.TTL)) for zone, r in records],
    )
    return 0


_CREATE = "--create"
_CREATE_HELP = "start an empty emulator when the state file does not exist (without it, a missing file is an error)"


def _add_emulator_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    emulator = commands.add_parser("emulator", help="the local Tencent Cloud Live + DNSPod emulator")
    emulator_commands = emulator.add_subparsers(dest="emulator_command", metavar="COMMAND", required=True)
    serve_parser = emulator_commands.add_parser(
        "serve",
        help="serve the emulator over HTTP, and its DNSPod zones over DNS",
        description=(
            "Serve the emulator's Tencent Cloud API 3.0 over HTTP and its DNSPod nameservers over DNS (UDP and TCP, "
            "one port). Prints TCLIVE_ENDPOINT, TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY and "
            "TCLIVE_NAMESERVERS on stdout (one per line), logs to stderr, stops on SIGINT/SIGTERM."
        ),
    )
    serve_parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    serve_parser.add_argument("--port", type=int, default=0, help="TCP port; 0 picks a free one (default: 0)")
    serve_parser.add_argument(
        "--dns-port", type=int, default=0, help="UDP and TCP port of the DNS answers; 0 picks a free one (default: 0)"
    )
    serve_parser.add_argument(
        "--state", default=DEFAULT_EMULATOR_STATE, help=f"SQLite state file (default: {DEFAULT_EMULATOR_STATE})"
    )
    serve_parser.add_argument(
        "--auto-approve",
        action="store_true",
        help="plugin licences become available on submission (skip review and payment), for demos",
    )
    serve_parser.set_defaults(handler=_emulator_serve)

    call_parser = emulator_commands.add_parser(
        "call", help="make one signed API call to the emulator state file and print the answer"
    )
    call_parser.add_argument("service", choices=sorted({s for s, _ in ALL_ACTIONS}), help="live, dnspod or emulator")
    call_parser.add_argument("action", help="the action, e.g. AddLiveDomain or ApprovePluginLicense")
    call_parser.add_argument("body", nargs="?", default="{}", help="the JSON body (default: {})")
    call_parser.add_argument(
        "--state", default=DEFAULT_EMULATOR_STATE, help=f"SQLite state file (default: {DEFAULT_EMULATOR_STATE})"
    )
    call_parser.add_argument(_CREATE, action="store_true", help=_CREATE_HELP)
    call_parser.set_defaults(handler=_emulator_call)

    zone_parser = emulator_commands.add_parser(
        "zone", help="make sure a DNSPod zone exists in the emulator (as it would in your account)"
    )
    zone_parser.add_argument("zone", help="the zone, e.g. example.com")
    zone_parser.add_argument(
        "--state", default=DEFAULT_EMULATOR_STATE, help=f"SQLite state file (default: {DEFAULT_EMULATOR_STATE})"
    )
    zone_parser.set_defaults(handler=_emulator_zone)

    show_parser = emulator_commands.add_parser("show", help="print the licences, live domains and DNS records")
    show_parser.add_argument(
        "--state", default=DEFAULT_EMULATOR_STATE, help=f"SQLite state file (default: {DEFAULT_EMULATOR_STATE})"
    )
    show_parser.add_argument(_CREATE, action="store_true", help=_CREATE_HELP)
    show_parser.set_defaults(handler=_emulator_show)


ENGINE_COMMANDS = {
    "preview": "show a preview of updates to a stack's resources (offline engine)",
    "up": "create or update the resources in a stack (offline engine)",
    "refresh": "refresh the resources in a stack (offline engine)",
    "destroy": "destroy all existing resources in the stack (offline engine)",
    "stack": "manage stacks: init, ls, output, export, import",
    "state": "edit the current stack's state: unprotect",
    "cancel": "remove the lock of a stack whose update was killed",
}
"""The front door: ``tclive <these> …`` runs the offline engine (``python -m pulumi_tclive.testing``)."""


def build_parser() -> argparse.ArgumentParser:
    """The ``tclive`` argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="tclive",
        description=(
            "Infrastructure as code for Tencent Cloud Live mini-program live streaming. "
            "`tclive preview|up|refresh|destroy [DIR]` runs a Pulumi program with the built-in offline engine "
            "(the real dynamic-provider protocol, no Pulumi CLI needed; with the CLI, `pulumi up -C DIR` does the "
            "same). `tclive emulator` serves, inspects and drives the local Tencent Cloud Live + DNSPod emulator."
        ),
        epilog="`tclive COMMAND --help` shows a command's usage and flags.",
    )
    parser.add_argument("--version", action="version", version=f"tclive {version('pulumi-tclive')}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    # Listed for --help only: main() hands these to the engine's own parser before this one runs,
    # so the emulator commands never import the Pulumi SDK.
    for name, summary in ENGINE_COMMANDS.items():
        commands.add_parser(name, help=summary, add_help=False)
    _add_emulator_commands(commands)
    add_import_command(commands)
    add_url_commands(commands)  # tclive url sign (url_command.py)
    add_doctor_command(commands)  # tclive doctor (doctor/)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run ``tclive`` with ``argv`` (default: the process arguments); returns the exit status.

    Args:
        argv: the arguments after the program name.
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] and arguments[0] in ENGINE_COMMANDS:
        # Imported here: the engine pulls in the Pulumi SDK, which the emulator commands do not need.
        from .testing import main as engine_main

        return engine_main(arguments, prog="tclive", default_dir=".")
    args = build_parser().parse_args(arguments)
    handler: CommandHandler = args.handler
    try:
        status = handler(args)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (`tclive emulator show | head`): stop quietly. Python would report the
        # failed flush of stdout at exit, so point stdout at /dev/null first (Python docs, "Note on SIGPIPE").
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    return status


if __name__ == "__main__":
    sys.exit(main())

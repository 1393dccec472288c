"""The ``tclive`` command.

Subcommands register themselves in :func:`build_parser`; each leaf sets ``handler`` to a function
taking the parsed arguments and returning the exit status.
"""

from __future__ import annotations

import argparse
import logging
import sqlite3
import sys
from collections.abc import Callable

from .emulator import DEFAULT_STATE_PATH, Emulator, EmulatorServer, serve

__all__ = ["build_parser", "main"]

CommandHandler = Callable[[argparse.Namespace], int]


def _emulator_serve(args: argparse.Namespace) -> int:
    logging.basicConfig(stream=sys.stderr, level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    try:
        emulator = Emulator(args.state, auto_approve=True if args.auto_approve else None)
    except (OSError, sqlite3.Error) as exc:
        print(
            f"tclive emulator serve: cannot open the state file {args.state}: {exc}. "
            "Check the path and its permissions, or pass another file with --state.",
            file=sys.stderr,
        )
        return 1

    def announce(server: EmulatorServer) -> None:
        print(f"TCLIVE_ENDPOINT={server.endpoint}")
        print(f"TENCENTCLOUD_SECRET_ID={emulator.credentials.secret_id}")
        print(f"TENCENTCLOUD_SECRET_KEY={emulator.credentials.secret_key}")
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
        emulator.close()
    return 0


def _add_emulator_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    emulator = commands.add_parser("emulator", help="the local Tencent Cloud Live + DNSPod emulator")
    emulator_commands = emulator.add_subparsers(dest="emulator_command", metavar="COMMAND", required=True)
    serve_parser = emulator_commands.add_parser(
        "serve",
        help="serve the emulator over HTTP",
        description=(
            "Serve the emulator over HTTP. Prints TCLIVE_ENDPOINT, TENCENTCLOUD_SECRET_ID and "
            "TENCENTCLOUD_SECRET_KEY on stdout (one per line), logs to stderr, stops on SIGINT/SIGTERM."
        ),
    )
    serve_parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    serve_parser.add_argument("--port", type=int, default=0, help="TCP port; 0 picks a free one (default: 0)")
    serve_parser.add_argument(
        "--state", default=DEFAULT_STATE_PATH, help=f"SQLite state file (default: {DEFAULT_STATE_PATH})"
    )
    serve_parser.add_argument(
        "--auto-approve",
        action="store_true",
        help="plugin licences become available on submission (skip review and payment), for demos",
    )
    serve_parser.set_defaults(handler=_emulator_serve)


def build_parser() -> argparse.ArgumentParser:
    """The ``tclive`` argument parser with every subcommand."""
    parser = argparse.ArgumentParser(prog="tclive", description="pulumi-tclive tools")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    _add_emulator_commands(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run ``tclive`` with ``argv`` (default: the process arguments); returns the exit status.

    Args:
        argv: the arguments after the program name.
    """
    args = build_parser().parse_args(argv)
    handler: CommandHandler = args.handler
    return handler(args)


if __name__ == "__main__":
    sys.exit(main())

"""``tclive doctor``: check the whole chain of a deployed live setup, now, with the fix for each break."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime

from ..dns.base import Nameserver
from ..errors import ConfigurationError, DnsError
from ..resources._provider import Runtime
from ._app_json import app_json_findings
from ._checks import checks_of
from ._deployed import Deployment, from_export, from_state
from ._findings import Finding
from ._run import render_json, render_table, run_checks, summary

__all__ = ["add_doctor_command", "doctor"]


def _resolver(text: str) -> Nameserver:
    try:
        return Nameserver.parse(text)
    except DnsError as exc:
        raise argparse.ArgumentTypeError(f"{exc}; give HOST[:PORT], e.g. 119.29.29.29 or 127.0.0.1:5353") from None


def _days(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of days; give e.g. 30")
    return int(text)


def doctor(
    deployment: Deployment,
    *,
    app_json: str | None = None,
    expiry_days: int = 30,
    resolvers: tuple[Nameserver, ...] = (),
    now: datetime | None = None,
) -> list[Finding]:
    """Run every check of ``deployment`` against the stack's target; the findings in table order.

    :param deployment: what the stack deployed (:func:`from_state` or :func:`from_export`).
    :param app_json: the mini-program's ``app.json`` to check, if any.
    :param expiry_days: licences and certificates expiring within this many days fail.
    :param resolvers: recursive resolvers that must also answer each CNAME.
    :param now: the time to judge expiry by (default: now).
    :raises ConfigurationError: an unreadable ``app_json``, malformed settings or missing credentials.
    """
    extra = app_json_findings(app_json) if app_json else []
    runtime = Runtime(deployment.settings)  # builds the client once, on first use, shared by every check
    planned = checks_of(
        deployment, runtime.client, runtime.zone_servers, now=now, expiry_days=expiry_days, resolvers=resolvers
    )
    if not planned:
        return extra
    # Built before any check runs: missing credentials are bad usage (exit 2), said once.
    with runtime.client():
        return run_checks(planned) + extra


def _run(args: argparse.Namespace) -> int:
    try:
        if args.from_export:
            deployment = from_export(args.from_export, args.dir, args.stack)
        else:
            deployment = from_state(args.dir, args.stack)
        print(f"tclive doctor: stack {deployment.stack} from {deployment.source}", file=sys.stderr)
        print(deployment.settings.describe_target(), file=sys.stderr)
        findings = doctor(
            deployment,
            app_json=args.app_json,
            expiry_days=args.expiry_days,
            resolvers=tuple(args.resolver or ()),
        )
    except ConfigurationError as exc:
        print(f"tclive doctor: {exc}", file=sys.stderr)
        return 2
    print(render_json(findings) if args.json else render_table(findings))
    return 1 if summary(findings)["fail"] else 0


def add_doctor_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``tclive doctor``."""
    parser = commands.add_parser(
        "doctor",
        help="check the whole chain of a deployed stack: licence, domains, CNAMEs, HTTPS, authentication, processing, app.json",
        description=(
            "Check, now, every link of what the stack deployed: the plugin licence, each live domain, each CNAME at "
            "the zone's authoritative servers (and at --resolver), HTTPS certificates, push/play authentication, "
            "referer rules, stream processing rules and, with --app-json, the mini-program's plugin block. Reads only. Exit status: 0 when no "
            "check fails, 1 when one does, 2 for bad usage (no stack there, an unreadable file)."
        ),
    )
    parser.add_argument("dir", nargs="?", default=".", metavar="DIR", help="the project directory (default .)")
    parser.add_argument("--stack", "-s", default="dev", help="the stack (default dev)")
    parser.add_argument("--json", action="store_true", help="print one JSON document: {checks: [...], summary: {...}}")
    parser.add_argument("--app-json", metavar="PATH", help="the mini-program's app.json: check its live plugin block")
    parser.add_argument(
        "--expiry-days",
        type=_days,
        default=30,
        metavar="N",
        help="a licence or certificate expiring within N days fails (default 30)",
    )
    parser.add_argument(
        "--resolver",
        type=_resolver,
        action="append",
        metavar="HOST[:PORT]",
        help="a recursive resolver that must also answer each CNAME with Tencent's target (repeatable)",
    )
    parser.add_argument(
        "--from-export",
        metavar="FILE|-",
        help="read the stack from `pulumi stack export` (a file, or - for stdin) instead of the offline engine's state",
    )
    parser.set_defaults(handler=_run)

"""``tclive url sign``: print a signed push/play URL (``txSecret`` + ``txTime``).

The key comes from one of:

- ``--key-from-stack``: the stack's ``tclive:*`` configuration (``Pulumi.yaml`` +
  ``Pulumi.<stack>.yaml`` in ``--cwd``) is used to ask Tencent Cloud (or the stack's emulator) for
  the URL's domain's current key (DescribeLivePushAuthKey or DescribeLivePlayAuthKey). The key
  never touches the terminal or a file, and it is always the key the domain has now;
- ``--key-env VAR``: an environment variable;
- ``--key KEY``: on the command line (visible to other local users in the process list).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from .errors import TcliveError, UrlSigningError
from .signed_urls import SIGNATURE_ALGORITHMS, signed_url

__all__ = ["add_url_commands", "parse_expiry"]

_DURATION = re.compile(r"^([0-9]+)([smhd])$")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}


def parse_expiry(text: str, now: datetime) -> datetime:
    """``2h``/``30m``/``7d``/``90s`` from ``now``, an ISO 8601 time with a zone, or Unix seconds.

    Raises:
        UrlSigningError: none of those forms, or an ISO time without a zone.
    """
    value = text.strip()
    duration = _DURATION.match(value)
    if duration:
        return now + timedelta(**{_UNITS[duration.group(2)]: int(duration.group(1))})
    if value.isdigit():
        return datetime.fromtimestamp(int(value), tz=UTC)
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise UrlSigningError(
            f"--expires {text!r} is not a time: use a duration (2h, 30m, 7d), an ISO 8601 time with a zone "
            "(2026-12-01T20:00:00+08:00) or Unix seconds."
        ) from None
    if moment.tzinfo is None:
        raise UrlSigningError(
            f"--expires {text!r} has no time zone; add one (2026-12-01T20:00:00Z or +08:00 for Beijing time)."
        )
    return moment


def _key_from_stack(url: str, cwd: str, stack: str, backup: bool) -> str:
    from .cloud.live import DOMAIN_TYPE_PUSH, describe_live_domain
    from .resources._provider import Runtime
    from .resources.auth_keys import PLAY, PUSH
    from .settings import ProviderSettings
    from .testing._project import load_project, load_stack_config

    project = load_project(cwd)
    config = dict(load_stack_config(project, stack).values)
    state = config.get("tclive:emulatorState")
    if state and not Path(state).is_absolute():
        # As the provider resolves it: relative to the program directory (`main:`), where it runs.
        config["tclive:emulatorState"] = str(project.program_dir / state)
    runtime = Runtime(ProviderSettings.load(config))
    client = runtime.client()
    host = (urlsplit(url).hostname or "").lower()
    info = describe_live_domain(client, host)
    if info is None:
        raise UrlSigningError(
            f"{host} is not a live domain of the account stack {stack!r} uses; check the URL's host, or give --key."
        )
    kind = PUSH if info.Type == DOMAIN_TYPE_PUSH else PLAY
    enable, master, backup_key, _ = kind.describe(client, host)
    key = backup_key if backup else master
    if not key:
        which = "backup" if backup else "master"
        raise UrlSigningError(f"The {kind.domain_type} domain {host} has no {which} authentication key.")
    if not enable:
        print(f"note: {kind.domain_type} authentication is off on {host}; the URL works unsigned too.", file=sys.stderr)
    return key


def _sign(args: argparse.Namespace) -> int:
    try:
        if args.key_from_stack:
            key = _key_from_stack(args.url, args.cwd, args.stack, args.backup)
        elif args.key_env:
            key = os.environ.get(args.key_env, "")
            if not key:
                raise UrlSigningError(f"The environment variable {args.key_env} is empty or not set.")
        else:
            key = args.key
        now = datetime.now(UTC)
        expires = parse_expiry(args.expires, now)
        if expires <= now:
            print(f"note: the URL expired already ({expires:%Y-%m-%d %H:%M:%S} UTC).", file=sys.stderr)
        print(signed_url(args.url, key, expires, args.algorithm))
    except TcliveError as exc:
        print(f"tclive url sign: {exc}", file=sys.stderr)
        return 2
    print(f"expires {expires.astimezone(UTC):%Y-%m-%d %H:%M:%S} UTC", file=sys.stderr)
    return 0


def add_url_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``tclive url sign``."""
    url = commands.add_parser("url", help="push/play URL tools")
    url_commands = url.add_subparsers(dest="url_command", metavar="COMMAND", required=True)
    sign = url_commands.add_parser(
        "sign",
        help="print the URL with txSecret and txTime (Tencent's hotlink protection)",
        description="Sign a push or play URL of one stream, e.g. rtmp://push.example.com/live/room1.",
    )
    sign.add_argument("url", metavar="URL", help="the stream URL (its last path segment is the stream name)")
    source = sign.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "--key-from-stack",
        action="store_true",
        help="ask Tencent Cloud (or the stack's emulator) for the domain's key, using the stack's tclive config",
    )
    source.add_argument("--key-env", metavar="VAR", help="read the key from this environment variable")
    source.add_argument("--key", help="the key itself (visible in the process list; prefer the other two)")
    sign.add_argument("--stack", default="dev", help="with --key-from-stack: the stack name (default dev)")
    sign.add_argument("--cwd", default=".", help="with --key-from-stack: the Pulumi project directory (default .)")
    sign.add_argument("--backup", action="store_true", help="with --key-from-stack: sign with the backup key")
    sign.add_argument(
        "--expires", default="24h", help="2h, 30m, 7d, an ISO 8601 time with a zone, or Unix seconds (default 24h)"
    )
    sign.add_argument("--algorithm", choices=SIGNATURE_ALGORITHMS, default="md5", help="txSecret hash (default md5)")
    sign.set_defaults(handler=_sign)

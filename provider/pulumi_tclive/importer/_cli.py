"""``tclive import``: read an existing account, write a Pulumi program that adopts it.

Progress lines go to stderr, the summary table to stdout. The account is only read; the output
directory is only written when it holds no earlier import, or with ``--force``.
"""

from __future__ import annotations

import argparse
import inspect
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from ..cloud.client import Credentials, RetryPolicy, TencentCloudClient
from ..dns.base import Nameserver
from ..emulator import EMBEDDED_ENDPOINT, Emulator
from ..errors import ConfigurationError, ImportRefused, TcliveError
from ..settings import EMBEDDED, ProviderSettings, parse_nameservers
from ._account import Account, read_account
from ._render import (
    Project,
    component_misfit,
    render_program,
    render_pulumi_yaml,
    render_readme,
    render_stack,
    summary_rows,
)

__all__ = ["add_import_command", "run_import", "write_project"]

GENERATED_FILES = ("__main__.py", "Pulumi.yaml", "README.md")
DEFAULT_OUT = "tclive-import"


def _progress(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def _settings(args: argparse.Namespace) -> ProviderSettings:
    config = {}
    if args.endpoint:
        config["tclive:endpoint"] = args.endpoint
    if args.region:
        config["tclive:region"] = args.region
    if args.state:
        config["tclive:emulatorState"] = args.state
    return ProviderSettings.load(config)


@contextmanager
def _client(settings: ProviderSettings) -> Iterator[TencentCloudClient]:
    """A client on the same settings the provider would use (flags first, then the environment)."""
    retry = RetryPolicy(write_deadline=settings.write_retry_timeout, read_deadline=settings.read_retry_timeout)
    if settings.backend == "embedded":
        state = settings.emulator_state
        if not state.is_file():
            raise ConfigurationError(
                f"there is no emulator state file at {state}: pass --state with the file your stack uses "
                "(tclive:emulatorState), or seed one first (e.g. `tclive emulator zone example.com --state FILE`)."
            )
        with Emulator(state) as emulator:
            credentials = emulator.credentials
            if settings.secret_id and settings.secret_key:
                credentials = Credentials(settings.secret_id, settings.secret_key, settings.security_token)
            client = TencentCloudClient(
                credentials,
                endpoint=EMBEDDED_ENDPOINT,
                transport=emulator.transport(),
                region=settings.region,
                retry=retry,
                progress=_progress,
            )
            with client:
                yield client
        return
    secret_id, secret_key = settings.require_credentials()
    credentials = Credentials(secret_id, secret_key, settings.security_token)
    with TencentCloudClient(
        credentials, endpoint=settings.endpoint, region=settings.region, retry=retry, progress=_progress
    ) as client:
        yield client


def _source(settings: ProviderSettings) -> str:
    if settings.backend == "embedded":
        return f"the embedded emulator ({settings.emulator_state})"
    if settings.backend == "emulator":
        return f"the emulator at {settings.endpoint}"
    return f"Tencent Cloud (region {settings.region})"


def _stack_config(settings: ProviderSettings, out: Path, nameservers: tuple[Nameserver, ...]) -> dict[str, str]:
    config: dict[str, str] = {"tclive:region": settings.region}
    if settings.backend == "embedded":
        config["tclive:endpoint"] = EMBEDDED
        config["tclive:emulatorState"] = Path(
            os.path.relpath(settings.emulator_state.resolve(), out.resolve())
        ).as_posix()
    elif settings.endpoint is not None:
        config["tclive:endpoint"] = settings.endpoint
    if nameservers:
        config["tclive:nameservers"] = ",".join(map(str, nameservers))
    return config


def _project_name(out: Path) -> str:
    name = re.sub(r"[^A-Za-z0-9_.-]+", "-", out.resolve().name).strip("-.")
    return name or "tclive-import"


def _virtualenv(out: Path) -> str | None:
    """The virtualenv ``tclive`` runs from, relative to the project, so ``pulumi up`` finds pulumi_tclive."""
    if sys.prefix == sys.base_prefix:
        return None
    return Path(os.path.relpath(sys.prefix, out.resolve())).as_posix()


def _ruff() -> str | None:
    beside = Path(sys.executable).with_name("ruff")
    return str(beside) if beside.is_file() else shutil.which("ruff")


def _polish(out: Path) -> None:
    """Sort imports and format with ruff where it is installed (the output is already formatted for its defaults).

    ruff reads the configuration around ``out`` (inside a repository, its line length and
    first-party packages), so this only adapts the output to where it was written.
    """
    ruff = _ruff()
    if ruff is None:
        return
    program = str(out / "__main__.py")
    for command in (
        [ruff, "check", "--no-cache", "--select", "I", "--fix", "--quiet", program],
        [ruff, "format", "--no-cache", "--quiet", program],
    ):
        subprocess.run(command, cwd=out, check=False, capture_output=True)


def write_project(account: Account, project: Project, out: Path, *, force: bool) -> list[Path]:
    """Write the program, ``Pulumi.yaml``, the stack file and the README into ``out``; returns the paths written.

    Refuses (:class:`ImportRefused`) when ``out`` already holds any of them, unless ``force``;
    other files in ``out`` are never touched.

    Args:
        account: what the import found.
        project: names and options.
        out: the output directory (created when missing).
        force: overwrite the files of an earlier import.
    """
    misfit = component_misfit(account) if project.component else None
    if misfit is not None:
        project = replace(project, component=False)
    files = {
        "__main__.py": render_program(account, project),
        "Pulumi.yaml": render_pulumi_yaml(project, f"Live streaming resources imported from {account.source}."),
        f"Pulumi.{project.stack}.yaml": render_stack(account, project),
        "README.md": render_readme(account, project, misfit),
    }
    existing = sorted(name for name in files if (out / name).exists())
    if existing and not force:
        raise ImportRefused(
            f"{out} already holds {', '.join(existing)} (an earlier import?): nothing was written. Pass --force to "
            "overwrite these files (other files there stay), or choose another --out."
        )
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in files.items():
        path = out / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    _polish(out)
    return written


def _print_summary(account: Account, out: Path, component: bool) -> None:
    rows = [("live domain", "kind", "enabled", "CNAME (zone, backend)", "note"), *summary_rows(account)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    licences = "no licence API (stack config)" if account.licences is None else str(len(account.licences))
    print(f"plugin licences: {licences}")
    print(f"not imported: {len(account.left_out) + sum(len(d.notes) for d in account.domains)} item(s), see README.md")
    print(f"written: {out}/ ({'MiniProgramLive' if component else 'resources'})")


def _command_line(args: argparse.Namespace) -> str:
    """The import command as it would be typed again (for the README)."""
    words = ["tclive", "import"]
    for flag, value in (("--endpoint", args.endpoint), ("--state", args.state), ("--region", args.region)):
        if value:
            words += [flag, value]
    for zone in args.zone:
        words += ["--zone", zone]
    for server in args.nameserver:
        words += ["--nameserver", server]
    words += ["--domains", args.domains] if args.domains else ["--all"]
    if args.component:
        words.append("--component")
    words += ["--out", args.out]
    if args.stack != "dev":
        words += ["--stack", args.stack]
    return shlex.join(words)


def _component_supported() -> bool:
    """``MiniProgramLive`` can adopt an existing account only where it takes ``adopt_existing``."""
    from ..component import MiniProgramLive

    return "adopt_existing" in inspect.signature(MiniProgramLive.__init__).parameters


def run_import(args: argparse.Namespace) -> int:
    """The ``tclive import`` handler; returns the exit status (0 written, 1 refused or failed, 2 bad input)."""
    if args.component and not _component_supported():
        print(
            "tclive import: --component needs MiniProgramLive(adopt_existing=True), which this version of "
            "pulumi-tclive does not have yet; run the import without --component (plain resources, --resources).",
            file=sys.stderr,
        )
        return 2
    if args.zone and args.nameserver:
        print(
            "tclive import: --zone picks DNSPod zones and --nameserver looks the CNAMEs up in DNS instead; "
            "give one of them.",
            file=sys.stderr,
        )
        return 2
    try:
        settings = _settings(args)
        nameservers = tuple(parse_nameservers(",".join(args.nameserver), setting="--nameserver"))
        domains = None if args.all or not args.domains else [d for d in args.domains.split(",") if d.strip()]
        zones = [z for group in args.zone for z in group.split(",") if z.strip()] or None
        out = Path(args.out)
        with _client(settings) as client:
            account = read_account(
                client,
                backend=settings.backend,
                source=_source(settings),
                domains=domains,
                zones=zones,
                nameservers=nameservers,
                progress=_progress,
            )
        project = Project(
            name=_project_name(out),
            stack=args.stack,
            config=_stack_config(settings, out, nameservers),
            command=_command_line(args),
            virtualenv=_virtualenv(out),
            component=args.component,
        )
        write_project(account, project, out, force=args.force)
    except ConfigurationError as exc:
        print(f"tclive import: {exc}", file=sys.stderr)
        return 2
    except TcliveError as exc:
        print(f"tclive import: {exc}", file=sys.stderr)
        return 1
    misfit = component_misfit(account) if args.component else None
    if misfit is not None:
        _progress(f"--component: wrote plain resources instead, because {misfit}.")
    _print_summary(account, out, args.component and misfit is None)
    return 0


def add_import_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``tclive import`` on the ``tclive`` subcommands."""
    parser = commands.add_parser(
        "import",
        help="write a Pulumi program that adopts an existing account's live domains, CNAMEs and licences",
        description=(
            "Read the account's live domains (DescribeLiveDomains, DescribeLiveDomain), the CNAME records that "
            "point them at their targets (DNSPod, or DNS with --nameserver) and its plugin licences (the "
            "emulator's console), and write a Pulumi program that adopts all of it: its first `up` makes no "
            "create, update or delete call. Read-only. Credentials and endpoint come from the same environment "
            "as the provider (TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY, TCLIVE_ENDPOINT, …)."
        ),
    )
    parser.add_argument(
        "--endpoint", help="'embedded', an emulator URL http://host:port, or unset for Tencent Cloud (TCLIVE_ENDPOINT)"
    )
    parser.add_argument(
        "--state", help="emulator state file with --endpoint embedded (default .tclive/emulator.sqlite3)"
    )
    parser.add_argument("--region", help="Tencent Cloud region (TENCENTCLOUD_REGION, default ap-guangzhou)")
    parser.add_argument(
        "--zone",
        action="append",
        default=[],
        metavar="ZONE",
        help="DNSPod zone to look for CNAME records in; repeatable (default: every zone of the account)",
    )
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--domains", metavar="A,B", help="only these live domains (comma-separated)")
    which.add_argument("--all", action="store_true", help="every live domain of the account (the default)")
    parser.add_argument("--out", default=DEFAULT_OUT, help=f"output directory (default ./{DEFAULT_OUT})")
    shape = parser.add_mutually_exclusive_group()
    shape.add_argument(
        "--component",
        action="store_true",
        help="one MiniProgramLive when the account's shape fits one (plain resources otherwise, with the reason)",
    )
    shape.add_argument("--resources", action="store_true", help="one resource per domain and record (the default)")
    parser.add_argument(
        "--nameserver",
        action="append",
        default=[],
        metavar="HOST[:PORT]",
        help="find the CNAMEs in DNS at this server instead of DNSPod (DNS hosted elsewhere); repeatable",
    )
    parser.add_argument("--stack", default="dev", help="stack name of the stack file written (default dev)")
    parser.add_argument("--force", action="store_true", help="overwrite the files of an earlier import in --out")
    parser.set_defaults(handler=run_import)

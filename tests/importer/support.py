"""Shared by the importer tests: the seeded account of examples/adopt-existing, the request log, running tclive."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from pulumi_tclive.cloud.client import TencentCloudClient
from pulumi_tclive.cloud.dnspod import DNSPOD_ACTIONS
from pulumi_tclive.cloud.live import LIVE_ACTIONS
from pulumi_tclive.emulator.console_api import DESCRIBE_REQUEST_LOG, DescribeRequestLogRequest

REPO = Path(__file__).resolve().parents[2]
SEED_SCRIPT = REPO / "examples" / "adopt-existing" / "seed.py"
READ_ONLY = {a.name for a in (*LIVE_ACTIONS, *DNSPOD_ACTIONS) if a.read_only}
WRITES = {a.name for a in (*LIVE_ACTIONS, *DNSPOD_ACTIONS) if not a.read_only}


def seed_module() -> ModuleType:
    """examples/adopt-existing/seed.py, loaded by path (it is a script, not a package module)."""
    spec = importlib.util.spec_from_file_location("adopt_existing_seed", SEED_SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def request_log(console: TencentCloudClient) -> Counter[str]:
    """Live and DNSPod calls per action so far, as the emulator's request log counts them."""
    calls = console.call(DESCRIBE_REQUEST_LOG, DescribeRequestLogRequest()).Calls
    return Counter({c.Action: c.Count for c in calls})


@dataclass(frozen=True)
class Run:
    """One ``tclive`` process: exit status and both streams."""

    exit_code: int
    stdout: str
    stderr: str


def tclive(*args: str, cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run ``tclive ARGS`` as a user would, in its own process (``env`` added to the environment)."""
    done = subprocess.run(
        [sys.executable, "-m", "pulumi_tclive.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **(env or {})},
    )
    return Run(done.returncode, done.stdout, done.stderr)


def ruff(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """The ruff of this environment (a dev dependency)."""
    binary = Path(sys.executable).with_name("ruff")
    return subprocess.run(
        [str(binary), *args[:1], "--no-cache", *args[1:]],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )

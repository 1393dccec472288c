"""API calls per operation, counted by the emulator (``DescribeRequestLog``), next to Terraform's figures.

Run from the repository root: ``python -m bench.api_calls``. The providers are called directly,
configured as the engine configures them (``ConfigureRequest`` with the namespaced stack config),
on an embedded emulator whose account holds the DNSPod zone ``example.com``. The preview figure is
an offline-engine preview of a copy of ``examples/quickstart``. Counts are live + DNSPod calls,
which are all the providers make (the licence is a declaration; tests/e2e/test_one_path.py proves no
other call is made); DNS queries of the CNAME check are not API calls. Terraform's
``tencentcloud_css_domain`` (docs/design.md#what-terraform-does): create = AuthenticateDomainOwner
+ AddLiveDomain + Enable/ForbidLiveDomain + DescribeLiveDomain = 4; read = 1; delete = 1 (for updates
its source names ModifyLivePlayDomain / Enable/ForbidLiveDomain but not whether a read follows,
so no Terraform figure is shown). Targets: create ≤ 2 (+1 for a mini-program play domain's R7 usage
query), read 1, preview 0. Prints figures, asserts nothing.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from pulumi.dynamic import ConfigureRequest
from pulumi.dynamic.config import Config
from tests.fixtures.projects import link_virtualenv

from pulumi_tclive.cloud.client import TencentCloudClient
from pulumi_tclive.emulator import Emulator
from pulumi_tclive.resources._provider import TcliveProvider
from pulumi_tclive.resources.cname import CnameRecordProvider
from pulumi_tclive.resources.domain import LiveDomainProvider
from pulumi_tclive.resources.licence import PluginLicenseProvider
from pulumi_tclive.testing import Engine

from ._common import REPO_ROOT, count_calls, prepare_emulator, progress

__all__ = ["main"]

APP_ID = "wx0123456789abcdef"
QUICKSTART = REPO_ROOT / "examples" / "quickstart"

P = TypeVar("P", bound=TcliveProvider)
T = TypeVar("T")
Row = tuple[str, dict[str, int], int | None, int | None]
"""(operation, calls by action, Terraform's count or None, the target maximum or None)."""


def _configured(provider: P, config: dict[str, str]) -> P:
    provider.configure(ConfigureRequest(Config(config, "bench")))
    return provider


def _checked(provider: TcliveProvider, news: dict[str, Any], olds: dict[str, Any] | None = None) -> dict[str, Any]:
    """Inputs as ``check`` returns them (what the engine then sends to create/update); refuses failures."""
    result = provider.check(olds or {}, news)
    if result.failures:
        raise RuntimeError(f"check failed: {[(f.property, f.reason) for f in result.failures]}")
    return dict(result.inputs)


class _Counter:
    """Runs operations and records the calls each made."""

    def __init__(self, console: TencentCloudClient) -> None:
        self.console = console
        self.rows: list[Row] = []

    def run(self, label: str, operation: Callable[[], T], *, terraform: int | None, target: int | None) -> T:
        with count_calls(self.console) as made:
            result = operation()
        self.rows.append((label, made, terraform, target))
        return result


def _provider_operations(counter: _Counter, config: dict[str, str]) -> None:
    domains = _configured(LiveDomainProvider(), config)
    licences = _configured(PluginLicenseProvider(), config)
    cnames = _configured(CnameRecordProvider(), config)

    play = _checked(domains, {"domain_name": "play.example.com", "domain_type": "play", "scene": "standard"})
    created = counter.run("LiveDomain create (standard play)", lambda: domains.create(play), terraform=4, target=2)
    push = _checked(domains, {"domain_name": "push.example.com", "domain_type": "push", "scene": "standard"})
    counter.run("LiveDomain create (standard push)", lambda: domains.create(push), terraform=4, target=2)

    licence = _checked(
        licences,
        {
            "mini_program_app_id": APP_ID,
            "mini_program_name": "Acme Shop",
            "subject_type": "enterprise",
            "scene": "ecommerce",
            "service_categories": ["电商平台"],
            "console_status": "available",
        },
    )
    counter.run("PluginLicense create (a declaration)", lambda: licences.create(licence), terraform=None, target=0)
    mp_play = _checked(
        domains,
        {
            "domain_name": "mp-play.example.com",
            "domain_type": "play",
            "scene": "mini_program",
            "plugin_license": APP_ID,
            "plugin_license_status": "available",
        },
    )
    counter.run("LiveDomain create (mini-program play)", lambda: domains.create(mp_play), terraform=4, target=3)

    old = dict(created.outs or {})
    counter.run("LiveDomain read", lambda: domains.read(created.id, dict(old)), terraform=1, target=1)
    global_play = _checked(domains, {**play, "play_region": "global"}, play)
    updated = counter.run(
        "LiveDomain update (play_region)",
        lambda: domains.update(created.id, dict(old), global_play),
        terraform=None,
        target=None,
    )
    disabled = _checked(domains, {**global_play, "enabled": False}, global_play)
    after_region = dict(updated.outs or {})
    counter.run(
        "LiveDomain update (enabled)",
        lambda: domains.update(created.id, after_region, disabled),
        terraform=None,
        target=None,
    )

    record_inputs = _checked(
        cnames,
        {
            "name": "push.example.com",
            "target": "push.example.com.tlivepush.com",
            "dns": "dnspod",
            "ttl": 600.0,
            "verify_timeout": 300.0,
            "overwrite": False,
        },
    )
    record = counter.run(
        "CnameRecord create + verify (dnspod, verify=dns)",
        lambda: cnames.create(record_inputs),
        terraform=None,
        target=None,
    )
    record_outputs = dict(record.outs or {})
    counter.run("CnameRecord read", lambda: cnames.read(record.id, dict(record_outputs)), terraform=None, target=None)
    new_ttl = _checked(cnames, {**record_inputs, "ttl": 300.0}, record_inputs)
    record_updated = counter.run(
        "CnameRecord update (ttl)",
        lambda: cnames.update(record.id, dict(record_outputs), new_ttl),
        terraform=None,
        target=None,
    )
    counter.run(
        "CnameRecord delete",
        lambda: cnames.delete(record.id, dict(record_updated.outs or {})),
        terraform=None,
        target=None,
    )
    final = {**after_region, "enabled": False}
    counter.run("LiveDomain delete", lambda: domains.delete(created.id, final), terraform=1, target=None)


def _quickstart(counter: _Counter, tmp: Path) -> None:
    """Preview (→ 0 calls), up, then preview and up again with nothing to change, of a copy of the quick start."""
    project = tmp / "examples" / "quickstart"
    shutil.copytree(QUICKSTART, project, ignore=shutil.ignore_patterns(".tclive", ".tclive-state", "__pycache__"))
    link_virtualenv(project, tmp)
    state = project / ".tclive" / "emulator.sqlite3"
    emulator = Emulator(state)
    with emulator.client() as console:
        prepare_emulator(console)
        engine = Engine(project, config={"tclive:emulatorState": str(state)})
        quick = _Counter(console)
        for label, operation, target in (
            ("quickstart preview (new stack)", engine.preview, 0),
            ("quickstart up", engine.up, None),
            ("quickstart preview (no changes)", engine.preview, 0),
            ("quickstart up (no changes)", engine.up, 0),
        ):
            progress(f"api_calls: {label} …")
            result = quick.run(label, operation, terraform=None, target=target)
            if not result.ok:
                progress(result.text)
                label += f" — FAILED (exit {result.exit_code})"
                quick.rows[-1] = (label, *quick.rows[-1][1:])
        counter.rows += quick.rows
    emulator.close()


def _print(rows: list[Row]) -> None:
    print(f"{'operation':<52} {'calls':>5} {'Terraform':>9} {'target':>7}  met  actions")
    for label, made, terraform, target in rows:
        total = sum(made.values())
        met = "" if target is None else ("yes" if total <= target else "NO")
        actions = ", ".join(f"{action}×{n}" if n > 1 else action for action, n in sorted(made.items())) or "—"
        tf = "-" if terraform is None else str(terraform)
        limit = "-" if target is None else f"≤ {target}"
        print(f"{label:<52} {total:>5} {tf:>9} {limit:>7}  {met:<4} {actions}")


def main(quick: bool = False) -> None:
    """Run the benchmark and print the figures.

    :param quick: accepted for ``bench.__main__``; the run is already small.
    """
    del quick
    print("== api_calls: live + DNSPod API calls per operation, counted by the emulator ==")
    with tempfile.TemporaryDirectory(prefix="tclive-bench-calls-") as tmp:
        state = Path(tmp) / "emulator.sqlite3"
        emulator = Emulator(state)
        with emulator.client() as console:
            prepare_emulator(console)
            counter = _Counter(console)
            # The account holds an available plugin licence, as a real one does after review and payment.
            config = {
                "tclive:endpoint": "embedded",
                "tclive:emulatorState": str(state),
                "tclive:emulatorAutoApprove": "true",
            }
            _provider_operations(counter, config)
        emulator.close()
        _quickstart(counter, Path(tmp))
    _print(counter.rows)


if __name__ == "__main__":
    main()

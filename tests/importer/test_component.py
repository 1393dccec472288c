"""`tclive import --component`: one MiniProgramLive when the account's shape fits one, plain resources otherwise."""

from __future__ import annotations

from pathlib import Path

from pulumi_tclive.cloud.client import TencentCloudClient
from pulumi_tclive.testing import Engine

from .support import REPO, WRITES, request_log, tclive

FITS = "mp-play.example.com,live.example.org"  # two zones: the component finds each CNAME's zone


def test_a_fitting_account_becomes_one_component_that_up_adopts(
    seeded: tuple[Path, TencentCloudClient], tmp_path: Path
) -> None:
    state, client = seeded
    run = tclive(
        "import",
        "--endpoint",
        "embedded",
        "--state",
        str(state),
        "--domains",
        FITS,
        "--component",
        "--out",
        "c",
        cwd=tmp_path,
    )
    assert run.exit_code == 0, run.stderr
    assert "(MiniProgramLive)" in run.stdout
    program = (tmp_path / "c" / "__main__.py").read_text()
    assert "tclive.MiniProgramLive(" in program and "tclive.LiveDomain(" not in program
    assert 'push_domain="live.example.org"' in program and "zone=" not in program
    before = request_log(client)
    engine = Engine(tmp_path / "c", stack="dev", env={"PYTHONPATH": str(REPO)})
    result = engine.up()
    assert result.ok, result.text
    calls = request_log(client)
    calls.subtract(before)
    assert not {action for action, n in calls.items() if n} & WRITES
    assert {op for op in engine.preview().counts if op in ("create", "update", "delete", "replace")} == set()


def test_an_account_that_does_not_fit_gets_plain_resources_and_the_reason(
    seeded: tuple[Path, TencentCloudClient], tmp_path: Path
) -> None:
    state, _ = seeded
    run = tclive("import", "--endpoint", "embedded", "--state", str(state), "--component", "--out", "p", cwd=tmp_path)
    assert run.exit_code == 0, run.stderr
    assert "--component: wrote plain resources instead, because" in run.stderr
    assert "(resources)" in run.stdout
    readme = (tmp_path / "p" / "README.md").read_text()
    assert "plain resources were written instead of a MiniProgramLive, because" in readme
    assert "tclive.MiniProgramLive(" not in (tmp_path / "p" / "__main__.py").read_text()

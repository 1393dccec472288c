"""examples/gitops/doctor_report.py (the scheduled doctor job's script) on the doctor's own documents."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
import yaml  # type: ignore[import-untyped]

from pulumi_tclive.doctor import Finding, render_json

GITOPS = Path(__file__).resolve().parents[2] / "examples" / "gitops"


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("doctor_report", GITOPS / "doctor_report.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_passes_and_warnings_exit_0_with_the_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = tmp_path / "doctor.json"
    document.write_text(
        render_json(
            [
                Finding("domain", "play.example.com", "pass", "standard play, enabled"),
                Finding("referer", "play.example.com", "warn", "rules act only on HTTP-FLV | HLS", "Use PlayAuthKey."),
            ]
        )
    )
    assert load_script().main([str(document)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "**tclive doctor**: 0 failed, 1 warned, 1 passed"
    # Warnings before passes; a | in a cell is escaped so the table keeps its columns.
    assert out[4] == "| referer | play.example.com | ⚠️ warn | rules act only on HTTP-FLV \\| HLS | Use PlayAuthKey. |"
    assert out[5].startswith("| domain | play.example.com | ✅ pass |")


def test_a_missing_or_foreign_document_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    script = load_script()
    empty = tmp_path / "doctor.json"
    empty.write_text("")  # what `tclive doctor --json > doctor.json` leaves when the doctor exits 2
    assert script.main([str(empty)]) == 2
    assert "is not a `tclive doctor --json` document" in capsys.readouterr().err
    assert script.main([str(tmp_path / "absent.json")]) == 2


def test_the_workflow_runs_the_doctor_and_the_script() -> None:
    workflow = yaml.safe_load((GITOPS / "workflows" / "doctor.yml").read_text())
    assert workflow[True]["schedule"][0]["cron"]  # `on:` reads as True in YAML 1.1
    steps = "\n".join(str(step.get("run", "")) for step in workflow["jobs"]["doctor"]["steps"])
    assert "tclive doctor" in steps and "--json > doctor.json" in steps
    assert "python .github/doctor_report.py doctor.json" in steps

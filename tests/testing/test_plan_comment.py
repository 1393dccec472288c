"""examples/gitops/plan_comment.py on real ``--json`` documents from the engine's command line,
and on a document in the shape the Pulumi CLI prints for a dynamic provider."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType

import pytest

from pulumi_tclive.testing import main

REPO_ROOT = Path(__file__).resolve().parents[2]
PROGRAMS = Path(__file__).parent / "programs"


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("plan_comment", REPO_ROOT / "examples" / "gitops" / "plan_comment.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_comment_from_the_engines_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHONPATH", str(REPO_ROOT))
    program = shutil.copytree(PROGRAMS / "review", tmp_path / "review")  # `--config` is saved into its stack file
    common = [str(program), "--config", f"toy:dbPath={tmp_path / 'db.json'}"]
    common += ["--state", str(tmp_path / "state.json"), "--secret", "betaValue=hush-hush-value"]
    assert main(["up", *common]) == 0
    capsys.readouterr()
    plan = tmp_path / "plan.json"

    assert main(["preview", *common, "--json", "--config", "alphaName=renamed", "--config", "invalid=2"]) == 1
    plan.write_text(capsys.readouterr().out, encoding="utf-8")
    assert load_script().main([str(plan)]) == 0
    comment = capsys.readouterr().out
    assert comment.startswith("### Pulumi preview: failed")
    assert "| `+-` replace | `alpha` | `toy:Item` | `~item_name` (replaced because of `item_name`) |" in comment
    assert "| `~` update | `beta` | `toy:Item` | `~value` |" in comment
    assert "**3 errors:**" in comment and "resource 'bad1': property size value {-2}" in comment
    assert "hush-hush-value" not in comment and "renamed" not in comment, "names of properties, never values"


def test_comment_from_the_clis_shape_compares_old_and_new_inputs() -> None:
    document = {
        "steps": [
            {
                "op": "update",
                "urn": "urn:pulumi:prod::site::tclive:index:MiniProgramLive$pulumi-python:dynamic/tclive:CnameRecord::acme-push-cname",
                "oldState": {
                    "type": "pulumi-python:dynamic/tclive:CnameRecord",
                    "inputs": {"__provider": "a", "ttl": 600},
                },
                "newState": {
                    "type": "pulumi-python:dynamic/tclive:CnameRecord",
                    "inputs": {"__provider": "b", "ttl": 300},
                },
                "detailedDiff": None,
            }
        ],
        "changeSummary": {"update": 1, "same": 7},
    }
    comment = load_script().render(document)
    assert "Resources: 1 to update, 7 unchanged" in comment
    assert "| `~` update | `acme-push-cname` | `tclive:CnameRecord` | `~ttl` |" in comment

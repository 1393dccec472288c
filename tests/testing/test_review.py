"""The review flags through the engine's command line: property diffs, ``--diff``, ``--json``,
``--expect-no-changes``, ``--refresh``, and every check failure in one run.

Each test calls ``pulumi_tclive.testing.main(argv)``, the function behind
``python -m pulumi_tclive.testing``, and checks what a user sees: exit status, stdout, stderr,
and what the toy "cloud" (a JSON file) and the state file hold afterwards.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pulumi_tclive.testing import main
from tests.testing.toy_provider import load_db, save_db

PROGRAMS = Path(__file__).parent / "programs"
REPO_ROOT = Path(__file__).resolve().parents[2]
ITEM = "pulumi-python:dynamic/toy:Item"
SECRET = "Sup3r-s3cret-beta"


class Cli:
    """Runs ``main(argv)`` on one program with its toy database and state under ``tmp_path``."""

    def __init__(self, program: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        # A copy: `--config` is saved into the program's stack file, as the CLI does.
        self.program = tmp_path / program
        shutil.copytree(PROGRAMS / program, self.program)
        self.tmp_path = tmp_path
        self.capsys = capsys
        self.stdout = ""
        self.stderr = ""

    def __call__(self, operation: str, *flags: str) -> int:
        argv = [
            operation,
            str(self.program),
            "--config",
            f"toy:dbPath={self.tmp_path / 'db.json'}",
            "--state",
            str(self.tmp_path / "state.json"),
            *flags,
        ]
        code = main(argv)
        captured = self.capsys.readouterr()
        self.stdout, self.stderr = captured.out, captured.err
        return code

    def items(self) -> dict[str, dict[str, Any]]:
        return {row["item_name"]: row for row in load_db(self.tmp_path / "db.json")["items"].values()}

    def state_text(self) -> str:
        return (self.tmp_path / "state.json").read_text(encoding="utf-8")


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Callable[[str], Cli]:
    monkeypatch.setenv("PYTHONPATH", str(REPO_ROOT))
    return lambda program: Cli(program, tmp_path, capsys)


def test_update_and_replace_lines_name_the_properties_and_diff_shows_values(cli: Callable[[str], Cli]) -> None:
    run = cli("review")
    beta = ("--secret", f"betaValue={SECRET}")
    assert run("up", *beta) == 0, run.stdout

    assert run("preview", *beta, "--config", "alphaValue=two") == 0, run.stdout
    assert f" ~  update   {ITEM} alpha [diff: ~value]\n" in run.stdout
    assert '~ value: "one" => "two"' not in run.stdout, "values only with --diff"

    assert run("preview", *beta, "--config", "alphaValue=two", "--diff") == 0, run.stdout
    lines = run.stdout.splitlines()
    at = lines.index(f" ~  update   {ITEM} alpha [diff: ~value]")
    assert lines[at + 1].strip().startswith("[id="), lines[at + 1]
    assert lines[at + 2].strip() == f"[urn=urn:pulumi:dev::toy-review::{ITEM}::alpha]"
    assert lines[at + 3] == '      ~ value: "one" => "two"'
    # beta's value is secret: named, never shown.
    assert f" ~  update   {ITEM} beta [diff: ~value]" in lines
    assert "      ~ value: [secret] => [secret]" in lines

    # alphaValue=two is in the stack file now (`--config` is saved, as the CLI does).
    assert 'toy-review:alphaValue: "two"' in (run.program / "Pulumi.dev.yaml").read_text()
    assert run("up", *beta, "--config", "alphaName=renamed", "--diff") == 0, run.stdout
    assert f" +- replace  {ITEM} alpha [diff: ~item_name,value]" in run.stdout
    assert '      ~ item_name: "alpha" => "renamed"' in run.stdout
    assert "Resources: 1 updated, 1 replaced, 0 unchanged" in run.stdout
    assert set(run.items()) == {"renamed", "beta"}, "the replacement happened"
    assert SECRET not in run.stdout + run.stderr + run.state_text()
    assert run("refresh", "--diff", "--json") == 0
    assert SECRET not in run.stdout + run.stderr + run.state_text()

    assert run("destroy", "--diff") == 0, run.stdout
    assert f" -  delete   {ITEM} alpha\n" in run.stdout, "a delete has no [diff: …], as in the CLI"
    assert '      - item_name: "renamed"' in run.stdout
    assert "      - value    : [secret]" in run.stdout
    assert SECRET not in run.stdout + run.stderr


def test_json_document_on_stdout_human_output_on_stderr(cli: Callable[[str], Cli]) -> None:
    run = cli("lifecycle")
    assert run("up", "--json") == 0, run.stderr
    created = json.loads(run.stdout)
    assert "Updating (dev):" in run.stderr, "the usual output goes to stderr"
    assert created["changeSummary"] == {"create": 2}
    assert [(step["op"], step["urn"].rsplit("::", 1)[1]) for step in created["steps"]] == [
        ("create", "first"),
        ("create", "second"),
    ]
    assert all(step["type"] == ITEM and step["detailedDiff"] is None for step in created["steps"])
    assert created["outputs"]["firstLabel"] == "first=one"
    assert created["outputs"]["token"] == "[secret]"

    assert run("preview", "--json", "--config", "firstName=uno", "--config", "firstValue=two") == 0, run.stderr
    planned = json.loads(run.stdout)
    assert planned["changeSummary"] == {"replace": 1, "update": 1}
    first, second = planned["steps"]
    assert first == {
        "op": "replace",
        "urn": f"urn:pulumi:dev::toy-lifecycle::{ITEM}::first",
        "type": ITEM,
        "diffReasons": ["item_name", "value"],
        "replaceReasons": ["item_name"],
        "detailedDiff": {
            "item_name": {"kind": "update-replace", "inputDiff": True},
            "value": {"kind": "update", "inputDiff": True},
        },
    }
    assert second["op"] == "update" and second["diffReasons"] == ["value"]

    # `--config` was saved into the stack file, as the CLI does: set the values back.
    assert run("preview", "--json", "--config", "firstName=first", "--config", "firstValue=one") == 0
    assert json.loads(run.stdout)["steps"] == [], "unchanged resources are left out, as the CLI does"
    assert json.loads(run.stdout)["changeSummary"] == {"same": 2}

    assert run("up", "--config", "firstValue=two") == 0, run.stdout
    assert '  ~ firstLabel: "first=one" => "first=two"' in run.stdout, "a changed stack output is marked"
    assert "    copies: 3" in run.stdout, "an unchanged one is not"

    assert run("destroy", "--json") == 0
    destroyed = json.loads(run.stdout)
    assert destroyed["changeSummary"] == {"delete": 2}
    assert [step["op"] for step in destroyed["steps"]] == ["delete", "delete"]
    assert destroyed["outputs"] == {}


def test_every_check_failure_is_reported_and_counted(cli: Callable[[str], Cli]) -> None:
    run = cli("review")
    beta = ("--secret", f"betaValue={SECRET}")
    assert run("preview", *beta, "--config", "invalid=3", "--json") == 1
    for index in range(3):
        size = -(index + 1)
        assert (
            f"error: {ITEM} resource 'bad{index}': property size value {{{size}}} has a problem: "
            f"size must be 0 or more, got {size}; use a positive size"
        ) in run.stderr
    assert f"error: {ITEM} resource 'bad-child': property size value {{-10}}" in run.stderr, "dependants too"
    assert f" +  create   {ITEM} alpha" in run.stderr, "valid resources are still planned"
    assert "Resources: 2 to create, 0 unchanged, 4 errored" in run.stderr
    assert "error: preview failed" in run.stderr
    errors = [d for d in json.loads(run.stdout)["diagnostics"] if d["severity"] == "error"]
    assert sorted(d["urn"].rsplit("::", 1)[1] for d in errors) == ["bad-child", "bad0", "bad1", "bad2"]
    # Independent registrations may arrive in any order; find bad0's by its URN.
    (bad0,) = [d for d in errors if d["urn"].endswith("::bad0")]
    assert bad0["message"].startswith(f"error: {ITEM} resource 'bad0': property size value {{-1}} has a problem: ")
    assert SECRET not in run.stdout + run.stderr

    assert run("up", *beta, "--config", "invalid=1", "--json") == 1
    refused = json.loads(run.stdout)
    assert [step["op"] for step in refused["steps"]] == ["create", "create"], "the plan, since nothing was applied"
    assert refused["changeSummary"] == {"create": 2}
    assert run.items() == {}, "a failed preview stops up before any change"

    assert run("up", *beta, "--config", "invalid=2", "--skip-preview") == 1
    for name in ("bad0", "bad1", "bad-child"):
        assert f"resource '{name}': property size" in run.stdout
    assert "3 errored" in run.stdout
    assert not {"bad0", "bad1", "bad-child"} & set(run.items()), "nothing invalid was created"


def test_a_check_failure_on_a_secret_input_never_shows_its_value(cli: Callable[[str], Cli]) -> None:
    run = cli("review")
    assert run("preview", "--secret", f"betaValue={SECRET}", "--secret", "secretSize=-7331") == 1
    assert f"error: {ITEM} resource 'secret-size': property size value {{[secret]}} has a problem: " in run.stdout
    assert "value {-7331}" not in run.stdout + run.stderr


def test_expect_no_changes_and_refresh_catch_an_out_of_band_change(cli: Callable[[str], Cli], tmp_path: Path) -> None:
    run = cli("lifecycle")
    assert run("up") == 0, run.stdout
    for operation in ("preview", "refresh"):
        assert run(operation, "--expect-no-changes") == 0, run.stdout

    # Someone edits the first item behind Pulumi's back.
    db = load_db(tmp_path / "db.json")
    row = next(row for row in db["items"].values() if row["item_name"] == "first")
    row["value"], row["label"] = "hacked", "first=hacked"
    save_db(tmp_path / "db.json", db)
    state_before = run.state_text()

    assert run("preview", "--expect-no-changes") == 0, "without --refresh the plan compares with the state"
    assert run("preview", "--refresh", "--expect-no-changes") == 7, run.stdout
    assert "Refreshing (dev):" in run.stdout
    assert f" ~  update   {ITEM} first [diff: ~label,value]" in run.stdout
    assert '      ~ value: "one" => "hacked"' in run.stdout, "refresh shows how the outputs drifted"
    assert "error: no changes were expected for preview but changes were proposed" in run.stdout
    assert run.state_text() == state_before, "preview --refresh saves nothing"

    assert run("refresh", "--expect-no-changes", "--json") == 7
    refreshed = json.loads(run.stdout)
    assert refreshed["changeSummary"] == {"update": 1, "same": 1}
    (drift,) = refreshed["steps"]
    assert drift["op"] == "update" and drift["urn"].endswith("::first")
    assert drift["detailedDiff"] == {
        "label": {"kind": "update", "inputDiff": False},
        "value": {"kind": "update", "inputDiff": False},
    }
    assert any(d["message"].startswith("error: no changes were expected for refresh") for d in refreshed["diagnostics"])

    assert run("up", "--expect-no-changes") == 7, "up makes the change, then fails, as the CLI does"
    assert run.items()["first"]["value"] == "one"
    assert "error: no changes were expected for update but changes were proposed" in run.stdout
    assert run("up", "--refresh", "--expect-no-changes") == 0, run.stdout


def test_flags_outside_their_operations_are_usage_errors(cli: Callable[[str], Cli]) -> None:
    run = cli("lifecycle")
    with pytest.raises(SystemExit) as refused:
        run("destroy", "--expect-no-changes")
    assert refused.value.code == 2
    with pytest.raises(SystemExit) as refused:
        run("refresh", "--refresh")
    assert refused.value.code == 2

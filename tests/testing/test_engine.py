"""The offline engine against a toy dynamic provider whose "cloud" is a JSON file."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from pulumi_tclive.testing import Engine, RunResult, Step
from tests.testing.toy_provider import load_db, save_db

PROGRAMS = Path(__file__).parent / "programs"
REPO_ROOT = Path(__file__).resolve().parents[2]
ITEM = "pulumi-python:dynamic/toy:Item"
PROTECTED = "pulumi-python:dynamic/toy:ProtectedItem"
TOKEN = "tok-s3cr3t-value"


def make_engine(program: str, tmp_path: Path, **config: str) -> Engine:
    """An engine for ``programs/<program>`` with its toy database and state under ``tmp_path``."""
    return Engine(
        PROGRAMS / program,
        stack="dev",
        config={"toy:dbPath": str(tmp_path / "db.json"), **config},
        state_path=tmp_path / "state.json",
        env={"PYTHONPATH": str(REPO_ROOT)},
    )


def items(tmp_path: Path) -> dict[str, dict[str, Any]]:
    """The toy database's rows keyed by item name."""
    return {row["item_name"]: row for row in load_db(tmp_path / "db.json")["items"].values()}


def log(tmp_path: Path) -> list[list[str]]:
    """The toy database's create/update/delete log."""
    entries: list[list[str]] = load_db(tmp_path / "db.json")["log"]
    return entries


def state_by_name(engine: Engine) -> dict[str, Any]:
    """The state's resources keyed by name."""
    return {entry.name: entry for entry in engine.read_state().resources}


def assert_ok(result: RunResult) -> None:
    assert result.ok, result.text


def test_preview_plans_creates_without_calling_create(tmp_path: Path) -> None:
    engine = make_engine("lifecycle", tmp_path)
    result = engine.preview()
    assert_ok(result)
    assert result.steps == [Step("create", ITEM, "first"), Step("create", ITEM, "second")]
    assert f" +  create   {ITEM} first" in result.text
    assert "Resources: 2 to create, 0 unchanged" in result.text
    assert items(tmp_path) == {} and log(tmp_path) == []
    assert not engine.state_path.exists()
    # The first item's label is computed by Create, so it is unknown in preview, and so is the
    # second item's value fed by it; the stack output shows that.
    assert result.outputs["firstLabel"] == "[unknown]"


def test_lifecycle_create_same_update_replace_delete_destroy(tmp_path: Path) -> None:
    engine = make_engine("lifecycle", tmp_path)
    created = engine.up()
    assert_ok(created)
    assert created.steps == [Step("create", ITEM, "first"), Step("create", ITEM, "second")]
    assert "Previewing update (dev):" in created.text and "Updating (dev):" in created.text
    assert items(tmp_path)["second"]["value"] == "first=one", "the first item's output reaches the second"
    assert created.outputs["secondLabel"] == "second=first=one"
    assert '    firstLabel: "first=one"' in created.text

    unchanged = engine.up()
    assert_ok(unchanged)
    assert unchanged.counts == {"same": 2}
    assert "Resources: 2 unchanged" in unchanged.text
    assert len(log(tmp_path)) == 2

    updated = make_engine("lifecycle", tmp_path, firstValue="two").up(skip_preview=True)
    assert_ok(updated)
    assert updated.steps == [Step("update", ITEM, "first"), Step("update", ITEM, "second")]
    assert f" ~  update   {ITEM} first" in updated.text
    assert items(tmp_path)["second"]["value"] == "first=two"

    replaced = make_engine("lifecycle", tmp_path, firstValue="two", firstName="renamed").up(skip_preview=True)
    assert_ok(replaced)
    assert replaced.steps == [Step("replace", ITEM, "first"), Step("update", ITEM, "second")]
    assert f" +- replace  {ITEM} first" in replaced.text
    ops = [(op, name) for op, name, _ in log(tmp_path)[-3:]]
    # create-before-delete: the new item exists before the old one goes, after dependants updated.
    assert ops == [("create", "renamed"), ("update", "second"), ("delete", "first")]
    assert set(items(tmp_path)) == {"renamed", "second"}

    removed = make_engine("lifecycle", tmp_path, firstValue="two", firstName="renamed", withSecond="false").up()
    assert_ok(removed)
    assert removed.steps == [Step("same", ITEM, "first"), Step("delete", ITEM, "second")]
    assert "Resources: 1 deleted, 1 unchanged" in removed.text
    assert set(items(tmp_path)) == {"renamed"}
    assert set(state_by_name(engine)) == {"first"}

    destroyed = engine.destroy()
    assert_ok(destroyed)
    assert destroyed.steps == [Step("delete", ITEM, "first")]
    assert items(tmp_path) == {}
    assert engine.read_state().resources == []


def test_config_reaches_configure_namespaced_and_secrets_stay_out(tmp_path: Path) -> None:
    engine = make_engine("lifecycle", tmp_path)
    result = engine.up(skip_preview=True)
    assert_ok(result)
    configured = load_db(tmp_path / "db.json")["configured"]
    assert configured[-1]["keys"] == [
        "toy-lifecycle:copies",
        "toy-lifecycle:verbose",
        "toy:apiToken",
        "toy:apiTokenSha256",
        "toy:dbPath",
    ]
    assert configured[-1]["token_matched"], "the secret config value reaches configure() in clear"
    assert result.outputs["copies"] == 3, "a YAML number reaches pulumi.Config as text"
    assert result.outputs["token"] == "[secret]"
    assert TOKEN not in engine.state_path.read_text()
    assert TOKEN not in result.text


def test_refresh_updates_drifted_and_drops_deleted(tmp_path: Path) -> None:
    engine = make_engine("lifecycle", tmp_path)
    assert_ok(engine.up(skip_preview=True))
    data = load_db(tmp_path / "db.json")
    second_id = state_by_name(engine)["second"].id
    first_id = state_by_name(engine)["first"].id
    data["items"][first_id]["value"] = "drifted"
    del data["items"][second_id]
    save_db(tmp_path / "db.json", data)

    result = engine.refresh()
    assert_ok(result)
    # Reads run at once (--parallel), so the lines come in the order the reads finished.
    assert sorted(result.steps) == [Step("delete", ITEM, "second"), Step("update", ITEM, "first")]
    state = state_by_name(engine)
    assert set(state) == {"first"}
    assert state["first"].outputs["value"] == "drifted"
    assert state["first"].inputs["value"] == "drifted", "ReadResult.inputs replace the stored inputs"


def test_protect_refuses_delete_and_replace(tmp_path: Path) -> None:
    engine = make_engine("options", tmp_path)
    assert_ok(engine.up(skip_preview=True))
    urn = f"urn:pulumi:dev::toy-options::{PROTECTED}::guarded"
    refusal = f'resource "{urn}" cannot be deleted\nbecause it is protected.'

    preview = make_engine("options", tmp_path, withGuarded="false").preview()
    assert preview.exit_code == 1
    assert preview.counts == {"same": 4, "delete": 1}
    assert f"error: Preview failed: {refusal}" in preview.text
    assert f"`pulumi state unprotect '{urn}'`" in preview.text

    up = make_engine("options", tmp_path, withGuarded="false").up()
    assert up.exit_code == 1
    assert refusal in up.text
    assert "guarded" in items(tmp_path) and "guarded" in state_by_name(engine)
    assert not [entry for entry in log(tmp_path) if entry[0] == "delete"]

    replace = make_engine("options", tmp_path, guardedName="other").up()
    assert replace.exit_code == 1
    assert f'error: unable to replace resource "{urn}"\nas it is currently marked for protection.' in replace.text
    assert "other" not in items(tmp_path)

    destroy = engine.destroy()
    assert destroy.exit_code == 1
    assert refusal in destroy.text
    assert len(items(tmp_path)) == 4, "destroy deletes nothing while a resource is protected"


def test_retain_ignore_changes_delete_before_replace_and_secret_inputs(tmp_path: Path) -> None:
    engine = make_engine("options", tmp_path, withVault="true")
    first = engine.up(skip_preview=True)
    assert_ok(first)
    state = state_by_name(engine)
    assert state["kept"].urn == f"urn:pulumi:dev::toy-options::toy:index:Group${ITEM}::kept"
    assert state["kept"].parent == state["group"].urn and not state["group"].custom
    assert state["kept"].retain_on_delete and state["guarded"].protect
    assert state["vault"].inputs["value"] == "[secret]" and state["vault"].secret_inputs == ["value"]
    assert state["vault"].secret_outputs == ["label", "value"]
    assert "hunter2-in-vault" not in engine.state_path.read_text() and "hunter2-in-vault" not in first.text

    second = make_engine(
        "options", tmp_path, withVault="true", withKept="false", stickyValue="s2", swappedName="swap-b"
    ).up(skip_preview=True)
    assert_ok(second)
    ops = {step.name: step.op for step in second.steps}
    assert ops["sticky"] == "same", "ignore_changes keeps the old value"
    assert ops["swapped"] == "replace"
    assert ops["kept"] == "delete"
    assert ops["vault"] == "update", "withheld secret inputs make the resource look changed (documented)"
    assert items(tmp_path)["sticky"]["value"] == "s1"
    swap_ops = [(op, name) for op, name, _ in log(tmp_path) if name.startswith("swap")]
    assert swap_ops[-2:] == [("delete", "swap-a"), ("create", "swap-b")], "delete_before_replace"
    assert "kept" in items(tmp_path), "retain_on_delete: Delete is never called"
    assert "kept" not in state_by_name(engine)


def test_check_failure_is_printed_in_the_engine_wording(tmp_path: Path) -> None:
    result = make_engine("options", tmp_path, withBad="true").preview()
    assert result.exit_code == 1
    assert (
        f"error: {ITEM} resource 'bad': property size value {{-1}} has a problem: "
        "size must be 0 or more, got -1; use a positive size"
    ) in result.text
    assert "error: preview failed" in result.text


def test_provider_error_stops_up_and_keeps_finished_steps(tmp_path: Path) -> None:
    failed = make_engine("options", tmp_path, withBoom="true").up(skip_preview=True)
    assert failed.exit_code == 1
    assert (
        f"error: {ITEM} resource 'boom': create failed: RuntimeError: the toy cloud refuses items named explode"
    ) in failed.text
    assert any("Traceback" in line for line in failed.diagnostics), "the full traceback is kept"
    assert "Traceback" not in failed.text
    kept = state_by_name(make_engine("options", tmp_path))
    assert "boom" not in kept
    assert {entry.id for entry in kept.values() if entry.custom} == set(load_db(tmp_path / "db.json")["items"]), (
        "every step that succeeded before the failure is in the state"
    )

    resumed = make_engine("options", tmp_path).up(skip_preview=True)
    assert_ok(resumed)
    ops = {step.name: step.op for step in resumed.steps}
    assert all(ops[name] == "same" for name in kept)
    assert all(op == "create" for name, op in ops.items() if name not in kept)
    assert set(items(tmp_path)) == {"guarded", "kept", "sticky", "swap-a"}


def test_non_dynamic_custom_resource_is_refused(tmp_path: Path) -> None:
    result = make_engine("foreign", tmp_path).preview()
    assert result.exit_code == 1
    assert "aws:s3/bucket:Bucket resource 'bucket': the offline engine drives only Python dynamic resources" in (
        result.text
    )


def test_cli_runs_an_operation_and_exits_non_zero_on_failure(tmp_path: Path) -> None:
    # The program has no Pulumi.dev.yaml, so its stack is created first, as `pulumi stack init` does.
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO_ROOT)}
    program = shutil.copytree(PROGRAMS / "options", tmp_path / "options")  # `--config` is saved into its stack file
    init = [sys.executable, "-m", "pulumi_tclive.testing", "stack", "init", "dev", "-C", str(program)]
    subprocess.run([*init, "--state", str(tmp_path / "state.json")], env=env, check=True, capture_output=True)
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "pulumi_tclive.testing",
            "preview",
            str(program),
            "--config",
            f"toy:dbPath={tmp_path / 'db.json'}",
            "--config",
            "withBad=true",
            "--state",
            str(tmp_path / "state.json"),
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert completed.returncode == 1, completed.stdout + completed.stderr
    assert "Previewing update (dev):" in completed.stdout
    assert "resource 'bad': property size value {-1} has a problem" in completed.stdout

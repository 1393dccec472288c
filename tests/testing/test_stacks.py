"""Stacks, state backups, parallel steps and the ``tclive`` front door, through the engine's command line."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

from pulumi_tclive.testing import ResourceState, StackState
from pulumi_tclive.testing._state import StateWriter, journal_path
from tests.testing.step_log_provider import overlapping
from tests.testing.toy_provider import load_db

PROGRAMS = Path(__file__).parent / "programs"
REPO_ROOT = Path(__file__).resolve().parents[2]
TCLIVE = Path(sys.executable).parent / "tclive"
TOKEN = "tok-s3cr3t-value"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run a command with the repository importable (the toy providers live in tests/)."""
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    return subprocess.run(list(args), capture_output=True, text=True, env=env, cwd=cwd, check=False, timeout=300)


def engine(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m pulumi_tclive.testing ARGS``."""
    return run(sys.executable, "-m", "pulumi_tclive.testing", *args, cwd=cwd)


def project(tmp_path: Path, program: str) -> Path:
    """A copy of ``programs/<program>`` (stack commands write state files into the project)."""
    directory = tmp_path / program
    shutil.copytree(PROGRAMS / program, directory)
    return directory


def test_an_unknown_stack_is_refused_naming_the_stacks_here_and_nothing_is_written(tmp_path: Path) -> None:
    directory = project(tmp_path, "lifecycle")
    db = tmp_path / "db.json"
    refused = engine("up", str(directory), "--stack", "dve", "--config", f"toy:dbPath={db}")
    assert refused.returncode == 2, refused.stdout + refused.stderr
    assert "no stack named 'dve' found; stacks here: dev." in refused.stderr
    assert f"stack init dve -C {directory}" in refused.stderr
    assert not (directory / ".tclive-state").exists() and not db.exists(), "nothing written, no provider started"


def test_stack_init_ls_output_and_state_unprotect(tmp_path: Path) -> None:
    directory = project(tmp_path, "options")  # no Pulumi.<stack>.yaml: only `stack init` makes a stack
    db = f"toy:dbPath={tmp_path / 'db.json'}"
    created = run(str(TCLIVE), "stack", "init", "staging", "-C", str(directory))
    assert created.returncode == 0 and created.stdout == "Created stack 'staging'\n", created.stderr
    again = run(str(TCLIVE), "stack", "init", "staging", "-C", str(directory))
    assert again.returncode == 2 and "stack 'staging' already exists" in again.stderr
    listed = run(str(TCLIVE), "stack", "ls", "-C", str(directory))
    assert listed.stdout.splitlines()[0].split() == ["NAME", "LAST", "UPDATE", "RESOURCE", "COUNT"]
    assert listed.stdout.splitlines()[1].split() == ["staging", "now", "0"]

    assert run(str(TCLIVE), "up", str(directory), "--stack", "staging", "--config", db).returncode == 0
    assert run(str(TCLIVE), "stack", "ls", "-C", str(directory)).stdout.splitlines()[1].split()[-1] == "5"
    outputs = run(str(TCLIVE), "stack", "output", "--stack", "staging", "-C", str(directory))
    assert outputs.stdout == "Current stack outputs (0):\n    No output values currently in this stack\n"
    missing = run(str(TCLIVE), "stack", "output", "nope", "--stack", "staging", "-C", str(directory))
    assert missing.returncode == 2 and "current stack does not have output property 'nope'" in missing.stderr

    # Removing the protected item is refused, naming `state unprotect`; after it, the same up deletes it.
    urn = "urn:pulumi:staging::toy-options::pulumi-python:dynamic/toy:ProtectedItem::guarded"
    without = ["--stack", "staging", "--config", db, "--config", "withGuarded=false"]
    refused = run(str(TCLIVE), "up", str(directory), *without)
    assert refused.returncode == 1 and f"`pulumi state unprotect '{urn}'`" in refused.stdout
    assert f"tclive state unprotect '{urn}'" in refused.stdout
    typo = run(str(TCLIVE), "state", "unprotect", urn[:-1], "--stack", "staging", "-C", str(directory))
    assert typo.returncode == 2 and f'No such resource "{urn[:-1]}"' in typo.stderr and f"  {urn}" in typo.stderr
    unprotected = run(str(TCLIVE), "state", "unprotect", urn, "--stack", "staging", "-C", str(directory))
    assert unprotected.returncode == 0 and unprotected.stdout == "1 resources unprotected\n"
    removed = run(str(TCLIVE), "up", str(directory), *without)
    assert removed.returncode == 0, removed.stdout
    assert "guarded" not in {row["item_name"] for row in load_db(tmp_path / "db.json")["items"].values()}


def test_stack_output_shows_values_with_secrets_withheld(tmp_path: Path) -> None:
    directory = project(tmp_path, "lifecycle")
    up = engine("up", str(directory), "--config", f"toy:dbPath={tmp_path / 'db.json'}")
    assert up.returncode == 0, up.stdout + up.stderr
    table = engine("stack", "output", "-C", str(directory))
    assert table.stdout.splitlines()[:2] == ["Current stack outputs (4):", "    OUTPUT       VALUE"]
    assert "    secondLabel  second=first=one" in table.stdout and TOKEN not in table.stdout
    document = json.loads(engine("stack", "output", "--json", "-C", str(directory)).stdout)
    assert document == {"copies": 3, "firstLabel": "first=one", "secondLabel": "second=first=one", "token": "[secret]"}
    assert engine("stack", "output", "firstLabel", "-C", str(directory)).stdout == "first=one\n"


def test_the_state_file_is_backed_up_and_a_corrupt_one_names_its_backup(tmp_path: Path) -> None:
    directory = project(tmp_path, "lifecycle")
    db = f"toy:dbPath={tmp_path / 'db.json'}"
    state = directory / ".tclive-state" / "dev.json"
    backup = directory / ".tclive-state" / "dev.json.bak"
    assert engine("up", str(directory), "--config", db).returncode == 0
    assert engine("up", str(directory), "--config", db, "--config", "withSecond=false").returncode == 0
    kept = json.loads(backup.read_text())
    assert [entry["name"] for entry in kept["resources"]] == ["first", "second"], "the state before the last write"
    assert not journal_path(state).exists(), "the journal is gone once the operation has ended"

    state.write_text('{"version": 1, "project": "toy-lifecycle", "resou')
    broken = engine("preview", str(directory), "--config", db)
    assert broken.returncode == 2
    assert f"state file {state} is not a state file this engine wrote" in broken.stderr
    assert f"the previous version is kept in {backup}: restore it with `cp {backup} {state}`" in broken.stderr
    assert state.read_text().endswith('"resou'), "nothing written over the damaged file"
    shutil.copy(backup, state)
    # withSecond=false was saved into the stack file by the second up (`--config`, as the CLI does).
    restored = engine("preview", str(directory), "--config", db, "--config", "withSecond=true")
    assert restored.returncode == 0 and "Resources: 2 unchanged" in restored.stdout, "the state before the last up"


def test_a_checkpoint_survives_a_crash_and_a_torn_journal_line_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "dev.json"

    def entry(name: str, **changes: object) -> ResourceState:
        return ResourceState(urn=f"urn:pulumi:dev::p::t::{name}", type="t", name=name, custom=True, id=name, **changes)  # type: ignore[arg-type]

    first, second = entry("a"), entry("b", dependencies=["urn:pulumi:dev::p::t::a"])
    writer = StateWriter(path, StackState(project="p", stack="dev"))
    writer.checkpoint(StackState(project="p", stack="dev", resources=[first]))
    writer.checkpoint(StackState(project="p", stack="dev", resources=[first, second], outputs={"x": 1}))
    writer.checkpoint(
        StackState(project="p", stack="dev", resources=[entry("a", outputs={"v": 2}), second], outputs={"x": 1})
    )
    with journal_path(path).open("a") as stream:  # the process dies in the middle of the next append
        stream.write('{"put": {"urn": "urn:pulumi:dev::p::t::c", ')
    loaded = StackState.load(path, project="p", stack="dev")
    assert [(e.name, e.outputs) for e in loaded.resources] == [("a", {"v": 2}), ("b", {})]
    assert loaded.outputs == {"x": 1}


def test_the_tclive_front_door_runs_the_engine_on_the_current_directory(tmp_path: Path) -> None:
    assert run(str(TCLIVE), "--version").stdout == f"tclive {version('pulumi-tclive')}\n"
    directory = project(tmp_path, "lifecycle")
    preview = run(str(TCLIVE), "preview", "--config", f"toy:dbPath={tmp_path / 'db.json'}", cwd=directory)
    assert preview.returncode == 0, preview.stdout + preview.stderr
    assert "Previewing update (dev):" in preview.stdout and "Resources: 2 to create, 0 unchanged" in preview.stdout
    usage = engine("preview", cwd=directory)
    assert usage.returncode == 2 and "preview needs the project directory: DIR or -C DIR" in usage.stderr


def test_parallel_up_overlaps_independent_steps_keeps_dependencies_and_state(tmp_path: Path) -> None:
    log = tmp_path / "steps.jsonl"
    state = tmp_path / "state.json"
    directory = project(tmp_path, "parallel")  # a copy: `--config` is saved into its stack file
    args = ["up", str(directory), "--config", f"steplog:path={log}", "--state", str(state)]
    up = engine(*args, "--parallel", "4", "--skip-preview")
    assert up.returncode == 0, up.stdout + up.stderr
    assert overlapping(log) > 1, "independent creates ran at the same time"
    lines = [line for line in up.stdout.splitlines() if line.startswith(" +  create")]
    names = [line.split()[-1] for line in lines]
    assert sorted(names) == sorted([f"independent-{i}" for i in range(8)] + ["head", "tail"]), "one whole line each"
    assert names.index("head") < names.index("tail")
    steps = [json.loads(line) for line in log.read_text().splitlines()]
    by_name = {step["name"]: step for step in steps}
    assert len(steps) == 10 and by_name["tail"]["start"] >= by_name["head"]["end"], "tail waited for head"
    saved = StackState.load(state, project="steplog-parallel", stack="dev")
    assert sorted(entry.name for entry in saved.resources) == sorted(names)
    assert saved.outputs == {"tail": "tail after head after -"}

    one_by_one = tmp_path / "serial.jsonl"
    serial = engine(
        "up", str(directory), "-p", "1", "--config", f"steplog:path={one_by_one}",
        "--state", str(tmp_path / "serial.json"), "--skip-preview",
    )  # fmt: skip
    assert serial.returncode == 0 and overlapping(one_by_one) == 1, "--parallel 1: one step at a time"

"""The engine under interruption, with real processes: the stack lock, ``kill -9``, Ctrl-C, a closed pipe.

Each test starts ``python -m pulumi_tclive.testing`` on a copy of ``programs/slow``, whose creates
log ``start NAME`` and ``end NAME`` around a wait, and interrupts it while a create is under way.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from pulumi_tclive.testing import StackState
from pulumi_tclive.testing._state import PendingOperation, journal_path
from tests.testing.slow_provider import logged

PROGRAMS = Path(__file__).parent / "programs"
REPO_ROOT = Path(__file__).resolve().parents[2]
A_URN = "urn:pulumi:dev::toy-slow::pulumi-python:dynamic/slow:Item::a"
_PATIENCE = 60.0
"""How long to wait for something that must happen (a guard against hanging, not a timing assertion)."""


def _environment() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO_ROOT)}


def engine(*args: str) -> subprocess.CompletedProcess[str]:
    """``python -m pulumi_tclive.testing ARGS``, to the end."""
    command = [sys.executable, "-m", "pulumi_tclive.testing", *args]
    return subprocess.run(command, capture_output=True, text=True, env=_environment(), check=False, timeout=300)


class Started:
    """Engines started by a test, in their own session, as a shell starts a foreground job: a
    signal to its process group is what a Ctrl-C in the terminal sends. Each one's stderr is
    collected line by line (``errors``); whatever is still running at the end of the test is killed."""

    def __init__(self) -> None:
        self.processes: list[subprocess.Popen[str]] = []
        self.errors: list[str] = []

    def __call__(self, *args: str) -> subprocess.Popen[str]:
        process = subprocess.Popen(
            [sys.executable, "-m", "pulumi_tclive.testing", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=_environment(),
            start_new_session=True,
        )
        self.processes.append(process)
        return process

    def collect_stderr(self, process: subprocess.Popen[str]) -> threading.Thread:
        """Read ``process``'s stderr into :attr:`errors` as it comes (join the thread for the rest)."""
        stream = process.stderr
        assert stream is not None
        reader = threading.Thread(target=lambda: self.errors.extend(stream), daemon=True)
        reader.start()
        return reader


@pytest.fixture
def start() -> Iterator[Started]:
    started = Started()
    yield started
    for process in started.processes:
        if process.poll() is None:
            process.kill()
            process.communicate()


def wait_until(condition: object, what: str) -> None:
    deadline = time.monotonic() + _PATIENCE
    while not callable(condition) or not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.05)


def children(pid: int) -> set[int]:
    """The processes whose parent is ``pid``."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return False
    return fields[0] != "Z"


@pytest.fixture
def slow(tmp_path: Path) -> Iterator[Path]:
    """A copy of the slow program (``--config`` is saved into its stack file); its log is ``log``."""
    directory = shutil.copytree(PROGRAMS / "slow", tmp_path / "slow")
    yield directory


def _config(directory: Path, seconds: float) -> list[str]:
    return ["--config", f"slow:log={directory / 'log'}", "--config", f"slow:seconds={seconds}"]


def test_lock_kill_9_pending_create_cancel_and_refresh(slow: Path, start: Started) -> None:
    state = slow / ".tclive-state" / "dev.json"
    (slow / "Pulumi.other.yaml").write_text(f"config:\n  slow:log: {slow / 'other'}\n")
    running = start("up", str(slow), "--skip-preview", *_config(slow, 600))
    wait_until(lambda: "start a" in logged(slow / "log"), "the create of a to start")

    # A second operation on the stack is refused at once, naming the holder.
    second = engine("up", str(slow), "--skip-preview")
    assert second.returncode == 1
    assert "error: the stack is currently locked by 1 lock(s)." in second.stdout
    assert f"created by {os.environ.get('USER', 'root')}@{socket.gethostname()} (pid {running.pid})" in second.stdout
    assert "cancel --stack dev" in second.stdout
    lock = state.with_name("dev.json.lock")
    assert stat.S_IMODE(lock.stat().st_mode) == 0o600
    # Another stack of the same project runs side by side.
    other = engine("up", str(slow), "--stack", "other", "--skip-preview")
    assert other.returncode == 0, other.stdout + other.stderr

    # kill -9: the kernel ends the provider and the program worker with it; a never finishes.
    spawned = children(running.pid)
    assert len(spawned) == 2, "the provider and the program worker"
    running.kill()
    running.communicate()
    wait_until(lambda: not any(alive(pid) for pid in spawned), "the children to end")
    assert "end a" not in logged(slow / "log"), "no cloud write after the engine died"
    for written in (state, journal_path(state)):
        assert not written.exists() or stat.S_IMODE(written.stat().st_mode) == 0o600, written
    pending = StackState.load(state, project="toy-slow", stack="dev").pending_operations
    assert [(op.type, op.resource.urn) for op in pending] == [("creating", A_URN)]

    # The dead holder's lock stays until `cancel`, which removes it because its holder is gone.
    cancelled = engine("cancel", "-C", str(slow))
    assert cancelled.returncode == 0 and "The currently running update for 'dev' has been canceled!" in cancelled.stdout

    # The next up warns, naming the interrupted create, and proceeds.
    resumed = engine("up", str(slow), "--skip-preview", *_config(slow, 0))
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    assert "warning: Attempting to deploy or update resources with 1 pending operations" in resumed.stdout
    assert f"  * {A_URN}, interrupted while creating" in resumed.stdout
    assert "--import-pending-creates URN ID" in resumed.stdout and "id is its domain name" in resumed.stdout
    # Pending creates wait for the user's answer (the CLI keeps them); refresh gives it.
    assert StackState.load(state, project="toy-slow", stack="dev").pending_operations
    cleared = engine("refresh", str(slow), "--clear-pending-creates")
    assert cleared.returncode == 0, cleared.stdout + cleared.stderr
    assert StackState.load(state, project="toy-slow", stack="dev").pending_operations == []


def test_ctrl_c_lets_the_running_create_finish_saves_it_and_starts_nothing_more(slow: Path, start: Started) -> None:
    running = start("up", str(slow), "--skip-preview", *_config(slow, 2))
    wait_until(lambda: "start a" in logged(slow / "log"), "the create of a to start")
    os.killpg(running.pid, signal.SIGINT)  # what a Ctrl-C in the terminal sends
    out, err = running.communicate(timeout=_PATIENCE)
    assert running.returncode == 1, out + err
    assert "^C received; cancelling. If you would like to terminate immediately, press ^C again." in err
    assert "Traceback" not in out + err and "KeyboardInterrupt" not in out + err
    assert "error: update canceled" in out and "error: update failed" in out
    assert logged(slow / "log") == ["start a", "end a"], "a finished; b, which waits for it, never started"
    saved = StackState.load(slow / ".tclive-state" / "dev.json", project="toy-slow", stack="dev")
    assert [(entry.name, entry.id) for entry in saved.resources if entry.custom] == [("a", "a")]
    assert saved.pending_operations == []
    assert not (slow / ".tclive-state" / "dev.json.lock").exists()


def test_a_second_ctrl_c_ends_at_once_with_the_running_create_recorded_as_pending(slow: Path, start: Started) -> None:
    running = start("up", str(slow), "--skip-preview", *_config(slow, 600))
    reader = start.collect_stderr(running)
    wait_until(lambda: "start a" in logged(slow / "log"), "the create of a to start")
    spawned = children(running.pid)
    os.killpg(running.pid, signal.SIGINT)
    # Two signals at once would reach Python's handler once: send the second after the first is handled.
    wait_until(lambda: any("^C received; cancelling" in line for line in start.errors), "the first ^C")
    os.killpg(running.pid, signal.SIGINT)
    running.wait(timeout=_PATIENCE)  # not communicate(): the reader thread owns stderr
    reader.join(timeout=_PATIENCE)
    out = running.stdout.read() if running.stdout is not None else ""
    err = "".join(start.errors)
    assert running.returncode == 1 and "^C received; terminating" in err, out + err
    assert "Traceback" not in out + err
    wait_until(lambda: not any(alive(pid) for pid in spawned), "the children to end")
    assert "end a" not in logged(slow / "log")
    saved = StackState.load(slow / ".tclive-state" / "dev.json", project="toy-slow", stack="dev")
    assert [(op.type, op.resource.urn) for op in saved.pending_operations] == [("creating", A_URN)]
    assert not (slow / ".tclive-state" / "dev.json.lock").exists(), "released on the way out"


def test_a_closed_pipe_ends_the_run_quietly(tmp_path: Path, start: Started) -> None:
    directory = shutil.copytree(PROGRAMS / "lifecycle", tmp_path / "lifecycle")
    running = start("preview", str(directory), "--config", f"toy:dbPath={tmp_path / 'db.json'}")
    assert running.stdout is not None
    assert running.stdout.readline() == "Previewing update (dev):\n"
    running.stdout.close()  # `| head -1`
    running.wait(timeout=_PATIENCE)
    err = running.stderr.read() if running.stderr is not None else ""
    assert running.returncode == 1
    assert "Traceback" not in err and "BrokenPipeError" not in err, err


def test_refresh_imports_a_pending_create_with_the_id_the_user_gives(tmp_path: Path) -> None:
    """The create did happen (the toy "cloud" has the item): `--import-pending-creates URN ID` reads it in."""
    directory = shutil.copytree(PROGRAMS / "lifecycle", tmp_path / "lifecycle")
    db = f"toy:dbPath={tmp_path / 'db.json'}"
    assert engine("up", str(directory), "--skip-preview", "--config", db).returncode == 0
    path = directory / ".tclive-state" / "dev.json"
    state = StackState.load(path, project="toy-lifecycle", stack="dev")
    second = next(entry for entry in state.resources if entry.name == "second")
    made_id, second.id = second.id, ""
    state.resources.remove(second)
    state.pending_operations = [PendingOperation("creating", second)]
    state.save(path)  # as an engine killed during the create of `second` leaves it

    imported = engine("refresh", str(directory), "--import-pending-creates", second.urn, made_id)
    assert imported.returncode == 0, imported.stdout + imported.stderr
    after = StackState.load(path, project="toy-lifecycle", stack="dev")
    assert after.pending_operations == []
    assert [(entry.name, entry.id) for entry in after.resources if entry.name == "second"] == [("second", made_id)]
    assert after.resources[-1].outputs["label"] == "second=first=one", "read from the cloud"

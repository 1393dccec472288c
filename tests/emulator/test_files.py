"""The emulator's state file holds the account's secret key and every auth key: it and its -wal and -shm are 0600."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from pulumi_tclive.cloud.live import ADD_LIVE_DOMAIN, AddLiveDomainRequest
from pulumi_tclive.emulator import Emulator


@pytest.fixture
def usual_umask() -> Iterator[None]:
    """The common umask 022, under which files are created 0644 unless made private on purpose."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def modes(state: Path) -> dict[str, int]:
    files = (state, state.with_name(state.name + "-wal"), state.with_name(state.name + "-shm"))
    return {file.name: stat.S_IMODE(file.stat().st_mode) for file in files}


def write_through(state: Path) -> dict[str, int]:
    """Open an emulator on ``state``, write to it, and return the file modes while it is open (-wal and -shm exist)."""
    with Emulator(state) as emulator, emulator.client() as client:
        client.call(ADD_LIVE_DOMAIN, AddLiveDomainRequest(DomainName="play.example.com", DomainType=1))
        return modes(state)


@pytest.mark.usefixtures("usual_umask")
def test_a_new_state_file_and_its_wal_and_shm_are_private(tmp_path: Path) -> None:
    state = tmp_path / "emulator" / "emulator.sqlite3"
    assert write_through(state) == {
        "emulator.sqlite3": 0o600,
        "emulator.sqlite3-wal": 0o600,
        "emulator.sqlite3-shm": 0o600,
    }


@pytest.mark.usefixtures("usual_umask")
def test_an_older_world_readable_state_file_is_narrowed(tmp_path: Path) -> None:
    state = tmp_path / "emulator.sqlite3"
    with Emulator(state):
        pass
    os.chmod(state, 0o644)
    with closing(sqlite3.connect(state)) as db:  # an older version's -wal and -shm, 0644 too
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE TABLE IF NOT EXISTS scratch (x)")
        with Emulator(state) as emulator, emulator.client() as client:
            assert set(modes(state).values()) == {0o600}
            client.call(ADD_LIVE_DOMAIN, AddLiveDomainRequest(DomainName="play.example.com", DomainType=1))
            assert set(modes(state).values()) == {0o600}

"""The importer tests' fixture: a fresh copy of the account examples/adopt-existing/seed.py creates."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pulumi_tclive.cloud.client import TencentCloudClient
from pulumi_tclive.emulator import Emulator

from .support import seed_module


@pytest.fixture
def seeded(tmp_path: Path) -> Iterator[tuple[Path, TencentCloudClient]]:
    """``(state file, console client)`` of a freshly seeded account in ``tmp_path``."""
    state = tmp_path / "account" / "emulator.sqlite3"
    seed_module().seed(state)
    with Emulator(state) as emulator, emulator.client() as client:
        yield state, client

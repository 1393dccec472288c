"""examples/adopt-existing is what its documented command generates, and runs from a fresh copy."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from pulumi_tclive.emulator import Emulator
from pulumi_tclive.testing import Engine

from .support import REPO, WRITES, request_log

EXAMPLE = REPO / "examples" / "adopt-existing"
TRACKED = ("seed.py", "__main__.py", "Pulumi.yaml", "Pulumi.dev.yaml", "README.md")


def test_the_example_is_regenerated_by_its_seed_script_and_up_only_adopts(tmp_path: Path) -> None:
    copy = tmp_path / "adopt-existing"
    copy.mkdir()
    for name in TRACKED:
        shutil.copy(EXAMPLE / name, copy / name)
    done = subprocess.run([sys.executable, "seed.py"], cwd=copy, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr

    # Outside the repository ruff groups pulumi_tclive with the third-party imports; inside it, apart.
    def program(directory: Path) -> str:
        return (directory / "__main__.py").read_text().replace("import pulumi\n\nimport", "import pulumi\nimport")

    assert program(copy) == program(EXAMPLE)
    assert (copy / "Pulumi.dev.yaml").read_text() == (EXAMPLE / "Pulumi.dev.yaml").read_text()
    assert (copy / "README.md").read_text() == (EXAMPLE / "README.md").read_text()

    with Emulator(copy / ".tclive" / "emulator.sqlite3") as emulator, emulator.client() as console:
        before = request_log(console)
        result = Engine(copy, stack="dev", env={"PYTHONPATH": str(REPO)}).up()
        assert result.ok, result.text
        calls = request_log(console)
        calls.subtract(before)
        assert not {action for action, n in calls.items() if n} & WRITES

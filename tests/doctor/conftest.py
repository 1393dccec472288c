"""One deployed stack per module (examples/secure-streaming, applied once by the offline engine), and a
fresh copy of it (program, state file and emulator) for each test to break."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pulumi_tclive.cli import main
from pulumi_tclive.cloud.client import TencentCloudClient
from pulumi_tclive.emulator import Emulator
from pulumi_tclive.testing import Engine
from tests.fixtures.projects import link_virtualenv

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "secure-streaming"


@pytest.fixture(scope="module")
def deployed_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """examples/secure-streaming applied once: licence, three domains with CNAMEs, push and play authentication,
    certificates and referer rules on both play domains."""
    base = tmp_path_factory.mktemp("doctor")
    directory = base / "examples" / "secure-streaming"  # where its `virtualenv: ../../.venv` resolves
    directory.mkdir(parents=True)
    for name in ("__main__.py", "Pulumi.yaml", "Pulumi.dev.yaml"):
        shutil.copy(EXAMPLE / name, directory / name)
    link_virtualenv(directory, base)
    result = Engine(directory, stack="dev").up(skip_preview=True)
    assert result.ok, result.text
    return directory


@pytest.fixture
def stack(deployed_template: Path, tmp_path: Path) -> Path:
    """A copy of the deployed stack (its state file and its emulator's database) this test may break."""
    copy = tmp_path / "stack"
    shutil.copytree(deployed_template, copy)
    return copy


@pytest.fixture
def cloud(stack: Path) -> Iterator[TencentCloudClient]:
    """A client of the copied stack's emulator, to break things out of band (as the console would)."""
    emulator = Emulator(stack / ".tclive" / "emulator.sqlite3")
    with emulator, emulator.client() as client:
        yield client


def run_doctor(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, Any], str]:
    """``tclive doctor ARGS --json``: the exit status, the JSON document and stderr."""
    status = main(["doctor", *args, "--json"])
    captured = capsys.readouterr()
    return status, json.loads(captured.out) if captured.out.strip() else {}, captured.err


def failed(document: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    """The failing checks, by (check, subject)."""
    return {(c["check"], c["subject"]): c for c in document["checks"] if c["status"] == "fail"}


def only_failure(
    capsys: pytest.CaptureFixture[str], *args: str, check: str, subject: str
) -> tuple[dict[str, Any], str]:
    """Run the doctor, assert it exits 1 with exactly one failing (check, subject): that finding, and all it printed."""
    status, document, err = run_doctor(capsys, *args)
    fails = failed(document)
    assert status == 1 and set(fails) == {(check, subject)}, fails
    return fails[(check, subject)], json.dumps(document, ensure_ascii=False) + err

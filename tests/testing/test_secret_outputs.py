"""Secret outputs under the stack's passphrase, as the Pulumi CLI's passphrase secrets provider keeps them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pulumi_tclive.testing import Engine, main
from tests.testing.toy_provider import load_db

PROGRAMS = Path(__file__).parent / "programs"
REPO_ROOT = Path(__file__).resolve().parents[2]
TOKEN = "tok-s3cr3t-value"  # programs/lifecycle/Pulumi.dev.yaml: exported as the secret output `token`


def _engine(tmp_path: Path) -> tuple[Engine, Path]:
    directory = shutil.copytree(PROGRAMS / "lifecycle", tmp_path / "lifecycle")
    engine = Engine(directory, config={"toy:dbPath": str(tmp_path / "db.json")}, env={"PYTHONPATH": str(REPO_ROOT)})
    return engine, directory


def test_a_secret_output_is_stored_encrypted_and_shown_with_show_secrets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    passphrase = tmp_path / "passphrase"
    passphrase.write_text("correct horse battery staple\n")
    monkeypatch.setenv("PULUMI_CONFIG_PASSPHRASE_FILE", str(passphrase))
    monkeypatch.delenv("PULUMI_CONFIG_PASSPHRASE", raising=False)
    engine, directory = _engine(tmp_path)
    result = engine.up(skip_preview=True)
    assert result.ok, result.text
    assert result.outputs["token"] == "[secret]" and TOKEN not in result.text
    state = (directory / ".tclive-state" / "dev.json").read_text()
    assert TOKEN not in state and '"ciphertext": "v1:' in state
    assert (directory / "Pulumi.dev.yaml").read_text().startswith("encryptionsalt: v1:")
    assert load_db(tmp_path / "db.json")["items"], "the update ran"

    assert main(["stack", "output", "-C", str(directory)]) == 0
    assert "token        [secret]" in capsys.readouterr().out
    assert main(["stack", "output", "token", "--show-secrets", "-C", str(directory)]) == 0
    assert capsys.readouterr().out == f"{TOKEN}\n"
    monkeypatch.setenv("PULUMI_CONFIG_PASSPHRASE", "a wrong one")
    assert main(["stack", "output", "token", "--show-secrets", "-C", str(directory)]) == 2
    assert "incorrect passphrase" in capsys.readouterr().err


def test_without_a_passphrase_a_secret_output_is_listed_and_the_run_says_how_to_store_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("PULUMI_CONFIG_PASSPHRASE", raising=False)
    monkeypatch.delenv("PULUMI_CONFIG_PASSPHRASE_FILE", raising=False)
    engine, directory = _engine(tmp_path)
    result = engine.up(skip_preview=True)
    assert result.ok, result.text
    assert "Secret outputs token are listed but not stored: set PULUMI_CONFIG_PASSPHRASE" in result.text
    assert TOKEN not in (directory / ".tclive-state" / "dev.json").read_text()
    assert main(["stack", "output", "token", "-C", str(directory)]) == 0
    assert capsys.readouterr().out == "[secret]\n"

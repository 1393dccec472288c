"""Typos never reach the real cloud: bad settings fail preview, and preview says what it plans against."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from pulumi_tclive.testing import Engine, RunResult

REPO = Path(__file__).resolve().parents[2]

PROGRAM = """\
import pulumi_tclive as tclive

tclive.LiveDomain("push", domain_name="push.example.com", domain_type="push")
tclive.LiveDomain("play", domain_name="play.example.com", domain_type="play")
"""

# No credentials and no endpoint from the environment: only the stack file decides the target.
CLEAN_ENV: dict[str, str | None] = {
    "PYTHONPATH": str(REPO),
    "TCLIVE_ENDPOINT": None,
    "TENCENTCLOUD_SECRET_ID": None,
    "TENCENTCLOUD_SECRET_KEY": None,
}


def make_project(tmp_path: Path, config: str, **env: str) -> Engine:
    directory = tmp_path / "project"
    directory.mkdir()
    (directory / "Pulumi.yaml").write_text("name: typo\nruntime: python\n")
    (directory / "Pulumi.dev.yaml").write_text("config:\n" + config)
    (directory / "__main__.py").write_text(PROGRAM)
    return Engine(directory, stack="dev", env={**CLEAN_ENV, **env})


def provider_output(result: RunResult) -> list[str]:
    lines = result.text.splitlines()
    start = lines.index("Provider output:")
    return [line.strip() for line in lines[start + 1 :] if line.startswith("    ")]


def test_a_misspelt_endpoint_key_fails_preview_and_up_before_any_cloud_call(tmp_path: Path) -> None:
    engine = make_project(tmp_path, "  tclive:endpont: embedded\n")
    preview = engine.preview()
    assert not preview.ok
    assert "unknown stack config key tclive:endpont: did you mean tclive:endpoint?" in preview.text
    assert preview.text.count("unknown stack config key") == 1, "a config error is said once per run"
    assert "2 errored" in preview.text, "and both resources count as errored"
    # Without the key it would have gone to real Tencent Cloud, and preview says so.
    assert provider_output(preview)[0].startswith("tclive: target: real Tencent Cloud, region ap-guangzhou")

    up = engine.up(skip_preview=True)
    assert not up.ok
    assert "did you mean tclive:endpoint?" in up.text
    assert "create" not in up.counts
    assert "credentials are missing" not in up.text  # refused at check, before any call was tried


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        ("  tclive:endpoint: http://127.0.0.1:8080/api\n", "must not carry a path"),
        ("  tclive:endpoint: emedded\n", "did you mean 'embedded'?"),
        ("  tclive:endpoint: embedded\n  tclive:writeRetryTimeout: 5m\n", "tclive:writeRetryTimeout"),
    ],
)
def test_a_malformed_setting_fails_preview(tmp_path: Path, config: str, expected: str) -> None:
    preview = make_project(tmp_path, config).preview()
    assert not preview.ok
    assert "resource 'push' has a problem:" in preview.text or "resource 'play' has a problem:" in preview.text
    assert expected in preview.text


def test_preview_names_the_embedded_emulator_and_its_state_file_first(tmp_path: Path) -> None:
    engine = make_project(
        tmp_path,
        "  tclive:endpoint: embedded\n  tclive:emulatorState: .tclive/state.sqlite3\n  tclive:emulatorZones: [example.com]\n",
    )
    preview = engine.preview()
    assert preview.ok, preview.text
    state = (tmp_path / "project" / ".tclive" / "state.sqlite3").resolve()
    assert provider_output(preview)[0] == (
        f"tclive: target: the embedded emulator, state file {state} (tclive:emulatorState); "
        "DNSPod zones example.com (tclive:emulatorZones)"
    )


def test_a_state_file_that_is_not_a_database_is_named_with_its_setting(tmp_path: Path) -> None:
    engine = make_project(tmp_path, "  tclive:endpoint: embedded\n  tclive:emulatorState: notes.txt\n")
    notes = tmp_path / "project" / "notes.txt"
    notes.write_text("my notes, not an emulator\n" * 40)
    up = engine.up(skip_preview=True)
    assert not up.ok
    assert f"The emulator state file notes.txt ({notes.resolve()}) is not an emulator state file" in up.text
    assert "tclive:emulatorState" in up.text
    assert notes.read_text().startswith("my notes")


def test_an_endpoint_where_nothing_listens_fails_fast_naming_the_action_and_the_setting(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed when the block ends: nothing listens there
    config = f"  tclive:endpoint: http://127.0.0.1:{port}\n  tclive:connectRetryTimeout: 3\n"
    engine = make_project(tmp_path, config, TENCENTCLOUD_SECRET_ID="AKIDtest", TENCENTCLOUD_SECRET_KEY="test")
    up = engine.up(skip_preview=True)
    assert not up.ok
    # The retry lines are the client tests' business (a fake clock); here, the error the user is left with.
    assert "(AddLiveDomain) failed: ConnectError: [Errno 111] Connection refused" in up.text
    assert f"Nothing answers at http://127.0.0.1:{port}, the endpoint set by stack config tclive:endpoint" in up.text
    # No connection was made, so nothing can have been added: no follow-up DescribeLiveDomain to wait for.
    assert "DescribeLiveDomain" not in up.text


def test_a_relative_state_file_is_relative_to_the_program_directory_as_with_the_cli(tmp_path: Path) -> None:
    # The CLI runs plugins in the `main:` directory (getPwdMain in pulumi/pulumi pkg/engine/project.go);
    # the root Pulumi.dev.yaml of this repository relies on it (../../.tclive/ from examples/quickstart).
    root = tmp_path / "project"
    (root / "src").mkdir(parents=True)
    (root / "Pulumi.yaml").write_text("name: nested\nruntime: python\nmain: src\n")
    (root / "Pulumi.dev.yaml").write_text(
        "config:\n  tclive:endpoint: embedded\n  tclive:emulatorState: ../up.sqlite3\n"
    )
    (root / "src" / "__main__.py").write_text(PROGRAM)
    preview = Engine(root, stack="dev", env=CLEAN_ENV).preview()
    assert preview.ok, preview.text
    expected = (
        f"tclive: target: the embedded emulator, state file {(root / 'up.sqlite3').resolve()} (tclive:emulatorState)"
    )
    assert provider_output(preview)[0] == expected

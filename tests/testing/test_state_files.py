"""The state file, its journal and the front door, without running a program: versions, malformed
entries, file modes, the CLI's deployment format (export/import), ``--config`` saved, per-command help."""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ConfigDict

from pulumi_tclive import cli
from pulumi_tclive.errors import ConfigurationError
from pulumi_tclive.testing import ResourceState, StackState, main
from pulumi_tclive.testing._export import state_from_deployment, untyped_deployment
from pulumi_tclive.testing._project import load_project, save_stack_config
from pulumi_tclive.testing._state import STATE_VERSION, PendingOperation, StateWriter, journal_path
from pulumi_tclive.testing._values import SECRET_SIG, SIG_KEY

URN = "urn:pulumi:dev::p::pulumi-python:dynamic/toy:Item::a"
STACK_URN = "urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev"


def _entry(**changes: Any) -> ResourceState:
    fields: dict[str, Any] = {
        "urn": URN,
        "type": "pulumi-python:dynamic/toy:Item",
        "name": "a",
        "custom": True,
        "id": "a-1",
        "inputs": {"value": "one", "token": "[secret]"},
        "outputs": {"value": "one", "token": "[secret]"},
        "secret_inputs": ["token"],
        "secret_outputs": ["token"],
        "parent": STACK_URN,
        "protect": True,
    }
    return ResourceState(**{**fields, **changes})


def _saved(tmp_path: Path) -> Path:
    path = tmp_path / "dev.json"
    StackState(project="p", stack="dev", resources=[_entry()], outputs={"x": 1}).save(path)
    return path


def test_a_newer_state_version_is_refused_naming_both_and_nothing_is_written(tmp_path: Path) -> None:
    path = _saved(tmp_path)
    document = json.loads(path.read_text())
    document["version"] = 99
    document["colour"] = "a field this engine does not know"
    path.write_text(json.dumps(document))
    with pytest.raises(ConfigurationError) as refused:
        StackState.load(path, project="p", stack="dev")
    message = str(refused.value)
    assert f"has version 99, newer than this engine's {STATE_VERSION}" in message
    assert "pip install -U pulumi-tclive" in message and "nothing was written" in message
    assert "away" not in message and "afresh" not in message, "no step that loses the state"
    assert json.loads(path.read_text())["version"] == 99


@pytest.mark.parametrize(
    ("change", "path_named"),
    [
        (lambda d: d["resources"][0].update(inputs="x"), "resources[0].inputs: input should be a valid dictionary"),
        (lambda d: d["resources"][0].update(colour=1), "resources[0].colour: extra inputs are not permitted"),
        (lambda d: d.update(pending_operations=[{"type": "reading", "resource": {}}]), "pending_operations[0].type"),
        (lambda d: d.update(outputs=[]), "outputs: input should be a valid dictionary"),
    ],
)
def test_a_malformed_entry_is_refused_with_the_fields_path(tmp_path: Path, change: Any, path_named: str) -> None:
    path = _saved(tmp_path)
    document = json.loads(path.read_text())
    change(document)
    path.write_text(json.dumps(document))
    with pytest.raises(ConfigurationError) as refused:
        StackState.load(path, project="p", stack="dev")
    message = str(refused.value)
    assert path_named in message
    assert "Error" not in message and "Exception" not in message, "no Python exception name"
    assert "away" not in message and "afresh" not in message


def test_state_journal_and_backup_are_private_and_pending_operations_survive_a_crash(tmp_path: Path) -> None:
    path = _saved(tmp_path)
    writer = StateWriter(path, StackState.load(path, project="p", stack="dev"))
    pending = PendingOperation("creating", _entry(urn=URN + "2", name="a2", id=""))
    writer.checkpoint(StackState(project="p", stack="dev", resources=[_entry()], pending_operations=[pending]))
    for written in (path, journal_path(path)):
        assert stat.S_IMODE(written.stat().st_mode) == 0o600, written
    # The process dies here (no close): loading replays the journal, pending operation included.
    loaded = StackState.load(path, project="p", stack="dev")
    assert [(op.type, op.resource.urn) for op in loaded.pending_operations] == [("creating", URN + "2")]


class _ResourceV3(BaseModel):
    """``ResourceV3``'s JSON fields (https://github.com/pulumi/pulumi/blob/master/sdk/go/common/apitype/core.go),
    those this engine writes; required as resources.json requires them."""

    model_config = ConfigDict(extra="forbid", strict=True)
    urn: str
    custom: bool
    type: str
    delete: bool = False
    id: str = ""
    inputs: dict[str, Any] = {}
    outputs: dict[str, Any] = {}
    parent: str = ""
    protect: bool = False
    dependencies: list[str] = []
    provider: str = ""
    retainOnDelete: bool = False  # the CLI's JSON name


class _ManifestV1(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    time: str
    magic: str
    version: str


class _OperationV2(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    resource: _ResourceV3
    type: str


class _DeploymentV3(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    manifest: _ManifestV1
    secrets_providers: dict[str, Any] | None = None
    resources: list[_ResourceV3] = []
    pending_operations: list[_OperationV2] = []


class _UntypedDeployment(BaseModel):
    """``UntypedDeployment`` as ``pulumi stack import`` reads it, version 3 (deployments.json ``deploymentV3``)."""

    model_config = ConfigDict(extra="forbid", strict=True)
    version: int
    deployment: _DeploymentV3


def test_stack_export_is_the_clis_deployment_format_and_import_round_trips(tmp_path: Path) -> None:
    pending = PendingOperation("updating", _entry())
    encrypted = {SIG_KEY: SECRET_SIG, "ciphertext": "v1:bm9uY2U=:Y2lwaGVy"}
    entry = _entry(outputs={"value": "one", "token": "[secret]", "key": encrypted}, secret_outputs=["key", "token"])
    state = StackState(project="p", stack="dev", resources=[entry], outputs={"x": 1}, pending_operations=[pending])
    exported = untyped_deployment(state, "v1:c2FsdA==:v1:x:y")
    parsed = _UntypedDeployment.model_validate(json.loads(json.dumps(exported)))
    assert parsed.version == 3
    stack, provider, resource = parsed.deployment.resources
    assert (stack.urn, stack.custom, stack.outputs) == (STACK_URN, False, {"x": 1})
    # Every dynamic resource names its default provider, which comes before it (snapshot.go VerifyIntegrity).
    assert provider.type == "pulumi:providers:pulumi-python" and provider.id
    assert resource.provider == f"{provider.urn}::{provider.id}"
    assert resource.parent == STACK_URN and resource.protect and resource.id == "a-1"
    assert "token" not in resource.inputs and "token" not in resource.outputs, "no placeholder passed off as a value"
    assert resource.outputs["key"] == encrypted, "a secret encrypted under the passphrase travels as the CLI stores it"
    assert parsed.deployment.secrets_providers == {"type": "passphrase", "state": {"salt": "v1:c2FsdA==:v1:x:y"}}
    assert parsed.deployment.pending_operations[0].type == "updating"

    back = state_from_deployment(exported, project="p", stack="dev")
    assert back.outputs == state.outputs
    assert [(e.urn, e.id, e.protect, e.parent, e.known_inputs()) for e in back.resources] == [
        (URN, "a-1", True, STACK_URN, {"value": "one"})
    ]
    assert [(op.type, op.resource.urn) for op in back.pending_operations] == [("updating", URN)]
    assert back.resources[0].outputs["key"] == encrypted and back.resources[0].secret_outputs == ["key"]

    with pytest.raises(ConfigurationError, match=r"deployment\.resources\[0\]\.urn: field required"):
        state_from_deployment({"version": 3, "deployment": {"resources": [{}]}}, project="p", stack="dev")
    with pytest.raises(ConfigurationError, match="belongs to another stack or project"):
        state_from_deployment(exported, project="p", stack="prod")


def test_config_given_on_the_command_line_is_saved_into_the_stack_file_keeping_its_comments(tmp_path: Path) -> None:
    (tmp_path / "Pulumi.yaml").write_text("name: demo\nruntime: python\n")
    (tmp_path / "__main__.py").write_text("")
    (tmp_path / "Pulumi.dev.yaml").write_text("config:\n  # the TTL\n  cnameTtl: 600\n  tclive:endpoint: embedded\n")
    save_stack_config(load_project(tmp_path), "dev", {"cnameTtl": "300", "tclive:region": "ap-shanghai"})
    assert (tmp_path / "Pulumi.dev.yaml").read_text() == (
        'config:\n  # the TTL\n  demo:cnameTtl: "300"\n  tclive:endpoint: embedded\n  tclive:region: "ap-shanghai"\n'
    )


def test_each_command_has_its_own_help_and_tclive_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    helps = {}
    for command in ("up", "destroy", "refresh"):
        with pytest.raises(SystemExit):
            main([command, "--help"], prog="tclive", default_dir=".")
        helps[command] = capsys.readouterr().out
    assert helps["up"].startswith("usage: tclive up ") and "--skip-preview" in helps["up"]
    assert "--skip-preview" not in helps["destroy"] and "--exclude-protected" in helps["destroy"]
    assert "--import-pending-creates URN ID" in helps["refresh"]
    assert all("-C DIR, --cwd DIR" in text for text in helps.values())
    listed = cli.build_parser().format_help()
    for command in (*cli.ENGINE_COMMANDS, "emulator", "import", "url"):
        assert f"    {command} " in listed, command


def test_suggested_commands_are_shell_quoted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    directory = tmp_path / "my project"
    directory.mkdir()
    (directory / "Pulumi.yaml").write_text("name: demo\nruntime: python\n")
    (directory / "__main__.py").write_text("")
    assert main(["preview", "-C", str(directory), "--stack", "dve"], prog="tclive", default_dir=".") == 2
    assert f"`tclive stack init dve -C '{directory}'`" in capsys.readouterr().err

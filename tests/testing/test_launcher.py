"""Every project starts its dynamic provider as the Pulumi CLI's launcher would start it.

The language host resolves ``virtualenv`` against the project root; the launcher
(``pulumi-resource-pulumi-python``) runs in ``main:`` and resolves it there (pulumi/pulumi#7061).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pulumi_tclive.testing import Engine
from pulumi_tclive.testing._project import load_project
from pulumi_tclive.testing._provider import launch, runtime_options

REPO = Path(__file__).resolve().parents[2]
PROJECT_FILES = sorted(
    subprocess.run(
        ["git", "ls-files", "--", "Pulumi.yaml", "*/Pulumi.yaml"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.split()
)


def language_host_virtualenv(root: Path, options: dict[str, object]) -> Path | None:
    """Where the language host looks (sdk/python/toolchain/pip.go resolveVirtualEnvironmentPath)."""
    virtualenv = options.get("virtualenv")
    return (root / str(virtualenv)).resolve() if virtualenv else None


def test_the_repository_has_project_files() -> None:
    assert "Pulumi.yaml" in PROJECT_FILES and len(PROJECT_FILES) >= 8, PROJECT_FILES


@pytest.mark.parametrize("relative", PROJECT_FILES)
def test_every_project_starts_its_provider_in_the_environment_of_its_program(relative: str) -> None:
    project = load_project((REPO / relative).parent)
    options = runtime_options(REPO / relative)
    started = launch(options, cwd=project.program_dir, env={"PATH": "/usr/bin:/bin"})
    assert not started.error, started.error
    expected = language_host_virtualenv(project.root, options)
    interpreter = Path(started.command[0])
    if expected is None:
        assert interpreter == Path(sys.executable)
    else:
        assert interpreter.parent.parent.resolve() == expected, (relative, interpreter)
        assert started.env["PATH"].startswith(str(interpreter.parent) + ":")
    assert started.env.get("PULUMI_RUNTIME_TOOLCHAIN") == options.get("toolchain", None)


def test_a_virtualenv_right_from_the_root_but_not_from_main_does_not_start(tmp_path: Path) -> None:
    # The root Pulumi.yaml as it was: `make demo` under the CLI failed this way.
    (tmp_path / ".venv" / "bin").mkdir(parents=True)
    (tmp_path / ".venv" / "bin" / "python").touch()
    program = tmp_path / "examples" / "quickstart"
    program.mkdir(parents=True)
    started = launch({"toolchain": "pip", "virtualenv": ".venv"}, cwd=program, env={})
    assert started.command == []
    assert f'is set to "{program / ".venv"}", but "{program / ".venv"}" doesn\'t exist' in started.error
    assert "pulumi/pulumi#7061" in started.error
    from_main = launch({"virtualenv": "../../.venv"}, cwd=program, env={})
    assert Path(from_main.command[0]).resolve() == (tmp_path / ".venv" / "bin" / "python").resolve()


def test_uv_without_virtualenv_means_dot_venv_in_the_program_directory(tmp_path: Path) -> None:
    started = launch({"toolchain": "uv"}, cwd=tmp_path, env={"PULUMI_RUNTIME_VIRTUALENV": ""})
    assert f'"{tmp_path / ".venv"}" doesn\'t exist' in started.error


def test_runtime_options_win_over_the_inherited_environment(tmp_path: Path) -> None:
    started = launch({"virtualenv": "missing"}, cwd=tmp_path, env={"PULUMI_RUNTIME_VIRTUALENV": sys.prefix})
    assert started.env["PULUMI_RUNTIME_VIRTUALENV"] == "missing" and started.error


def test_the_engine_refuses_a_project_whose_provider_would_not_start(tmp_path: Path) -> None:
    lifecycle = REPO / "tests" / "testing" / "programs" / "lifecycle"
    program = tmp_path / "src"
    program.mkdir()
    (program / "__main__.py").write_text((lifecycle / "__main__.py").read_text())
    (tmp_path / "Pulumi.yaml").write_text(
        "name: toy-lifecycle\nmain: src\nruntime:\n  name: python\n  options:\n    virtualenv: .venv\n"
    )
    (tmp_path / ".venv").symlink_to(sys.prefix)  # right from the root, which the language host uses
    engine = Engine(tmp_path, env={"PYTHONPATH": str(REPO)}, secrets={"toy:apiToken": "t"})
    result = engine.preview()
    assert result.exit_code == 1
    assert any(
        "start failed: The 'virtualenv' option in Pulumi.yaml is set to" in line and str(program / ".venv") in line
        for line in result.diagnostics
    ), result.text

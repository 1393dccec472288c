"""One real ``python -u -m pulumi.dynamic`` process and the gRPC calls the engine makes to it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import grpc
import yaml  # type: ignore[import-untyped]  # pyyaml ships no stubs; it comes with pulumi
from pulumi.runtime.proto import provider_pb2, provider_pb2_grpc

from pulumi_tclive.testing._children import child_command, child_process_options
from pulumi_tclive.testing._values import struct_from, struct_to_dict, wrap_secret

__all__ = ["Launch", "ProviderError", "ProviderProcess", "launch", "provider_environment", "runtime_options"]

_LAUNCHER = (
    "https://github.com/pulumi/pulumi/blob/1b5949891b3cefcb9974752b24a5ecef0acc86c8/"
    "sdk/python/dist/pulumi-resource-pulumi-python"
)

_START_TIMEOUT = 60.0


class ProviderError(Exception):
    """A provider RPC failed.

    :param operation: the RPC, lower-case (``check``, ``create`` …).
    :param details: the full text the servicer sent (a Python traceback for provider exceptions).
    """

    def __init__(self, operation: str, details: str) -> None:
        super().__init__(details)
        self.operation = operation
        self.details = details

    @property
    def summary(self) -> str:
        """The exception line at the end of a traceback, or the whole text when it is no traceback."""
        text = self.details.strip()
        if not text.startswith("Traceback"):
            return text
        lines = text.splitlines()
        last_indented = max((i for i, line in enumerate(lines) if line[:1].isspace()), default=-1)
        tail = "\n".join(lines[last_indented + 1 :]).strip()
        return tail or lines[-1]


def runtime_options(project_file: Path) -> dict[str, Any]:
    """``runtime.options`` of a ``Pulumi.yaml`` (empty when ``runtime`` is a plain name).

    :param project_file: the ``Pulumi.yaml``.
    """
    document = yaml.safe_load(project_file.read_text(encoding="utf-8")) or {}
    runtime = document.get("runtime") if isinstance(document, dict) else None
    options = runtime.get("options") if isinstance(runtime, dict) else None
    return dict(options) if isinstance(options, dict) else {}


@dataclass(frozen=True)
class Launch:
    """How the CLI's launcher would start the dynamic provider: the command and its environment,
    or why it would not start.

    :param command: the interpreter and its arguments (empty when the launcher would fail).
    :param env: the complete environment.
    :param error: what the launcher would print before exiting 1, plus why; empty when it starts.
    """

    command: list[str]
    env: dict[str, str]
    error: str = ""


def _go_text(value: Any) -> str:
    """A YAML option value as Go's ``fmt.Sprintf("%v")`` writes it (booleans lower-case)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def launch(options: Mapping[str, Any], *, cwd: Path, env: Mapping[str, str]) -> Launch:
    """Start the dynamic provider as ``pulumi-resource-pulumi-python`` does under the CLI.

    The CLI passes each runtime option to the plugin as ``PULUMI_RUNTIME_<OPTION>``, winning over the
    inherited environment (``NewProvider`` in pkg/resource/plugin/provider_plugin.go), and runs the
    plugin in the program's directory (``main:``). The launcher then resolves ``virtualenv``
    against that directory, not against the project root as the language host does
    (sdk/python/toolchain/pip.go ``resolveVirtualEnvironmentPath``; pulumi/pulumi#7061): with
    ``toolchain: uv`` and no ``virtualenv`` it uses ``.venv``, with ``poetry`` what ``poetry env info
    --path`` says. With no virtualenv it runs ``$PULUMI_PYTHON_CMD`` or ``python3`` from ``PATH``;
    this engine runs its own interpreter there (it stands for the activated environment).

    :param options: the project's ``runtime.options``.
    :param cwd: the program directory.
    :param env: the inherited environment (with the engine's additions).
    """
    environment = dict(env)
    for key, value in options.items():
        environment["PULUMI_RUNTIME_" + str(key).upper()] = _go_text(value)
    virtualenv = environment.get("PULUMI_RUNTIME_VIRTUALENV", "")
    if not virtualenv:
        toolchain = environment.get("PULUMI_RUNTIME_TOOLCHAIN", "")
        if toolchain == "uv":
            virtualenv = ".venv"
        elif toolchain == "poetry":
            virtualenv = _poetry_environment(cwd, environment)
    if not virtualenv:
        python = environment.get("PULUMI_PYTHON_CMD")
        interpreter = (shutil.which(python, path=environment.get("PATH")) if python else None) or sys.executable
        return Launch([interpreter, "-u", "-m", "pulumi.dynamic"], environment)
    root = Path(virtualenv.rstrip("/") or "/")
    root = root if root.is_absolute() else cwd / root
    python_path = root / "bin" / "python"
    if not python_path.is_file():
        problem = "doesn't appear to be a virtual environment" if root.is_dir() else "doesn't exist"
        return Launch(
            [],
            environment,
            error=(
                f'The \'virtualenv\' option in Pulumi.yaml is set to "{root}", but "{root}" {problem}. '
                f"The dynamic provider's launcher resolves it against the program directory {cwd} "
                f"(main:), not against the project root ({_LAUNCHER}; pulumi/pulumi#7061): give a "
                "path that is right from there, or leave `virtualenv` out and run with the environment "
                "activated."
            ),
        )
    environment["PATH"] = os.pathsep.join([str(root / "bin"), *filter(None, [environment.get("PATH")])])
    environment.pop("PYTHONHOME", None)
    return Launch([str(python_path), "-u", "-m", "pulumi.dynamic"], environment)


def _poetry_environment(cwd: Path, env: Mapping[str, str]) -> str:
    """``$(poetry env info --path)`` as the launcher runs it: empty when poetry is missing or fails."""
    poetry = shutil.which("poetry", path=env.get("PATH"))
    if poetry is None:
        return ""
    completed = subprocess.run(
        [poetry, "env", "info", "--path"], cwd=cwd, env=dict(env), capture_output=True, text=True, check=False
    )
    return completed.stdout.strip()


class ProviderProcess:
    """Start the dynamic provider plugin the way the engine does and call it.

    The process starts at construction; the port is read on first use. ``Configure`` is sent once,
    with every stack config key (secret values wrapped as secrets).

    :param cwd: the program directory (the engine runs plugins there).
    :param env: the inherited environment (the runtime options are added as the CLI adds them).
    :param config: namespaced stack config values.
    :param secret_keys: which config keys are secret.
    :param on_output: receives every line the provider writes to stdout (after the port) or stderr.
    """

    def __init__(
        self,
        *,
        cwd: Path,
        env: Mapping[str, str],
        config: Mapping[str, str],
        secret_keys: frozenset[str],
        on_output: Callable[[str], None],
        options: Mapping[str, Any] | None = None,
    ) -> None:
        self._config = dict(config)
        self._secret_keys = secret_keys
        self._on_output = on_output
        self._launch = launch(options or {}, cwd=cwd, env=env)
        self._process: subprocess.Popen[bytes] | None = None
        if not self._launch.error:
            self._process = subprocess.Popen(
                child_command(self._launch.command),  # ends with the engine, even on kill -9 (_children.py)
                cwd=cwd,
                env=self._launch.env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                **child_process_options(),
            )
        self._stub: provider_pb2_grpc.ResourceProviderStub | None = None
        self._channel: grpc.Channel | None = None
        self._threads: list[threading.Thread] = []
        self._connecting = threading.Lock()

    def _connect(self) -> provider_pb2_grpc.ResourceProviderStub:
        if self._stub is not None:
            return self._stub
        with self._connecting:  # parallel steps: the first one connects, the others wait for it
            if self._stub is not None:
                return self._stub
            return self._start()

    def _start(self) -> provider_pb2_grpc.ResourceProviderStub:
        if self._process is None:
            raise ProviderError("start", self._launch.error)
        stdout = self._process.stdout
        stderr = self._process.stderr
        assert stdout is not None and stderr is not None
        self._drain(stderr)
        first = stdout.readline().decode("utf-8", "replace").strip()
        if not first.isdigit():
            self._process.wait(timeout=_START_TIMEOUT)
            raise ProviderError(
                "start",
                f"`{' '.join(self._launch.command)}` did not print its port (first line {first!r}, "
                f"exit code {self._process.returncode}); check that pulumi is installed for this interpreter.",
            )
        self._drain(stdout)
        self._channel = grpc.insecure_channel(f"127.0.0.1:{first}")
        grpc.channel_ready_future(self._channel).result(timeout=_START_TIMEOUT)
        stub = provider_pb2_grpc.ResourceProviderStub(self._channel)
        args = {key: wrap_secret(value) if key in self._secret_keys else value for key, value in self._config.items()}
        self._call("configure", stub.Configure, provider_pb2.ConfigureRequest(args=struct_from(args)))
        self._stub = stub
        return stub

    def _drain(self, stream: IO[bytes]) -> None:
        def pump() -> None:
            for raw in stream:
                self._on_output(raw.decode("utf-8", "replace").rstrip("\n"))

        thread = threading.Thread(target=pump, daemon=True)
        thread.start()
        self._threads.append(thread)

    @staticmethod
    def _call(operation: str, method: Callable[[Any], Any], request: Any) -> Any:
        try:
            return method(request)
        except grpc.RpcError as exc:
            details = exc.details() if hasattr(exc, "details") else str(exc)
            raise ProviderError(operation, str(details or exc)) from None

    def check(self, urn: str, type_: str, name: str, olds: Mapping[str, Any], news: Mapping[str, Any]) -> Any:
        """Send ``Check``; returns the ``CheckResponse``.

        :param urn: the resource URN. :param type_: its type token. :param name: its name.
        :param olds: old inputs (empty for a create or a replacement).
        :param news: new inputs, with unknowns as the sentinel string.
        """
        request = provider_pb2.CheckRequest(
            urn=urn, name=name, type=type_, olds=struct_from(olds), news=struct_from(news)
        )
        return self._call("check", self._connect().Check, request)

    def diff(
        self,
        urn: str,
        type_: str,
        name: str,
        id_: str,
        old_outputs: Mapping[str, Any],
        old_inputs: Mapping[str, Any],
        news: Mapping[str, Any],
        ignore_changes: list[str],
    ) -> Any:
        """Send ``Diff`` (``olds`` = old outputs); returns the ``DiffResponse``.

        :param urn: the resource URN. :param type_: its type token. :param name: its name.
        :param id_: the resource id. :param old_outputs: the stored outputs.
        :param old_inputs: the stored inputs. :param news: the checked new inputs.
        :param ignore_changes: the resource's ``ignore_changes`` paths.
        """
        request = provider_pb2.DiffRequest(
            id=id_,
            urn=urn,
            name=name,
            type=type_,
            olds=struct_from(old_outputs),
            old_inputs=struct_from(old_inputs),
            news=struct_from(news),
            ignoreChanges=ignore_changes,
        )
        return self._call("diff", self._connect().Diff, request)

    def create(self, urn: str, type_: str, name: str, properties: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
        """Send ``Create``; returns ``(id, outputs)``.

        :param urn: the resource URN. :param type_: its type token. :param name: its name.
        :param properties: the checked inputs.
        """
        request = provider_pb2.CreateRequest(urn=urn, name=name, type=type_, properties=struct_from(properties))
        response = self._call("create", self._connect().Create, request)
        return str(response.id), struct_to_dict(response.properties)

    def update(
        self,
        urn: str,
        type_: str,
        name: str,
        id_: str,
        old_outputs: Mapping[str, Any],
        old_inputs: Mapping[str, Any],
        news: Mapping[str, Any],
        ignore_changes: list[str],
    ) -> dict[str, Any]:
        """Send ``Update`` (``olds`` = old outputs); returns the new outputs.

        :param urn: the resource URN. :param type_: its type token. :param name: its name.
        :param id_: the resource id. :param old_outputs: the stored outputs.
        :param old_inputs: the stored inputs. :param news: the checked new inputs.
        :param ignore_changes: the resource's ``ignore_changes`` paths.
        """
        request = provider_pb2.UpdateRequest(
            id=id_,
            urn=urn,
            name=name,
            type=type_,
            olds=struct_from(old_outputs),
            old_inputs=struct_from(old_inputs),
            news=struct_from(news),
            ignoreChanges=ignore_changes,
        )
        response = self._call("update", self._connect().Update, request)
        return struct_to_dict(response.properties)

    def read(
        self, urn: str, type_: str, name: str, id_: str, outputs: Mapping[str, Any], inputs: Mapping[str, Any]
    ) -> tuple[str, dict[str, Any], dict[str, Any] | None]:
        """Send ``Read`` as refresh does; returns ``(id, outputs, inputs or None)``.

        :param urn: the resource URN. :param type_: its type token. :param name: its name.
        :param id_: the resource id. :param outputs: the stored outputs (``properties``).
        :param inputs: the stored inputs.
        """
        request = provider_pb2.ReadRequest(
            id=id_, urn=urn, name=name, type=type_, properties=struct_from(outputs), inputs=struct_from(inputs)
        )
        response = self._call("read", self._connect().Read, request)
        new_inputs = struct_to_dict(response.inputs) if response.HasField("inputs") else None
        return str(response.id), struct_to_dict(response.properties), new_inputs

    def delete(
        self, urn: str, type_: str, name: str, id_: str, outputs: Mapping[str, Any], inputs: Mapping[str, Any]
    ) -> None:
        """Send ``Delete`` (``properties`` = old outputs).

        :param urn: the resource URN. :param type_: its type token. :param name: its name.
        :param id_: the resource id. :param outputs: the stored outputs. :param inputs: the stored inputs.
        """
        request = provider_pb2.DeleteRequest(
            id=id_, urn=urn, name=name, type=type_, properties=struct_from(outputs), old_inputs=struct_from(inputs)
        )
        self._call("delete", self._connect().Delete, request)

    def close(self) -> None:
        """Stop the process and wait for its output to be drained."""
        if self._channel is not None:
            self._channel.close()
        if self._process is None:
            return
        self._process.terminate()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        for thread in self._threads:
            thread.join(timeout=5)
        for stream in (self._process.stdout, self._process.stderr):
            if stream is not None:
                stream.close()


def provider_environment(base: Mapping[str, str], *, project_name: str, python_path: list[Path]) -> dict[str, str]:
    """The environment for the plugin and the program: inherited, plus the project and import path.

    :param base: the inherited environment (with the caller's overrides applied).
    :param project_name: goes to ``PULUMI_PROJECT`` (config keys without a namespace resolve to it).
    :param python_path: directories put in front of ``PYTHONPATH``.
    """
    env = dict(base)
    parts = [str(path) for path in python_path]
    if env.get("PYTHONPATH"):
        parts.append(env["PYTHONPATH"])
    env["PYTHONPATH"] = os.pathsep.join(parts)
    env["PULUMI_PROJECT"] = project_name
    return env

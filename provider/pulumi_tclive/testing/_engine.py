"""The offline engine: runs ``preview``, ``up``, ``refresh`` and ``destroy`` on a project directory."""

from __future__ import annotations

import base64
import json
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TextIO

from pulumi.runtime.proto import resource_pb2

import pulumi_tclive
from pulumi_tclive.testing import _program
from pulumi_tclive.testing._deployment import Deployment, Refusal, delete_protected_message
from pulumi_tclive.testing._program import FD_ENV, Channel, ChannelClosed
from pulumi_tclive.testing._project import Project, StackConfig, load_project, load_stack_config
from pulumi_tclive.testing._provider import ProviderError, ProviderProcess, provider_environment
from pulumi_tclive.testing._report import Report, RunResult
from pulumi_tclive.testing._state import StackState

__all__ = ["Engine"]

_HEADERS = {
    "preview": "Previewing update",
    "up": "Updating",
    "refresh": "Refreshing",
    "destroy": "Destroying",
}


class _Output:
    """Thread-safe line collector that can echo each line as it arrives."""

    def __init__(self, echo: TextIO | None) -> None:
        self._echo = echo
        self._lock = threading.Lock()
        self.lines: list[str] = []

    def __call__(self, line: str) -> None:
        with self._lock:
            self.lines.append(line)
            if self._echo is not None:
                print(line, file=self._echo, flush=True)


class Engine:
    """Run a Pulumi program's operations without the Pulumi CLI.

    Each operation starts one ``python -u -m pulumi.dynamic`` process (shared by the preview and
    update halves of ``up``) and, for ``preview``/``up``, runs the program in a fresh
    ``_program.py`` worker process, so ``set_mocks`` and the SDK's global
    settings never leak between runs or into the caller.

    :param project_dir: the directory holding ``Pulumi.yaml``.
    :param stack: the stack name (selects ``Pulumi.<stack>.yaml``).
    :param config: plain config values (``key`` or ``namespace:key`` → text), winning over the stack file.
    :param state_path: the state file (default ``<project_dir>/.tclive-state/<stack>.json``).
    :param env: environment variables added to (or, with ``None`` values, removed from) the
        inherited environment of the program and provider processes.
    :param secrets: secret config values; marked secret in ``Configure`` and never stored or printed.
    :param echo: print each line as it is produced (the CLI passes ``sys.stdout``); provider and
        program output is then echoed to ``sys.stderr`` as it arrives.
    """

    def __init__(
        self,
        project_dir: str | os.PathLike[str],
        stack: str = "dev",
        config: Mapping[str, str] | None = None,
        state_path: str | os.PathLike[str] | None = None,
        env: Mapping[str, str | None] | None = None,
        *,
        secrets: Mapping[str, str] | None = None,
        echo: TextIO | None = None,
    ) -> None:
        self.project: Project = load_project(project_dir)
        self.stack = stack
        self._config_overrides = dict(config or {})
        self._secrets = dict(secrets or {})
        self.state_path = (
            Path(state_path) if state_path is not None else self.project.root / ".tclive-state" / f"{stack}.json"
        )
        self._env_overrides = dict(env or {})
        self._echo = echo

    # ---- public operations -------------------------------------------------------------------

    def preview(self) -> RunResult:
        """Run the program and show what ``up`` would do; no Create/Update/Delete, state untouched."""
        return self._operate("preview", lambda run: run.program(preview=True, record=True))

    def up(self, *, skip_preview: bool = False) -> RunResult:
        """Preview, then (if the preview succeeded) apply: create, update, replace, delete.

        :param skip_preview: apply directly, like ``pulumi up --skip-preview``.
        """

        def body(run: _Run) -> None:
            if not skip_preview:
                run.program(preview=True, record=False)
                if run.report.failed:
                    return
                run.report.line()
                run.report.line(f"{_HEADERS['up']} ({self.stack}):")
            run.program(preview=False, record=True)

        header = "preview" if not skip_preview else "up"
        return self._operate("up", body, header=header)

    def refresh(self) -> RunResult:
        """Read every resource from its provider and update the state (the program is not run)."""
        return self._operate("refresh", lambda run: run.refresh())

    def destroy(self, *, exclude_protected: bool = False) -> RunResult:
        """Delete every resource, dependants first (the program is not run).

        Refuses, deleting nothing, when any resource is protected (the CLI's preview stops it),
        unless ``exclude_protected``: then, like ``pulumi destroy --exclude-protected``, protected
        resources and everything they depend on (dependencies, parents) stay; the rest is deleted.

        :param exclude_protected: keep protected resources instead of refusing.
        """
        return self._operate("destroy", lambda run: run.destroy(exclude_protected=exclude_protected))

    def read_state(self) -> StackState:
        """The stack's state as the state file holds it now."""
        return StackState.load(self.state_path, project=self.project.name, stack=self.stack)

    # ---- plumbing ----------------------------------------------------------------------------

    def _environment(self) -> dict[str, str]:
        base = dict(os.environ)
        for key, value in self._env_overrides.items():
            if value is None:
                base.pop(key, None)
            else:
                base[key] = value
        package_root = Path(pulumi_tclive.__file__).resolve().parent.parent
        return provider_environment(
            base, project_name=self.project.name, python_path=[self.project.program_dir, package_root]
        )

    def _operate(self, operation: str, body: Callable[[_Run], None], *, header: str | None = None) -> RunResult:
        report = Report(self._echo)
        report.line(f"{_HEADERS[header or operation]} ({self.stack}):")
        config = load_stack_config(self.project, self.stack, self._config_overrides, self._secrets)
        run = _Run(self, report, config)
        try:
            body(run)
        finally:
            run.close()
        if self._echo is None:  # when echoing, this output already went to stderr as it came
            report.block("Program output", run.program_output.lines)
            report.block("Provider output", run.provider_output.lines)
        if operation in ("preview", "up"):
            report.outputs(run.outputs)
        if operation == "up" and not run.applied:
            # The preview before the update failed: summarise its plan, as the CLI does.
            report.summary(planned=True, steps=report.planned)
        else:
            report.summary(planned=operation == "preview", steps=report.steps)
        if report.failed:
            report.line(f"error: {'update' if operation == 'up' else operation} failed")
        return RunResult(
            operation=operation,
            exit_code=1 if report.failed else 0,
            steps=list(report.steps),
            diagnostics=list(report.diagnostics),
            outputs=dict(run.outputs),
            text=report.text(),
        )


class _Run:
    """State shared by the phases of one operation: config, the provider process, output capture."""

    def __init__(self, engine: Engine, report: Report, config: StackConfig) -> None:
        self.engine = engine
        self.report = report
        self.config = config
        self.env = engine._environment()
        echo_err = sys.stderr if engine._echo is not None else None
        self.program_output = _Output(echo_err)
        self.provider_output = _Output(echo_err)
        self._provider: ProviderProcess | None = None
        self.state = engine.read_state()
        self.outputs: dict[str, Any] = dict(self.state.outputs)
        self.applied = False

    def provider(self) -> ProviderProcess:
        """The provider process, started on first need."""
        if self._provider is None:
            self._provider = ProviderProcess(
                # The CLI runs plugins in the program's directory (`main:`), like the program: getPwdMain in
                # https://github.com/pulumi/pulumi/blob/master/pkg/engine/project.go
                cwd=self.engine.project.program_dir,
                env=self.env,
                config=self.config.values,
                secret_keys=self.config.secret_keys,
                on_output=self.provider_output,
            )
        return self._provider

    def close(self) -> None:
        """Stop the provider process."""
        if self._provider is not None:
            self._provider.close()

    # ---- preview / up ------------------------------------------------------------------------

    def program(self, *, preview: bool, record: bool) -> None:
        """Run the program once and apply (or, in preview, plan) its registrations.

        :param preview: plan only. :param record: count the steps in the result.
        """
        self.provider()  # start the plugin while the program's interpreter starts
        self.applied = self.applied or not preview
        deployment = Deployment(
            state=self.state,
            state_path=self.engine.state_path,
            provider=self.provider,
            report=self.report,
            project=self.engine.project.name,
            stack=self.engine.stack,
            preview=preview,
            record_steps=record,
        )
        program_error = self._drive(deployment, preview=preview)
        if program_error and not deployment.refused:
            self.report.error("Program failed with an unhandled exception:\n" + program_error.rstrip())
            return
        if deployment.refused or deployment.stopped:
            return
        deployment.finish()
        self.outputs = deployment.outputs
        if not preview:
            self.state = deployment.snapshot()
            self.state.save(self.engine.state_path)

    def _drive(self, deployment: Deployment, *, preview: bool) -> str:
        """Start the program worker and serve its requests until it is done; returns its error text."""
        project = self.engine.project
        engine_end, worker_end = socket.socketpair()
        env = dict(self.env)
        env[FD_ENV] = str(worker_end.fileno())
        env["PULUMI_CONFIG"] = json.dumps(dict(self.config.values))
        env["PULUMI_CONFIG_SECRET_KEYS"] = json.dumps(sorted(self.config.secret_keys))
        spec = {
            "project": project.name,
            "stack": self.engine.stack,
            "preview": preview,
            "program_dir": str(project.program_dir),
        }
        process = subprocess.Popen(
            [sys.executable, _program.__file__, json.dumps(spec)],
            cwd=project.program_dir,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            pass_fds=[worker_end.fileno()],
        )
        worker_end.close()
        assert process.stdout is not None
        stream = process.stdout

        def pump() -> None:
            for raw in stream:
                self.program_output(raw.decode("utf-8", "replace").rstrip("\n"))

        pumper = threading.Thread(target=pump, daemon=True)
        pumper.start()
        channel = Channel(engine_end)
        error = ""
        try:
            error = self._serve(channel, deployment)
        except ChannelClosed:
            error = f"the program process exited (code {process.wait()}) before it finished"
        finally:
            channel.close()
            process.wait()
            pumper.join(timeout=10)
            stream.close()
        return error

    @staticmethod
    def _serve(channel: Channel, deployment: Deployment) -> str:
        while True:
            message = channel.receive()
            kind = message.get("kind")
            if kind == "register":
                request = resource_pb2.RegisterResourceRequest.FromString(base64.b64decode(message["request"]))
                try:
                    response = deployment.register(request)
                except Refusal as exc:
                    deployment.refused = True
                    channel.send({"error": str(exc)})
                    continue
                channel.send({"response": base64.b64encode(response.SerializeToString()).decode("ascii")})
            elif kind == "outputs":
                outputs_request = resource_pb2.RegisterResourceOutputsRequest.FromString(
                    base64.b64decode(message["request"])
                )
                deployment.register_outputs(outputs_request)
                channel.send({})
            else:
                channel.send({})
                return str(message.get("error", ""))

    # ---- refresh / destroy -------------------------------------------------------------------

    def refresh(self) -> None:
        """Read every custom resource; drop the ones whose provider reports them gone."""
        state = self.state
        for entry in list(state.resources):
            if not entry.custom or entry.delete:
                self.report.step("read", entry.type, entry.name)
                continue
            try:
                id_, outputs, inputs = self.provider().read(
                    entry.urn, entry.type, entry.name, entry.id, entry.known_outputs(), entry.known_inputs()
                )
            except ProviderError as exc:
                message = f"{entry.type} resource '{entry.name}': read failed"
                self.report.error(f"{message}: {exc.summary}", f"{message}: {exc.details}")
                return
            if not id_:
                self.report.step("delete", entry.type, entry.name)
                state.resources = [other for other in state.resources if other is not entry]
                state.save(self.engine.state_path)
                continue
            new_outputs = {key: value for key, value in outputs.items() if key not in entry.secret_outputs}
            new_inputs = entry.known_inputs() if inputs is None else inputs
            changed = new_outputs != entry.known_outputs() or new_inputs != entry.known_inputs() or id_ != entry.id
            entry.id = id_
            entry.outputs = {**new_outputs, **{key: entry.outputs[key] for key in entry.secret_outputs}}
            if inputs is not None:
                entry.inputs = {
                    **{key: value for key, value in inputs.items() if key not in entry.secret_inputs},
                    **{key: entry.inputs[key] for key in entry.secret_inputs},
                }
            self.report.step("update" if changed else "read", entry.type, entry.name)
            if changed:
                state.save(self.engine.state_path)

    def destroy(self, *, exclude_protected: bool) -> None:
        """Delete everything in reverse order, after refusing outright if anything is protected
        (or, with ``exclude_protected``, keeping protected resources and what they depend on)."""
        state = self.state
        protected = [entry for entry in state.resources if entry.protect and not entry.delete]
        kept: set[str] = set()
        if exclude_protected:
            by_urn = {entry.urn: entry for entry in state.resources}
            pending = [entry.urn for entry in protected]
            while pending:
                urn = pending.pop()
                if urn in kept or urn not in by_urn:
                    continue
                kept.add(urn)
                pending += [*by_urn[urn].dependencies, by_urn[urn].parent]
        else:
            for entry in protected:
                self.report.error(f"Preview failed: {delete_protected_message(entry.urn)}")
            if protected:
                return
        for entry in reversed(list(state.resources)):
            if entry.urn in kept:
                continue
            if entry.custom and not entry.retain_on_delete:
                try:
                    self.provider().delete(
                        entry.urn, entry.type, entry.name, entry.id, entry.known_outputs(), entry.known_inputs()
                    )
                except ProviderError as exc:
                    message = f"{entry.type} resource '{entry.name}': delete failed"
                    self.report.error(f"{message}: {exc.summary}", f"{message}: {exc.details}")
                    return
            self.report.step("delete", entry.type, entry.name)
            state.resources = [other for other in state.resources if other is not entry]
            if not state.resources:
                state.outputs = {}
            state.save(self.engine.state_path)
        if not state.resources:
            state.outputs = {}
            self.outputs = {}
            state.save(self.engine.state_path)

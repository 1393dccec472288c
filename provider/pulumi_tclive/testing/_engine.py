"""The offline engine: runs ``preview``, ``up``, ``refresh`` and ``destroy`` on a project directory."""

from __future__ import annotations

import json
import os
import shlex
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import replace as dataclass_replace
from pathlib import Path
from typing import Any, TextIO

from pulumi.runtime.proto import provider_pb2

import pulumi_tclive
from pulumi_tclive.errors import ConfigurationError
from pulumi_tclive.testing import _program
from pulumi_tclive.testing._children import child_command, child_process_options
from pulumi_tclive.testing._deployment import Deployment, default_parallel, delete_protected_message
from pulumi_tclive.testing._diff import StepDetail
from pulumi_tclive.testing._lock import StackLock
from pulumi_tclive.testing._program import FD_ENV, Channel, ChannelClosed
from pulumi_tclive.testing._project import Project, StackConfig, load_project, load_stack_config
from pulumi_tclive.testing._provider import ProviderError, ProviderProcess, provider_environment, runtime_options
from pulumi_tclive.testing._report import CHANGE_OPS, Report, RunResult
from pulumi_tclive.testing._secrets import PASSPHRASE_HINT, SecretsManager, displayed_outputs
from pulumi_tclive.testing._state import PendingOperation, ResourceState, StackState
from pulumi_tclive.testing._values import SECRET_PLACEHOLDER

__all__ = ["EXIT_NO_CHANGES", "Engine"]

EXIT_NO_CHANGES = 7
"""Exit status when ``expect_no_changes`` is set and something changed: the CLI's ``ExitNoChanges``
(https://github.com/pulumi/pulumi/blob/master/pkg/cmd/pulumi/cmd/exit_codes.go)."""

_OPERATION_NOUNS = {"preview": "preview", "up": "update", "refresh": "refresh", "destroy": "destroy"}

_LOCKING = frozenset({"up", "refresh", "destroy"})
"""Operations that take the stack lock (the CLI's diy backend locks update, refresh and destroy, not preview)."""

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
                try:
                    print(line, file=self._echo, flush=True)
                except BrokenPipeError:  # the reader went away; the lines are still collected
                    self._echo = None


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
    :param diff: print each changed property's old and new value under its step line, like
        ``pulumi preview --diff``.
    :param parallel: how many resource steps may run at once (``--parallel``; default as the CLI's:
        ``$PULUMI_PARALLEL``, else 4 × CPUs); 1 runs them one by one, in the program's order.
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
        diff: bool = False,
        parallel: int | None = None,
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
        self._diff = diff
        self.parallel = parallel if parallel is not None and parallel > 0 else default_parallel()
        self.cancelled = threading.Event()
        """Set by :meth:`cancel`: the running operation starts no new step."""
        self.command = "tclive"
        """How the user runs the engine, for the commands its messages suggest."""
        self._lock: StackLock | None = None

    def cancel(self) -> None:
        """Cancel the running operation as the CLI's first Ctrl-C does: steps already running
        finish and are saved, no new one starts, and the operation fails."""
        self.cancelled.set()

    def release_lock(self) -> None:
        """Remove the stack lock this engine holds, if any (before ending at once on a second Ctrl-C)."""
        if self._lock is not None:
            self._lock.release()

    # ---- public operations -------------------------------------------------------------------

    def preview(self, *, refresh: bool = False, expect_no_changes: bool = False) -> RunResult:
        """Run the program and show what ``up`` would do; no Create/Update/Delete, state untouched.

        :param refresh: read every resource first and plan against what exists (``--refresh``); the
            refreshed state is not saved.
        :param expect_no_changes: fail (exit status 7) when the plan changes anything.
        """

        def body(run: _Run) -> None:
            if refresh and not self._refresh_first(run, persist=False, next_header="preview"):
                return
            run.program(preview=True, record=True)

        header = "refresh" if refresh else None
        return self._operate("preview", body, header=header, expect_no_changes=expect_no_changes)

    def up(self, *, skip_preview: bool = False, refresh: bool = False, expect_no_changes: bool = False) -> RunResult:
        """Preview, then (if the preview succeeded) apply: create, update, replace, delete.

        :param skip_preview: apply directly, like ``pulumi up --skip-preview``.
        :param refresh: refresh (and save) the state first, like ``pulumi up --refresh``.
        :param expect_no_changes: fail (exit status 7) when the update changed anything; the changes
            are made all the same, as the CLI does.
        """
        first = "preview" if not skip_preview else "up"

        def body(run: _Run) -> None:
            if refresh and not self._refresh_first(run, persist=True, next_header=first):
                return
            if not skip_preview:
                run.program(preview=True, record=False)
                if run.report.failed or self.cancelled.is_set():
                    return
                run.report.line()
                run.report.line(f"{_HEADERS['up']} ({self.stack}):")
            run.warn_pending_operations()
            run.program(preview=False, record=True)

        header = "refresh" if refresh else first
        return self._operate("up", body, header=header, expect_no_changes=expect_no_changes)

    def refresh(
        self,
        *,
        expect_no_changes: bool = False,
        clear_pending_creates: bool = False,
        import_pending_creates: Sequence[tuple[str, str]] = (),
    ) -> RunResult:
        """Read every resource from its provider and update the state (the program is not run).

        Pending updates and deletes of an interrupted operation are cleared (the resource is read);
        pending creates stay unless resolved, as with ``pulumi refresh`` (pkg/cmd/pulumi/operations/refresh.go).

        :param expect_no_changes: fail (exit status 7) when anything drifted.
        :param clear_pending_creates: drop pending creates: the create did not happen.
        :param import_pending_creates: ``(URN, ID)`` pairs: the create did happen and made ID; the
            resource is read with that id and enters the state.
        """

        def body(run: _Run) -> None:
            before = len(run.state.pending_operations), len(run.state.resources)
            run.resolve_pending_operations(clear_creates=clear_pending_creates, imports=dict(import_pending_creates))
            run.refresh()
            if not run.report.failed and before != (len(run.state.pending_operations), len(run.state.resources)):
                run.state.save(self.state_path)

        return self._operate("refresh", body, expect_no_changes=expect_no_changes)

    def destroy(self, *, exclude_protected: bool = False) -> RunResult:
        """Delete every resource, dependants first (the program is not run).

        Refuses, deleting nothing, when any resource is protected (the CLI's preview stops it),
        unless ``exclude_protected``: then, like ``pulumi destroy --exclude-protected``, protected
        resources and everything they depend on (dependencies, parents) stay; the rest is deleted.

        :param exclude_protected: keep protected resources instead of refusing.
        """
        return self._operate("destroy", lambda run: run.destroy(exclude_protected=exclude_protected))

    def _refresh_first(self, run: _Run, *, persist: bool, next_header: str) -> bool:
        """The ``--refresh`` phase: refresh (steps shown, not counted), then the next phase's header."""
        run.refresh(record=False, persist=persist)
        if run.report.failed:
            return False
        run.report.line()
        run.report.line(f"{_HEADERS[next_header]} ({self.stack}):")
        return True

    def _suggest(self, command: str) -> str:
        """A command line for the user, shell-quoted, naming this stack and project."""
        words = [*shlex.split(self.command), command, "--stack", self.stack]
        if self.project.root != Path.cwd().resolve():
            words += ["-C", str(self.project.root)]
        return shlex.join(words)

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

    def _operate(
        self,
        operation: str,
        body: Callable[[_Run], None],
        *,
        header: str | None = None,
        expect_no_changes: bool = False,
    ) -> RunResult:
        started = time.monotonic()
        report = Report(self._echo, show_diff=self._diff, on_reader_gone=self.cancel)
        if operation in _LOCKING:
            try:
                self._lock = StackLock(self.state_path, cancel_command=self._suggest("cancel"))
                self._lock.__enter__()
            except ConfigurationError as exc:
                self._lock = None
                report.error(str(exc))
                return RunResult(
                    operation=operation, exit_code=1, diagnostics=list(report.diagnostics), text=report.text()
                )
        try:
            report.line(f"{_HEADERS[header or operation]} ({self.stack}):")
            config = load_stack_config(self.project, self.stack, self._config_overrides, self._secrets)
            run = _Run(self, report, config)
            try:
                body(run)
            finally:
                run.close()
        finally:
            self.release_lock()
            self._lock = None
        if self._echo is None:  # when echoing, this output already went to stderr as it came
            report.block("Program output", run.program_output.lines)
            report.block("Provider output", run.provider_output.lines)
        if self.cancelled.is_set() and not report.failed:
            report.error(f"{_OPERATION_NOUNS[operation]} canceled")
        if operation in ("preview", "up"):
            report.outputs(run.outputs, run.previous_outputs)
            withheld = sorted(key for key, value in run.state.outputs.items() if value == SECRET_PLACEHOLDER)
            if operation == "up" and withheld and run.secrets is None:
                report.line(f"Secret outputs {', '.join(withheld)} are listed but not stored: {PASSPHRASE_HINT}.")
        counted = report.steps
        if operation == "up" and not run.applied:
            # The preview before the update failed: summarise its plan, as the CLI does.
            counted = report.planned
        report.summary(planned=operation == "preview" or counted is report.planned, steps=counted)
        noun = _OPERATION_NOUNS[operation]
        exit_code = 1 if report.failed else 0
        if report.failed:
            report.line(f"error: {noun} failed")
        elif expect_no_changes and any(step.op in CHANGE_OPS for step in counted):
            # The CLI's NoChangesExpectedError (pkg/backend/backenderr/backenderr.go), checked after
            # the operation, so `up` has made its changes by then.
            report.error(f"no changes were expected for {noun} but changes were proposed")
            exit_code = EXIT_NO_CHANGES
        output_lines = [*run.program_output.lines, *run.provider_output.lines]
        digest: dict[str, Any] = {
            "steps": list(report.json_planned if counted is report.planned else report.json_steps),
            "diagnostics": [
                *report.json_diagnostics,
                *({"message": line, "severity": "info"} for line in output_lines),
            ],
            "duration": int((time.monotonic() - started) * 1e9),
            "changeSummary": report.change_summary(counted),
            "outputs": dict(run.outputs) if operation in ("preview", "up") else {},
        }
        return RunResult(
            operation=operation,
            exit_code=exit_code,
            steps=list(report.steps),
            diagnostics=list(report.diagnostics),
            outputs=dict(run.outputs),
            text=report.text(),
            digest=digest,
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
        self.stack_file = engine.project.root / f"Pulumi.{engine.stack}.yaml"
        self.secrets = SecretsManager.for_stack(self.stack_file)
        self.outputs: dict[str, Any] = displayed_outputs(self.state.outputs)
        self.previous_outputs = displayed_outputs(self.state.outputs)
        self.applied = False
        # Started now, from the thread that runs the operation: the kernel kills the provider when
        # the thread that started it ends (_children.py), so no step thread may start it.
        self.provider()

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
                # The launcher reads the runtime options (virtualenv) from PULUMI_RUNTIME_*.
                options=runtime_options(self.engine.project.root / "Pulumi.yaml"),
            )
        return self._provider

    def close(self) -> None:
        """Stop the provider process; record the stack's encryption salt if a secret was encrypted
        under a new one (the CLI writes ``encryptionsalt`` into the stack file)."""
        if self._provider is not None:
            self._provider.close()
        if self.secrets is not None and self.secrets.used and self.applied:
            self.secrets.remember_salt(self.stack_file)

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
            parallel=self.engine.parallel,
            cancelled=self.engine.cancelled,
            secrets=self.secrets,
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
            "parallel": self.engine.parallel,
        }
        process = subprocess.Popen(
            child_command(
                [sys.executable, _program.__file__, json.dumps(spec)]
            ),  # ends with the engine, even on kill -9
            cwd=project.program_dir,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            pass_fds=[worker_end.fileno()],
            **child_process_options(),
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
            error = deployment.serve(channel)
        except ChannelClosed:
            error = f"the program process exited (code {process.wait()}) before it finished"
        finally:
            channel.close()
            process.wait()
            pumper.join(timeout=10)
            stream.close()
        return error

    # ---- pending operations ------------------------------------------------------------------

    def warn_pending_operations(self) -> None:
        """Before an update, name the operations an earlier run left unfinished, as the CLI does
        (``printPendingOperationsWarning`` in pkg/resource/deploy/deployment_executor.go), and go on."""
        pending = self.state.pending_operations
        if not pending:
            return
        listed = "".join(f"\n  * {op.resource.urn}, interrupted while {op.type}" for op in pending)
        refresh = self.engine._suggest("refresh")
        self.report.warning(
            f"Attempting to deploy or update resources with {len(pending)} pending operations from previous "
            f"deployment.{listed}\nThese resources are in an unknown state because the engine was interrupted "
            "while waiting for changes to these resources to complete. Confirm whether or not each operation "
            "completed (`tclive emulator show`, or the Tencent Cloud console), then repair the stack with "
            f"`{refresh}`, which reads every resource and clears pending updates and deletes. A pending "
            f"create needs your answer: `{refresh} --clear-pending-creates` if it did not happen, or "
            f"`{refresh} --import-pending-creates URN ID` if it did (a LiveDomain's or CnameRecord's id is "
            "its domain name, e.g. mp-play.example.com)."
        )

    def resolve_pending_operations(self, *, clear_creates: bool, imports: Mapping[str, str]) -> None:
        """Before a refresh: pending updates and deletes go (the refresh reads those resources); a
        pending create is dropped (``clear_creates``), or enters the state with the id the user gives
        (``imports``), to be read like the rest, or else kept, as ``pulumi refresh`` does."""
        kept: list[PendingOperation] = []
        for op in self.state.pending_operations:
            if op.type != "creating":
                continue
            if op.resource.urn in imports:
                op.resource.id = imports[op.resource.urn]
                self.state.resources.append(op.resource)
            elif not clear_creates:
                kept.append(op)
        unused = sorted(set(imports) - {op.resource.urn for op in self.state.pending_operations})
        for urn in unused:
            self.report.warning(f'"{urn}" did not correspond to a pending create')
        self.state.pending_operations = kept

    @contextmanager
    def _pending(self, kind: str, entry: ResourceState, lock: threading.Lock) -> Iterator[None]:
        """Record a provider call as a pending operation in the state file before it starts (as
        ``Deployment`` does for an update), and drop it when it returns.

        :param lock: held while the state and its file change (the steps run in parallel).
        """
        operation = PendingOperation(kind, entry)
        with lock:
            self.state.pending_operations.append(operation)
            self.state.save(self.engine.state_path)
        try:
            yield
        except ProviderError:
            with lock:
                self.state.pending_operations.remove(operation)
                self.state.save(self.engine.state_path)  # the call failed: it is not pending
            raise
        with lock:
            self.state.pending_operations.remove(operation)  # the caller saves the step that follows

    # ---- refresh / destroy -------------------------------------------------------------------

    def refresh(self, *, record: bool = True, persist: bool = True) -> None:
        """Read every custom resource; drop the ones whose provider reports them gone.

        Reads run at once, up to ``--parallel``: the CLI makes a ``RefreshStep`` per resource and
        runs them together (``refresh`` in pkg/resource/deploy/deployment_executor.go). Whether a
        resource drifted is the provider's ``Diff`` with the CLI's arguments (``RefreshStep.Apply``
        in pkg/resource/deploy/step.go, since v3.120, pulumi/pulumi#16146): olds = the refreshed
        outputs and inputs, news = the old inputs; ``update`` unless the diff is ``DIFF_NONE`` (for
        ``DIFF_UNKNOWN``, unless the refreshed and old inputs are equal). The line shows the outputs
        that changed, old and new, or else the inputs.

        :param record: count the steps in the result (``False`` for the ``--refresh`` phase of a
            preview or update, whose own plan is what counts).
        :param persist: save the refreshed state (``False`` for ``preview --refresh``).
        """
        state = self.state
        lock = threading.Lock()  # the state, its file and the order of the lines
        failed = threading.Event()

        def step(op: str, entry: ResourceState, detail: StepDetail | None = None) -> None:
            if record:
                self.report.step(op, entry.type, entry.name, detail=detail)
            else:
                self.report.show(op, entry.type, entry.name, detail=detail)

        def save() -> None:
            if persist:
                state.save(self.engine.state_path)

        def refresh_one(entry: ResourceState) -> None:
            if failed.is_set() or self.engine.cancelled.is_set():  # a Ctrl-C: _operate reports the cancel
                return
            if not entry.custom or entry.delete:
                step("read", entry)
                return
            provider = self.provider()
            try:
                id_, outputs, inputs = provider.read(
                    entry.urn, entry.type, entry.name, entry.id, entry.known_outputs(), entry.known_inputs()
                )
                if not id_:
                    with lock:
                        step("delete", entry, StepDetail.between(entry.urn, entry.id, entry.known_outputs(), {}))
                        state.resources = [other for other in state.resources if other is not entry]
                        save()
                    return
                new_outputs = {key: value for key, value in outputs.items() if key not in entry.secret_outputs}
                # Secret inputs are withheld from state, so Read's (clear) value for them can neither be
                # compared nor shown: compare and show the known keys only.
                new_inputs = (
                    entry.known_inputs()
                    if inputs is None
                    else {key: value for key, value in inputs.items() if key not in entry.secret_inputs}
                )
                diff = provider.diff(
                    entry.urn, entry.type, entry.name, id_, new_outputs, new_inputs, entry.known_inputs(), []
                )
            except ProviderError as exc:
                failed.set()
                message = f"{entry.type} resource '{entry.name}': {exc.operation} failed"
                self.report.error(f"{message}: {exc.summary}", f"{message}: {exc.details}", urn=entry.urn)
                return
            if diff.changes == provider_pb2.DiffResponse.DIFF_UNKNOWN:
                changed = new_inputs != entry.known_inputs()
            else:
                changed = diff.changes == provider_pb2.DiffResponse.DIFF_SOME
            detail = dataclass_replace(
                StepDetail.between(entry.urn, id_, entry.known_outputs(), new_outputs), input_diff=False, expand=True
            )
            if changed and not detail.diffs:
                detail = dataclass_replace(
                    StepDetail.between(entry.urn, id_, entry.known_inputs(), new_inputs), expand=True
                )
            with lock:
                stored = new_outputs != entry.known_outputs() or new_inputs != entry.known_inputs() or id_ != entry.id
                entry.id = id_
                entry.outputs = {**new_outputs, **{key: entry.outputs[key] for key in entry.secret_outputs}}
                if inputs is not None:
                    entry.inputs = {**new_inputs, **{key: entry.inputs[key] for key in entry.secret_inputs}}
                step("update" if changed else "read", entry, detail if changed else None)
                if stored:
                    save()

        if any(entry.custom and not entry.delete for entry in state.resources):
            self.provider()  # started once, before the threads that share it
        with ThreadPoolExecutor(max_workers=self.engine.parallel, thread_name_prefix="refresh") as pool:
            list(pool.map(refresh_one, list(state.resources)))

    def destroy(self, *, exclude_protected: bool) -> None:
        """Delete everything, dependants first, after refusing outright if anything is protected
        (or, with ``exclude_protected``, keeping protected resources and what they depend on).

        As the CLI schedules deletes (``ScheduleDeletes`` in pkg/resource/deploy/step_generator.go),
        resources go in waves: each wave is every resource nothing left depends on (as dependency
        or parent), deleted at once up to ``--parallel``; the next wave starts when it is done.
        After a failure the wave finishes and no other starts.
        """
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
                self.report.error(f"Preview failed: {delete_protected_message(entry.urn)}", urn=entry.urn)
            if protected:
                return
        lock = threading.Lock()
        failed = threading.Event()

        def delete_one(entry: ResourceState) -> None:
            if entry.custom and not entry.retain_on_delete:
                try:
                    with self._pending("deleting", entry, lock):
                        self.provider().delete(
                            entry.urn, entry.type, entry.name, entry.id, entry.known_outputs(), entry.known_inputs()
                        )
                except ProviderError as exc:
                    failed.set()
                    message = f"{entry.type} resource '{entry.name}': delete failed"
                    self.report.error(f"{message}: {exc.summary}", f"{message}: {exc.details}", urn=entry.urn)
                    return
            detail = StepDetail.between(entry.urn, entry.id, entry.inputs, {}, old_secrets=entry.secret_inputs)
            with lock:
                self.report.step("delete", entry.type, entry.name, detail=detail)
                state.resources = [other for other in state.resources if other is not entry]
                if not state.resources:
                    state.outputs = {}
                state.save(self.engine.state_path)

        doomed = [entry for entry in reversed(state.resources) if entry.urn not in kept]
        if any(entry.custom and not entry.retain_on_delete for entry in doomed):
            self.provider()  # started once, before the threads that share it
        with ThreadPoolExecutor(max_workers=self.engine.parallel, thread_name_prefix="destroy") as pool:
            while doomed and not failed.is_set() and not self.engine.cancelled.is_set():
                left = {entry.urn for entry in doomed}
                needed = {urn for entry in doomed for urn in (*entry.dependencies, entry.parent) if urn in left}
                wave = [entry for entry in doomed if entry.urn not in needed] or doomed[:1]
                list(pool.map(delete_one, wave))
                done = {id(entry) for entry in wave}
                doomed = [entry for entry in doomed if id(entry) not in done]
        if not state.resources:
            state.outputs = {}
            self.outputs = {}
            state.save(self.engine.state_path)

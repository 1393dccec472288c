"""The step generator: what the engine does for each registration during ``preview`` and ``up``.

Reproduces the Pulumi engine's rules for Python dynamic resources (see ``docs/offline-engine.md``):
Check with old inputs, Diff on old outputs, create / update / replace / same, ``protect``,
``retain_on_delete``, ``ignore_changes``, ``delete_before_replace``, deletes of resources the
program no longer declares in reverse dependency order, and state saved after every step.
"""

from __future__ import annotations

import base64
import copy
import os
import threading
import traceback
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, suppress
from dataclasses import replace as dataclass_replace
from pathlib import Path
from typing import Any

from pulumi.runtime.proto import provider_pb2, resource_pb2

from pulumi_tclive.testing._diff import StepDetail
from pulumi_tclive.testing._program import Channel
from pulumi_tclive.testing._provider import ProviderError, ProviderProcess
from pulumi_tclive.testing._report import Report
from pulumi_tclive.testing._secrets import SecretsManager, displayed_outputs, is_ciphertext
from pulumi_tclive.testing._state import PendingOperation, ResourceState, StackState, StateWriter, seal
from pulumi_tclive.testing._values import (
    PROVIDER_KEY,
    SECRET_PLACEHOLDER,
    UNKNOWN,
    contains_secret,
    contains_unknown,
    go_value,
    struct_from,
    struct_to_dict,
    unwrap_secrets,
    wrap_secret,
)

__all__ = ["DYNAMIC_TYPE_PREFIX", "Deployment", "Refusal", "default_parallel", "delete_protected_message"]

DYNAMIC_TYPE_PREFIX = "pulumi-python:dynamic"
STACK_TYPE = "pulumi:pulumi:Stack"


def default_parallel() -> int:
    """``--parallel``'s default, as the Pulumi CLI computes it: ``$PULUMI_PARALLEL`` when set to a
    positive number, else 4 × the CPUs this process may run on (``defaultParallel`` in
    https://github.com/pulumi/pulumi/blob/master/pkg/cmd/pulumi/operations/up.go)."""
    text = os.environ.get("PULUMI_PARALLEL", "")
    if text.isdigit() and int(text) > 0:
        return int(text)
    return len(os.sched_getaffinity(0)) * 4


class Refusal(Exception):
    """The engine refuses a registration; the error has been reported already."""


class _Invalid(Refusal):
    """Check failed for a resource; its failures have been reported."""


def delete_protected_message(urn: str) -> str:
    """The engine's text for deleting a protected resource (``deleteProtectedError`` in step.go), and
    the offline engine's equivalent of the command it names.

    :param urn: the resource URN.
    """
    return (
        f'resource "{urn}" cannot be deleted\n'
        "because it is protected. To unprotect the resource, either remove the `protect` flag from the "
        "resource in your Pulumi program and run `pulumi up`, or use the command:\n"
        f"`pulumi state unprotect '{urn}'`\n"
        f"(offline engine: `tclive state unprotect '{urn}'`, or `python -m pulumi_tclive.testing state unprotect …`)"
    )


def _replace_protected_message(urn: str) -> str:
    return (
        f'unable to replace resource "{urn}"\n'
        "as it is currently marked for protection. To unprotect the resource, remove the `protect` flag "
        "from the resource in your Pulumi program and run `pulumi up`"
    )


def _apply_ignore_changes(news: dict[str, Any], olds: Mapping[str, Any], paths: list[str]) -> dict[str, Any]:
    """Copy the old value of each ignored path into the new inputs (or drop it when the old had none)."""
    result = copy.deepcopy(news)
    for path in paths:
        keys = path.split(".")
        old_parent: Any = olds
        new_parent: Any = result
        for key in keys[:-1]:
            old_parent = old_parent.get(key) if isinstance(old_parent, dict) else None
            if not isinstance(new_parent, dict) or not isinstance(new_parent.get(key), dict):
                new_parent = None
                break
            new_parent = new_parent[key]
        if new_parent is None:
            continue
        last = keys[-1]
        if isinstance(old_parent, dict) and last in old_parent:
            new_parent[last] = copy.deepcopy(old_parent[last])
        else:
            new_parent.pop(last, None)
    return result


def _changed_keys(olds: Mapping[str, Any], news: Mapping[str, Any]) -> list[str]:
    return sorted(key for key in set(olds) | set(news) if olds.get(key) != news.get(key))


class Deployment:
    """One program run's worth of engine work (a preview, or the update half of an ``up``).

    :param state: the stack state at the start (not modified; a new state is built).
    :param state_path: where to save the state after each step (never in preview).
    :param provider: the dynamic provider process.
    :param report: where steps and errors go.
    :param project: the project name. :param stack: the stack name.
    :param preview: ``True`` for a preview (no Create/Update/Delete calls, nothing saved).
    :param record_steps: ``False`` for the preview half of an ``up`` (its steps are printed only).
    :param parallel: how many registrations are worked on at once (``--parallel``); the program
        sends a resource only once everything it depends on has been answered, so independent
        steps overlap and dependent ones keep their order.
    :param cancelled: set when the user interrupts (Ctrl-C): steps already running finish and are
        saved, no new one starts.
    :param secrets: the stack's passphrase encryption; without it secret values are withheld.
    """

    def __init__(
        self,
        *,
        state: StackState,
        state_path: Path,
        provider: Callable[[], ProviderProcess],
        report: Report,
        project: str,
        stack: str,
        preview: bool,
        record_steps: bool = True,
        parallel: int = 1,
        cancelled: threading.Event | None = None,
        secrets: SecretsManager | None = None,
    ) -> None:
        self._state_path = state_path
        self._writer = None if preview else StateWriter(state_path, state)
        self.parallel = max(parallel, 1)
        # Held while the deployment's bookkeeping changes; released around provider calls, so
        # steps of independent resources overlap.
        self._lock = threading.RLock()
        self._claimed: set[str] = set()
        self._provider = provider
        self._report = report
        self._project = project
        self._stack = stack
        self.preview = preview
        self._record = record_steps
        self._old_live = {entry.urn: entry for entry in state.resources if not entry.delete}
        self._old_order = [entry for entry in state.resources if not entry.delete]
        self._pending = [entry for entry in state.resources if entry.delete]
        self._new: list[ResourceState] = []
        self._registered: set[str] = set()
        self._condemned: list[ResourceState] = []
        self._ids = {entry.urn: entry.id for entry in state.resources if entry.id}
        self._stack_urn = ""
        self._secrets = secrets
        self._encrypt = secrets.encrypt if secrets is not None else None
        self._stored_outputs: dict[str, Any] = dict(state.outputs)
        self.outputs: dict[str, Any] = displayed_outputs(state.outputs)
        self._cancelled = cancelled or threading.Event()
        # Pending creates of an earlier, interrupted operation stay until `refresh` resolves them (the
        # CLI keeps them: https://github.com/pulumi/pulumi/blob/master/pkg/backend/snapshot.go); the
        # others are settled by this run, which sees the resource in the state.
        self._carried = [op for op in state.pending_operations if op.type == "creating"]
        self._running: list[PendingOperation] = []
        self.stopped = False
        self.refused = False
        self.invalid = 0
        """How many resources failed Check; the run goes on checking the others but applies nothing more."""
        self._reported_reasons: set[str] = set()

    # ---- state -------------------------------------------------------------------------------

    def snapshot(self) -> StackState:
        """The state as it stands now: new registrations, untouched old resources, pending deletes."""
        untouched = [entry for entry in self._old_order if entry.urn not in self._registered]
        resources = self._new + untouched + self._condemned + self._pending
        return StackState(
            project=self._project,
            stack=self._stack,
            resources=resources,
            outputs=self._stored_outputs,
            pending_operations=self._carried + self._running,
        )

    def _save(self) -> None:
        if self._writer is not None:
            self._writer.checkpoint(self.snapshot())

    @contextmanager
    def _operation(self, kind: str, entry: ResourceState) -> Iterator[None]:
        """Record a provider call as pending, durably, before it starts; drop it once it returns.

        A pending operation left in the state tells the next run the call was cut short (the CLI's
        ``pending_operations``: ``BeginMutation`` in pkg/backend/snapshot.go).
        """
        operation = PendingOperation(kind, entry)
        self._running.append(operation)
        self._save()
        try:
            yield
        finally:
            self._running = [other for other in self._running if other is not operation]

    @contextmanager
    def _unlocked(self) -> Iterator[None]:
        """Let other registrations proceed while this one waits for the provider."""
        self._lock.release()
        try:
            yield
        finally:
            self._lock.acquire()

    # ---- serving the program ----------------------------------------------------------------

    def serve(self, channel: Channel) -> str:
        """Answer the program's requests until it is done, up to :attr:`parallel` registrations at
        once; every step has finished and is saved when this returns.

        :param channel: the engine's end of the program worker's channel.
        :returns: the program's error text ("" when it succeeded).
        """
        clean = False
        try:
            with ThreadPoolExecutor(max_workers=self.parallel, thread_name_prefix="step") as steps:
                while True:
                    message = channel.receive()
                    kind = message.get("kind")
                    ident = message.get("id")
                    if kind == "register":
                        request = resource_pb2.RegisterResourceRequest.FromString(base64.b64decode(message["request"]))
                        steps.submit(self._serve_registration, channel, ident, request)
                    elif kind == "outputs":
                        outputs = resource_pb2.RegisterResourceOutputsRequest.FromString(
                            base64.b64decode(message["request"])
                        )
                        with self._lock:
                            self.register_outputs(outputs)
                        channel.send({"id": ident})
                    else:
                        channel.send({"id": ident})
                        error = str(message.get("error", ""))
                        break
            clean = not (error or self.refused or self.stopped)
            return error
        finally:
            # After a clean run the engine deletes what the program dropped, then saves the whole
            # state once; otherwise it stops here, so the state file gets every finished step now.
            if self._writer is not None and not clean:
                with self._lock:
                    self._writer.close(self.snapshot())

    def _serve_registration(
        self, channel: Channel, ident: object, request: resource_pb2.RegisterResourceRequest
    ) -> None:
        try:
            response = self.register(request)
        except Refusal as exc:
            self.refused = True
            answer: dict[str, Any] = {"id": ident, "error": str(exc)}
        except Exception as exc:  # a failure with no answer would leave the program waiting forever
            message = f"{request.type} resource '{request.name}': the engine failed: {exc!r}"
            with self._lock:
                self._report.error(message, f"{message}\n{traceback.format_exc()}")
                self.stopped = self.refused = True
            answer = {"id": ident, "error": message}
        else:
            answer = {"id": ident, "response": base64.b64encode(response.SerializeToString()).decode("ascii")}
        # The program may have ended already (another registration failed); this step is saved all the same.
        with suppress(OSError):
            channel.send(answer)

    # ---- registrations -----------------------------------------------------------------------

    def register(self, request: resource_pb2.RegisterResourceRequest) -> resource_pb2.RegisterResourceResponse:
        """Apply one ``RegisterResource`` and answer it as the engine would.

        :param request: the SDK's registration request.
        :raises Refusal: when the registration fails (the error is already reported).
        """
        with self._lock:
            return self._register(request)

    def _register(self, request: resource_pb2.RegisterResourceRequest) -> resource_pb2.RegisterResourceResponse:
        self._check_cancelled()
        if self.stopped:
            raise Refusal("the deployment stopped after an earlier error")
        urn = self._urn(request)
        if request.type == STACK_TYPE:
            self._stack_urn = urn
            return resource_pb2.RegisterResourceResponse(urn=urn)
        if urn in self._registered or urn in self._claimed:
            self._fail(f"Duplicate resource URN '{urn}'; try giving it a unique name")
        self._claimed.add(urn)
        if not request.custom:
            return self._component(request, urn)
        if not request.type.startswith(DYNAMIC_TYPE_PREFIX):
            self._fail(
                f"{request.type} resource '{request.name}': the offline engine drives only Python dynamic "
                f"resources (types starting {DYNAMIC_TYPE_PREFIX!r}); this one needs its provider plugin and "
                "the real Pulumi CLI."
            )
        if request.importId:
            self._fail(
                f"{request.type} resource '{request.name}': import is not supported for dynamic resources "
                "(the engine sends Read without inputs, pulumi/pulumi#16175)."
            )
        try:
            return self._dynamic(request, urn)
        except ProviderError as exc:
            message = f"{request.type} resource '{request.name}': {exc.operation} failed"
            self._report.error(f"{message}: {exc.summary}", f"{message}: {exc.details}", urn=urn)
            self.stopped = True
            raise Refusal(message) from None

    def _check_cancelled(self) -> None:
        """After an interrupt, start nothing new: report it once and stop."""
        if self._cancelled.is_set() and not self.stopped:
            self.stopped = True
            self._report.error(f"{'preview' if self.preview else 'update'} canceled")

    def register_outputs(self, request: resource_pb2.RegisterResourceOutputsRequest) -> None:
        """Record the stack's outputs (``pulumi.export``); component outputs are not kept.

        :param request: the SDK's request.
        """
        if request.urn != self._stack_urn:
            return
        values = struct_to_dict(request.outputs)
        shown: dict[str, Any] = {}
        stored: dict[str, Any] = {}
        for key, value in values.items():
            before = self._stored_outputs.get(key)
            if contains_secret(value):
                shown[key] = SECRET_PLACEHOLDER
                stored[key] = seal({key: value}, [key], self._encrypt)[0][key]
            elif contains_unknown(value) and (before == SECRET_PLACEHOLDER or is_ciphertext(before)):
                # A secret the state could not give back (no passphrase): still a secret output.
                shown[key], stored[key] = SECRET_PLACEHOLDER, before
            elif contains_unknown(value):
                shown[key] = stored[key] = "[unknown]"
            else:
                shown[key] = stored[key] = value
        self.outputs, self._stored_outputs = shown, stored

    def _urn(self, request: resource_pb2.RegisterResourceRequest) -> str:
        qualified = request.type
        if request.parent and request.parent != self._stack_urn:
            qualified = request.parent.split("::")[2] + "$" + request.type
        return f"urn:pulumi:{self._stack}::{self._project}::{qualified}::{request.name}"

    def _fail(self, message: str) -> None:
        self._report.error(message)
        self.stopped = True
        raise Refusal(message)

    def _step(self, op: str, type_: str, name: str, detail: StepDetail | None = None) -> None:
        """Print a step; a preview counts it at once, an update only once it has succeeded."""
        if not self._record:
            self._report.plan(op, type_, name, detail=detail)
        else:
            self._report.step(op, type_, name, record=self.preview, detail=detail)

    def _done(self, op: str, type_: str, name: str) -> None:
        if self._record and not self.preview:
            self._report.record(op, type_, name)

    def _component(
        self, request: resource_pb2.RegisterResourceRequest, urn: str
    ) -> resource_pb2.RegisterResourceResponse:
        inputs, secret_inputs = seal(struct_to_dict(request.object))  # compared as stored: no ciphertext
        old = self._old_live.get(urn)
        op = "create" if old is None else ("same" if old.inputs == inputs else "update")
        entry = ResourceState(
            urn=urn,
            type=request.type,
            name=request.name,
            custom=False,
            inputs=inputs,
            secret_inputs=secret_inputs,
            protect=request.protect if request.HasField("protect") else False,
            retain_on_delete=request.retainOnDelete if request.HasField("retainOnDelete") else False,
            dependencies=self._dependencies(request),
            parent=request.parent,
        )
        # Both sides are sealed (a secret reads "[secret]" in each), so they compare as stored.
        detail = StepDetail.between(urn, "", old.inputs if old is not None else {}, inputs)
        self._step(op, request.type, request.name, detail)
        self._new.append(entry)
        self._registered.add(urn)
        self._save()
        self._done(op, request.type, request.name)
        return resource_pb2.RegisterResourceResponse(urn=urn)

    @staticmethod
    def _dependencies(request: resource_pb2.RegisterResourceRequest) -> list[str]:
        found = list(request.dependencies)
        for dependencies in request.propertyDependencies.values():
            found.extend(dependencies.urns)
        return sorted(set(found))

    def _check(
        self, urn: str, type_: str, name: str, olds: Mapping[str, Any], news: dict[str, Any], secret_inputs: set[str]
    ) -> dict[str, Any]:
        """Ask the provider to check ``news``; report every failure, never a secret input's value."""
        with self._unlocked():
            response = self._provider().check(urn, type_, name, olds, news)
        if response.failures:

            def shown(prop: str) -> str:
                return "{" + SECRET_PLACEHOLDER + "}" if prop in secret_inputs else go_value(news.get(prop))

            for failure in response.failures:
                if failure.property:
                    self._report.error(
                        f"{type_} resource '{name}': property {failure.property} value "
                        f"{shown(failure.property)} has a problem: {failure.reason}",
                        urn=urn,
                    )
                elif failure.reason in self._reported_reasons:
                    # A problem with no property is the provider's (its config): said once per run,
                    # as the CLI, which stops at the first invalid resource, says it once.
                    self._report.count_errored(urn)
                else:
                    self._reported_reasons.add(failure.reason)
                    self._report.error(f"{type_} resource '{name}' has a problem: {failure.reason}", urn=urn)
            # Unlike the CLI, which bails at the first invalid resource (step_generator.go), keep
            # checking the others so one run lists every problem; nothing further is applied.
            self.invalid += 1
            raise _Invalid(f"resource {urn} is invalid")
        return struct_to_dict(response.inputs)

    def _dynamic(
        self, request: resource_pb2.RegisterResourceRequest, urn: str
    ) -> resource_pb2.RegisterResourceResponse:
        type_, name = request.type, request.name
        wire_inputs = struct_to_dict(request.object)
        secret_inputs = {key for key, value in wire_inputs.items() if key != PROVIDER_KEY and contains_secret(value)}
        news: dict[str, Any] = unwrap_secrets(wire_inputs, self._ids)
        protect = request.protect if request.HasField("protect") else False
        retain = request.retainOnDelete if request.HasField("retainOnDelete") else False
        ignore_changes = list(request.ignoreChanges)
        old = self._old_live.get(urn)
        if old is not None and ignore_changes:
            news = _apply_ignore_changes(news, old.known_inputs(), ignore_changes)
        try:
            checked = self._check(urn, type_, name, old.known_inputs() if old else {}, news, secret_inputs)
        except _Invalid:
            # Answer as a preview would, so that the program goes on registering and every resource
            # (dependants included) gets checked; the run has failed and applies nothing more.
            self.refused = True
            return self._answer(urn, "", news, secret_inputs)
        if self.invalid and not self.preview:
            # An earlier resource is invalid: from here on, check only.
            return self._answer(urn, old.id if old else "", checked, secret_inputs)

        op = "create"
        delete_first = False
        detail = StepDetail.between(urn, "", {}, checked, new_secrets=secret_inputs)
        if old is not None:
            with self._unlocked():
                diff = self._provider().diff(
                    urn, type_, name, old.id, old.known_outputs(), old.known_inputs(), checked, ignore_changes
                )
            replaces = list(diff.replaces)
            if diff.changes == provider_pb2.DiffResponse.DIFF_UNKNOWN:
                changed = _changed_keys(old.known_inputs(), checked)
                on_changes = set(request.replaceOnChanges)
                replace_on_change = bool(changed) and ("*" in on_changes or bool(on_changes & set(changed)))
                op = "same" if not changed else ("replace" if replaces or replace_on_change else "update")
            elif diff.changes == provider_pb2.DiffResponse.DIFF_SOME:
                op = "replace" if replaces else "update"
            else:
                op = "same"
            delete_first = request.deleteBeforeReplace or diff.deleteBeforeReplace
            detail = StepDetail.between(
                urn,
                old.id,
                old.inputs,
                checked,
                old_secrets=old.secret_inputs,
                new_secrets=secret_inputs,
                replaces=replaces,
            )
            if op == "replace" and protect and old.protect:
                self._step(op, type_, name, detail)
                self._report.error(_replace_protected_message(urn), urn=urn)
                if not self.preview:
                    self.stopped = True
                    raise Refusal(f"resource {urn} is protected")
                self._registered.add(urn)
                return self._answer(urn, "", checked, secret_inputs)

        self._step(op, type_, name, detail)
        secret_outputs_declared = set(request.additionalSecretOutputs) | secret_inputs
        if self.preview:
            self._registered.add(urn)
            if op == "same" and old is not None:
                return self._answer(urn, old.id, self._same_outputs(old, checked), secret_outputs_declared)
            known_id = old.id if op == "update" and old is not None else ""
            return self._answer(urn, known_id, checked, secret_inputs)

        provider = self._provider()
        if op == "create":
            with self._operation("creating", self._creating(request, urn, checked, secret_inputs)), self._unlocked():
                id_, outputs = provider.create(urn, type_, name, checked)
        elif op == "update" and old is not None:
            id_ = old.id
            with self._operation("updating", old), self._unlocked():
                outputs = provider.update(
                    urn, type_, name, old.id, old.known_outputs(), old.known_inputs(), checked, ignore_changes
                )
        elif op == "same" and old is not None:
            id_, outputs = old.id, self._same_outputs(old, checked)
        else:
            assert old is not None
            id_, outputs, checked = self._replace(request, urn, old, news, secret_inputs, delete_first)

        secret_outputs = {key for key in outputs if key in secret_outputs_declared and key != PROVIDER_KEY}
        if op == "same" and old is not None:
            secret_outputs |= set(old.secret_outputs) & set(outputs)
        sealed_inputs, withheld_inputs = seal(checked, secret_inputs, self._encrypt)
        sealed_outputs, withheld_outputs = seal(outputs, secret_outputs, self._encrypt)
        if op == "same" and old is not None:
            # Nothing ran, so the secret outputs are still what the last create or update stored; keep
            # them as stored (else a refresh would take the provider's clear value for drift and print it).
            for key in old.secret_outputs:
                sealed_outputs[key] = old.outputs.get(key, SECRET_PLACEHOLDER)
            withheld_outputs = sorted(set(withheld_outputs) | set(old.secret_outputs))
        entry = ResourceState(
            urn=urn,
            type=type_,
            name=name,
            custom=True,
            id=id_,
            inputs=sealed_inputs,
            outputs=sealed_outputs,
            secret_inputs=withheld_inputs,
            secret_outputs=withheld_outputs,
            protect=protect,
            retain_on_delete=retain,
            dependencies=self._dependencies(request),
            parent=request.parent,
        )
        self._new.append(entry)
        self._registered.add(urn)
        self._ids[urn] = id_
        self._save()
        self._done(op, type_, name)
        return self._answer(urn, id_, outputs, secret_outputs | {PROVIDER_KEY})

    def _replace(
        self,
        request: resource_pb2.RegisterResourceRequest,
        urn: str,
        old: ResourceState,
        news: dict[str, Any],
        secret_inputs: set[str],
        delete_first: bool,
    ) -> tuple[str, dict[str, Any], dict[str, Any]]:
        """Check again with no olds, then delete-then-create or create-then-(later)-delete."""
        type_, name = request.type, request.name
        checked = self._check(urn, type_, name, {}, news, secret_inputs)
        provider = self._provider()
        creating = self._creating(request, urn, checked, secret_inputs)
        if delete_first:
            if not old.retain_on_delete:
                with self._operation("deleting", old), self._unlocked():
                    provider.delete(urn, type_, name, old.id, old.known_outputs(), old.known_inputs())
            self._old_order = [entry for entry in self._old_order if entry is not old]
            self._save()
            with self._operation("creating", creating), self._unlocked():
                id_, outputs = provider.create(urn, type_, name, checked)
        else:
            with self._operation("creating", creating), self._unlocked():
                id_, outputs = provider.create(urn, type_, name, checked)
            self._condemned.append(dataclass_replace(old, delete=True))
        return id_, outputs, checked

    def _creating(
        self, request: resource_pb2.RegisterResourceRequest, urn: str, checked: Mapping[str, Any], secrets: set[str]
    ) -> ResourceState:
        """The entry a pending create records: the checked inputs, no id yet."""
        inputs, withheld = seal(checked, secrets, self._encrypt)
        return ResourceState(
            urn=urn,
            type=request.type,
            name=request.name,
            custom=True,
            inputs=inputs,
            secret_inputs=withheld,
            dependencies=self._dependencies(request),
            parent=request.parent,
        )

    def _same_outputs(self, old: ResourceState, checked: Mapping[str, Any]) -> dict[str, Any]:
        """Old outputs; a secret output is refilled from the same-named input when there is one, else
        decrypted from the state, else unknown (stored without a passphrase: the program cannot have it)."""
        outputs = old.known_outputs()
        for key in old.secret_outputs:
            stored = old.outputs.get(key)
            if key in checked:
                outputs[key] = checked[key]
            elif self._secrets is not None and is_ciphertext(stored):
                outputs[key] = self._secrets.decrypt(stored)
            else:
                outputs[key] = UNKNOWN
        return outputs

    @staticmethod
    def _answer(
        urn: str, id_: str, values: Mapping[str, Any], secret_keys: set[str]
    ) -> resource_pb2.RegisterResourceResponse:
        wire = {
            key: wrap_secret(value) if key in secret_keys and value != UNKNOWN else value
            for key, value in values.items()
        }
        return resource_pb2.RegisterResourceResponse(urn=urn, id=id_, object=struct_from(wire))

    # ---- after the program -------------------------------------------------------------------

    def finish(self) -> None:
        """Delete what the program no longer declares and what replacements condemned, newest first."""
        snapshot = self.snapshot().resources
        doomed = [entry for entry in reversed(snapshot) if entry.delete or entry.urn not in self._registered]
        for entry in doomed:
            self._check_cancelled()
            if self.stopped:
                return
            self._delete(entry)

    def _delete(self, entry: ResourceState) -> None:
        if not entry.delete:
            detail = StepDetail.between(entry.urn, entry.id, entry.inputs, {}, old_secrets=entry.secret_inputs)
            self._step("delete", entry.type, entry.name, detail)
            if entry.protect:
                message = delete_protected_message(entry.urn)
                self._report.error(f"Preview failed: {message}" if self.preview else message, urn=entry.urn)
                if not self.preview:
                    self.stopped = True
                return
        if self.preview:
            return
        if entry.custom and not entry.retain_on_delete:
            try:
                with self._operation("deleting", entry):
                    self._provider().delete(
                        entry.urn, entry.type, entry.name, entry.id, entry.known_outputs(), entry.known_inputs()
                    )
            except ProviderError as exc:
                message = f"{entry.type} resource '{entry.name}': delete failed"
                self._report.error(f"{message}: {exc.summary}", f"{message}: {exc.details}", urn=entry.urn)
                self.stopped = True
                return
        self._condemned = [other for other in self._condemned if other is not entry]
        self._pending = [other for other in self._pending if other is not entry]
        self._old_order = [other for other in self._old_order if other is not entry]
        self._save()
        if not entry.delete:
            self._done("delete", entry.type, entry.name)

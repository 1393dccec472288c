"""What the twelve processing resources share: one declaration per template, one per rule, and their providers.

A template (:class:`TemplateSpec`) declares each argument once (:class:`Arg`: the snake_case name,
Tencent's request field, whether it is secret), and that one declaration drives:

- ``check``: types through the SDK-shaped request model, Tencent's documented limits
  (``rules/_processing.py``, each with its page), no API call;
- ``diff``: a changed argument whose field Tencent's Modify action lacks replaces the template;
  every other change updates it in place and it keeps its id;
- create/update/read/delete: the request bodies, and read's mapping of the console's values back.

A rule (:class:`RuleSpec`) binds a template to a push domain, app and stream. Tencent has no Modify
action for rules, so any change replaces one, deleting the old rule first
(``delete_before_replace``): Tencent keeps one rule per domain, app and stream, so the new rule
could not be created beside the old one.

Arguments left ``None`` are not sent (Tencent's defaults apply) and are not compared on refresh,
so a default Tencent fills in never shows as drift. A secret argument (``callback_key``) is
wrapped with ``Output.secret``; state holds a salted digest of it (``<name>_digest``), which is how
a key changed in the console shows on refresh without revealing either value.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import pulumi
from pulumi.dynamic import CheckFailure, CheckResult, CreateResult, DiffResult, ReadResult, UpdateResult
from pydantic import BaseModel, ValidationError

from .. import rules
from ..cloud.api import Action, ApiObject
from ..cloud.client import TencentCloudClient
from ..errors import RuleViolation, TencentCloudApiError
from ._domain_ref import domain_kind_problems, domain_reference
from ._provider import TcliveProvider, failures, is_unknown, say

__all__ = [
    "Arg",
    "RuleProvider",
    "RuleSpec",
    "TemplateProvider",
    "TemplateSpec",
    "describe_one",
    "rule_props",
    "secret_digest",
    "template_props",
]


@dataclass(frozen=True)
class Arg:
    """One template argument: its name (Tencent's request field in snake_case) and whether it is a secret."""

    field: str  # Tencent's request field: "VideoBitrate"
    secret: bool = False

    @property
    def name(self) -> str:
        """The resource argument: ``video_bitrate``."""
        return rules.snake_case(self.field)


@dataclass(frozen=True)
class TemplateSpec:
    """One kind of template: its arguments, limits and Tencent's actions.

    Args:
        resource: the resource class name, for messages.
        args: every argument, in the order of Tencent's create request.
        limits: Tencent's documented limits (``rules/_processing.py``).
        create, modify, delete: Tencent's actions (``modify`` is the watermark's Update).
        describe: reads one template by id; ``None`` when Tencent no longer has it.
        id_field: ``TemplateId``, or the watermark's ``WatermarkId``.
    """

    resource: str
    args: tuple[Arg, ...]
    limits: tuple[rules.Limit, ...]
    create: Action[Any, Any]
    modify: Action[Any, Any]
    delete: Action[Any, Any]
    describe: Callable[[TencentCloudClient, int], ApiObject | None]
    id_field: str = "TemplateId"

    @property
    def replacing(self) -> frozenset[str]:
        """Arguments Tencent's Modify action cannot change: a change replaces the template."""
        return frozenset(a.name for a in self.args if a.field not in self.modify.request.model_fields)

    def arg(self, name: str) -> Arg:
        """The argument called ``name``."""
        return next(a for a in self.args if a.name == name)


def secret_digest(value: str) -> str:
    """16 hex digits of a salted SHA-256: enough to see a change, never the value."""
    return hashlib.sha256(f"tclive-processing-secret\0{value}".encode()).hexdigest()[:16]


def _nested_model(model: type[BaseModel], field: str) -> type[BaseModel] | None:
    annotation = model.model_fields[field].annotation
    for candidate in (annotation, *getattr(annotation, "__args__", ())):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _to_tencent(model: type[BaseModel], field: str, value: object) -> object:
    """A nested argument's dict with snake_case keys → Tencent's keys (unknown keys kept, for check to name)."""
    nested = _nested_model(model, field)
    if nested is None or not isinstance(value, Mapping):
        return value
    by_name = {rules.snake_case(name): name for name in nested.model_fields}
    return {by_name.get(str(key), str(key)): item for key, item in value.items()}


def _from_tencent(value: object) -> object:
    if isinstance(value, BaseModel):
        return {rules.snake_case(k): v for k, v in value.model_dump().items() if v is not None}
    return value


def _whole_numbers(value: object) -> object:
    """Pulumi sends numbers as floats: ``900.0`` → 900, recursively, so state and diffs compare like for like."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, Mapping):
        return {k: _whole_numbers(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_whole_numbers(v) for v in value]
    return value


class TemplateProvider(TcliveProvider):
    """A template's provider; each resource subclasses it with its :class:`TemplateSpec`."""

    spec: TemplateSpec

    def _inputs(self, props: Mapping[str, Any]) -> dict[str, Any]:
        return {a.name: _whole_numbers(props.get(a.name)) for a in self.spec.args}

    def _body(self, inputs: Mapping[str, Any], action: Action[Any, Any]) -> dict[str, Any]:
        """The request body for ``action``: arguments given (not ``None``) whose field the action has."""
        model = action.request
        return {
            a.field: _to_tencent(model, a.field, inputs[a.name])
            for a in self.spec.args
            if inputs.get(a.name) is not None and a.field in model.model_fields
        }

    def check(self, olds: dict[str, Any], news: dict[str, Any]) -> CheckResult:
        inputs = {**{k: v for k, v in news.items() if k not in self._inputs({})}, **self._inputs(news)}
        known = {k: v for k, v in inputs.items() if not is_unknown(v)}
        body = self._body(known, self.spec.create)
        found: list[CheckFailure] = []
        for arg in self.spec.args:
            if self.spec.create.request.model_fields[arg.field].is_required() and inputs[arg.name] is None:
                found.append(CheckFailure(arg.name, f"{self.spec.resource}: {arg.name} is required. Give it a value."))
        try:
            self.spec.create.request.model_validate(body)
        except ValidationError as exc:
            for error in exc.errors():
                if error["type"] == "missing":  # reported above, or unknown until apply
                    continue
                path = ".".join(rules.snake_case(str(part)) for part in error["loc"])
                top = self.spec.arg(path.split(".")[0])
                shown = "(a secret, not shown)" if top.secret else repr(error.get("input"))
                found.append(
                    CheckFailure(
                        top.name,
                        f"{self.spec.resource}: {path} {shown} is not accepted ({error['msg']}). "
                        "Give a value of the documented type (help(<resource class>)).",
                    )
                )
        if not found:  # a nested argument's failure is reported on the argument; its message names the key
            found = [
                CheckFailure(problem.property.split(".")[0], problem.message())
                for _, problem in rules.check_limits(body, self.spec.limits)
            ]
        return CheckResult(inputs, found)

    def diff(self, _id: str, olds: dict[str, Any], news: dict[str, Any]) -> DiffResult:
        old, new = self._inputs(olds), self._inputs(news)
        changed: list[str] = []
        for arg in self.spec.args:
            value = new[arg.name]
            if is_unknown(value):
                changed.append(arg.name)
            elif arg.secret:
                before = olds.get(f"{arg.name}_digest") or ""
                if (secret_digest(str(value)) if value is not None else "") != before:
                    changed.append(arg.name)
            elif value != old[arg.name]:
                changed.append(arg.name)
        replaces = [name for name in changed if name in self.spec.replacing]
        return DiffResult(changes=bool(changed), replaces=replaces, delete_before_replace=False)

    def _outputs(self, inputs: Mapping[str, Any], template_id: int) -> dict[str, Any]:
        outputs = {k: v for k, v in inputs.items() if not self.spec.arg(k).secret}
        for arg in self.spec.args:
            if arg.secret:
                value = inputs.get(arg.name)
                outputs[f"{arg.name}_digest"] = secret_digest(str(value)) if value is not None else ""
        return {**outputs, "template_id": template_id}

    def _refused(self, exc: TencentCloudApiError) -> RuleViolation:
        return RuleViolation(
            f"{self.spec.resource}: Tencent refused the template ({exc.code}): {exc.message} "
            "Fix the argument it names, then run `pulumi up` again."
        )

    def create(self, props: dict[str, Any]) -> CreateResult:
        inputs = self._inputs(props)
        action = self.spec.create
        try:
            answer = self.runtime.client().call(action, action.request.model_validate(self._body(inputs, action)))
        except TencentCloudApiError as exc:
            if exc.matches("InvalidParameter", "InvalidParameterValue", "InternalError.ConfOutLimit"):
                raise self._refused(exc) from None
            raise
        template_id = int(getattr(answer, self.spec.id_field))
        return CreateResult(str(template_id), self._outputs(inputs, template_id))

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        inputs = self._inputs(news)
        action = self.spec.modify
        body = {self.spec.id_field: int(id_), **self._body(inputs, action)}
        try:
            self.runtime.client().call(action, action.request.model_validate(body))
        except TencentCloudApiError as exc:
            if exc.matches("InvalidParameter", "InvalidParameterValue"):
                raise self._refused(exc) from None
            raise
        return UpdateResult(self._outputs(inputs, int(id_)))

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        info = self.spec.describe(self.runtime.client(), int(id_))
        if info is None:
            return ReadResult("", {})
        old = self._inputs(props)
        inputs = dict(old)
        digests: dict[str, str] = {}
        for arg in self.spec.args:
            current = _from_tencent(getattr(info, arg.field, None))
            if arg.secret:
                digests[f"{arg.name}_digest"] = secret_digest(str(current)) if current else ""
            elif old[arg.name] is not None and current is not None:
                # Only what the program declares is compared: defaults Tencent fills in are not drift.
                declared = old[arg.name]
                if isinstance(declared, Mapping) and isinstance(current, Mapping):
                    current = {k: current.get(k, v) for k, v in declared.items()}
                inputs[arg.name] = current
        outputs = {**self._outputs(inputs, int(id_)), **digests}
        return ReadResult(id_, outputs, inputs)

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        action = self.spec.delete
        try:
            self.runtime.client().call(action, action.request.model_validate({self.spec.id_field: int(id_)}))
        except TencentCloudApiError as exc:
            if exc.matches("InvalidParameter.TemplateNotFound", "ResourceNotFound.WatermarkNotExist"):
                say(f"{self.spec.resource} {id_}: gone already.")
                return
            if exc.matches("FailedOperation.ConfInUsed"):
                raise RuleViolation(
                    f"{self.spec.resource} {id_} is still bound by a rule Pulumi does not manage ({exc.message}). "
                    "Delete that rule in the console (or declare it and remove it from the program), then run "
                    "`pulumi destroy` again."
                ) from None
            raise


def describe_one(
    action: Action[Any, Any], answer_field: str, id_field: str = "TemplateId"
) -> Callable[[TencentCloudClient, int], ApiObject | None]:
    """A :attr:`TemplateSpec.describe` through a Describe-one action; ``None`` when Tencent has no such template."""

    def describe(client: TencentCloudClient, template_id: int) -> ApiObject | None:
        try:
            answer = client.call(action, action.request.model_validate({id_field: template_id}))
        except TencentCloudApiError as exc:
            if exc.matches("InvalidParameter.TemplateNotFound", "ResourceNotFound.WatermarkNotExist"):
                return None
            raise
        found: ApiObject | None = getattr(answer, answer_field)
        return found

    return describe


def template_props(spec: TemplateSpec, given: Mapping[str, Any]) -> dict[str, Any]:
    """A resource's ``__init__`` arguments as its properties: secrets wrapped, ``template_id`` an output."""
    props: dict[str, Any] = {}
    for arg in spec.args:
        value = given.get(arg.name)
        props[arg.name] = pulumi.Output.secret(value) if arg.secret and value is not None else value
        if arg.secret:
            props[f"{arg.name}_digest"] = None
    return {**props, "template_id": None}


@dataclass(frozen=True)
class RuleSpec:
    """One kind of rule: Tencent's actions and how a rule is keyed.

    Args:
        resource: the resource class name, for messages.
        template: the template resource it binds, for messages.
        create, delete, describe: Tencent's actions (describe lists every rule of the kind).
        per_stream: ``False`` for callback rules, which bind a domain and app only.
        ladder: ``True`` for transcoding, where one stream may carry several templates (one rule each).
    """

    resource: str
    template: str
    create: Action[Any, Any]
    delete: Action[Any, Any]
    describe: Action[Any, Any]
    per_stream: bool = True
    ladder: bool = False


class RuleProvider(TcliveProvider):
    """A rule's provider; each resource subclasses it with its :class:`RuleSpec`."""

    spec: RuleSpec

    def _inputs(self, props: Mapping[str, Any]) -> dict[str, Any]:
        template_id = props.get("template_id")
        inputs = {
            "domain_name": props.get("domain_name"),
            "domain_type": props.get("domain_type"),
            "app_name": props.get("app_name") or "",
            "template_id": template_id if is_unknown(template_id) else _whole_numbers(template_id),
        }
        if self.spec.per_stream:
            inputs["stream_name"] = props.get("stream_name") or ""
        return inputs

    def _key(self, inputs: Mapping[str, Any]) -> str:
        parts = [str(inputs["domain_name"]), str(inputs["app_name"]), str(inputs.get("stream_name", ""))]
        if not self.spec.per_stream:
            parts.pop()
        if self.spec.ladder:
            parts.append(str(inputs["template_id"]))
        return "/".join(parts)

    def check(self, olds: dict[str, Any], news: dict[str, Any]) -> CheckResult:
        inputs = {**news, **self._inputs(news)}
        if isinstance(inputs.get("domain_name"), str):
            inputs["domain_name"] = rules.normalize_domain_name(inputs["domain_name"])
        problems = domain_kind_problems(
            inputs,
            self.spec.resource,
            "push",
            f"Tencent applies {self.spec.resource} rules to the streams pushed to a push domain: bind it to the "
            "push domain, and viewers of every play domain get the result.",
        )
        template_id = inputs["template_id"]
        if not is_unknown(template_id) and not (isinstance(template_id, int) and template_id > 0):
            problems.append(
                rules.Problem(
                    "template_id",
                    template_id,
                    f"template_id {template_id!r} is not a template id.",
                    f"Pass the {self.spec.template}'s template_id output.",
                )
            )
        for name in ("app_name", "stream_name"):
            value = inputs.get(name)
            if isinstance(value, str) and ("/" in value or " " in value):
                problems.append(
                    rules.Problem(name, value, f"{name} {value!r} holds '/' or a space.", "Give the bare name, or ''.")
                )
        return CheckResult(inputs, failures(problems))

    def diff(self, _id: str, olds: dict[str, Any], news: dict[str, Any]) -> DiffResult:
        old, new = self._inputs(olds), self._inputs(news)
        keys = [k for k in new if k != "domain_type"]
        changed = [k for k in keys if is_unknown(new[k]) or new[k] != old[k]]
        return DiffResult(changes=bool(changed), replaces=changed, delete_before_replace=True)

    def _body(self, inputs: Mapping[str, Any], action: Action[Any, Any]) -> Any:
        fields = {
            "DomainName": inputs["domain_name"],
            "AppName": inputs["app_name"],
            "StreamName": inputs.get("stream_name", ""),
            "TemplateId": inputs["template_id"],
        }
        return action.request.model_validate({k: v for k, v in fields.items() if k in action.request.model_fields})

    def create(self, props: dict[str, Any]) -> CreateResult:
        inputs = self._inputs(props)
        try:
            self.runtime.client().call(self.spec.create, self._body(inputs, self.spec.create))
        except TencentCloudApiError as exc:
            if exc.matches("FailedOperation.RuleAlreadyExist"):
                raise RuleViolation(
                    f"{self.spec.resource}: {inputs['domain_name']} (app {inputs['app_name'] or '*'}"
                    + (f", stream {inputs['stream_name'] or '*'}" if self.spec.per_stream else "")
                    + f") already has a rule of this kind ({exc.message}). Tencent keeps one; declare that one "
                    "instead (tclive import writes it into the program), or delete it in the console."
                ) from None
            if exc.matches("ResourceNotFound", "InvalidParameter.TemplateNotFound"):
                raise RuleViolation(f"{self.spec.resource}: {exc.message} ({exc.code})") from None
            raise
        return CreateResult(self._key(inputs), inputs)

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        inputs = self._inputs(props)
        answer = self.runtime.client().call(self.spec.describe, self.spec.describe.request())
        for rule in answer.Rules:
            found = {
                **inputs,
                "domain_name": rule.DomainName,
                "app_name": rule.AppName,
                "template_id": rule.TemplateId,
            }
            if self.spec.per_stream:
                found["stream_name"] = getattr(rule, "StreamName", "")
            same_place = self._key({**found, "template_id": inputs["template_id"]}) == id_
            if same_place and (not self.spec.ladder or rule.TemplateId == inputs["template_id"]):
                return ReadResult(id_, found, found)
        return ReadResult("", {})

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        inputs = self._inputs(props)
        try:
            self.runtime.client().call(self.spec.delete, self._body(inputs, self.spec.delete))
        except TencentCloudApiError as exc:
            if exc.matches("InvalidParameter.RuleNotFound"):
                say(f"{self.spec.resource} {id_}: gone already.")
                return
            raise


def rule_props(
    domain_name: Any, given: Mapping[str, Any], opts: pulumi.ResourceOptions | None
) -> tuple[dict[str, Any], pulumi.ResourceOptions]:
    """A rule's ``__init__`` arguments as properties; a :class:`LiveDomain` lends its type to the play-domain check."""
    name, domain_type, merged = domain_reference(domain_name, opts)
    return {"domain_name": name, "domain_type": domain_type, **given}, merged

"""What the twelve processing resources share: one declaration per template, one per rule, and their providers.

A template declares its inputs once, as an :class:`Inputs` declaration (resources/_inputs.py)
completed by :func:`template_inputs` from Tencent's actions and limits: an input is required where
Tencent's create request requires it, replaces the template where Tencent's Modify action lacks
its field, and its documented limit (``rules/_processing.py``, with its page) joins its doc. That
one declaration drives:

- ``check``: types, required inputs and nested keys (:meth:`Inputs.check`), then Tencent's limits,
  with no API call;
- ``diff``: a changed input that replaces (above) replaces the template; every other change
  updates it in place and it keeps its id;
- the resource class's signature and ``Args:`` docstring (:meth:`Inputs.document`) and what
  ``tclive import`` writes (:meth:`Inputs.arguments`);
- create/update/read/delete: the request bodies (Tencent's field names are the inputs' names in
  PascalCase), and read's mapping of the console's values back.

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

import dataclasses
import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pulumi
from pulumi.dynamic import CheckFailure, CheckResult, CreateResult, DiffResult, ReadResult, Resource, UpdateResult
from pydantic import BaseModel

from .. import rules
from ..cloud.api import Action, ApiObject
from ..cloud.client import TencentCloudClient
from ..errors import RuleViolation, TencentCloudApiError
from ._domain_ref import domain_kind_problems, domain_reference
from ._inputs import REQUIRED, Input, Inputs
from ._provider import TcliveProvider, failures, is_unknown, say

__all__ = [
    "RuleProvider",
    "RuleSpec",
    "StreamRule",
    "TemplateProvider",
    "TemplateSpec",
    "describe_one",
    "listing",
    "nested_inputs",
    "rule_inputs",
    "rule_props",
    "secret_digest",
    "template_inputs",
    "template_props",
]


def template_inputs(
    resource: str,
    create: Action[Any, Any],
    modify: Action[Any, Any],
    limits: Sequence[rules.Limit],
    *declared: Input,
    outputs: Sequence[str] = ("template_id",),
) -> Inputs:
    """A template's declaration, completed from Tencent's actions and documented limits.

    Args:
        resource: the resource class name.
        create: Tencent's create action: an input its request requires is required.
        modify: Tencent's Modify (Update) action: an input whose field it lacks replaces the template.
        limits: Tencent's limits (``rules/_processing.py``); each one's rule and page join the input's doc.
        declared: the inputs, in ``__init__``'s order; each one's name is Tencent's field in snake_case.
        outputs: the outputs the resource adds.
    """
    completed = []
    for given in declared:
        field = given.api_name
        required = create.request.model_fields[field].is_required()
        limited = [limit for limit in limits if limit.field.split(".")[0] == field]
        notes = [
            f"Tencent accepts {'``' + rules.snake_case(limit.field) + '``: ' if '.' in limit.field else ''}"
            f"{limit.rule} ({limit.source})."
            for limit in limited
        ]
        completed.append(
            dataclasses.replace(
                given,
                default=REQUIRED if required else given.default,
                replaces=field not in modify.request.model_fields,
                doc=" ".join([given.doc, *dict.fromkeys(notes)]),
            )
        )
    return Inputs(resource, *completed, ADOPT, outputs=outputs)


ADOPT = Input(
    "adopt_existing",
    bool,
    False,
    doc="``True`` (what ``tclive import`` writes) takes over an existing one (a template: the one with the same "
    "name; a rule: the one at the same domain, app and stream) instead of creating one; nothing is written when it "
    "already is as declared.",
    compared=False,
)
"""The input every processing template and rule ends with."""


def nested_inputs(model: type[BaseModel], docs: Mapping[str, str]) -> tuple[Input, ...]:
    """The keys of a nested parameter (one of Tencent's structures), one :class:`Input` per field of ``model``."""
    kinds: dict[str, Any] = {"int": int, "str": str, "bool": bool, "float": float}
    found = []
    for field, info in model.model_fields.items():
        annotation = info.annotation
        kind = next((k for n, k in kinds.items() if n in str(annotation)), None)
        name = rules.snake_case(field)
        found.append(Input(name, kind, doc=docs.get(name, ""), api=field))
    return tuple(found)


@dataclass(frozen=True)
class TemplateSpec:
    """One kind of template: its declaration and Tencent's actions.

    Args:
        inputs: the declaration (:func:`template_inputs`).
        limits: Tencent's documented limits (``rules/_processing.py``).
        create, modify, delete: Tencent's actions (``modify`` is the watermark's Update).
        describe: reads one template by id; ``None`` when Tencent no longer has it.
        listing: every template of the kind (adopt_existing finds one by name there).
        id_field: ``TemplateId``, or the watermark's ``WatermarkId``.
    """

    inputs: Inputs
    limits: tuple[rules.Limit, ...]
    create: Action[Any, Any]
    modify: Action[Any, Any]
    delete: Action[Any, Any]
    describe: Callable[[TencentCloudClient, int], ApiObject | None]
    listing: Callable[[TencentCloudClient], Sequence[ApiObject]]
    id_field: str = "TemplateId"

    @property
    def resource(self) -> str:
        """The resource class name, for messages."""
        return self.inputs.resource

    @property
    def name_field(self) -> str:
        """The field holding a template's name: ``TemplateName``, or the watermark's ``WatermarkName``."""
        return "WatermarkName" if self.id_field == "WatermarkId" else "TemplateName"


def listing(action: Action[Any, Any], answer_field: str) -> Callable[[TencentCloudClient], Sequence[ApiObject]]:
    """A :attr:`TemplateSpec.listing`: every template of the kind, through a Describe-all action."""

    def list_all(client: TencentCloudClient) -> Sequence[ApiObject]:
        found: Sequence[ApiObject] = getattr(client.call(action, action.request()), answer_field)
        return found

    return list_all


def secret_digest(value: str) -> str:
    """16 hex digits of a salted SHA-256: enough to see a change, never the value."""
    return hashlib.sha256(f"tclive-processing-secret\0{value}".encode()).hexdigest()[:16]


def _from_tencent(declared: Input, value: object) -> object:
    if isinstance(value, BaseModel):
        return declared.from_api(value.model_dump())
    return value


class TemplateProvider(TcliveProvider):
    """A template's provider; each resource subclasses it with its :class:`TemplateSpec`."""

    spec: TemplateSpec

    def _body(self, inputs: Mapping[str, Any], action: Action[Any, Any]) -> dict[str, Any]:
        """The request body for ``action``: inputs given (not ``None``) whose field the action has."""
        body: dict[str, Any] = {}
        for declared in self.spec.inputs.inputs:
            value = inputs.get(declared.name)
            if value is not None and declared.api_name in action.request.model_fields:
                body[declared.api_name] = declared.to_api(value) if declared.fields else value
        return body

    def check(self, olds: dict[str, Any], news: dict[str, Any]) -> CheckResult:
        inputs, problems = self.spec.inputs.check(news)  # a secret's problems never quote it (resources/_inputs.py)
        found = [CheckFailure(p.property.split(".")[0], p.message()) for p in problems]
        if not found:  # a nested input's failure is reported on the input; its message names the key
            known = {k: v for k, v in inputs.items() if not is_unknown(v)}
            found = [
                CheckFailure(problem.property.split(".")[0], problem.message())
                for _, problem in rules.check_limits(self._body(known, self.spec.create), self.spec.limits)
            ]
        return CheckResult(inputs, found)

    def diff(self, _id: str, olds: dict[str, Any], news: dict[str, Any]) -> DiffResult:
        declared = self.spec.inputs
        changed = declared.changed(olds, news)
        for name in declared.secret_names:  # through the digest: the old value may be withheld (a secret)
            value = news.get(name)  # None leaves the key as it is (an imported template keeps the console's)
            if is_unknown(value) or (value is not None and secret_digest(str(value)) != olds.get(f"{name}_digest")):
                changed.append(name)
        return DiffResult(
            changes=bool(changed), replaces=declared.replacements(changed, news), delete_before_replace=False
        )

    def _outputs(self, inputs: Mapping[str, Any], template_id: int) -> dict[str, Any]:
        secrets = self.spec.inputs.secret_names
        outputs = {k: v for k, v in inputs.items() if k not in secrets}
        for name in secrets:
            value = inputs.get(name)
            outputs[f"{name}_digest"] = secret_digest(str(value)) if value is not None else ""
        return {**outputs, "template_id": template_id}

    def _refused(self, exc: TencentCloudApiError) -> RuleViolation:
        return RuleViolation(
            f"{self.spec.resource}: Tencent refused the template ({exc.code}): {exc.message} "
            "Fix the argument it names, then run `pulumi up` again."
        )

    def _adopt(self, inputs: Mapping[str, Any]) -> CreateResult | None:
        """adopt_existing: the template with the program's name, made as declared (no write when it is)."""
        client = self.runtime.client()
        name = inputs[rules.snake_case(self.spec.name_field)]
        same_name = [t for t in self.spec.listing(client) if getattr(t, self.spec.name_field) == name]
        if not same_name:
            return None
        template_id = int(getattr(same_name[0], self.spec.id_field))
        current = self.read(str(template_id), {**inputs, **{s: None for s in self.spec.inputs.secret_names}})
        secrets_given = [s for s in self.spec.inputs.secret_names if inputs.get(s) is not None]
        if current.inputs == {**inputs, **dict.fromkeys(self.spec.inputs.secret_names)} and not secrets_given:
            say(f"{self.spec.resource} {name}: adopted template {template_id} as it is.")
            return CreateResult(str(template_id), dict(current.outs or {}))
        self.update(str(template_id), {}, dict(inputs))
        return CreateResult(str(template_id), self._outputs(inputs, template_id))

    def create(self, props: dict[str, Any]) -> CreateResult:
        inputs = self.spec.inputs.values(props)
        if inputs["adopt_existing"]:
            adopted = self._adopt(inputs)
            if adopted is not None:
                return adopted
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
        inputs = self.spec.inputs.values(news)
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
        old = self.spec.inputs.values(props)
        inputs = dict(old)
        digests: dict[str, str] = {}
        for declared in self.spec.inputs.inputs:
            current = _from_tencent(declared, getattr(info, declared.api_name, None))
            if declared.secret:
                digests[f"{declared.name}_digest"] = secret_digest(str(current)) if current else ""
            elif old[declared.name] is not None and current is not None:
                # Only what the program declares is compared: defaults Tencent fills in are not drift.
                wanted = old[declared.name]
                if isinstance(wanted, Mapping) and isinstance(current, Mapping):
                    current = {k: (current.get(k, v) if v is not None else None) for k, v in wanted.items()}
                inputs[declared.name] = current
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


def template_props(inputs: Inputs, given: Mapping[str, Any]) -> dict[str, Any]:
    """A template's ``__init__`` arguments as its properties: secrets wrapped, their digests and ``template_id`` outputs."""
    return {**inputs.props(given), **{f"{name}_digest": None for name in inputs.secret_names}}


def rule_inputs(resource: str, template: str, *, per_stream: bool = True) -> Inputs:
    """A rule's declaration: every input replaces the rule (Tencent has no Modify action for rules).

    Args:
        resource: the resource class name.
        template: the template resource it binds, for the docs.
        per_stream: ``False`` for callback rules, which bind a domain and app only.
    """
    stream = (Input("stream_name", str, "", doc='One stream; ``""``: every stream.', replaces=True),)
    return Inputs(
        resource,
        Input(
            "domain_name",
            str,
            REQUIRED,
            doc="The push domain: a :class:`LiveDomain` (preview then refuses a play domain) or its name.",
            replaces=True,
            normalize=rules.normalize_domain_name,
            validated_by="domain_kind_problems",
        ),
        Input("template_id", int, REQUIRED, doc=f"The {template}'s ``template_id``.", replaces=True, range=(1, None)),
        Input(
            "app_name",
            str,
            "",
            doc='The app (the path segment of push URLs, usually ``live``); ``""``: every app.',
            replaces=True,
        ),
        *(stream if per_stream else ()),
        ADOPT,
        Input("domain_type", str, argument=False, compared=False, doc="The LiveDomain's type, when one is given."),
    )


@dataclass(frozen=True)
class RuleSpec:
    """One kind of rule: its declaration and Tencent's actions.

    Args:
        inputs: the declaration (:func:`rule_inputs`).
        create, delete, describe: Tencent's actions (describe lists every rule of the kind).
        ladder: ``True`` for transcoding, where one stream may carry several templates (one rule each).
    """

    inputs: Inputs
    create: Action[Any, Any]
    delete: Action[Any, Any]
    describe: Action[Any, Any]
    ladder: bool = False

    @property
    def resource(self) -> str:
        """The resource class name, for messages."""
        return self.inputs.resource

    @property
    def per_stream(self) -> bool:
        """``False`` for callback rules, which bind a domain and app only."""
        return "stream_name" in self.inputs.names


class RuleProvider(TcliveProvider):
    """A rule's provider; each resource subclasses it with its :class:`RuleSpec`."""

    spec: RuleSpec

    def _key(self, inputs: Mapping[str, Any]) -> str:
        parts = [str(inputs["domain_name"]), str(inputs["app_name"])]
        if self.spec.per_stream:
            parts.append(str(inputs["stream_name"]))
        if self.spec.ladder:
            parts.append(str(inputs["template_id"]))
        return "/".join(parts)

    def check(self, olds: dict[str, Any], news: dict[str, Any]) -> CheckResult:
        inputs, problems = self.spec.inputs.check(news)
        problems += domain_kind_problems(
            inputs,
            self.spec.resource,
            "push",
            f"Tencent applies {self.spec.resource} rules to the streams pushed to a push domain: bind it to the "
            "push domain, and viewers of every play domain get the result.",
        )
        for name in ("app_name", "stream_name"):
            value = inputs.get(name)
            if isinstance(value, str) and ("/" in value or " " in value):
                problems.append(
                    rules.Problem(name, value, f"{name} {value!r} holds '/' or a space.", "Give the bare name, or ''.")
                )
        return CheckResult(inputs, failures(problems))

    def diff(self, _id: str, olds: dict[str, Any], news: dict[str, Any]) -> DiffResult:
        changed = self.spec.inputs.changed(olds, news)
        # Every change replaces, an unknown template id too: a rule has no update.
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
        inputs = self.spec.inputs.values(props)
        if inputs["adopt_existing"] and self.read(self._key(inputs), inputs).outs == inputs:
            say(f"{self.spec.resource} {self._key(inputs)}: adopted the rule as it is.")
            return CreateResult(self._key(inputs), inputs)
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
        inputs = self.spec.inputs.values(props)
        answer = self.runtime.client().call(self.spec.describe, self.spec.describe.request())
        for rule in answer.Rules:
            found = {**inputs, "domain_name": rule.DomainName, "app_name": rule.AppName, "template_id": rule.TemplateId}
            if self.spec.per_stream:
                found["stream_name"] = rule.StreamName
            same_place = self._key({**found, "template_id": inputs["template_id"]}) == id_
            if same_place and (not self.spec.ladder or rule.TemplateId == inputs["template_id"]):
                return ReadResult(id_, found, found)
        return ReadResult("", {})

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        inputs = self.spec.inputs.values(props)
        try:
            self.runtime.client().call(self.spec.delete, self._body(inputs, self.spec.delete))
        except TencentCloudApiError as exc:
            if exc.matches("InvalidParameter.RuleNotFound"):
                say(f"{self.spec.resource} {id_}: gone already.")
                return
            raise


class StreamRule(Resource):
    """Base of the rules that bind a template to a push domain, app and stream (all but CallbackRule).

    Each subclass names its provider (``provider_class``) and declaration (``declared``), which
    documents the arguments below on the subclass.
    """

    provider_class: type[RuleProvider]
    declared: Inputs
    template_id: pulumi.Output[int]

    def __init__(
        self,
        resource_name: str,
        *,
        domain_name: Any,
        template_id: pulumi.Input[int],
        app_name: pulumi.Input[str] = "",
        stream_name: pulumi.Input[str] = "",
        adopt_existing: bool = False,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """Declare the resource; every argument is documented on the class (``help(<class>)``)."""
        props, merged = rule_props(self.declared, domain_name, locals(), opts)
        super().__init__(self.provider_class(), resource_name, props, merged)


def rule_props(
    inputs: Inputs, domain_name: Any, given: Mapping[str, Any], opts: pulumi.ResourceOptions | None
) -> tuple[dict[str, Any], pulumi.ResourceOptions]:
    """A rule's ``__init__`` arguments as properties; a :class:`LiveDomain` lends its type to the play-domain check."""
    name, domain_type, merged = domain_reference(domain_name, opts)
    return inputs.props(given, domain_name=name, domain_type=domain_type), merged

"""``PlayReferer``: a play domain's Referer allow or deny list.

DescribeLiveDomainReferer / ModifyLiveDomainReferer (``Enable``, ``Type`` 1 allow list / 0 deny
list, ``AllowEmpty``, ``Rules`` joined with ``;``), the write skipped on create when the domain
already has exactly these rules (so adopting them writes nothing); Terraform's equivalent is
``tencentcloud_css_domain_referer``. Tencent checks the Referer header of HTTP(S) playback (FLV,
HLS); RTMP and WebRTC playback send none and are not filtered.

Preview checks each rule: a host name, optionally with a leading ``*.`` wildcard label and a
``:port``; no scheme, path, spaces or ``;``; no duplicates. An allow list with no rule and
``allow_empty=False`` would refuse every browser, so it is refused too. Delete switches the
Referer check off (``Enable=0``). A list changed or switched off in the console shows on refresh.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import pulumi
from pulumi.dynamic import CheckResult, CreateResult, DiffResult, ReadResult, Resource, UpdateResult

from .. import rules as product_rules
from ..cloud.client import TencentCloudClient
from ..cloud.streaming import (
    DESCRIBE_LIVE_DOMAIN_REFERER,
    MODIFY_LIVE_DOMAIN_REFERER,
    DescribeLiveDomainRefererRequest,
    ModifyLiveDomainRefererRequest,
)
from ..errors import RuleViolation, TencentCloudApiError
from ._domain_ref import domain_inputs, domain_kind_problems, domain_reference
from ._inputs import Input, Inputs
from ._provider import TcliveProvider, failures, is_unknown, say

__all__ = ["INPUTS", "PlayReferer", "PlayRefererProvider", "check_referer_rules"]

MODES = {"allow": 1, "deny": 0}
_LABEL = r"(?!-)[a-z0-9-]{1,63}(?<!-)"
_RULE = re.compile(rf"^(?:\*\.)?{_LABEL}(?:\.{_LABEL})*(?::[0-9]{{1,5}})?$")
_NOT_FOUND = ("ResourceNotFound.DomainNotExist", "InternalError.DomainNotExist")


def check_referer_rules(mode: object, values: object, allow_empty: object) -> list[product_rules.Problem]:
    """The preview checks of ``mode``, ``rules`` and ``allow_empty`` (unknown values are skipped)."""
    problems: list[product_rules.Problem] = []
    if not is_unknown(mode) and mode not in MODES:
        problems.append(
            product_rules.Problem("mode", mode, f"mode is {mode!r}.", "Use 'allow' (allow list) or 'deny' (deny list).")
        )
    if not is_unknown(allow_empty) and not isinstance(allow_empty, bool):
        problems.append(
            product_rules.Problem("allow_empty", allow_empty, f"allow_empty is {allow_empty!r}.", "Use true or false.")
        )
    if is_unknown(values) or (isinstance(values, list) and any(is_unknown(v) for v in values)):
        return problems
    if not isinstance(values, list) or any(not isinstance(v, str) for v in values):
        problems.append(product_rules.Problem("rules", values, f"rules is {values!r}.", "Give a list of host names."))
        return problems
    seen: set[str] = set()
    for raw in values:
        rule = raw.strip().lower()
        if not _RULE.match(rule):
            problems.append(
                product_rules.Problem(
                    "rules",
                    raw,
                    f"The referer rule {raw!r} is not a host name.",
                    "Give host names such as www.example.com or *.example.com (optionally :port), "
                    "without http://, paths, spaces or ';'.",
                )
            )
        elif rule in seen:
            problems.append(
                product_rules.Problem("rules", raw, f"The referer rule {raw!r} is listed twice.", "List it once.")
            )
        seen.add(rule)
    if mode == "allow" and not values and allow_empty is False:
        problems.append(
            product_rules.Problem(
                "rules",
                values,
                "An allow list with no rules and allow_empty=False refuses every browser.",
                "Add the sites that may embed the player, or set allow_empty=True.",
            )
        )
    return problems


def _hosts(values: Any) -> Any:
    """Referer rules in their normal form (stripped, lower-case); anything else as given, for check to report."""
    if isinstance(values, list) and all(isinstance(v, str) for v in values):
        return [v.strip().lower() for v in values]
    return values


INPUTS = Inputs(
    "PlayReferer",
    *domain_inputs("play"),
    Input(
        "mode",
        str,
        "allow",
        doc="``allow`` (only the listed sites may play) or ``deny`` (the listed sites may not).",
        choices=tuple(MODES),
        validated_by="check_referer_rules",
    ),
    Input(
        "rules",
        list,
        [],
        doc="Host names, ``*.example.com`` wildcards allowed, optionally with ``:port``.",
        item=str,
        normalize=_hosts,
        validated_by="check_referer_rules",
    ),
    Input(
        "allow_empty",
        bool,
        False,
        doc="``True`` also lets requests without a Referer header play (apps, direct links).",
        validated_by="check_referer_rules",
    ),
)


class PlayRefererProvider(TcliveProvider):
    """Dynamic provider of :class:`PlayReferer`."""

    def check(self, olds: dict[str, Any], news: dict[str, Any]) -> CheckResult:
        inputs, problems = INPUTS.check(news)
        problems += domain_kind_problems(inputs, "PlayReferer", "play", "Referer rules apply to play domains only.")
        problems += check_referer_rules(inputs["mode"], inputs["rules"], inputs["allow_empty"])
        return CheckResult(inputs, failures(problems))

    def diff(self, _id: str, olds: dict[str, Any], news: dict[str, Any]) -> DiffResult:
        changed = INPUTS.changed(olds, news)
        return DiffResult(
            changes=bool(changed), replaces=INPUTS.replacements(changed, news), delete_before_replace=False
        )

    def _apply(self, client: TencentCloudClient, inputs: Mapping[str, Any]) -> dict[str, Any]:
        domain = str(inputs["domain_name"])
        try:
            client.call(
                MODIFY_LIVE_DOMAIN_REFERER,
                ModifyLiveDomainRefererRequest(
                    DomainName=domain,
                    Enable=1,
                    Type=MODES[str(inputs["mode"])],
                    AllowEmpty=1 if inputs["allow_empty"] else 0,
                    Rules=";".join(inputs["rules"]),
                ),
            )
        except TencentCloudApiError as exc:
            if exc.matches(*_NOT_FOUND, "ResourceNotFound.PlayDomainNoRecord"):
                raise RuleViolation(
                    f"PlayReferer: {domain} is not a play domain of this account ({exc.code}). Declare the play "
                    "domain with LiveDomain (and pass it as domain_name), then run `pulumi up` again."
                ) from None
            raise
        return dict(inputs)

    def create(self, props: dict[str, Any]) -> CreateResult:
        inputs = INPUTS.values(props)
        client = self.runtime.client()
        current = self._current(client, str(inputs["domain_name"]))
        if current is not None and all(current[k] == inputs[k] for k in ("mode", "rules", "allow_empty")):
            return CreateResult(str(inputs["domain_name"]), dict(inputs))  # already so: nothing to write
        return CreateResult(str(inputs["domain_name"]), self._apply(client, inputs))

    @staticmethod
    def _current(client: TencentCloudClient, domain: str) -> dict[str, Any] | None:
        """The domain's Referer check as ``mode``/``rules``/``allow_empty``; ``None`` when it is off or unknown."""
        try:
            answer = client.call(DESCRIBE_LIVE_DOMAIN_REFERER, DescribeLiveDomainRefererRequest(DomainName=domain))
        except TencentCloudApiError as exc:
            if exc.matches(*_NOT_FOUND, "ResourceNotFound.PlayDomainNoRecord"):
                return None  # the write reports it with what to do
            raise
        config = answer.RefererAuthConfig
        if config is None or config.Enable != 1:
            return None
        return {
            "mode": "allow" if config.Type == 1 else "deny",
            "rules": [rule for rule in config.Rules.split(";") if rule],
            "allow_empty": config.AllowEmpty == 1,
        }

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        return UpdateResult(self._apply(self.runtime.client(), INPUTS.values(news)))

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        try:
            answer = self.runtime.client().call(
                DESCRIBE_LIVE_DOMAIN_REFERER, DescribeLiveDomainRefererRequest(DomainName=id_)
            )
        except TencentCloudApiError as exc:
            if exc.matches(*_NOT_FOUND):
                return ReadResult("", {})
            raise
        config = answer.RefererAuthConfig
        if config is None or config.Enable != 1:
            return ReadResult("", {})
        inputs = {
            **INPUTS.values(props),
            "mode": "allow" if config.Type == 1 else "deny",
            "rules": [rule for rule in config.Rules.split(";") if rule],
            "allow_empty": config.AllowEmpty == 1,
        }
        return ReadResult(id_, inputs, inputs)

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        inputs = INPUTS.values(props)
        try:
            self.runtime.client().call(
                MODIFY_LIVE_DOMAIN_REFERER,
                ModifyLiveDomainRefererRequest(
                    DomainName=id_,
                    Enable=0,
                    Type=MODES.get(str(inputs["mode"]), 1),
                    AllowEmpty=1 if inputs["allow_empty"] else 0,
                    Rules="",
                ),
            )
        except TencentCloudApiError as exc:
            if exc.matches(*_NOT_FOUND):
                say(f"PlayReferer {id_}: the domain is gone already.")
                return
            raise


@INPUTS.document
class PlayReferer(Resource, module="tclive", name="PlayReferer"):
    """Referer allow/deny list of a play domain (HTTP-FLV and HLS playback).

    Deleting the resource switches the Referer check off.
    """

    domain_name: pulumi.Output[str]
    mode: pulumi.Output[str]
    rules: pulumi.Output[list[str]]
    allow_empty: pulumi.Output[bool]

    def __init__(
        self,
        resource_name: str,
        *,
        domain_name: Any,
        mode: pulumi.Input[str] = "allow",
        rules: pulumi.Input[list[str]] | None = None,
        allow_empty: pulumi.Input[bool] = False,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """Declare the resource; every argument is documented on the class (``help(<class>)``)."""
        domain_name, domain_type, opts = domain_reference(domain_name, opts)
        props = INPUTS.props(locals(), domain_type=domain_type)
        super().__init__(PlayRefererProvider(), resource_name, props, opts)

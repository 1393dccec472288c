"""``CallbackTemplate`` and ``CallbackRule``: where Tencent posts a push domain's stream events.

CreateLiveCallbackTemplate / ModifyLiveCallbackTemplate / DeleteLiveCallbackTemplate /
DescribeLiveCallbackTemplate, and CreateLiveCallbackRule / DeleteLiveCallbackRule /
DescribeLiveCallbackRules (https://cloud.tencent.com/document/product/267/32637; the events and the
callback key's signature: https://cloud.tencent.com/document/product/267/32744). Terraform's
equivalents are ``tencentcloud_css_callback_template`` and ``tencentcloud_css_callback_rule_attachment``.

Callback rules bind a domain and an app, never a single stream. ``callback_key`` is a secret: it is
wrapped with ``Output.secret``, never written to state in clear, and shows on refresh only as
``callback_key_digest``.
"""

from __future__ import annotations

from typing import Any

import pulumi
from pulumi.dynamic import Resource

from .. import rules
from ..cloud.processing import (
    CREATE_LIVE_CALLBACK_RULE,
    CREATE_LIVE_CALLBACK_TEMPLATE,
    DELETE_LIVE_CALLBACK_RULE,
    DELETE_LIVE_CALLBACK_TEMPLATE,
    DESCRIBE_LIVE_CALLBACK_RULES,
    DESCRIBE_LIVE_CALLBACK_TEMPLATE,
    DESCRIBE_LIVE_CALLBACK_TEMPLATES,
    MODIFY_LIVE_CALLBACK_TEMPLATE,
)
from ._inputs import Input
from ._processing import (
    RuleProvider,
    RuleSpec,
    TemplateProvider,
    TemplateSpec,
    describe_one,
    listing,
    rule_inputs,
    rule_props,
    template_inputs,
    template_props,
)

__all__ = [
    "CALLBACK_TEMPLATE",
    "INPUTS",
    "RULE_INPUTS",
    "CallbackRule",
    "CallbackRuleProvider",
    "CallbackTemplate",
    "CallbackTemplateProvider",
]

_URL_DOC = "Called {}; left out, Tencent sends no such callback."
INPUTS = template_inputs(
    "CallbackTemplate",
    CREATE_LIVE_CALLBACK_TEMPLATE,
    MODIFY_LIVE_CALLBACK_TEMPLATE,
    rules.CALLBACK_LIMITS,
    Input("template_name", str, doc="The template's name."),
    Input("description", str, doc="Free text (letters, digits, ``_`` and ``-``), optional."),
    Input("stream_begin_notify_url", str, doc=_URL_DOC.format("when a stream starts (the room goes live)")),
    Input("stream_end_notify_url", str, doc=_URL_DOC.format("when a stream stops")),
    Input("record_notify_url", str, doc=_URL_DOC.format("when a recording file is ready")),
    Input("record_status_notify_url", str, doc=_URL_DOC.format("when recording starts or ends")),
    Input("snapshot_notify_url", str, doc=_URL_DOC.format("for each snapshot")),
    Input("porn_censorship_notify_url", str, doc=_URL_DOC.format("when content review flags a snapshot")),
    Input("push_exception_notify_url", str, doc=_URL_DOC.format("when a push fails")),
    Input(
        "callback_key",
        str,
        doc="The key Tencent signs callbacks with, so the backend can check them; state holds ``callback_key_digest``.",
        secret=True,
        compared=False,
    ),
    outputs=("template_id", "callback_key_digest"),
)
CALLBACK_TEMPLATE = TemplateSpec(
    INPUTS,
    rules.CALLBACK_LIMITS,
    CREATE_LIVE_CALLBACK_TEMPLATE,
    MODIFY_LIVE_CALLBACK_TEMPLATE,
    DELETE_LIVE_CALLBACK_TEMPLATE,
    describe_one(DESCRIBE_LIVE_CALLBACK_TEMPLATE, "Template"),
    listing(DESCRIBE_LIVE_CALLBACK_TEMPLATES, "Templates"),
)


class CallbackTemplateProvider(TemplateProvider):
    """Dynamic provider of :class:`CallbackTemplate`."""

    spec = CALLBACK_TEMPLATE


@INPUTS.document
class CallbackTemplate(Resource, module="tclive", name="CallbackTemplate"):
    """Callback URLs Tencent posts stream events to (JSON over HTTP(S), signed with ``callback_key``).

    Every URL must be ``http://`` or ``https://``; left out, Tencent sends no such callback. Every
    change updates the template in place (ModifyLiveCallbackTemplate); it keeps its ``template_id``.
    """

    template_id: pulumi.Output[int]
    callback_key_digest: pulumi.Output[str]

    def __init__(
        self,
        resource_name: str,
        *,
        template_name: pulumi.Input[str],
        description: pulumi.Input[str] | None = None,
        stream_begin_notify_url: pulumi.Input[str] | None = None,
        stream_end_notify_url: pulumi.Input[str] | None = None,
        record_notify_url: pulumi.Input[str] | None = None,
        record_status_notify_url: pulumi.Input[str] | None = None,
        snapshot_notify_url: pulumi.Input[str] | None = None,
        porn_censorship_notify_url: pulumi.Input[str] | None = None,
        push_exception_notify_url: pulumi.Input[str] | None = None,
        callback_key: pulumi.Input[str] | None = None,
        adopt_existing: bool = False,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """Declare the resource; every argument is documented on the class (``help(<class>)``)."""
        props = template_props(INPUTS, locals())
        super().__init__(CallbackTemplateProvider(), resource_name, props, INPUTS.options(opts))


RULE_INPUTS = rule_inputs("CallbackRule", "CallbackTemplate", per_stream=False)


class CallbackRuleProvider(RuleProvider):
    """Dynamic provider of :class:`CallbackRule`."""

    spec = RuleSpec(
        RULE_INPUTS,
        CREATE_LIVE_CALLBACK_RULE,
        DELETE_LIVE_CALLBACK_RULE,
        DESCRIBE_LIVE_CALLBACK_RULES,
    )


@RULE_INPUTS.document
class CallbackRule(Resource, module="tclive", name="CallbackRule"):
    """Binds a :class:`CallbackTemplate` to a push domain and app.

    Tencent has no Modify action for rules: any change replaces the rule, the old one deleted first.
    """

    template_id: pulumi.Output[int]

    def __init__(
        self,
        resource_name: str,
        *,
        domain_name: Any,
        template_id: pulumi.Input[int],
        app_name: pulumi.Input[str] = "",
        adopt_existing: bool = False,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """Declare the resource; every argument is documented on the class (``help(<class>)``)."""
        props, merged = rule_props(RULE_INPUTS, domain_name, locals(), opts)
        super().__init__(CallbackRuleProvider(), resource_name, props, merged)

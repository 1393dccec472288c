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
    MODIFY_LIVE_CALLBACK_TEMPLATE,
)
from ._processing import (
    Arg,
    RuleProvider,
    RuleSpec,
    TemplateProvider,
    TemplateSpec,
    describe_one,
    rule_props,
    template_props,
)

__all__ = ["CALLBACK_TEMPLATE", "CallbackRule", "CallbackRuleProvider", "CallbackTemplate", "CallbackTemplateProvider"]

CALLBACK_TEMPLATE = TemplateSpec(
    "CallbackTemplate",
    (
        Arg("TemplateName"),
        Arg("Description"),
        Arg("StreamBeginNotifyUrl"),
        Arg("StreamEndNotifyUrl"),
        Arg("RecordNotifyUrl"),
        Arg("RecordStatusNotifyUrl"),
        Arg("SnapshotNotifyUrl"),
        Arg("PornCensorshipNotifyUrl"),
        Arg("PushExceptionNotifyUrl"),
        Arg("CallbackKey", secret=True),
    ),
    rules.CALLBACK_LIMITS,
    CREATE_LIVE_CALLBACK_TEMPLATE,
    MODIFY_LIVE_CALLBACK_TEMPLATE,
    DELETE_LIVE_CALLBACK_TEMPLATE,
    describe_one(DESCRIBE_LIVE_CALLBACK_TEMPLATE, "Template"),
)


class CallbackTemplateProvider(TemplateProvider):
    """Dynamic provider of :class:`CallbackTemplate`."""

    spec = CALLBACK_TEMPLATE


class CallbackTemplate(Resource, module="tclive", name="CallbackTemplate"):
    """Callback URLs Tencent posts stream events to (JSON over HTTP(S), signed with ``callback_key``).

    Args:
        resource_name: The Pulumi resource name.
        template_name: At most 255 bytes of letters, digits, ``_`` and ``-``.
        description: Free text (same characters), optional.
        stream_begin_notify_url: Called when a stream starts (the room goes live).
        stream_end_notify_url: Called when a stream stops.
        record_notify_url: Called when a recording file is ready.
        record_status_notify_url: Called when recording starts or ends.
        snapshot_notify_url: Called for each snapshot.
        porn_censorship_notify_url: Called when content review flags a snapshot.
        push_exception_notify_url: Called when a push fails.
        callback_key: The key Tencent signs callbacks with (a secret), so the backend can check them.
        opts: Pulumi resource options.

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
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """Declare the resource; every argument is documented on the class (``help(<class>)``)."""
        given = {k: v for k, v in locals().items() if k not in ("self", "resource_name", "opts", "__class__")}
        super().__init__(CallbackTemplateProvider(), resource_name, template_props(CALLBACK_TEMPLATE, given), opts)


class CallbackRuleProvider(RuleProvider):
    """Dynamic provider of :class:`CallbackRule`."""

    spec = RuleSpec(
        "CallbackRule",
        "CallbackTemplate",
        CREATE_LIVE_CALLBACK_RULE,
        DELETE_LIVE_CALLBACK_RULE,
        DESCRIBE_LIVE_CALLBACK_RULES,
        per_stream=False,
    )


class CallbackRule(Resource, module="tclive", name="CallbackRule"):
    """Binds a :class:`CallbackTemplate` to a push domain and app.

    Args:
        resource_name: The Pulumi resource name.
        domain_name: The push domain: a :class:`LiveDomain` (preview then refuses a play domain) or its name.
        template_id: The template's ``template_id``.
        app_name: The app (the path segment of push URLs, usually ``live``); ``""`` (default) binds the whole domain.
        opts: Pulumi resource options.

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
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """Declare the resource; every argument is documented on the class (``help(<class>)``)."""
        props, merged = rule_props(domain_name, {"app_name": app_name, "template_id": template_id}, opts)
        super().__init__(CallbackRuleProvider(), resource_name, props, merged)

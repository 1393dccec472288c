"""``TimeShiftTemplate`` and ``TimeShiftRule``: viewers may rewind a live stream (time-shift).

CreateLiveTimeShiftTemplate / ModifyLiveTimeShiftTemplate / DeleteLiveTimeShiftTemplate /
DescribeLiveTimeShiftTemplates (Tencent has no Describe-one), and CreateLiveTimeShiftRule /
DeleteLiveTimeShiftRule / DescribeLiveTimeShiftRules
(https://www.tencentcloud.com/document/api/267/53725, https://cloud.tencent.com/document/api/267/86164).
Terraform's equivalents are ``tencentcloud_css_timeshift_template`` and
``tencentcloud_css_timeshift_rule_attachment``.
"""

from __future__ import annotations

from typing import Any

import pulumi
from pulumi.dynamic import Resource

from .. import rules
from ..cloud.api import ApiObject
from ..cloud.client import TencentCloudClient
from ..cloud.processing import (
    CREATE_LIVE_TIME_SHIFT_RULE,
    CREATE_LIVE_TIME_SHIFT_TEMPLATE,
    DELETE_LIVE_TIME_SHIFT_RULE,
    DELETE_LIVE_TIME_SHIFT_TEMPLATE,
    DESCRIBE_LIVE_TIME_SHIFT_RULES,
    DESCRIBE_LIVE_TIME_SHIFT_TEMPLATES,
    MODIFY_LIVE_TIME_SHIFT_TEMPLATE,
    DescribeLiveTimeShiftTemplatesRequest,
)
from ._processing import Arg, RuleProvider, RuleSpec, TemplateProvider, TemplateSpec, rule_props, template_props

__all__ = [
    "TIME_SHIFT_TEMPLATE",
    "TimeShiftRule",
    "TimeShiftRuleProvider",
    "TimeShiftTemplate",
    "TimeShiftTemplateProvider",
]


def _describe(client: TencentCloudClient, template_id: int) -> ApiObject | None:
    listed = client.call(DESCRIBE_LIVE_TIME_SHIFT_TEMPLATES, DescribeLiveTimeShiftTemplatesRequest())
    return next((t for t in listed.Templates if t.TemplateId == template_id), None)


TIME_SHIFT_TEMPLATE = TemplateSpec(
    "TimeShiftTemplate",
    tuple(
        Arg(field)
        for field in (
            "TemplateName",
            "Duration",
            "Description",
            "Area",
            "ItemDuration",
            "RemoveWatermark",
            "TranscodeTemplateIds",
        )
    ),
    rules.TIME_SHIFT_LIMITS,
    CREATE_LIVE_TIME_SHIFT_TEMPLATE,
    MODIFY_LIVE_TIME_SHIFT_TEMPLATE,
    DELETE_LIVE_TIME_SHIFT_TEMPLATE,
    _describe,
)


class TimeShiftTemplateProvider(TemplateProvider):
    """Dynamic provider of :class:`TimeShiftTemplate`."""

    spec = TIME_SHIFT_TEMPLATE


class TimeShiftTemplate(Resource, module="tclive", name="TimeShiftTemplate"):
    """A time-shift template: how far back viewers may rewind.

    Args:
        resource_name: The Pulumi resource name.
        template_name: At most 255 bytes of letters, digits, ``_`` and ``-``.
        duration: Seconds kept: 86400, 259200, 604800, 1296000 or 2592000 (1, 3, 7, 15 or 30 days).
        description: Free text, optional.
        area: ``Mainland`` (Tencent's default) or ``Overseas``.
        item_duration: Segment length in seconds, 3–10 (Tencent's default 5).
        remove_watermark: ``True`` keeps the original stream rather than the watermarked one.
        transcode_template_ids: Transcoding templates whose renditions are kept too.
        opts: Pulumi resource options.

    Every change updates the template in place (ModifyLiveTimeShiftTemplate); it keeps its ``template_id``.
    """

    template_id: pulumi.Output[int]

    def __init__(
        self,
        resource_name: str,
        *,
        template_name: pulumi.Input[str],
        duration: pulumi.Input[int],
        description: pulumi.Input[str] | None = None,
        area: pulumi.Input[str] | None = None,
        item_duration: pulumi.Input[int] | None = None,
        remove_watermark: pulumi.Input[bool] | None = None,
        transcode_template_ids: pulumi.Input[list[pulumi.Input[int]]] | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """Declare the resource; every argument is documented on the class (``help(<class>)``)."""
        given = {k: v for k, v in locals().items() if k not in ("self", "resource_name", "opts", "__class__")}
        super().__init__(TimeShiftTemplateProvider(), resource_name, template_props(TIME_SHIFT_TEMPLATE, given), opts)


class TimeShiftRuleProvider(RuleProvider):
    """Dynamic provider of :class:`TimeShiftRule`."""

    spec = RuleSpec(
        "TimeShiftRule",
        "TimeShiftTemplate",
        CREATE_LIVE_TIME_SHIFT_RULE,
        DELETE_LIVE_TIME_SHIFT_RULE,
        DESCRIBE_LIVE_TIME_SHIFT_RULES,
    )


class TimeShiftRule(Resource, module="tclive", name="TimeShiftRule"):
    """Binds a :class:`TimeShiftTemplate` to a push domain, app and stream.

    Args:
        resource_name: The Pulumi resource name.
        domain_name: The push domain: a :class:`LiveDomain` (preview then refuses a play domain) or its name.
        template_id: The template's ``template_id``.
        app_name: The app (usually ``live``); ``""`` (default): every app.
        stream_name: One stream; ``""`` (default): every stream.
        opts: Pulumi resource options.

    Tencent keeps one time-shift rule per domain, app and stream and has no Modify action for rules:
    any change replaces the rule, the old one deleted first.
    """

    template_id: pulumi.Output[int]

    def __init__(
        self,
        resource_name: str,
        *,
        domain_name: Any,
        template_id: pulumi.Input[int],
        app_name: pulumi.Input[str] = "",
        stream_name: pulumi.Input[str] = "",
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """Declare the resource; every argument is documented on the class (``help(<class>)``)."""
        given = {"app_name": app_name, "stream_name": stream_name, "template_id": template_id}
        props, merged = rule_props(domain_name, given, opts)
        super().__init__(TimeShiftRuleProvider(), resource_name, props, merged)

"""``TimeShiftTemplate`` and ``TimeShiftRule``: viewers may rewind a live stream (time-shift).

CreateLiveTimeShiftTemplate / ModifyLiveTimeShiftTemplate / DeleteLiveTimeShiftTemplate /
DescribeLiveTimeShiftTemplates (Tencent has no Describe-one), and CreateLiveTimeShiftRule /
DeleteLiveTimeShiftRule / DescribeLiveTimeShiftRules
(https://www.tencentcloud.com/document/api/267/53725, https://cloud.tencent.com/document/api/267/86164).
Terraform's equivalents are ``tencentcloud_css_timeshift_template`` and
``tencentcloud_css_timeshift_rule_attachment``.
"""

from __future__ import annotations

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
from ._inputs import Input
from ._processing import (
    RuleProvider,
    RuleSpec,
    StreamRule,
    TemplateProvider,
    TemplateSpec,
    listing,
    rule_inputs,
    template_inputs,
    template_props,
)

__all__ = [
    "INPUTS",
    "RULE_INPUTS",
    "TIME_SHIFT_TEMPLATE",
    "TimeShiftRule",
    "TimeShiftRuleProvider",
    "TimeShiftTemplate",
    "TimeShiftTemplateProvider",
]


def _describe(client: TencentCloudClient, template_id: int) -> ApiObject | None:
    listed = client.call(DESCRIBE_LIVE_TIME_SHIFT_TEMPLATES, DescribeLiveTimeShiftTemplatesRequest())
    return next((t for t in listed.Templates if t.TemplateId == template_id), None)


INPUTS = template_inputs(
    "TimeShiftTemplate",
    CREATE_LIVE_TIME_SHIFT_TEMPLATE,
    MODIFY_LIVE_TIME_SHIFT_TEMPLATE,
    rules.TIME_SHIFT_LIMITS,
    Input("template_name", str, doc="The template's name."),
    Input("duration", int, doc="Seconds viewers may rewind."),
    Input("description", str, doc="Free text, optional."),
    Input("area", str, doc="Where viewers are (Tencent's default ``Mainland``)."),
    Input("item_duration", int, doc="Segment length in seconds (Tencent's default 5)."),
    Input("remove_watermark", bool, doc="``True`` keeps the original stream rather than the watermarked one."),
    Input("transcode_template_ids", list, doc="Transcoding templates whose renditions are kept too.", item=int),
)
TIME_SHIFT_TEMPLATE = TemplateSpec(
    INPUTS,
    rules.TIME_SHIFT_LIMITS,
    CREATE_LIVE_TIME_SHIFT_TEMPLATE,
    MODIFY_LIVE_TIME_SHIFT_TEMPLATE,
    DELETE_LIVE_TIME_SHIFT_TEMPLATE,
    _describe,
    listing(DESCRIBE_LIVE_TIME_SHIFT_TEMPLATES, "Templates"),
)


class TimeShiftTemplateProvider(TemplateProvider):
    """Dynamic provider of :class:`TimeShiftTemplate`."""

    spec = TIME_SHIFT_TEMPLATE


@INPUTS.document
class TimeShiftTemplate(Resource, module="tclive", name="TimeShiftTemplate"):
    """A time-shift template: how far back viewers may rewind.

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
        adopt_existing: bool = False,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """Declare the resource; every argument is documented on the class (``help(<class>)``)."""
        props = template_props(INPUTS, locals())
        super().__init__(TimeShiftTemplateProvider(), resource_name, props, INPUTS.options(opts))


RULE_INPUTS = rule_inputs("TimeShiftRule", "TimeShiftTemplate")


class TimeShiftRuleProvider(RuleProvider):
    """Dynamic provider of :class:`TimeShiftRule`."""

    spec = RuleSpec(
        RULE_INPUTS,
        CREATE_LIVE_TIME_SHIFT_RULE,
        DELETE_LIVE_TIME_SHIFT_RULE,
        DESCRIBE_LIVE_TIME_SHIFT_RULES,
    )


@RULE_INPUTS.document
class TimeShiftRule(StreamRule, module="tclive", name="TimeShiftRule"):
    """Binds a :class:`TimeShiftTemplate` to a push domain, app and stream.

    Tencent keeps one time-shift rule per domain, app and stream and has no Modify action for rules:
    any change replaces the rule, the old one deleted first.
    """

    provider_class = TimeShiftRuleProvider
    declared = RULE_INPUTS

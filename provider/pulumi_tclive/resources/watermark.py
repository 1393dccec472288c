"""``Watermark`` and ``WatermarkRule``: a picture laid over a push domain's streams.

AddLiveWatermark / UpdateLiveWatermark / DeleteLiveWatermark / DescribeLiveWatermark, and
CreateLiveWatermarkRule / DeleteLiveWatermarkRule / DescribeLiveWatermarkRules
(https://cloud.tencent.com/document/product/267/30154). Terraform's equivalents are
``tencentcloud_css_watermark`` and ``tencentcloud_css_watermark_rule_attachment``.

Positions and sizes are percentages of the video; ``template_id`` is Tencent's WatermarkId.
"""

from __future__ import annotations

import pulumi
from pulumi.dynamic import Resource

from .. import rules
from ..cloud.processing import (
    ADD_LIVE_WATERMARK,
    CREATE_LIVE_WATERMARK_RULE,
    DELETE_LIVE_WATERMARK,
    DELETE_LIVE_WATERMARK_RULE,
    DESCRIBE_LIVE_WATERMARK,
    DESCRIBE_LIVE_WATERMARK_RULES,
    DESCRIBE_LIVE_WATERMARKS,
    UPDATE_LIVE_WATERMARK,
)
from ._inputs import Input
from ._processing import (
    RuleProvider,
    RuleSpec,
    StreamRule,
    TemplateProvider,
    TemplateSpec,
    describe_one,
    listing,
    rule_inputs,
    template_inputs,
    template_props,
)

__all__ = [
    "INPUTS",
    "RULE_INPUTS",
    "WATERMARK",
    "Watermark",
    "WatermarkProvider",
    "WatermarkRule",
    "WatermarkRuleProvider",
]

INPUTS = template_inputs(
    "Watermark",
    ADD_LIVE_WATERMARK,
    UPDATE_LIVE_WATERMARK,
    rules.WATERMARK_LIMITS,
    Input("watermark_name", str, doc="The watermark's name."),
    Input("picture_url", str, doc="The picture's URL."),
    Input("x_position", int, doc="Left offset in % of the video's width (Tencent's default 0)."),
    Input("y_position", int, doc="Top offset in % of the video's height (Tencent's default 0)."),
    Input("width", int, doc="% of the video's width; give width or height and the other scales."),
    Input("height", int, doc="% of the video's height."),
    Input("background_width", int, doc="The reference frame's width in pixels (Tencent's default 1920)."),
    Input("background_height", int, doc="The reference frame's height in pixels (Tencent's default 1080)."),
)
WATERMARK = TemplateSpec(
    INPUTS,
    rules.WATERMARK_LIMITS,
    ADD_LIVE_WATERMARK,
    UPDATE_LIVE_WATERMARK,
    DELETE_LIVE_WATERMARK,
    describe_one(DESCRIBE_LIVE_WATERMARK, "Watermark", "WatermarkId"),
    listing(DESCRIBE_LIVE_WATERMARKS, "WatermarkList"),
    id_field="WatermarkId",
)


class WatermarkProvider(TemplateProvider):
    """Dynamic provider of :class:`Watermark`."""

    spec = WATERMARK


@INPUTS.document
class Watermark(Resource, module="tclive", name="Watermark"):
    """A watermark picture and where it sits on the video.

    Every change updates the watermark in place (UpdateLiveWatermark); it keeps its ``template_id`` (WatermarkId).
    """

    template_id: pulumi.Output[int]

    def __init__(
        self,
        resource_name: str,
        *,
        watermark_name: pulumi.Input[str],
        picture_url: pulumi.Input[str],
        x_position: pulumi.Input[int] | None = None,
        y_position: pulumi.Input[int] | None = None,
        width: pulumi.Input[int] | None = None,
        height: pulumi.Input[int] | None = None,
        background_width: pulumi.Input[int] | None = None,
        background_height: pulumi.Input[int] | None = None,
        adopt_existing: bool = False,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """Declare the resource; every argument is documented on the class (``help(<class>)``)."""
        props = template_props(INPUTS, locals())
        super().__init__(WatermarkProvider(), resource_name, props, INPUTS.options(opts))


RULE_INPUTS = rule_inputs("WatermarkRule", "Watermark")


class WatermarkRuleProvider(RuleProvider):
    """Dynamic provider of :class:`WatermarkRule`."""

    spec = RuleSpec(
        RULE_INPUTS,
        CREATE_LIVE_WATERMARK_RULE,
        DELETE_LIVE_WATERMARK_RULE,
        DESCRIBE_LIVE_WATERMARK_RULES,
    )


@RULE_INPUTS.document
class WatermarkRule(StreamRule, module="tclive", name="WatermarkRule"):
    """Binds a :class:`Watermark` to a push domain, app and stream.

    Tencent keeps one watermark rule per domain, app and stream and has no Modify action for rules:
    any change replaces the rule, the old one deleted first.
    """

    provider_class = WatermarkRuleProvider
    declared = RULE_INPUTS

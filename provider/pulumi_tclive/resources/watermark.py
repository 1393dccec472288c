"""``Watermark`` and ``WatermarkRule``: a picture laid over a push domain's streams.

AddLiveWatermark / UpdateLiveWatermark / DeleteLiveWatermark / DescribeLiveWatermark, and
CreateLiveWatermarkRule / DeleteLiveWatermarkRule / DescribeLiveWatermarkRules
(https://cloud.tencent.com/document/product/267/30154). Terraform's equivalents are
``tencentcloud_css_watermark`` and ``tencentcloud_css_watermark_rule_attachment``.

Positions and sizes are percentages of the video; ``template_id`` is Tencent's WatermarkId.
"""

from __future__ import annotations

from typing import Any

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
    UPDATE_LIVE_WATERMARK,
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

__all__ = ["WATERMARK", "Watermark", "WatermarkProvider", "WatermarkRule", "WatermarkRuleProvider"]

WATERMARK = TemplateSpec(
    "Watermark",
    tuple(
        Arg(field)
        for field in (
            "WatermarkName",
            "PictureUrl",
            "XPosition",
            "YPosition",
            "Width",
            "Height",
            "BackgroundWidth",
            "BackgroundHeight",
        )
    ),
    rules.WATERMARK_LIMITS,
    ADD_LIVE_WATERMARK,
    UPDATE_LIVE_WATERMARK,
    DELETE_LIVE_WATERMARK,
    describe_one(DESCRIBE_LIVE_WATERMARK, "Watermark", "WatermarkId"),
    id_field="WatermarkId",
)


class WatermarkProvider(TemplateProvider):
    """Dynamic provider of :class:`Watermark`."""

    spec = WATERMARK


class Watermark(Resource, module="tclive", name="Watermark"):
    """A watermark picture and where it sits on the video.

    Args:
        resource_name: The Pulumi resource name.
        watermark_name: At most 30 bytes.
        picture_url: The picture's http(s) URL, without any of ``;(){}$>`#"'|``.
        x_position: Left offset, 0–100 % of the width (Tencent's default 0).
        y_position: Top offset, 0–100 % of the height (Tencent's default 0).
        width: 0–100 % of the video's width; set width or height and the other scales (default: the picture's).
        height: 0–100 % of the video's height.
        background_width: The reference frame's width in pixels, 360–4096 (Tencent's default 1920).
        background_height: The reference frame's height in pixels, 360–4096 (Tencent's default 1080).
        opts: Pulumi resource options.

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
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """Declare the resource; every argument is documented on the class (``help(<class>)``)."""
        given = {k: v for k, v in locals().items() if k not in ("self", "resource_name", "opts", "__class__")}
        super().__init__(WatermarkProvider(), resource_name, template_props(WATERMARK, given), opts)


class WatermarkRuleProvider(RuleProvider):
    """Dynamic provider of :class:`WatermarkRule`."""

    spec = RuleSpec(
        "WatermarkRule",
        "Watermark",
        CREATE_LIVE_WATERMARK_RULE,
        DELETE_LIVE_WATERMARK_RULE,
        DESCRIBE_LIVE_WATERMARK_RULES,
    )


class WatermarkRule(Resource, module="tclive", name="WatermarkRule"):
    """Binds a :class:`Watermark` to a push domain, app and stream.

    Args:
        resource_name: The Pulumi resource name.
        domain_name: The push domain: a :class:`LiveDomain` (preview then refuses a play domain) or its name.
        template_id: The watermark's ``template_id``.
        app_name: The app (usually ``live``); ``""`` (default): every app.
        stream_name: One stream; ``""`` (default): every stream.
        opts: Pulumi resource options.

    Tencent keeps one watermark rule per domain, app and stream and has no Modify action for rules:
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
        super().__init__(WatermarkRuleProvider(), resource_name, props, merged)

"""``TranscodeTemplate`` and ``TranscodeRule``: extra renditions of a push domain's streams (a bitrate ladder).

CreateLiveTranscodeTemplate / ModifyLiveTranscodeTemplate / DeleteLiveTranscodeTemplate /
DescribeLiveTranscodeTemplate, and CreateLiveTranscodeRule / DeleteLiveTranscodeRule /
DescribeLiveTranscodeRules (https://cloud.tencent.com/document/product/267/32646). Terraform's
equivalents are ``tencentcloud_css_transcode_template`` and ``tencentcloud_css_transcode_rule_attachment``.

Viewers pick a rendition by appending ``_<template_name>`` to the stream name in the play URL. One
stream may carry several transcoding templates (one rule each): that is the ladder.
"""

from __future__ import annotations

import pulumi
from pulumi.dynamic import Resource

from .. import rules
from ..cloud.processing import (
    CREATE_LIVE_TRANSCODE_RULE,
    CREATE_LIVE_TRANSCODE_TEMPLATE,
    DELETE_LIVE_TRANSCODE_RULE,
    DELETE_LIVE_TRANSCODE_TEMPLATE,
    DESCRIBE_LIVE_TRANSCODE_RULES,
    DESCRIBE_LIVE_TRANSCODE_TEMPLATE,
    DESCRIBE_LIVE_TRANSCODE_TEMPLATES,
    MODIFY_LIVE_TRANSCODE_TEMPLATE,
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
    "TRANSCODE_TEMPLATE",
    "TranscodeRule",
    "TranscodeRuleProvider",
    "TranscodeTemplate",
    "TranscodeTemplateProvider",
]

INPUTS = template_inputs(
    "TranscodeTemplate",
    CREATE_LIVE_TRANSCODE_TEMPLATE,
    MODIFY_LIVE_TRANSCODE_TEMPLATE,
    rules.TRANSCODE_LIMITS,
    Input("template_name", str, doc="The rendition's name: the suffix of its stream name (``room1_sd540``)."),
    Input("video_bitrate", int, doc="Video bitrate in kbps."),
    Input("description", str, doc="Free text, optional."),
    Input("acodec", str, doc="Audio codec (Tencent's default: automatic)."),
    Input("audio_bitrate", int, doc="Audio bitrate in kbps."),
    Input("vcodec", str, doc="Video codec (Tencent's default ``origin``)."),
    Input("width", int, doc="Width in pixels."),
    Input("height", int, doc="Height in pixels."),
    Input("fps", int, doc="Frames per second."),
    Input("gop", int, doc="Seconds between key frames."),
    Input("rotate", int, doc="Rotation in degrees."),
    Input("profile", str, doc="Encoding profile (Tencent's default ``baseline``)."),
    Input("bitrate_to_orig", int, doc="1 keeps the source's bitrate when it is lower than ``video_bitrate``."),
    Input("height_to_orig", int, doc="1 keeps the source's height when it is lower than ``height``."),
    Input("fps_to_orig", int, doc="1 keeps the source's frame rate when it is lower than ``fps``."),
    Input("ai_trans_code", int, doc="1 for a top-speed codec template."),
    Input("adapt_bitrate_percent", float, doc="Top-speed codec bitrate saving."),
    Input("short_edge_as_height", int, doc="1 applies ``height`` to the short edge (portrait streams)."),
)
TRANSCODE_TEMPLATE = TemplateSpec(
    INPUTS,
    rules.TRANSCODE_LIMITS,
    CREATE_LIVE_TRANSCODE_TEMPLATE,
    MODIFY_LIVE_TRANSCODE_TEMPLATE,
    DELETE_LIVE_TRANSCODE_TEMPLATE,
    describe_one(DESCRIBE_LIVE_TRANSCODE_TEMPLATE, "Template"),
    listing(DESCRIBE_LIVE_TRANSCODE_TEMPLATES, "Templates"),
)


class TranscodeTemplateProvider(TemplateProvider):
    """Dynamic provider of :class:`TranscodeTemplate`."""

    spec = TRANSCODE_TEMPLATE


@INPUTS.document
class TranscodeTemplate(Resource, module="tclive", name="TranscodeTemplate"):
    """A transcoding template: one rendition (bitrate, size, frame rate, codec).

    Every other change updates the template in place (ModifyLiveTranscodeTemplate); it keeps its ``template_id``.
    """

    template_id: pulumi.Output[int]

    def __init__(
        self,
        resource_name: str,
        *,
        template_name: pulumi.Input[str],
        video_bitrate: pulumi.Input[int],
        description: pulumi.Input[str] | None = None,
        acodec: pulumi.Input[str] | None = None,
        audio_bitrate: pulumi.Input[int] | None = None,
        vcodec: pulumi.Input[str] | None = None,
        width: pulumi.Input[int] | None = None,
        height: pulumi.Input[int] | None = None,
        fps: pulumi.Input[int] | None = None,
        gop: pulumi.Input[int] | None = None,
        rotate: pulumi.Input[int] | None = None,
        profile: pulumi.Input[str] | None = None,
        bitrate_to_orig: pulumi.Input[int] | None = None,
        height_to_orig: pulumi.Input[int] | None = None,
        fps_to_orig: pulumi.Input[int] | None = None,
        ai_trans_code: pulumi.Input[int] | None = None,
        adapt_bitrate_percent: pulumi.Input[float] | None = None,
        short_edge_as_height: pulumi.Input[int] | None = None,
        adopt_existing: bool = False,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """Declare the resource; every argument is documented on the class (``help(<class>)``)."""
        props = template_props(INPUTS, locals())
        super().__init__(TranscodeTemplateProvider(), resource_name, props, INPUTS.options(opts))


RULE_INPUTS = rule_inputs("TranscodeRule", "TranscodeTemplate")


class TranscodeRuleProvider(RuleProvider):
    """Dynamic provider of :class:`TranscodeRule`."""

    spec = RuleSpec(
        RULE_INPUTS,
        CREATE_LIVE_TRANSCODE_RULE,
        DELETE_LIVE_TRANSCODE_RULE,
        DESCRIBE_LIVE_TRANSCODE_RULES,
        ladder=True,
    )


@RULE_INPUTS.document
class TranscodeRule(StreamRule, module="tclive", name="TranscodeRule"):
    """Binds a :class:`TranscodeTemplate` to a push domain, app and stream (one rule per rung of a ladder).

    Tencent has no Modify action for rules: any change replaces the rule, the old one deleted first.
    """

    provider_class = TranscodeRuleProvider
    declared = RULE_INPUTS

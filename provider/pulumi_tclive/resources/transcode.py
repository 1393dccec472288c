"""``TranscodeTemplate`` and ``TranscodeRule``: extra renditions of a push domain's streams (a bitrate ladder).

CreateLiveTranscodeTemplate / ModifyLiveTranscodeTemplate / DeleteLiveTranscodeTemplate /
DescribeLiveTranscodeTemplate, and CreateLiveTranscodeRule / DeleteLiveTranscodeRule /
DescribeLiveTranscodeRules (https://cloud.tencent.com/document/product/267/32646). Terraform's
equivalents are ``tencentcloud_css_transcode_template`` and ``tencentcloud_css_transcode_rule_attachment``.

Viewers pick a rendition by appending ``_<template_name>`` to the stream name in the play URL. One
stream may carry several transcoding templates (one rule each): that is the ladder.
"""

from __future__ import annotations

from typing import Any

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
    MODIFY_LIVE_TRANSCODE_TEMPLATE,
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

__all__ = [
    "TRANSCODE_TEMPLATE",
    "TranscodeRule",
    "TranscodeRuleProvider",
    "TranscodeTemplate",
    "TranscodeTemplateProvider",
]

TRANSCODE_TEMPLATE = TemplateSpec(
    "TranscodeTemplate",
    tuple(
        Arg(field)
        for field in (
            "TemplateName",
            "Description",
            "VideoBitrate",
            "Acodec",
            "AudioBitrate",
            "Vcodec",
            "Width",
            "Height",
            "Fps",
            "Gop",
            "Rotate",
            "Profile",
            "BitrateToOrig",
            "HeightToOrig",
            "FpsToOrig",
            "AiTransCode",
            "AdaptBitratePercent",
            "ShortEdgeAsHeight",
        )
    ),
    rules.TRANSCODE_LIMITS,
    CREATE_LIVE_TRANSCODE_TEMPLATE,
    MODIFY_LIVE_TRANSCODE_TEMPLATE,
    DELETE_LIVE_TRANSCODE_TEMPLATE,
    describe_one(DESCRIBE_LIVE_TRANSCODE_TEMPLATE, "Template"),
)


class TranscodeTemplateProvider(TemplateProvider):
    """Dynamic provider of :class:`TranscodeTemplate`."""

    spec = TRANSCODE_TEMPLATE


class TranscodeTemplate(Resource, module="tclive", name="TranscodeTemplate"):
    """A transcoding template: one rendition (bitrate, size, frame rate, codec).

    Args:
        resource_name: The Pulumi resource name.
        template_name: 1–10 letters and digits (3–10 with ``ai_trans_code``); the suffix of the rendition's stream
            name. Tencent cannot rename a template: a change replaces it.
        video_bitrate: kbps, 0–8000 (0 keeps the source's).
        description: Free text, optional.
        acodec: Audio codec (Tencent's default: automatic).
        audio_bitrate: kbps, 0–500.
        vcodec: ``h264``, ``h265`` or ``origin`` (Tencent's default).
        width: Pixels, 0–3000 and even (0 keeps the source's).
        height: Pixels, 0–3000 and even (0 keeps the source's).
        fps: Frames per second, 0–60 (0 keeps the source's).
        gop: Seconds between key frames, 1–6.
        rotate: 0, 90, 180 or 270 degrees.
        profile: ``baseline`` (Tencent's default), ``main`` or ``high``.
        bitrate_to_orig: 1 keeps the source's bitrate when it is lower than ``video_bitrate``.
        height_to_orig: 1 keeps the source's height when it is lower than ``height``.
        fps_to_orig: 1 keeps the source's frame rate when it is lower than ``fps``.
        ai_trans_code: 1 for a top-speed codec template. Tencent cannot change it: a change replaces the template.
        adapt_bitrate_percent: Top-speed codec bitrate saving, 0.0–0.9.
        short_edge_as_height: 1 applies ``height`` to the short edge (portrait streams).
        opts: Pulumi resource options.

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
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """Declare the resource; every argument is documented on the class (``help(<class>)``)."""
        given = {k: v for k, v in locals().items() if k not in ("self", "resource_name", "opts", "__class__")}
        super().__init__(TranscodeTemplateProvider(), resource_name, template_props(TRANSCODE_TEMPLATE, given), opts)


class TranscodeRuleProvider(RuleProvider):
    """Dynamic provider of :class:`TranscodeRule`."""

    spec = RuleSpec(
        "TranscodeRule",
        "TranscodeTemplate",
        CREATE_LIVE_TRANSCODE_RULE,
        DELETE_LIVE_TRANSCODE_RULE,
        DESCRIBE_LIVE_TRANSCODE_RULES,
        ladder=True,
    )


class TranscodeRule(Resource, module="tclive", name="TranscodeRule"):
    """Binds a :class:`TranscodeTemplate` to a push domain, app and stream (one rule per rung of a ladder).

    Args:
        resource_name: The Pulumi resource name.
        domain_name: The push domain: a :class:`LiveDomain` (preview then refuses a play domain) or its name.
        template_id: The template's ``template_id``.
        app_name: The app (usually ``live``); ``""`` (default): every app.
        stream_name: One stream; ``""`` (default): every stream.
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
        stream_name: pulumi.Input[str] = "",
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """Declare the resource; every argument is documented on the class (``help(<class>)``)."""
        given = {"app_name": app_name, "stream_name": stream_name, "template_id": template_id}
        props, merged = rule_props(domain_name, given, opts)
        super().__init__(TranscodeRuleProvider(), resource_name, props, merged)

"""``RecordTemplate`` and ``RecordRule``: recording a push domain's streams (replays) to VOD or COS.

CreateLiveRecordTemplate / ModifyLiveRecordTemplate / DeleteLiveRecordTemplate /
DescribeLiveRecordTemplate, and CreateLiveRecordRule / DeleteLiveRecordRule /
DescribeLiveRecordRules (https://cloud.tencent.com/document/product/267/32614). Terraform's
equivalents are ``tencentcloud_css_record_template`` and ``tencentcloud_css_record_rule_attachment``.

Each format (``flv_param``, ``hls_param``, ``mp4_param``, ``aac_param``, ``mp3_param``) is a dict of
Tencent's RecordParam fields in snake_case: ``enable`` (0/1), ``record_interval`` (seconds per file:
60–43200 for FLV and MP4, 60–7200 for AAC; HLS makes one file per stream), ``storage_time`` (seconds
kept in VOD, 0 for ever, at most 1500 days), ``vod_sub_app_id``, ``vod_file_name``, ``procedure``,
``storage_mode``, ``class_id``, ``cos_bucket_name``, ``cos_bucket_region``, ``cos_bucket_path``.
"""

from __future__ import annotations

from typing import Any

import pulumi
from pulumi.dynamic import Resource

from .. import rules
from ..cloud.processing import (
    CREATE_LIVE_RECORD_RULE,
    CREATE_LIVE_RECORD_TEMPLATE,
    DELETE_LIVE_RECORD_RULE,
    DELETE_LIVE_RECORD_TEMPLATE,
    DESCRIBE_LIVE_RECORD_RULES,
    DESCRIBE_LIVE_RECORD_TEMPLATE,
    MODIFY_LIVE_RECORD_TEMPLATE,
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

__all__ = ["RECORD_TEMPLATE", "RecordRule", "RecordRuleProvider", "RecordTemplate", "RecordTemplateProvider"]

RECORD_TEMPLATE = TemplateSpec(
    "RecordTemplate",
    (
        Arg("TemplateName"),
        Arg("Description"),
        Arg("FlvParam"),
        Arg("HlsParam"),
        Arg("Mp4Param"),
        Arg("AacParam"),
        Arg("Mp3Param"),
        Arg("HlsSpecialParam"),
        Arg("CosStore"),
        Arg("RemoveWatermark"),
    ),
    rules.RECORD_LIMITS,
    CREATE_LIVE_RECORD_TEMPLATE,
    MODIFY_LIVE_RECORD_TEMPLATE,
    DELETE_LIVE_RECORD_TEMPLATE,
    describe_one(DESCRIBE_LIVE_RECORD_TEMPLATE, "Template"),
)


class RecordTemplateProvider(TemplateProvider):
    """Dynamic provider of :class:`RecordTemplate`."""

    spec = RECORD_TEMPLATE


class RecordTemplate(Resource, module="tclive", name="RecordTemplate"):
    """A recording template: which formats to record, how long each file runs and how long it is kept.

    Args:
        resource_name: The Pulumi resource name.
        template_name: At most 255 bytes of letters, digits, ``_`` and ``-``.
        description: Free text, optional.
        flv_param: FLV recording (a RecordParam dict, see the module docstring), or ``None`` for none.
        hls_param: HLS recording, e.g. ``{"enable": 1, "storage_time": 30 * 86400}`` for 30-day replays.
        mp4_param: MP4 recording.
        aac_param: AAC (audio only) recording.
        mp3_param: MP3 (audio only) recording.
        hls_special_param: ``{"flow_continue_duration": seconds}``: a stream back within it continues the same HLS file.
        cos_store: 1 stores the files in COS instead of VOD. Tencent cannot change it: a change replaces the template.
        remove_watermark: ``True`` records the original stream rather than the watermarked or transcoded one.
        opts: Pulumi resource options.

    Every other change updates the template in place (ModifyLiveRecordTemplate); it keeps its ``template_id``.
    """

    template_id: pulumi.Output[int]

    def __init__(
        self,
        resource_name: str,
        *,
        template_name: pulumi.Input[str],
        description: pulumi.Input[str] | None = None,
        flv_param: pulumi.Input[dict[str, Any]] | None = None,
        hls_param: pulumi.Input[dict[str, Any]] | None = None,
        mp4_param: pulumi.Input[dict[str, Any]] | None = None,
        aac_param: pulumi.Input[dict[str, Any]] | None = None,
        mp3_param: pulumi.Input[dict[str, Any]] | None = None,
        hls_special_param: pulumi.Input[dict[str, Any]] | None = None,
        cos_store: pulumi.Input[int] | None = None,
        remove_watermark: pulumi.Input[bool] | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """Declare the resource; every argument is documented on the class (``help(<class>)``)."""
        given = {k: v for k, v in locals().items() if k not in ("self", "resource_name", "opts", "__class__")}
        super().__init__(RecordTemplateProvider(), resource_name, template_props(RECORD_TEMPLATE, given), opts)


class RecordRuleProvider(RuleProvider):
    """Dynamic provider of :class:`RecordRule`."""

    spec = RuleSpec(
        "RecordRule", "RecordTemplate", CREATE_LIVE_RECORD_RULE, DELETE_LIVE_RECORD_RULE, DESCRIBE_LIVE_RECORD_RULES
    )


class RecordRule(Resource, module="tclive", name="RecordRule"):
    """Binds a :class:`RecordTemplate` to a push domain, app and stream.

    Args:
        resource_name: The Pulumi resource name.
        domain_name: The push domain: a :class:`LiveDomain` (preview then refuses a play domain) or its name.
        template_id: The template's ``template_id``.
        app_name: The app (the path segment of push URLs, usually ``live``); ``""`` (default): every app.
        stream_name: One stream; ``""`` (default): every stream.
        opts: Pulumi resource options.

    Tencent keeps one recording rule per domain, app and stream and has no Modify action for rules:
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
        super().__init__(RecordRuleProvider(), resource_name, props, merged)

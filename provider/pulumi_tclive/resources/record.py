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
    DESCRIBE_LIVE_RECORD_TEMPLATES,
    MODIFY_LIVE_RECORD_TEMPLATE,
    HlsSpecialParam,
    RecordParam,
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
    nested_inputs,
    rule_inputs,
    template_inputs,
    template_props,
)

__all__ = [
    "INPUTS",
    "RECORD_TEMPLATE",
    "RULE_INPUTS",
    "RecordRule",
    "RecordRuleProvider",
    "RecordTemplate",
    "RecordTemplateProvider",
]

_PARAM = nested_inputs(
    RecordParam,
    {
        "record_interval": "Seconds per file (Tencent's default 1800; HLS makes one file per stream).",
        "storage_time": "Seconds kept in VOD; 0 keeps for ever.",
        "enable": "1 records this format (Tencent's default 0).",
        "vod_sub_app_id": "The VOD sub-application.",
        "vod_file_name": "The file name pattern ({StreamID}, {StartYear}…).",
        "procedure": "The VOD task flow run on each file.",
        "storage_mode": "``normal`` or ``cold`` storage.",
        "class_id": "The VOD category.",
        "cos_bucket_name": "The COS bucket (with ``cos_store=1``), without its ``-<appid>`` suffix.",
        "cos_bucket_region": "The COS bucket's region.",
        "cos_bucket_path": "The folder in the COS bucket.",
    },
)
INPUTS = template_inputs(
    "RecordTemplate",
    CREATE_LIVE_RECORD_TEMPLATE,
    MODIFY_LIVE_RECORD_TEMPLATE,
    rules.RECORD_LIMITS,
    Input("template_name", str, doc="The template's name."),
    Input("description", str, doc="Free text, optional."),
    Input("flv_param", dict, doc="FLV recording; ``None`` for none.", fields=_PARAM),
    Input("hls_param", dict, doc="HLS recording, e.g. ``{'enable': 1, 'storage_time': 30 * 86400}``.", fields=_PARAM),
    Input("mp4_param", dict, doc="MP4 recording.", fields=_PARAM),
    Input("aac_param", dict, doc="AAC (audio only) recording.", fields=_PARAM),
    Input("mp3_param", dict, doc="MP3 (audio only) recording.", fields=_PARAM),
    Input(
        "hls_special_param",
        dict,
        doc="A stream back within ``flow_continue_duration`` seconds continues the same HLS file.",
        fields=nested_inputs(HlsSpecialParam, {"flow_continue_duration": "Seconds."}),
    ),
    Input("cos_store", int, doc="1 stores the files in COS instead of VOD."),
    Input("remove_watermark", bool, doc="``True`` records the original stream, not the watermarked or transcoded one."),
)
RECORD_TEMPLATE = TemplateSpec(
    INPUTS,
    rules.RECORD_LIMITS,
    CREATE_LIVE_RECORD_TEMPLATE,
    MODIFY_LIVE_RECORD_TEMPLATE,
    DELETE_LIVE_RECORD_TEMPLATE,
    describe_one(DESCRIBE_LIVE_RECORD_TEMPLATE, "Template"),
    listing(DESCRIBE_LIVE_RECORD_TEMPLATES, "Templates"),
)


class RecordTemplateProvider(TemplateProvider):
    """Dynamic provider of :class:`RecordTemplate`."""

    spec = RECORD_TEMPLATE


@INPUTS.document
class RecordTemplate(Resource, module="tclive", name="RecordTemplate"):
    """A recording template: which formats to record, how long each file runs and how long it is kept.

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
        adopt_existing: bool = False,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """Declare the resource; every argument is documented on the class (``help(<class>)``)."""
        props = template_props(INPUTS, locals())
        super().__init__(RecordTemplateProvider(), resource_name, props, INPUTS.options(opts))


RULE_INPUTS = rule_inputs("RecordRule", "RecordTemplate")


class RecordRuleProvider(RuleProvider):
    """Dynamic provider of :class:`RecordRule`."""

    spec = RuleSpec(RULE_INPUTS, CREATE_LIVE_RECORD_RULE, DELETE_LIVE_RECORD_RULE, DESCRIBE_LIVE_RECORD_RULES)


@RULE_INPUTS.document
class RecordRule(StreamRule, module="tclive", name="RecordRule"):
    """Binds a :class:`RecordTemplate` to a push domain, app and stream.

    Tencent keeps one recording rule per domain, app and stream and has no Modify action for rules:
    any change replaces the rule, the old one deleted first.
    """

    provider_class = RecordRuleProvider
    declared = RULE_INPUTS

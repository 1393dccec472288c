"""``SnapshotTemplate`` and ``SnapshotRule``: periodic snapshots of a push domain's streams to COS (covers, review).

CreateLiveSnapshotTemplate / ModifyLiveSnapshotTemplate / DeleteLiveSnapshotTemplate /
DescribeLiveSnapshotTemplate, and CreateLiveSnapshotRule / DeleteLiveSnapshotRule /
DescribeLiveSnapshotRules (https://cloud.tencent.com/document/product/267/32624). Terraform's
equivalents are ``tencentcloud_css_snapshot_template`` and ``tencentcloud_css_snapshot_rule_attachment``.
"""

from __future__ import annotations

import pulumi
from pulumi.dynamic import Resource

from .. import rules
from ..cloud.processing import (
    CREATE_LIVE_SNAPSHOT_RULE,
    CREATE_LIVE_SNAPSHOT_TEMPLATE,
    DELETE_LIVE_SNAPSHOT_RULE,
    DELETE_LIVE_SNAPSHOT_TEMPLATE,
    DESCRIBE_LIVE_SNAPSHOT_RULES,
    DESCRIBE_LIVE_SNAPSHOT_TEMPLATE,
    DESCRIBE_LIVE_SNAPSHOT_TEMPLATES,
    MODIFY_LIVE_SNAPSHOT_TEMPLATE,
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
    "SNAPSHOT_TEMPLATE",
    "SnapshotRule",
    "SnapshotRuleProvider",
    "SnapshotTemplate",
    "SnapshotTemplateProvider",
]

INPUTS = template_inputs(
    "SnapshotTemplate",
    CREATE_LIVE_SNAPSHOT_TEMPLATE,
    MODIFY_LIVE_SNAPSHOT_TEMPLATE,
    rules.SNAPSHOT_LIMITS,
    Input("template_name", str, doc="The template's name."),
    Input("cos_app_id", int, doc="The COS bucket's APPID."),
    Input("cos_bucket", str, doc="The bucket name, without its ``-<appid>`` suffix."),
    Input("cos_region", str, doc="The bucket's region, e.g. ``ap-guangzhou``."),
    Input("description", str, doc="Free text, optional."),
    Input("snapshot_interval", int, doc="Seconds between snapshots (Tencent's default 10)."),
    Input("width", int, doc="Width in pixels (0 keeps the source's)."),
    Input("height", int, doc="Height in pixels (0 keeps the source's)."),
    Input("porn_flag", int, doc="1 sends snapshots to content review."),
    Input("cos_prefix", str, doc="The folder in the bucket (Tencent's default ``/{Year}-{Month}-{Day}``)."),
    Input("cos_file_name", str, doc="The file name pattern (Tencent's default ``{StreamID}-screenshot-…``)."),
)
SNAPSHOT_TEMPLATE = TemplateSpec(
    INPUTS,
    rules.SNAPSHOT_LIMITS,
    CREATE_LIVE_SNAPSHOT_TEMPLATE,
    MODIFY_LIVE_SNAPSHOT_TEMPLATE,
    DELETE_LIVE_SNAPSHOT_TEMPLATE,
    describe_one(DESCRIBE_LIVE_SNAPSHOT_TEMPLATE, "Template"),
    listing(DESCRIBE_LIVE_SNAPSHOT_TEMPLATES, "Templates"),
)


class SnapshotTemplateProvider(TemplateProvider):
    """Dynamic provider of :class:`SnapshotTemplate`."""

    spec = SNAPSHOT_TEMPLATE


@INPUTS.document
class SnapshotTemplate(Resource, module="tclive", name="SnapshotTemplate"):
    """A snapshot template: how often to take a picture of a stream, its size, and the COS bucket it goes to.

    Every change updates the template in place (ModifyLiveSnapshotTemplate); it keeps its ``template_id``.
    """

    template_id: pulumi.Output[int]

    def __init__(
        self,
        resource_name: str,
        *,
        template_name: pulumi.Input[str],
        cos_app_id: pulumi.Input[int],
        cos_bucket: pulumi.Input[str],
        cos_region: pulumi.Input[str],
        description: pulumi.Input[str] | None = None,
        snapshot_interval: pulumi.Input[int] | None = None,
        width: pulumi.Input[int] | None = None,
        height: pulumi.Input[int] | None = None,
        porn_flag: pulumi.Input[int] | None = None,
        cos_prefix: pulumi.Input[str] | None = None,
        cos_file_name: pulumi.Input[str] | None = None,
        adopt_existing: bool = False,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """Declare the resource; every argument is documented on the class (``help(<class>)``)."""
        props = template_props(INPUTS, locals())
        super().__init__(SnapshotTemplateProvider(), resource_name, props, INPUTS.options(opts))


RULE_INPUTS = rule_inputs("SnapshotRule", "SnapshotTemplate")


class SnapshotRuleProvider(RuleProvider):
    """Dynamic provider of :class:`SnapshotRule`."""

    spec = RuleSpec(
        RULE_INPUTS,
        CREATE_LIVE_SNAPSHOT_RULE,
        DELETE_LIVE_SNAPSHOT_RULE,
        DESCRIBE_LIVE_SNAPSHOT_RULES,
    )


@RULE_INPUTS.document
class SnapshotRule(StreamRule, module="tclive", name="SnapshotRule"):
    """Binds a :class:`SnapshotTemplate` to a push domain, app and stream.

    Tencent keeps one snapshot rule per domain, app and stream and has no Modify action for rules:
    any change replaces the rule, the old one deleted first.
    """

    provider_class = SnapshotRuleProvider
    declared = RULE_INPUTS

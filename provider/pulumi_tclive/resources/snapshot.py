"""``SnapshotTemplate`` and ``SnapshotRule``: periodic snapshots of a push domain's streams to COS (covers, review).

CreateLiveSnapshotTemplate / ModifyLiveSnapshotTemplate / DeleteLiveSnapshotTemplate /
DescribeLiveSnapshotTemplate, and CreateLiveSnapshotRule / DeleteLiveSnapshotRule /
DescribeLiveSnapshotRules (https://cloud.tencent.com/document/product/267/32624). Terraform's
equivalents are ``tencentcloud_css_snapshot_template`` and ``tencentcloud_css_snapshot_rule_attachment``.
"""

from __future__ import annotations

from typing import Any

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
    MODIFY_LIVE_SNAPSHOT_TEMPLATE,
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

__all__ = ["SNAPSHOT_TEMPLATE", "SnapshotRule", "SnapshotRuleProvider", "SnapshotTemplate", "SnapshotTemplateProvider"]

SNAPSHOT_TEMPLATE = TemplateSpec(
    "SnapshotTemplate",
    tuple(
        Arg(field)
        for field in (
            "TemplateName",
            "CosAppId",
            "CosBucket",
            "CosRegion",
            "Description",
            "SnapshotInterval",
            "Width",
            "Height",
            "PornFlag",
            "CosPrefix",
            "CosFileName",
        )
    ),
    rules.SNAPSHOT_LIMITS,
    CREATE_LIVE_SNAPSHOT_TEMPLATE,
    MODIFY_LIVE_SNAPSHOT_TEMPLATE,
    DELETE_LIVE_SNAPSHOT_TEMPLATE,
    describe_one(DESCRIBE_LIVE_SNAPSHOT_TEMPLATE, "Template"),
)


class SnapshotTemplateProvider(TemplateProvider):
    """Dynamic provider of :class:`SnapshotTemplate`."""

    spec = SNAPSHOT_TEMPLATE


class SnapshotTemplate(Resource, module="tclive", name="SnapshotTemplate"):
    """A snapshot template: how often to take a picture of a stream, its size, and the COS bucket it goes to.

    Args:
        resource_name: The Pulumi resource name.
        template_name: At most 255 bytes of letters, digits, ``_`` and ``-``.
        cos_app_id: The COS bucket's APPID.
        cos_bucket: The bucket name, without its ``-<appid>`` suffix.
        cos_region: The bucket's region, e.g. ``ap-guangzhou``.
        description: Free text, optional.
        snapshot_interval: Seconds between snapshots, 2–300 (Tencent's default 10).
        width: Pixels, 0–3000 (0 keeps the source's).
        height: Pixels, 0–2000 (0 keeps the source's).
        porn_flag: 1 sends snapshots to content review.
        cos_prefix: The folder in the bucket (Tencent's default ``/{Year}-{Month}-{Day}``).
        cos_file_name: The file name pattern (Tencent's default ``{StreamID}-screenshot-{Hour}-{Minute}-{Second}-{Width}x{Height}{Ext}``).
        opts: Pulumi resource options.

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
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """Declare the resource; every argument is documented on the class (``help(<class>)``)."""
        given = {k: v for k, v in locals().items() if k not in ("self", "resource_name", "opts", "__class__")}
        super().__init__(SnapshotTemplateProvider(), resource_name, template_props(SNAPSHOT_TEMPLATE, given), opts)


class SnapshotRuleProvider(RuleProvider):
    """Dynamic provider of :class:`SnapshotRule`."""

    spec = RuleSpec(
        "SnapshotRule",
        "SnapshotTemplate",
        CREATE_LIVE_SNAPSHOT_RULE,
        DELETE_LIVE_SNAPSHOT_RULE,
        DESCRIBE_LIVE_SNAPSHOT_RULES,
    )


class SnapshotRule(Resource, module="tclive", name="SnapshotRule"):
    """Binds a :class:`SnapshotTemplate` to a push domain, app and stream.

    Args:
        resource_name: The Pulumi resource name.
        domain_name: The push domain: a :class:`LiveDomain` (preview then refuses a play domain) or its name.
        template_id: The template's ``template_id``.
        app_name: The app (usually ``live``); ``""`` (default): every app.
        stream_name: One stream; ``""`` (default): every stream.
        opts: Pulumi resource options.

    Tencent keeps one snapshot rule per domain, app and stream and has no Modify action for rules:
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
        super().__init__(SnapshotRuleProvider(), resource_name, props, merged)

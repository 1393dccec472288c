"""Stream processing (callback, record, transcode, snapshot, watermark and time-shift rules): each rule the
stack declares is in the account and points at a template that exists; callback URLs are https.

One Describe*Rules list and one Describe*Templates list (DescribeLiveWatermarks) per kind of rule the
stack declares, whatever the number of rules: Tencent lists every rule and template of a kind in one
answer (https://cloud.tencent.com/document/api/267/30661 and its siblings).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from ..cloud.api import Action, ApiObject
from ..cloud.client import TencentCloudClient
from ..cloud.processing import (
    DESCRIBE_LIVE_CALLBACK_RULES,
    DESCRIBE_LIVE_CALLBACK_TEMPLATES,
    DESCRIBE_LIVE_RECORD_RULES,
    DESCRIBE_LIVE_RECORD_TEMPLATES,
    DESCRIBE_LIVE_SNAPSHOT_RULES,
    DESCRIBE_LIVE_SNAPSHOT_TEMPLATES,
    DESCRIBE_LIVE_TIME_SHIFT_RULES,
    DESCRIBE_LIVE_TIME_SHIFT_TEMPLATES,
    DESCRIBE_LIVE_TRANSCODE_RULES,
    DESCRIBE_LIVE_TRANSCODE_TEMPLATES,
    DESCRIBE_LIVE_WATERMARK_RULES,
    DESCRIBE_LIVE_WATERMARKS,
    CallBackTemplateInfo,
)
from ..dns.base import normalise_name
from ._deployed import DeployedResource, Deployment
from ._findings import Finding, Planned

__all__ = ["processing_tasks"]


@dataclass(frozen=True)
class _Kind:
    """One kind of rule: its resource, its template resource, and Tencent's two list actions."""

    rule: str
    template: str
    rules: Action[Any, Any]
    templates: Action[Any, Any]
    templates_field: str = "Templates"
    id_field: str = "TemplateId"
    per_stream: bool = True
    ladder: bool = False


_KINDS = (
    _Kind(
        "CallbackRule",
        "CallbackTemplate",
        DESCRIBE_LIVE_CALLBACK_RULES,
        DESCRIBE_LIVE_CALLBACK_TEMPLATES,
        per_stream=False,
    ),
    _Kind("RecordRule", "RecordTemplate", DESCRIBE_LIVE_RECORD_RULES, DESCRIBE_LIVE_RECORD_TEMPLATES),
    _Kind(
        "TranscodeRule",
        "TranscodeTemplate",
        DESCRIBE_LIVE_TRANSCODE_RULES,
        DESCRIBE_LIVE_TRANSCODE_TEMPLATES,
        ladder=True,
    ),
    _Kind("SnapshotRule", "SnapshotTemplate", DESCRIBE_LIVE_SNAPSHOT_RULES, DESCRIBE_LIVE_SNAPSHOT_TEMPLATES),
    _Kind(
        "WatermarkRule",
        "Watermark",
        DESCRIBE_LIVE_WATERMARK_RULES,
        DESCRIBE_LIVE_WATERMARKS,
        "WatermarkList",
        "WatermarkId",
    ),
    _Kind("TimeShiftRule", "TimeShiftTemplate", DESCRIBE_LIVE_TIME_SHIFT_RULES, DESCRIBE_LIVE_TIME_SHIFT_TEMPLATES),
)

_URL_FIELDS = tuple(name for name in CallBackTemplateInfo.model_fields if name.endswith("NotifyUrl"))


def _rule_subject(kind: _Kind, rule: DeployedResource) -> str:
    parts = [normalise_name(str(rule.value("domain_name", ""))), str(rule.value("app_name", "") or "*")]
    if kind.per_stream:
        parts.append(str(rule.value("stream_name", "") or "*"))
    # A transcoding ladder binds several templates to one stream, one rule each: the template tells them apart.
    ladder = f" #{rule.value('template_id')}" if kind.ladder else ""
    return f"{kind.rule} {'/'.join(parts)}{ladder}"


def _rule_findings(
    kind: _Kind, rules: list[DeployedResource], client: Callable[[], TencentCloudClient], apply: str
) -> list[Finding]:
    listed = client().call(kind.rules, kind.rules.request()).Rules
    templates: list[ApiObject] = getattr(client().call(kind.templates, kind.templates.request()), kind.templates_field)
    template_ids = {int(getattr(t, kind.id_field)) for t in templates}
    findings = []
    for rule in rules:
        subject = _rule_subject(kind, rule)
        domain = normalise_name(str(rule.value("domain_name", "")))
        app, stream = str(rule.value("app_name", "") or ""), str(rule.value("stream_name", "") or "")
        declared = int(rule.value("template_id", 0) or 0)
        found = [
            r
            for r in listed
            if normalise_name(r.DomainName) == domain
            and r.AppName == app
            and (not kind.per_stream or getattr(r, "StreamName", "") == stream)
        ]
        if not found:
            findings.append(
                Finding(
                    "processing",
                    subject,
                    "fail",
                    "the rule is not in the account",
                    f"Run `{apply} --refresh` to create it again.",
                )
            )
            continue
        ids = sorted({r.TemplateId for r in found})
        bound = declared if declared in ids else ids[0]
        if declared and declared not in ids:
            findings.append(
                Finding(
                    "processing",
                    subject,
                    "fail",
                    f"points at {kind.template} {', '.join(map(str, ids))}, the stack declares {declared}",
                    f"Run `{apply} --refresh` to bind it to {kind.template} {declared} again.",
                )
            )
        elif bound not in template_ids:
            findings.append(
                Finding(
                    "processing",
                    subject,
                    "fail",
                    f"points at {kind.template} {bound}, which does not exist",
                    f"Run `{apply} --refresh`: the {kind.template} is created again and the rule bound to it.",
                )
            )
        else:
            findings.append(Finding("processing", subject, "pass", f"bound to {kind.template} {bound}, which exists"))
    return findings


def _callback_findings(
    templates: list[DeployedResource], client: Callable[[], TencentCloudClient], apply: str
) -> list[Finding]:
    listed = client().call(DESCRIBE_LIVE_CALLBACK_TEMPLATES, DESCRIBE_LIVE_CALLBACK_TEMPLATES.request()).Templates
    by_id = {t.TemplateId: t for t in listed}
    findings = []
    for template in templates:
        template_id = int(template.value("template_id", 0) or 0)
        subject = f"CallbackTemplate {template.value('template_name', template.name)}"
        info = by_id.get(template_id)
        if info is None:
            findings.append(
                Finding(
                    "processing",
                    subject,
                    "fail",
                    f"template {template_id} is not in the account",
                    f"Run `{apply} --refresh` to create it again (its rules are bound to the new one).",
                )
            )
            continue
        plain = [
            f"{field} {getattr(info, field)}" for field in _URL_FIELDS if getattr(info, field).startswith("http://")
        ]
        if plain:
            findings.append(
                Finding(
                    "processing",
                    subject,
                    "fail",
                    f"callback URLs are not https: {'; '.join(plain)} (callbacks, signed with the callback key, "
                    "would travel in clear)",
                    f"Give https:// URLs to the CallbackTemplate's *_notify_url arguments and run `{apply}`.",
                )
            )
        else:
            urls = sum(1 for field in _URL_FIELDS if getattr(info, field))
            findings.append(Finding("processing", subject, "pass", f"{urls} callback URLs, all https"))
    return findings


def processing_tasks(deployment: Deployment, client: Callable[[], TencentCloudClient]) -> list[Planned]:
    """One task per kind of rule the stack declares, and one for its callback templates."""
    planned = []
    for kind in _KINDS:
        rules = deployment.of(kind.rule)
        if rules:
            planned.append(
                Planned(
                    "processing",
                    f"{kind.rule}s",
                    partial(_rule_findings, kind, rules, client, deployment.apply_command),
                )
            )
    callbacks = deployment.of("CallbackTemplate")
    if callbacks:
        planned.append(
            Planned(
                "processing",
                "CallbackTemplates",
                partial(_callback_findings, callbacks, client, deployment.apply_command),
            )
        )
    return planned

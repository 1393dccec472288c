"""Binding processing templates to a push domain: the rule each template kind needs, created for it.

What :class:`MiniProgramLive` does with its ``push_templates``: for each template, the matching
rule (``TranscodeTemplate`` → ``TranscodeRule``…) on the push domain, for every app and stream.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pulumi

from ..errors import ConfigurationError
from .callback import CallbackRule, CallbackTemplate
from .record import RecordRule, RecordTemplate
from .snapshot import SnapshotRule, SnapshotTemplate
from .time_shift import TimeShiftRule, TimeShiftTemplate
from .transcode import TranscodeRule, TranscodeTemplate
from .watermark import Watermark, WatermarkRule

__all__ = ["RULE_OF", "bind_to_push_domain"]

RULE_OF: dict[type[pulumi.Resource], Callable[..., pulumi.Resource]] = {
    CallbackTemplate: CallbackRule,
    RecordTemplate: RecordRule,
    TranscodeTemplate: TranscodeRule,
    SnapshotTemplate: SnapshotRule,
    Watermark: WatermarkRule,
    TimeShiftTemplate: TimeShiftRule,
}
"""Each template kind and the rule that binds it."""


def bind_to_push_domain(
    prefix: str, domain: Any, templates: Sequence[pulumi.Resource], opts: pulumi.ResourceOptions
) -> list[pulumi.Resource]:
    """One rule per template on ``domain`` (a :class:`LiveDomain`), named ``<prefix>-<template name>-rule``.

    Raises:
        ConfigurationError: a template is not one of the six kinds.
    """
    bound: list[pulumi.Resource] = []
    for template in templates:
        rule = RULE_OF.get(type(template))
        if rule is None:
            kinds = ", ".join(kind.__name__ for kind in RULE_OF)
            raise ConfigurationError(
                f"push_templates holds a {type(template).__name__}; give templates of these kinds: {kinds}."
            )
        name = f"{prefix}-{template._name}-rule"
        template_id = template.template_id  # type: ignore[attr-defined]
        bound.append(rule(name, domain_name=domain, template_id=template_id, opts=opts))
    return bound

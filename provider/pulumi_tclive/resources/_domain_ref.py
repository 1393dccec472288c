"""A streaming resource's ``domain_name`` argument: a :class:`LiveDomain` or a plain name.

Given the LiveDomain, the resource depends on it and sends its ``domain_type`` along, so preview
can refuse a push-only setting on a play domain (and the reverse) before anything is created.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pulumi

from .. import rules
from ._inputs import REQUIRED, Input
from ._provider import is_unknown

__all__ = ["domain_inputs", "domain_kind_problems", "domain_reference"]


def domain_inputs(domain_type: str) -> tuple[Input, Input]:
    """The declared ``domain_name`` argument (a LiveDomain or a name) and the ``domain_type`` it brings along.

    :param domain_type: the kind of domain wanted, as the docs say it (``"play"``).
    """
    return (
        Input(
            "domain_name",
            str,
            REQUIRED,
            doc=f"The {domain_type} domain: a :class:`LiveDomain` (preview then checks its type) or its name.",
            replaces=True,
            normalize=rules.normalize_domain_name,
            validated_by="domain_kind_problems",
        ),
        Input("domain_type", str, argument=False, compared=False, doc="The LiveDomain's type, when one is given."),
    )


def domain_reference(domain_name: Any, opts: pulumi.ResourceOptions | None) -> tuple[Any, Any, pulumi.ResourceOptions]:
    """``(domain name input, domain type input or None, options with the dependency)``."""
    from .domain import LiveDomain

    if isinstance(domain_name, LiveDomain):
        merged = pulumi.ResourceOptions.merge(pulumi.ResourceOptions(depends_on=[domain_name]), opts)
        return domain_name.domain_name, domain_name.domain_type, merged
    return domain_name, None, opts or pulumi.ResourceOptions()


def domain_kind_problems(inputs: Mapping[str, Any], resource: str, wanted: str, advice: str) -> list[rules.Problem]:
    """Problems with ``domain_name``: a malformed name, or a known ``domain_type`` other than ``wanted``.

    :param resource: the resource's class name, for the message.
    :param wanted: ``"push"`` or ``"play"``.
    :param advice: what to do instead, for the message.
    """
    domain = inputs.get("domain_name")
    problems = [] if is_unknown(domain) else rules.check_live_domain_name(domain)
    domain_type = inputs.get("domain_type")
    if domain_type is not None and not is_unknown(domain_type) and domain_type != wanted:
        problems.append(
            rules.Problem(
                "domain_name",
                domain,
                f"{resource} needs a {wanted} domain, and {domain} is a {domain_type} domain.",
                advice,
            )
        )
    return problems

"""A streaming resource's ``domain_name`` argument: a :class:`LiveDomain` or a plain name.

Given the LiveDomain, the resource depends on it and sends its ``domain_type`` along, so preview
can refuse a push-only setting on a play domain (and the reverse) before anything is created.
"""

from __future__ import annotations

from typing import Any

import pulumi

__all__ = ["domain_reference"]


def domain_reference(domain_name: Any, opts: pulumi.ResourceOptions | None) -> tuple[Any, Any, pulumi.ResourceOptions]:
    """``(domain name input, domain type input or None, options with the dependency)``."""
    from .domain import LiveDomain

    if isinstance(domain_name, LiveDomain):
        merged = pulumi.ResourceOptions.merge(pulumi.ResourceOptions(depends_on=[domain_name]), opts)
        return domain_name.domain_name, domain_name.domain_type, merged
    return domain_name, None, opts or pulumi.ResourceOptions()

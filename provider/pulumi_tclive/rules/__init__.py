"""Pure validation of the product rules R1–R9 (docs/design.md#product-rules).

Nothing here does I/O and nothing raises: every ``check_*`` takes any object — ``None``, floats
as Pulumi sends numbers, dicts, huge strings, objects whose dunder methods raise — and returns a
list of :class:`Problem`, empty when the value is fine. Resources turn problems into Pulumi check
failures (``property`` is the resource argument name), so every problem says what was wrong, shows
the value, and says what to do.

Domain names are validated in their normal form (:func:`normalize_domain_name`: stripped,
lower-case, no trailing dot, A-labels), following docs/design.md#domain-names. Callers skip
``pulumi.output.Unknown`` values before calling.

The rules are grouped by subject, in private modules re-exported here: ``_problem`` (the
:class:`Problem` type), ``_names`` (domain-name normal form and host-name rules), ``_mini_program``
(R1–R3), ``_licence`` (R4 and the console steps), ``_domain`` (live domains, R5 and R8), ``_dns``
(CNAME records and zones) and ``_processing`` (Tencent's limits on processing templates).
"""

from __future__ import annotations

from ._dns import (
    DNS_BACKENDS,
    DNSPOD_MAX_TTL,
    MAX_TTL,
    VERIFY_MODES,
    check_cname_target,
    check_dns_name,
    check_ttl,
    check_verify_timeout,
    check_zone,
)
from ._domain import (
    DOMAIN_SCENES,
    DOMAIN_TYPES,
    PLAY_REGIONS,
    R8_REASON,
    check_domain_kind,
    check_live_domain_name,
    check_mini_program_play_change,
    r8_release_advice,
    r8_replace_advice,
)
from ._licence import LICENCE_STATUS_LABELS, LICENCE_STATUSES, check_licence_status_for_domains, licence_next_steps
from ._mini_program import (
    ECOMMERCE_CATEGORIES,
    EDUCATION_CATEGORIES,
    MIN_PLUGIN_VERSION,
    PLUGIN_APP_ID,
    PLUGIN_NAME,
    SCENES,
    SUBJECT_TYPES,
    SUPPORT_TICKET_URL,
    check_app_id,
    check_mini_program_name,
    check_plugin_version,
    check_scene,
    check_subject_type,
    parse_version,
)
from ._names import TENCENT_SUFFIXES, normalize_domain_name
from ._problem import Problem, check_enum
from ._processing import (
    CALLBACK_LIMITS,
    RECORD_LIMITS,
    SNAPSHOT_LIMITS,
    TIME_SHIFT_DURATIONS,
    TIME_SHIFT_LIMITS,
    TRANSCODE_LIMITS,
    WATERMARK_LIMITS,
    Limit,
    check_limits,
    snake_case,
)

__all__ = [
    "CALLBACK_LIMITS",
    "DNSPOD_MAX_TTL",
    "DNS_BACKENDS",
    "DOMAIN_SCENES",
    "DOMAIN_TYPES",
    "ECOMMERCE_CATEGORIES",
    "EDUCATION_CATEGORIES",
    "LICENCE_STATUSES",
    "LICENCE_STATUS_LABELS",
    "MAX_TTL",
    "MIN_PLUGIN_VERSION",
    "PLAY_REGIONS",
    "PLUGIN_APP_ID",
    "PLUGIN_NAME",
    "R8_REASON",
    "RECORD_LIMITS",
    "SCENES",
    "SNAPSHOT_LIMITS",
    "SUBJECT_TYPES",
    "SUPPORT_TICKET_URL",
    "TENCENT_SUFFIXES",
    "TIME_SHIFT_DURATIONS",
    "TIME_SHIFT_LIMITS",
    "TRANSCODE_LIMITS",
    "VERIFY_MODES",
    "WATERMARK_LIMITS",
    "Limit",
    "Problem",
    "check_app_id",
    "check_cname_target",
    "check_dns_name",
    "check_domain_kind",
    "check_enum",
    "check_licence_status_for_domains",
    "check_limits",
    "check_live_domain_name",
    "check_mini_program_name",
    "check_mini_program_play_change",
    "check_plugin_version",
    "check_scene",
    "check_subject_type",
    "check_ttl",
    "check_verify_timeout",
    "check_zone",
    "licence_next_steps",
    "normalize_domain_name",
    "parse_version",
    "r8_release_advice",
    "r8_replace_advice",
    "snake_case",
]

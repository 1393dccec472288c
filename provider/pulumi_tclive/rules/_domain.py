"""Live push and play domains: their names, their kind (R5) and the identity of mini-program play domains (R8)."""

from __future__ import annotations

from collections.abc import Mapping

from ._mini_program import _PLUGIN_DOCS_URL
from ._names import _hostname_problems, normalize_domain_name
from ._problem import Problem, _same, _show, _truthy, check_enum

__all__ = [
    "DOMAIN_SCENES",
    "DOMAIN_TYPES",
    "PLAY_REGIONS",
    "R8_REASON",
    "check_domain_kind",
    "check_live_domain_name",
    "check_mini_program_play_change",
    "r8_release_advice",
    "r8_replace_advice",
]

DOMAIN_TYPES = ("push", "play")
DOMAIN_SCENES = ("standard", "mini_program")
PLAY_REGIONS = ("mainland", "global", "overseas")


def check_live_domain_name(value: object, property: str = "domain_name") -> list[Problem]:
    """Check a live push or play domain (AddLiveDomain's ``DomainName``).

    Host-name rules on the normalised value: letters, digits and hyphens; labels of 1–63
    characters; at most 253 in all; at least two labels; no wildcard, IP literal, underscore or
    name under :data:`TENCENT_SUFFIXES`. Internationalised names are refused because Tencent
    rejects them (``InternalError.ChineseCharacterDetected``); the message shows the A-label form.

    Args:
        value: the domain name as given.
        property: the argument name to report problems against.
    """
    return _hostname_problems(value, property, noun="live domain", allow_idn=False, min_labels=2, refuse_tencent=True)


def check_domain_kind(domain_type: object, scene: object, play_region: object, *, has_licence: bool) -> list[Problem]:
    """R5: one of the four domain kinds (push/play × standard/mini_program), with a licence when needed.

    Args:
        domain_type: ``"push"`` or ``"play"`` (argument ``domain_type``).
        scene: ``"standard"`` or ``"mini_program"`` (argument ``scene``).
        play_region: play domains only: ``"mainland"``, ``"global"`` or ``"overseas"``; None for the default.
        has_licence: whether ``plugin_license`` was given; ``scene="mini_program"`` requires it.
    """
    problems = check_enum(domain_type, DOMAIN_TYPES, "domain_type")
    problems.extend(check_enum(scene, DOMAIN_SCENES, "scene"))
    if play_region is not None:
        if _same(domain_type, "push"):
            problems.append(
                Problem(
                    "play_region",
                    play_region,
                    f"play_region {_show(play_region)} is set on a push domain; the acceleration region applies "
                    "to play domains only.",
                    "Remove play_region from this push domain (or make it a play domain).",
                )
            )
        else:
            problems.extend(check_enum(play_region, PLAY_REGIONS, "play_region"))
    if _same(scene, "mini_program") and not _truthy(has_licence):
        problems.append(
            Problem(
                "plugin_license",
                None,
                "scene 'mini_program' needs the mini-program live plugin licence, but no plugin_license was given.",
                "Pass plugin_license=<PluginLicense> (the licence of the mini-program this domain serves); the console "
                "offers the 小程序直播 scene only to accounts with an available licence.",
            )
        )
    return problems


_DOMAIN_IDENTITY = ("domain_name", "domain_type", "scene", "slow_live")
_IDENTITY_DEFAULTS: dict[str, object] = {"scene": "standard", "slow_live": False}


def _lookup(mapping: object, key: str) -> tuple[bool, object]:
    """``(present, value)`` from a mapping that may be foreign and may raise."""
    if not issubclass(type(mapping), Mapping):
        return False, None
    try:
        if key not in mapping:  # type: ignore[operator]
            return False, None
        return True, mapping[key]  # type: ignore[index]
    except Exception:
        return False, None


def _identity_value(key: str, value: object) -> object:
    if value is None:
        return _IDENTITY_DEFAULTS.get(key)
    if key == "domain_name":
        return normalize_domain_name(value)
    if key == "slow_live" and type(value) in (bool, int, float):
        return _truthy(value)
    return value


def check_mini_program_play_change(old: Mapping[str, object], new: Mapping[str, object]) -> list[Problem]:
    """R8: refuse changes that would need a new domain in place of a mini-program play domain.

    A mini-program play domain cannot be deleted or unbound once added (添加小程序直播的播放域名后，
    暂不支持删除解绑), so changing its name, type, scene or slow-live flag — all of which replace the
    domain — is refused, one problem per changed property. Keys absent from ``new`` are not
    compared (callers drop unknown values); None means the default (scene ``standard``, slow_live False).

    Args:
        old: the existing domain's outputs (``domain_name``, ``domain_type``, ``scene``, ``slow_live``).
        new: the proposed inputs, same keys.
    """
    _, old_type = _lookup(old, "domain_type")
    _, old_scene = _lookup(old, "scene")
    if not (_same(old_type, "play") and _same(old_scene, "mini_program")):
        return []
    _, old_name = _lookup(old, "domain_name")
    problems: list[Problem] = []
    for key in _DOMAIN_IDENTITY:
        present, new_value = _lookup(new, key)
        if not present:
            continue
        _, old_value = _lookup(old, key)
        if _same(_identity_value(key, old_value), _identity_value(key, new_value)):
            continue
        problems.append(
            Problem(
                key,
                new_value,
                f"Changing {key} from {_show(old_value)} to {_show(new_value)} needs a new domain, but the existing "
                f"mini-program play domain {_show(old_name)} cannot be deleted or unbound once added "
                f"(Tencent Cloud docs: 添加小程序直播的播放域名后，暂不支持删除解绑, {_PLUGIN_DOCS_URL}).",
                r8_replace_advice(_show(old_name)),
            )
        )
    return problems


def r8_release_advice(name: str) -> str:
    """How to stop managing a mini-program play domain (R8): works word for word with the Pulumi CLI and the
    offline engine, for a standalone LiveDomain and for MiniProgramLive."""
    return (
        f"To stop managing {name} without deleting it: set protect_play_domain=False on the MiniProgramLive, or "
        "opts=pulumi.ResourceOptions(protect=False) on the LiveDomain and on its CnameRecord, and run `pulumi up`; "
        "then remove it from the program and run `pulumi up` again. Both are retained (retain_on_delete=True), so "
        "they stay in your Tencent Cloud account."
    )


def r8_replace_advice(name: str) -> str:
    """How to move to another mini-program play domain (R8), for MiniProgramLive and for a LiveDomain."""
    return (
        f"Keep {name} as it is. To move the plugin to another play domain: on the MiniProgramLive, set "
        "protect_play_domain=False together with the new play_domain and run `pulumi up`; on a LiveDomain, declare a "
        "new LiveDomain for the new domain instead. " + r8_release_advice(name)
    )


R8_REASON = (
    "a mini-program play domain can never be deleted or unbound once added (R8, Tencent Cloud docs: "
    f"添加小程序直播的播放域名后，暂不支持删除解绑, {_PLUGIN_DOCS_URL}), so pulumi-tclive protects it and retains it on delete"
)

"""The mini-program and its live plugin (R1–R3): AppID, name, subject, scene and categories, plugin version."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from ._problem import Problem, _enum_member, _is_str, _listing, _same, _show, _text, _type_name, check_enum

__all__ = [
    "ECOMMERCE_CATEGORIES",
    "EDUCATION_CATEGORIES",
    "MIN_PLUGIN_VERSION",
    "PLUGIN_APP_ID",
    "PLUGIN_NAME",
    "SCENES",
    "SUBJECT_TYPES",
    "SUPPORT_TICKET_URL",
    "check_app_id",
    "check_mini_program_name",
    "check_plugin_version",
    "check_scene",
    "check_subject_type",
    "parse_version",
]

# R3: the plugin every mini-program adds (插件名称 / 插件 AppID / 插件最低版本限制; docs/design.md#product-rules).
PLUGIN_APP_ID = "wx95a7d2b78cf30f98"
PLUGIN_NAME = "腾讯云直播助手"
MIN_PLUGIN_VERSION = "1.2.1"

SUBJECT_TYPES = ("enterprise", "government", "media", "other_org", "individual")
SCENES = ("ecommerce", "education", "offline_event")
# R2: the category table (docs/design.md#product-rules), exact text as WeChat shows it (full-width parentheses included).
ECOMMERCE_CATEGORIES = ("电商平台",)
EDUCATION_CATEGORIES = (
    "培训机构",
    "教育信息服务",
    "学历教育（学校）",
    "驾校培训",
    "教育平台",
    "素质教育",
    "婴幼儿教育",
    "在线教育",
    "教育装备",
    "出国移民",
    "出国留学",
    "特殊人群教育",
    "在线视频课程",
)
SUPPORT_TICKET_URL = "https://console.cloud.tencent.com/workorder/category"
# Tencent Cloud's public pages for the rules: the plugin (R1, R3–R9) and the category requirements (R2).
_PLUGIN_DOCS_URL = "https://cloud.tencent.com/document/product/1148/39191"
_CATEGORY_DOCS_URL = "https://cloud.tencent.com/document/product/1078/43316"

_APP_ID_PATTERN = re.compile(r"wx[0-9a-f]{16}")
_VERSION_PATTERN = re.compile(r"[0-9]{1,9}(?:\.[0-9]{1,9}){0,7}")
_MAX_MINI_PROGRAM_NAME_LENGTH = 64
_CATEGORY_SCENES = {category: "ecommerce" for category in ECOMMERCE_CATEGORIES} | {
    category: "education" for category in EDUCATION_CATEGORIES
}


def check_app_id(value: object, property: str = "mini_program_app_id") -> list[Problem]:
    """Check the mini-program's AppID: ``wx`` and 16 lower-case hex digits, not the plugin's own AppID.

    Args:
        value: the AppID as given.
        property: the argument name to report problems against.
    """
    where = "It is shown in the WeChat mini-program admin (mp.weixin.qq.com) under 【设置】>【基本设置】."
    if not _is_str(value):
        reason = f"{property} is missing." if value is None else f"{property} must be a string, got {_show(value)}."
        return [
            Problem(
                property, value, reason, f"Set {property} to your mini-program's AppID ('wx' + 16 hex digits). {where}"
            )
        ]
    text = _text(value)
    if text == PLUGIN_APP_ID:
        return [
            Problem(
                property,
                value,
                f"{property} {_show(value)} is the AppID of the live plugin {PLUGIN_NAME} itself, not of your "
                "mini-program.",
                f"Set {property} to your own mini-program's AppID; the plugin's AppID is only used when adding "
                f"the plugin in 【设置】>【第三方设置】>【插件管理】. {where}",
            )
        ]
    if _APP_ID_PATTERN.fullmatch(text):
        return []
    hint = ""
    if text != text.strip():
        hint = " Remove the surrounding whitespace."
    elif _APP_ID_PATTERN.fullmatch(text.lower()):
        hint = f" AppIDs are lower-case: {text.lower()!r}."
    return [
        Problem(
            property,
            value,
            f"{property} {_show(value)} is not a mini-program AppID ('wx' followed by 16 lower-case hex digits).",
            f"Copy the AppID exactly.{hint} {where}",
        )
    ]


def check_mini_program_name(value: object, property: str = "mini_program_name") -> list[Problem]:
    """Check the mini-program's name: non-blank text of at most 64 characters.

    Args:
        value: the name as given.
        property: the argument name to report problems against.
    """
    fix = f"Set {property} to the mini-program's name exactly as the WeChat admin shows it (【设置】>【基本设置】)."
    if not _is_str(value):
        reason = f"{property} is missing." if value is None else f"{property} must be a string, got {_show(value)}."
        return [Problem(property, value, reason, fix)]
    text = _text(value)
    if not text.strip():
        return [Problem(property, value, f"{property} {_show(value)} is blank.", fix)]
    if len(text) > _MAX_MINI_PROGRAM_NAME_LENGTH:
        return [
            Problem(
                property,
                value,
                f"{property} {_show(value)} has {len(text)} characters; at most {_MAX_MINI_PROGRAM_NAME_LENGTH} "
                "are accepted.",
                fix,
            )
        ]
    return []


def check_subject_type(value: object, property: str = "subject_type") -> list[Problem]:
    """R1: the mini-program must be registered to a non-individual subject (注册非个人主体类型的微信小程序).

    Args:
        value: the subject type as given, one of :data:`SUBJECT_TYPES`.
        property: the argument name to report problems against.
    """
    problems = check_enum(value, SUBJECT_TYPES, property)
    if problems:
        return problems
    if _same(value, "individual"):
        return [
            Problem(
                property,
                value,
                f"{property} 'individual': the mini-program live plugin is only granted to mini-programs "
                "registered to a non-individual subject (注册非个人主体类型的微信小程序; Tencent Cloud docs: "
                f"{_PLUGIN_DOCS_URL}).",
                "Register the mini-program to an enterprise, government, media or other organisation subject "
                f"and set {property} accordingly.",
            )
        ]
    return []


_OFFLINE_EVENT_EVIDENCE = (
    (
        "event_permit",
        "a safety permit for the event issued by the local public-security bureau or police station "
        "(活动所在地公安机关/派出所颁发的安全许可)",
        "Set event_permit to a reference to the permit document (its number or file name).",
    ),
    (
        "venue_proof",
        "proof of the right to use the venue, i.e. the agreement signed with the venue (场地使用证明材料（和场地方签订的文件）)",
        "Set venue_proof to a reference to the venue agreement (its number or file name).",
    ),
    (
        "support_ticket",
        f"confirmation from Tencent Cloud support before applying (需要先联系我们确认, {SUPPORT_TICKET_URL})",
        f"Open a ticket at {SUPPORT_TICKET_URL}, get the event confirmed, and set support_ticket to the ticket number.",
    ),
)


def _category_items(categories: object) -> list[object] | None:
    """The elements of a list or tuple, read without calling overridden methods; None otherwise."""
    if issubclass(type(categories), list):
        return list.copy(categories)  # type: ignore[arg-type]
    if issubclass(type(categories), tuple):
        return [*tuple.__iter__(categories)]  # type: ignore[arg-type]
    return None


def _suggest_category(name: str, allowed: Sequence[str]) -> str | None:
    """The accepted category ``name`` was probably meant to be (half-width brackets, stray spaces)."""
    folded = unicodedata.normalize("NFKC", name).replace(" ", "")
    return next((known for known in allowed if unicodedata.normalize("NFKC", known) == folded), None)


def _categories_problems(scene: str | None, categories: object) -> list[Problem]:
    property = "service_categories"
    if categories is None:
        categories = []
    if _is_str(categories):
        return [
            Problem(
                property,
                categories,
                f"{property} must be a list of category names, got the single string {_show(categories)}.",
                f"Wrap it in a list: {property}=[{_show(categories)}].",
            )
        ]
    items = _category_items(categories)
    if items is None:
        return [
            Problem(
                property,
                categories,
                f"{property} must be a list of category names, got {_show(categories)} ({_type_name(categories)}).",
                f"Set {property} to the mini-program's service categories, e.g. ['电商平台'].",
            )
        ]
    problems: list[Problem] = []
    not_text = [item for item in items if not _is_str(item)]
    if not_text:
        problems.append(
            Problem(
                property,
                categories,
                f"{property} contains values that are not category names (text): {_show(not_text)}.",
                "List each category as text, exactly as the WeChat admin shows it.",
            )
        )
    names = list(dict.fromkeys(_text(item) for item in items if _is_str(item)))
    if scene is None:
        return problems
    if scene == "ecommerce":
        allowed: tuple[str, ...] = ECOMMERCE_CATEGORIES
    elif scene == "education":
        allowed = EDUCATION_CATEGORIES
    else:
        allowed = ECOMMERCE_CATEGORIES + EDUCATION_CATEGORIES
    allowed_text = "、".join(allowed)
    accepted = f"Categories accepted for scene {scene!r}: {allowed_text}."
    misplaced = [name for name in names if name not in allowed and name in _CATEGORY_SCENES]
    if misplaced:
        other_scenes = sorted({_CATEGORY_SCENES[name] for name in misplaced})
        problems.append(
            Problem(
                property,
                categories,
                f"{property} contains {_listing(misplaced)}, a category of the "
                f"{' and '.join(map(repr, other_scenes))} scene, but scene is {scene!r}: the plugin is refused when "
                "the live scene and the mini-program's categories disagree (Tencent Cloud docs, 类目申请资质要求: "
                f"{_CATEGORY_DOCS_URL}).",
                f"Set scene to the one that matches the mini-program's categories, or fix the categories. {accepted}",
            )
        )
    unknown = [name for name in names if name not in allowed and name not in _CATEGORY_SCENES]
    if unknown:
        suggestions = {name: _suggest_category(name, allowed) for name in unknown}
        hints = " ".join(
            f"For {_show(name)} did you mean {known!r}?" for name, known in suggestions.items() if known is not None
        )
        problems.append(
            Problem(
                property,
                categories,
                f"{property} contains {_listing(unknown)}, not a category accepted for the {scene!r} scene.",
                f"{hints + ' ' if hints else ''}{accepted} Use the exact text the WeChat admin shows.",
            )
        )
    if scene == "ecommerce" and "电商平台" not in names:
        problems.append(
            Problem(
                property,
                categories,
                f"scene 'ecommerce' (电商带货、直播导购) needs the 【电商平台】 category, but {property} is "
                f"{_show(categories)}.",
                "Add the 电商平台 category to the mini-program in the WeChat admin (【设置】>【基本设置】>服务类目) "
                f"and list it: {property}=['电商平台'].",
            )
        )
    if scene == "education" and not any(name in EDUCATION_CATEGORIES for name in names):
        problems.append(
            Problem(
                property,
                categories,
                f"scene 'education' (网课、在线培训、讲座) needs one of the 【教育】 categories, but {property} is "
                f"{_show(categories)}.",
                f"Add one of them to the mini-program in the WeChat admin and list it. {accepted}",
            )
        )
    return problems


def check_scene(
    scene: object,
    categories: object,
    *,
    event_permit: object = None,
    venue_proof: object = None,
    support_ticket: object = None,
) -> list[Problem]:
    """R2: the live scene must match the mini-program's service categories (or, for events, evidence).

    ``ecommerce`` needs 电商平台; ``education`` needs at least one of :data:`EDUCATION_CATEGORIES`;
    ``offline_event`` (展会、发布会、走秀) needs references to the security permit, the venue
    agreement and a support ticket confirming the event, and accepts categories of either list.
    Categories outside the scene's list are refused, naming the accepted ones.

    Args:
        scene: one of :data:`SCENES` (argument ``scene``).
        categories: the mini-program's service categories, a list of text (``service_categories``).
        event_permit: offline events: reference to the public-security safety permit.
        venue_proof: offline events: reference to the venue-use agreement.
        support_ticket: offline events: the ticket in which Tencent support confirmed the event.
    """
    problems = check_enum(scene, SCENES, "scene")
    known_scene = _enum_member(scene, SCENES)
    problems.extend(_categories_problems(known_scene, categories))
    if known_scene == "offline_event":
        evidence = {"event_permit": event_permit, "venue_proof": venue_proof, "support_ticket": support_ticket}
        for property, requirement, fix in _OFFLINE_EVENT_EVIDENCE:
            given = evidence[property]
            if _is_str(given) and _text(given).strip():
                continue
            problems.append(
                Problem(
                    property,
                    given,
                    f"scene 'offline_event' needs {requirement}, but {property} is {_show(given)}.",
                    fix,
                )
            )
    return problems


def parse_version(value: object) -> tuple[int, ...] | None:
    """The numeric parts of a dotted version such as ``"1.2.1"``, or None when it is not one.

    Args:
        value: the version as given; only ASCII digits and dots (at most 8 parts) are accepted.
    """
    if not _is_str(value):
        return None
    text = _text(value)
    if not _VERSION_PATTERN.fullmatch(text):
        return None
    return tuple(int(part) for part in text.split("."))


def _padded(version: tuple[int, ...], width: int) -> tuple[int, ...]:
    return version + (0,) * (width - len(version))


def check_plugin_version(value: object, property: str = "plugin_version") -> list[Problem]:
    """R3: the plugin version the mini-program uses must be at least :data:`MIN_PLUGIN_VERSION`.

    ``None`` means "not given" (the minimum is assumed) and passes.

    Args:
        value: the version as given, e.g. ``"1.2.1"``.
        property: the argument name to report problems against.
    """
    if value is None:
        return []
    fix = (
        f"Use plugin {PLUGIN_NAME} ({PLUGIN_APP_ID}) version {MIN_PLUGIN_VERSION} or later in the mini-program "
        f"and set {property} to that version, e.g. {MIN_PLUGIN_VERSION!r}."
    )
    version = parse_version(value)
    if version is None:
        return [Problem(property, value, f"{property} {_show(value)} is not a dotted version number.", fix)]
    minimum = parse_version(MIN_PLUGIN_VERSION) or ()
    width = max(len(version), len(minimum))
    if _padded(version, width) < _padded(minimum, width):
        return [
            Problem(
                property,
                value,
                f"{property} {_show(value)} is older than the plugin's minimum version {MIN_PLUGIN_VERSION} "
                f"(Tencent Cloud docs, 插件最低版本限制: {_PLUGIN_DOCS_URL}).",
                fix,
            )
        ]
    return []

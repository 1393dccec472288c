"""The plugin licence (R4): its statuses, what blocks mini-program domains, and the console steps still to do."""

from __future__ import annotations

from ._mini_program import MIN_PLUGIN_VERSION, PLUGIN_APP_ID, PLUGIN_NAME, SCENES, SUPPORT_TICKET_URL
from ._problem import Problem, _enum_member, _show, _truthy

__all__ = ["LICENCE_STATUSES", "LICENCE_STATUS_LABELS", "check_licence_status_for_domains", "licence_next_steps"]

LICENCE_STATUSES = ("pending_review", "pending_payment", "available", "rejected", "expired")
# The console's labels for the statuses Tencent Cloud's docs name (购买服务; docs/design.md#product-rules).
LICENCE_STATUS_LABELS = {"pending_review": "待审核", "pending_payment": "待付款", "available": "可用"}

_PLUGIN_APPLICATION_URL = "https://cloud.tencent.com/apply/p/n6h3nx5f73"


_LICENCE_BLOCKERS = {
    "pending_review": (
        "is 'pending_review' (待审核): Tencent has not yet approved the plugin application",
        "Wait for Tencent's review (about 5 working days); once the status is 'pending_payment' (待付款), pay in "
        "云直播控制台 > 资源包/插件管理, then run the update again.",
    ),
    "pending_payment": (
        "is 'pending_payment' (待付款): the application is approved but the licence is not paid",
        "Pay for the licence in 云直播控制台 > 资源包/插件管理 (购买); the status then becomes 'available' (可用) "
        "and the update can be run again.",
    ),
    "rejected": (
        "is 'rejected': Tencent refused the plugin application",
        "Fix the application (non-individual subject, service categories that match the scene, clear screenshots) "
        "and submit it again; the resubmission is a new licence that goes through review and payment again.",
    ),
    "expired": (
        "is 'expired': the purchased licence period has ended",
        "Renew the licence in 云直播控制台 > 资源包/插件管理 (购买/续费), then run the update again.",
    ),
}


def check_licence_status_for_domains(status: object, property: str = "plugin_license") -> list[Problem]:
    """R4: only an ``available`` (可用) licence lets the account add mini-program domains.

    Args:
        status: the licence status, one of :data:`LICENCE_STATUSES`.
        property: the argument name to report problems against.
    """
    known = _enum_member(status, LICENCE_STATUSES)
    if known == "available":
        return []
    if known is None:
        return [
            Problem(
                property,
                status,
                f"The plugin licence status {_show(status)} is not a known status.",
                f"Use a PluginLicense whose status is one of: {', '.join(map(repr, LICENCE_STATUSES))}; "
                "mini-program domains need 'available'.",
            )
        ]
    state, fix = _LICENCE_BLOCKERS[known]
    return [
        Problem(
            property,
            status,
            f"The plugin licence {state}; mini-program domains can only be added with an 'available' (可用) licence.",
            fix,
        )
    ]


def licence_next_steps(status: str, *, scene: str = "", real_cloud: bool = False) -> list[str]:
    """The console steps still to do for a licence in ``status``, in order (申请插件, 购买服务, 添加直播域名).

    An unknown or empty status gives every step from the application on; ``available`` leaves only
    adding the domains.

    Args:
        status: the licence status, one of :data:`LICENCE_STATUSES`.
        scene: the live scene; ``offline_event`` adds the evidence step, others name the category.
        real_cloud: True on real Tencent Cloud, where no API exists for the licence and a person does
            each step in the console; False for the emulator, whose console actions stand in for them.
    """
    known_status = _enum_member(status, LICENCE_STATUSES)
    known_scene = _enum_member(scene, SCENES)
    on_real_cloud = _truthy(real_cloud)
    record = " Then set console_status on the PluginLicense to the status the console shows." if on_real_cloud else ""
    if known_scene == "ecommerce":
        category = "the 电商平台 category"
    elif known_scene == "education":
        category = "an 【教育】 category"
    else:
        category = "the service categories"
    prepare = [
        f"In the WeChat mini-program admin, 【设置】>【基本设置】: check the mini-program has {category}, save a "
        "screenshot showing its name and service categories, and note its AppID.",
        f"In 【设置】>【第三方设置】>【插件管理】: add the plugin {PLUGIN_NAME} (AppID {PLUGIN_APP_ID}, minimum version "
        f"{MIN_PLUGIN_VERSION}) and save a screenshot showing when it was added.",
    ]
    if known_scene == "offline_event":
        prepare.append(
            "Prepare the event's public-security safety permit and the venue agreement, and confirm the event with "
            f"Tencent Cloud support first: {SUPPORT_TICKET_URL}."
        )
    submit = (
        f"Submit the plugin application with the screenshots ({_PLUGIN_APPLICATION_URL}), then in 云直播控制台 > "
        "资源包/插件管理 click 添加插件 and enter the mini-program's details."
    )
    review = "Wait for Tencent's review: the status is 待审核 (pending_review) for about 5 working days." + (
        record if on_real_cloud else " (Emulator: the console action ApprovePluginLicense approves it.)"
    )
    pay = (
        "When the status is 待付款 (pending_payment), buy the licence in 云直播控制台 > 资源包/插件管理 (购买); "
        "it becomes 可用 (available) for the purchased period."
        + (record if on_real_cloud else " (Emulator: the console action PayPluginLicense pays it.)")
    )
    domains = (
        "Add the mini-program live domains (云直播控制台 > 域名管理 > 添加域名, scene 小程序直播) — declare "
        "LiveDomain resources with scene='mini_program' and plugin_license set — and CNAME each to its target."
    )
    if known_status == "available":
        return [domains]
    if known_status == "pending_payment":
        return [pay, domains]
    if known_status == "pending_review":
        return [review, pay, domains]
    if known_status == "expired":
        renew = "Renew the licence in 云直播控制台 > 资源包/插件管理 (购买/续费)." + record
        return [renew, domains]
    if known_status == "rejected":
        fix = (
            "Correct the application: a non-individual subject and service categories that match the scene; "
            "then submit it again as a new licence."
        )
        return [fix, *prepare, submit, review, pay, domains]
    return [*prepare, submit, review, pay, domains]

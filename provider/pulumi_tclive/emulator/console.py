"""The emulator-only service (``emulator`` 2026-01-01): the licence console and the test controls.

Tencent has no API for the mini-program plugin licence (docs/design.md#the-licence-has-no-api), so its console lifecycle
(pending_review → pending_payment → available → expired, or rejected) lives here, beside faults,
traffic, the clock, reset, the request log and settings.
"""

from __future__ import annotations

import json
import re
import secrets
import time

from ..cloud.dnspod import DNSPOD_ACTIONS
from ..cloud.live import LIVE_ACTIONS
from .clock import add_months, from_unix, iso_utc, parse_iso_utc
from .console_api import (
    ActionCallCount,
    ApprovePluginLicenseRequest,
    DescribePluginLicensesRequest,
    DescribePluginLicensesResponse,
    DescribeRequestLogRequest,
    DescribeRequestLogResponse,
    EmptyResponse,
    ExpirePluginLicenseRequest,
    LicenseStatus,
    PayPluginLicenseRequest,
    PluginLicenseInfo,
    PluginLicenseResponse,
    RecordTrafficRequest,
    RejectPluginLicenseRequest,
    ResetRequest,
    SetClockRequest,
    SetClockResponse,
    SetFaultsRequest,
    SubmitPluginLicenseRequest,
    UpdateSettingsRequest,
    UpdateSettingsResponse,
)
from .context import Context, Handler, fail
from .store import (
    FaultTable,
    read_settings,
    request_log,
    reset_state,
    set_clock_offset,
    write_faults,
    write_settings,
)

__all__ = ["CONSOLE_HANDLERS", "FAULTABLE_ACTIONS", "LICENSE_MONTHS_ON_AUTO_APPROVE"]

LICENSE_MONTHS_ON_AUTO_APPROVE = 12
FAULTABLE_ACTIONS = frozenset(a.name for a in (*LIVE_ACTIONS, *DNSPOD_ACTIONS))
_APP_ID = re.compile(r"^wx[0-9a-f]{16}$")
_LICENSE_COLUMNS = "app_id, name, subject_type, scene, categories, status, reject_reason, submitted, expires"


def _license_info(ctx: Context, row: tuple[object, ...]) -> PluginLicenseInfo:
    app_id, name, subject_type, scene, categories, status, reason, submitted, expires = row
    expires_at = None if expires is None else float(str(expires))
    effective = str(status)
    if effective == "available" and expires_at is not None and expires_at <= ctx.now.timestamp():
        effective = "expired"  # the purchased period ran out
    return PluginLicenseInfo.model_validate(
        {
            "MiniProgramAppId": app_id,
            "MiniProgramName": name,
            "SubjectType": subject_type,
            "Scene": scene,
            "ServiceCategories": json.loads(str(categories)),
            "Status": effective,
            "RejectReason": reason,
            "SubmittedAt": iso_utc(from_unix(float(str(submitted)))),
            "ExpiresAt": "" if expires_at is None else iso_utc(from_unix(expires_at)),
        }
    )


def _license(ctx: Context, app_id: str) -> PluginLicenseInfo:
    row = ctx.db.execute(
        f"SELECT {_LICENSE_COLUMNS} FROM licenses WHERE account_id = ? AND app_id = ?", (ctx.account_id, app_id)
    ).fetchone()
    if row is None:
        raise fail(
            "ResourceNotFound.PluginLicenseNotFound",
            f"No plugin licence application exists for mini-program {app_id!r} in this account. "
            "Submit one with SubmitPluginLicense.",
        )
    return _license_info(ctx, row)


def _transition(
    ctx: Context,
    app_id: str,
    action: str,
    required: tuple[LicenseStatus, ...],
    status: LicenseStatus,
    **changes: object,
) -> PluginLicenseResponse:
    current = _license(ctx, app_id)
    if current.Status not in required:
        raise fail(
            "FailedOperation.InvalidLicenseState",
            f"The licence of {app_id} is {current.Status}; {action} needs it to be {' or '.join(required)}.",
        )
    assignments = ", ".join(f"{column} = ?" for column in ("status", *changes))
    ctx.db.execute(
        f"UPDATE licenses SET {assignments} WHERE account_id = ? AND app_id = ?",
        (status, *changes.values(), ctx.account_id, app_id),
    )
    return PluginLicenseResponse(License=_license(ctx, app_id))


def submit_plugin_license(ctx: Context, req: SubmitPluginLicenseRequest) -> PluginLicenseResponse:
    """SubmitPluginLicense: pending_review, or available for 12 months with auto-approval."""
    if not _APP_ID.match(req.MiniProgramAppId):
        raise fail(
            "InvalidParameterValue",
            f"MiniProgramAppId {req.MiniProgramAppId!r} is not a mini-program AppID: 'wx' followed by 16 hex digits.",
        )
    if ctx.db.execute(
        "SELECT 1 FROM licenses WHERE account_id = ? AND app_id = ?", (ctx.account_id, req.MiniProgramAppId)
    ).fetchone():
        raise fail(
            "FailedOperation.PluginLicenseExists",
            f"A plugin licence application for {req.MiniProgramAppId} already exists; describe it instead of submitting again.",
        )
    auto = ctx.settings.auto_approve
    expires = add_months(ctx.now, LICENSE_MONTHS_ON_AUTO_APPROVE).timestamp() if auto else None
    ctx.db.execute(
        f"INSERT INTO licenses (account_id, {_LICENSE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?)",
        (
            ctx.account_id,
            req.MiniProgramAppId,
            req.MiniProgramName,
            req.SubjectType,
            req.Scene,
            json.dumps(req.ServiceCategories, ensure_ascii=False),
            "available" if auto else "pending_review",
            ctx.now.timestamp(),
            expires,
        ),
    )
    return PluginLicenseResponse(License=_license(ctx, req.MiniProgramAppId))


def describe_plugin_licenses(ctx: Context, req: DescribePluginLicensesRequest) -> DescribePluginLicensesResponse:
    """DescribePluginLicenses: all the account's applications, or those of the given AppIDs."""
    rows = ctx.db.execute(
        f"SELECT {_LICENSE_COLUMNS} FROM licenses WHERE account_id = ? ORDER BY submitted, app_id", (ctx.account_id,)
    ).fetchall()
    wanted = None if req.MiniProgramAppIds is None else set(req.MiniProgramAppIds)
    licenses = [_license_info(ctx, row) for row in rows if wanted is None or row[0] in wanted]
    return DescribePluginLicensesResponse(TotalCount=len(licenses), Licenses=licenses)


def approve_plugin_license(ctx: Context, req: ApprovePluginLicenseRequest) -> PluginLicenseResponse:
    """ApprovePluginLicense: pending_review → pending_payment."""
    return _transition(ctx, req.MiniProgramAppId, "ApprovePluginLicense", ("pending_review",), "pending_payment")


def pay_plugin_license(ctx: Context, req: PayPluginLicenseRequest) -> PluginLicenseResponse:
    """PayPluginLicense: pending_payment or expired → available for ``Months`` from now."""
    expires = add_months(ctx.now, req.Months).timestamp()
    return _transition(
        ctx, req.MiniProgramAppId, "PayPluginLicense", ("pending_payment", "expired"), "available", expires=expires
    )


def reject_plugin_license(ctx: Context, req: RejectPluginLicenseRequest) -> PluginLicenseResponse:
    """RejectPluginLicense: pending_review → rejected."""
    return _transition(
        ctx, req.MiniProgramAppId, "RejectPluginLicense", ("pending_review",), "rejected", reject_reason=req.Reason
    )


def expire_plugin_license(ctx: Context, req: ExpirePluginLicenseRequest) -> PluginLicenseResponse:
    """ExpirePluginLicense: available → expired, now."""
    return _transition(
        ctx, req.MiniProgramAppId, "ExpirePluginLicense", ("available",), "expired", expires=ctx.now.timestamp()
    )


def set_faults(ctx: Context, req: SetFaultsRequest) -> EmptyResponse:
    """SetFaults: replace the fault table (live and dnspod actions, or ``*``)."""
    seen: set[str] = set()
    for rule in req.Faults:
        if rule.Action != "*" and rule.Action not in FAULTABLE_ACTIONS:
            raise fail(
                "InvalidParameterValue",
                f"Faults.Action {rule.Action!r} is not a live or dnspod action; use '*' or one of "
                f"{', '.join(sorted(FAULTABLE_ACTIONS))}.",
            )
        if rule.Action in seen:
            raise fail("InvalidParameterValue", f"Faults lists action {rule.Action!r} twice; give one rule per action.")
        seen.add(rule.Action)
        total = rule.RequestLimitExceededRate + rule.InternalErrorRate + rule.Http502Rate + rule.DropResponseRate
        if total > 1.0:
            raise fail(
                "InvalidParameterValue",
                f"The fault rates of {rule.Action!r} add up to {total:g}; their sum must be at most 1.",
            )
    seed = req.Seed if req.Seed is not None else secrets.randbits(32)
    write_faults(ctx.db, FaultTable(tuple(req.Faults), seed))
    return EmptyResponse()


def record_traffic(ctx: Context, req: RecordTrafficRequest) -> EmptyResponse:
    """RecordTraffic: play traffic on a domain of this account (the domain need not be added)."""
    at = ctx.now
    if req.Time is not None:
        parsed = parse_iso_utc(req.Time)
        if parsed is None:
            raise fail(
                "InvalidParameterValue", f"Time {req.Time!r} is not an ISO 8601 time such as 2026-01-31T12:00:00Z."
            )
        at = parsed
    ctx.db.execute(
        "INSERT INTO traffic (account_id, domain, at, bytes) VALUES (?, ?, ?, ?)",
        (ctx.account_id, req.DomainName.strip().lower(), at.timestamp(), req.Bytes),
    )
    return EmptyResponse()


def set_clock(ctx: Context, req: SetClockRequest) -> SetClockResponse:
    """SetClock: business time = real time + offset; no ``Time`` follows real time again."""
    offset = 0.0
    if req.Time is not None:
        target = parse_iso_utc(req.Time)
        if target is None:
            raise fail(
                "InvalidParameterValue", f"Time {req.Time!r} is not an ISO 8601 time such as 2026-01-31T12:00:00Z."
            )
        offset = target.timestamp() - time.time()
    set_clock_offset(ctx.db, offset)
    return SetClockResponse(Now=iso_utc(from_unix(time.time() + offset)))


def reset(ctx: Context, req: ResetRequest) -> EmptyResponse:
    """Reset: empty everything except accounts and credentials (settings, faults and clock return to defaults)."""
    reset_state(ctx.db)
    return EmptyResponse()


def describe_request_log(ctx: Context, req: DescribeRequestLogRequest) -> DescribeRequestLogResponse:
    """DescribeRequestLog: live and dnspod calls per action since the last Reset."""
    calls = [ActionCallCount(Service=s, Action=a, Count=c) for s, a, c in request_log(ctx.db)]
    return DescribeRequestLogResponse(Total=sum(c.Count for c in calls), Calls=calls)


def update_settings(ctx: Context, req: UpdateSettingsRequest) -> UpdateSettingsResponse:
    """UpdateSettings: store the given settings and answer the effective ones."""
    write_settings(
        ctx.db,
        auto_approve=req.AutoApprovePluginLicenses,
        domain_limit=req.DomainLimit,
        require_owner_verification=req.RequireDomainOwnerVerification,
    )
    settings = read_settings(ctx.db, ctx.auto_approve_override)
    return UpdateSettingsResponse(
        AutoApprovePluginLicenses=settings.auto_approve,
        DomainLimit=settings.domain_limit,
        RequireDomainOwnerVerification=settings.require_owner_verification,
    )


CONSOLE_HANDLERS: dict[str, Handler] = {
    "SubmitPluginLicense": submit_plugin_license,
    "DescribePluginLicenses": describe_plugin_licenses,
    "ApprovePluginLicense": approve_plugin_license,
    "PayPluginLicense": pay_plugin_license,
    "RejectPluginLicense": reject_plugin_license,
    "ExpirePluginLicense": expire_plugin_license,
    "SetFaults": set_faults,
    "RecordTraffic": record_traffic,
    "SetClock": set_clock,
    "Reset": reset,
    "DescribeRequestLog": describe_request_log,
    "UpdateSettings": update_settings,
}

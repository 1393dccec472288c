"""Emulator-only actions (service ``emulator``, version ``2026-01-01``).

Tencent Cloud has no API for the mini-program plugin licence (console only: docs/design.md#the-licence-has-no-api), so
the emulator exposes its licence console here, next to test and demo controls. The service name
and version exist nowhere in Tencent Cloud, so these calls can never be mistaken for Tencent's;
against the real cloud they fail with ``InvalidAction``/``NoSuchProduct`` rather than doing anything.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from ..cloud.api import Action, ApiObject, ApiRequest, ApiResponse

__all__ = [
    "APPROVE_PLUGIN_LICENSE",
    "CONSOLE_ACTIONS",
    "DESCRIBE_PLUGIN_LICENSES",
    "DESCRIBE_REQUEST_LOG",
    "EMULATOR_SERVICE",
    "EMULATOR_VERSION",
    "EXPIRE_PLUGIN_LICENSE",
    "LICENSE_STATUSES",
    "PAY_PLUGIN_LICENSE",
    "RECORD_TRAFFIC",
    "REJECT_PLUGIN_LICENSE",
    "RESET",
    "SET_CLOCK",
    "SET_FAULTS",
    "SUBMIT_PLUGIN_LICENSE",
    "UPDATE_SETTINGS",
    "ActionCallCount",
    "ApprovePluginLicenseRequest",
    "DescribePluginLicensesRequest",
    "DescribePluginLicensesResponse",
    "DescribeRequestLogRequest",
    "DescribeRequestLogResponse",
    "EmptyResponse",
    "ExpirePluginLicenseRequest",
    "FaultRule",
    "LicenseStatus",
    "PayPluginLicenseRequest",
    "PluginLicenseInfo",
    "PluginLicenseResponse",
    "RecordTrafficRequest",
    "RejectPluginLicenseRequest",
    "ResetRequest",
    "SetClockRequest",
    "SetClockResponse",
    "SetFaultsRequest",
    "SubmitPluginLicenseRequest",
    "UpdateSettingsRequest",
    "UpdateSettingsResponse",
]

EMULATOR_SERVICE = "emulator"
EMULATOR_VERSION = "2026-01-01"

LicenseStatus = Literal["pending_review", "pending_payment", "available", "rejected", "expired"]
LICENSE_STATUSES: tuple[LicenseStatus, ...] = (
    "pending_review",
    "pending_payment",
    "available",
    "rejected",
    "expired",
)
Rate = Annotated[float, Field(ge=0.0, le=1.0)]


class EmptyResponse(ApiResponse):
    pass


class PluginLicenseInfo(ApiObject):
    """A licence application in the console. Times are ISO 8601 UTC (``2026-11-23T10:00:00Z``), or ``""``."""

    MiniProgramAppId: str
    MiniProgramName: str
    SubjectType: str
    Scene: str
    ServiceCategories: list[str] = Field(default_factory=list)
    Status: LicenseStatus
    RejectReason: str = ""
    SubmittedAt: str = ""
    ExpiresAt: str = ""


class PluginLicenseResponse(ApiResponse):
    License: PluginLicenseInfo


class SubmitPluginLicenseRequest(ApiRequest):
    """Submit an application; it starts ``pending_review`` (``available`` with auto-approval on).

    A second submission for the same AppID fails with ``FailedOperation.PluginLicenseExists``.
    """

    MiniProgramAppId: str
    MiniProgramName: str
    SubjectType: str
    Scene: str
    ServiceCategories: list[str]


class DescribePluginLicensesRequest(ApiRequest):
    MiniProgramAppIds: list[str] | None = None


class DescribePluginLicensesResponse(ApiResponse):
    TotalCount: int = 0
    Licenses: list[PluginLicenseInfo] = Field(default_factory=list)


class ApprovePluginLicenseRequest(ApiRequest):
    """pending_review → pending_payment."""

    MiniProgramAppId: str


class PayPluginLicenseRequest(ApiRequest):
    """pending_payment (or expired, a renewal) → available for ``Months`` months."""

    MiniProgramAppId: str
    Months: Annotated[int, Field(ge=1, le=120)] = 12


class RejectPluginLicenseRequest(ApiRequest):
    """pending_review → rejected."""

    MiniProgramAppId: str
    Reason: str = ""


class ExpirePluginLicenseRequest(ApiRequest):
    """available → expired (the purchased period ended)."""

    MiniProgramAppId: str


class FaultRule(ApiRequest):
    """Faults for one action (``Action="*"`` for all). Rates are probabilities per request."""

    Action: str
    RequestLimitExceededRate: Rate = 0.0
    InternalErrorRate: Rate = 0.0
    Http502Rate: Rate = 0.0
    DropResponseRate: Rate = 0.0
    DelayMs: Annotated[int, Field(ge=0, le=60000)] = 0
    Times: Annotated[int, Field(ge=1)] | None = None
    """Apply this rule to the next ``Times`` matching requests only (``None``: until replaced)."""


class SetFaultsRequest(ApiRequest):
    """Replace the fault table. ``Seed`` makes the random draws repeatable."""

    Faults: list[FaultRule]
    Seed: int | None = None


class RecordTrafficRequest(ApiRequest):
    """Record play traffic on a domain: ``Time`` is ISO 8601 UTC, default the emulator's now."""

    DomainName: str
    Bytes: Annotated[int, Field(ge=0)]
    Time: str | None = None


class SetClockRequest(ApiRequest):
    """Set the emulator's clock to ``Time`` (ISO 8601 UTC); omit ``Time`` to follow real time again.

    The clock drives business time (months, traffic locks, expiry); signature freshness always
    uses real time, as Tencent's servers do.
    """

    Time: str | None = None


class SetClockResponse(ApiResponse):
    Now: str


class ResetRequest(ApiRequest):
    """Drop every domain, zone, record, licence, fault, traffic sample and log entry; keep credentials."""


class DescribeRequestLogRequest(ApiRequest):
    pass


class ActionCallCount(ApiObject):
    Service: str
    Action: str
    Count: int


class DescribeRequestLogResponse(ApiResponse):
    """Calls per action since the last ``Reset`` (emulator-service calls are not counted)."""

    Total: int = 0
    Calls: list[ActionCallCount] = Field(default_factory=list)


class UpdateSettingsRequest(ApiRequest):
    AutoApprovePluginLicenses: bool | None = None
    DomainLimit: Annotated[int, Field(ge=1)] | None = None
    RequireDomainOwnerVerification: bool | None = None


class UpdateSettingsResponse(ApiResponse):
    AutoApprovePluginLicenses: bool
    DomainLimit: int
    RequireDomainOwnerVerification: bool


def _console(name: str, req: type, resp: type, *, read_only: bool) -> Action:  # type: ignore[type-arg]
    # The emulator does not throttle its own service; the limit only keeps the client's limiter happy.
    return Action(EMULATOR_SERVICE, EMULATOR_VERSION, name, req, resp, read_only, 1000.0)


SUBMIT_PLUGIN_LICENSE: Action[SubmitPluginLicenseRequest, PluginLicenseResponse] = _console(
    "SubmitPluginLicense", SubmitPluginLicenseRequest, PluginLicenseResponse, read_only=False
)
DESCRIBE_PLUGIN_LICENSES: Action[DescribePluginLicensesRequest, DescribePluginLicensesResponse] = _console(
    "DescribePluginLicenses", DescribePluginLicensesRequest, DescribePluginLicensesResponse, read_only=True
)
APPROVE_PLUGIN_LICENSE: Action[ApprovePluginLicenseRequest, PluginLicenseResponse] = _console(
    "ApprovePluginLicense", ApprovePluginLicenseRequest, PluginLicenseResponse, read_only=False
)
PAY_PLUGIN_LICENSE: Action[PayPluginLicenseRequest, PluginLicenseResponse] = _console(
    "PayPluginLicense", PayPluginLicenseRequest, PluginLicenseResponse, read_only=False
)
REJECT_PLUGIN_LICENSE: Action[RejectPluginLicenseRequest, PluginLicenseResponse] = _console(
    "RejectPluginLicense", RejectPluginLicenseRequest, PluginLicenseResponse, read_only=False
)
EXPIRE_PLUGIN_LICENSE: Action[ExpirePluginLicenseRequest, PluginLicenseResponse] = _console(
    "ExpirePluginLicense", ExpirePluginLicenseRequest, PluginLicenseResponse, read_only=False
)
SET_FAULTS: Action[SetFaultsRequest, EmptyResponse] = _console(
    "SetFaults", SetFaultsRequest, EmptyResponse, read_only=False
)
RECORD_TRAFFIC: Action[RecordTrafficRequest, EmptyResponse] = _console(
    "RecordTraffic", RecordTrafficRequest, EmptyResponse, read_only=False
)
SET_CLOCK: Action[SetClockRequest, SetClockResponse] = _console(
    "SetClock", SetClockRequest, SetClockResponse, read_only=False
)
RESET: Action[ResetRequest, EmptyResponse] = _console("Reset", ResetRequest, EmptyResponse, read_only=False)
DESCRIBE_REQUEST_LOG: Action[DescribeRequestLogRequest, DescribeRequestLogResponse] = _console(
    "DescribeRequestLog", DescribeRequestLogRequest, DescribeRequestLogResponse, read_only=True
)
UPDATE_SETTINGS: Action[UpdateSettingsRequest, UpdateSettingsResponse] = _console(
    "UpdateSettings", UpdateSettingsRequest, UpdateSettingsResponse, read_only=False
)

CONSOLE_ACTIONS = (
    SUBMIT_PLUGIN_LICENSE,
    DESCRIBE_PLUGIN_LICENSES,
    APPROVE_PLUGIN_LICENSE,
    PAY_PLUGIN_LICENSE,
    REJECT_PLUGIN_LICENSE,
    EXPIRE_PLUGIN_LICENSE,
    SET_FAULTS,
    RECORD_TRAFFIC,
    SET_CLOCK,
    RESET,
    DESCRIBE_REQUEST_LOG,
    UPDATE_SETTINGS,
)

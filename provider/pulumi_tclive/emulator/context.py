"""What an action handler receives, and how it refuses a request.

A handler is ``handler(ctx, request) -> response model``; it refuses with ``raise fail(code,
message)``, which the app turns into ``Response.Error`` after rolling back the handler's writes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..cloud.api import ApiResponse
from ..errors import TencentCloudApiError
from .store import Settings

__all__ = ["Context", "Handler", "fail"]


@dataclass(frozen=True)
class Context:
    """One request's view of the emulator.

    Args:
        db: the connection, inside the request's transaction.
        account_id: the account the signing key belongs to.
        now: the business clock (real time plus the ``SetClock`` offset), UTC.
        settings: the effective settings.
        auto_approve_override: this ``Emulator`` instance's override of the auto-approve setting.
    """

    db: sqlite3.Connection
    account_id: int
    now: datetime
    settings: Settings
    auto_approve_override: bool | None


Handler = Callable[[Context, Any], ApiResponse]


def fail(code: str, message: str) -> TencentCloudApiError:
    """The error a handler raises to answer ``Response.Error`` with ``code`` and ``message``."""
    return TencentCloudApiError(action="", code=code, message=message, request_id="")

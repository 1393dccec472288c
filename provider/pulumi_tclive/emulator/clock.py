"""Time in the emulator: the business clock, Beijing time text, ISO 8601 UTC text.

Tencent reports live-domain times in Beijing time (UTC+8, ``YYYY-MM-DD HH:MM:SS``, docs/design.md#live-domain-actions);
the emulator-only console speaks ISO 8601 UTC (``2026-11-23T10:00:00Z``).
"""

from __future__ import annotations

import calendar
from datetime import UTC, datetime, timedelta, timezone

__all__ = [
    "BEIJING",
    "add_months",
    "beijing_month",
    "beijing_text",
    "from_unix",
    "iso_utc",
    "parse_beijing",
    "parse_iso_utc",
]

BEIJING = timezone(timedelta(hours=8), "Asia/Shanghai")


def from_unix(seconds: float) -> datetime:
    """An aware UTC datetime from Unix seconds."""
    return datetime.fromtimestamp(seconds, tz=UTC)


def beijing_text(moment: datetime) -> str:
    """``YYYY-MM-DD HH:MM:SS`` in Beijing time, as Tencent's ``CreateTime`` fields."""
    return moment.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M:%S")


def beijing_month(moment: datetime) -> str:
    """``YYYY-MM`` of the Beijing calendar month ``moment`` falls in (billing months are Beijing months)."""
    return moment.astimezone(BEIJING).strftime("%Y-%m")


def iso_utc(moment: datetime) -> str:
    """``YYYY-MM-DDTHH:MM:SSZ``."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_iso_utc(text: str) -> datetime | None:
    """Parse ISO 8601 (``Z``, an offset, or none meaning UTC); ``None`` when it is not a timestamp."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def parse_beijing(text: str) -> datetime | None:
    """Parse ``YYYY-MM-DD HH:MM:SS`` as Beijing time; ``None`` when it is not in that form."""
    try:
        moment = datetime.strptime(text.strip(), "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
    return moment.replace(tzinfo=BEIJING).astimezone(UTC)


def add_months(moment: datetime, months: int) -> datetime:
    """``moment`` plus whole calendar months, clamping the day (Jan 31 + 1 month = Feb 28/29)."""
    index = moment.month - 1 + months
    year, month = moment.year + index // 12, index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)

"""Dates as shared (YYYY-MM-DD, YYYY-Www, YYYY-MM, YYYY) as the first and last day they cover.

A month-only date is honest only as a range: Uwazi and the JSON export get both ends.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta


def day_range(value: str | None) -> tuple[str, str]:
    if not value:
        return "", ""
    try:
        if "-W" in value:
            year, week = value.split("-W")
            monday = date.fromisocalendar(int(year), int(week), 1)
            return monday.isoformat(), (monday + timedelta(days=6)).isoformat()
        parts = [int(p) for p in value.split("-")]
    except ValueError:
        return "", ""
    if len(parts) == 3:
        return value, value
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return f"{parts[0]:04d}-{parts[1]:02d}-01", f"{parts[0]:04d}-{parts[1]:02d}-{last:02d}"
    return f"{parts[0]:04d}-01-01", f"{parts[0]:04d}-12-31"


def date_form(value: str | None) -> str | None:
    """What a shared date says (day, week, month, year), whatever level was allowed."""
    if not value:
        return None
    if "-W" in value:
        return "week"
    return {3: "day", 2: "month"}.get(len(value.split("-")), "year")

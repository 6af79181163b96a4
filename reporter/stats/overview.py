"""The line above the charts: how many, how often, against the period before, what waits.

One function for the app's dashboard and ``testigo-cli stats --summary``, so both say the
same. The period is the filter's date range when it has both ends, else the span of the
selected reports' incident dates (first to last day, whole months); the period before is as
long (whole months when it is whole months) and ends the day before it starts. Pending
reports (counting not yet decided) never enter the counts: the note says how many wait, so
a small number is read as what it is.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from reporter.inbox.index import ensure_index
from reporter.inbox.query import ReportFilter, bound, filter_sql
from reporter.stats.figures import BASE, _and, _check, event_groups
from reporter.vault.vault import Vault


def _total(vault: Vault, flt: ReportFilter, unit: str, include_all: bool) -> int:
    """Reports (or events) selected: ``counts(...).total`` without counting any key."""
    where, params = filter_sql(flt, include_all)
    total = int(vault.query(f"SELECT count(*){BASE}{where}", params)[0][0])  # noqa: S608
    if unit == "events":
        total -= sum(len(group) - 1 for group in event_groups(vault, where, params))
    return total


def _span(vault: Vault, flt: ReportFilter, include_all: bool) -> tuple[str, str] | None:
    """First and last day of the selection's period, or None when nothing has a date."""
    if flt.date_from and flt.date_to:
        return bound(flt.date_from, "from", last=False), bound(flt.date_to, "to", last=True)
    where, params = filter_sql(flt, include_all)
    row = vault.query(
        f"SELECT min(c.day_first), max(c.day_first){BASE}"  # noqa: S608 - constant clauses
        f"{_and(where, 'c.day_first IS NOT NULL')}",
        params,
    )[0]
    if row[0] is None:
        return None
    first = flt.date_from and bound(flt.date_from, "from", last=False)
    last = flt.date_to and bound(flt.date_to, "to", last=True)
    return first or f"{row[0][:7]}-01", last or bound(row[1][:7], "to", last=True)


def _before(first: str, last: str) -> tuple[str, str]:
    """The period just before: as many whole months when the period is whole months (a
    half-year's is the half-year before), else as many days, ending the day before."""
    start, end = date.fromisoformat(first), date.fromisoformat(last)
    if start.day == 1 and (end + timedelta(days=1)).day == 1:
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        index = start.year * 12 + start.month - 1 - months
        return date(index // 12, index % 12 + 1, 1).isoformat(), (
            start - timedelta(days=1)
        ).isoformat()
    days = (end - start).days + 1
    previous_end = start - timedelta(days=1)
    return (previous_end - timedelta(days=days - 1)).isoformat(), previous_end.isoformat()


def overview(
    vault: Vault, flt: ReportFilter | None = None, unit: str = "reports", include_all: bool = False
) -> dict[str, Any]:
    """Total, "one every N hours", the period before, and the reports pending triage.

    ``period_total`` counts the selection within the period (a report without a date has
    none); ``pending`` counts reports of the same selection whose counting is pending.
    """
    flt = flt or ReportFilter()
    ensure_index(vault)
    _check("state", unit)
    total = _total(vault, flt, unit, include_all)
    pending = _total(vault, replace(flt, counting=("pending",)), "reports", True)
    out: dict[str, Any] = {
        "unit": unit,
        "total": total,
        "pending": pending,  # in the selection's other conditions, whatever --all says
        "from": None,
        "to": None,
        "period_total": None,
        "hours": None,
        "every_hours": None,
        "previous": None,
    }
    span = _span(vault, flt, include_all)
    if span is None:
        return out
    hours = ((date.fromisoformat(span[1]) - date.fromisoformat(span[0])).days + 1) * 24
    period_total = _total(
        vault, replace(flt, date_from=span[0], date_to=span[1]), unit, include_all
    )
    first, last = _before(*span)
    before = _total(vault, replace(flt, date_from=first, date_to=last), unit, include_all)
    out.update(period_figure(span, hours, period_total, (first, last), before))
    return out


def period_figure(
    span: tuple[str, str], hours: int, total: int, previous: tuple[str, str], before: int
) -> dict[str, Any]:
    """The period's rate and its change from the period before, however both were counted."""
    change = total - before
    return {
        "from": span[0],
        "to": span[1],
        "period_total": total,
        "hours": hours,
        "every_hours": round(hours / total, 1) if total else None,
        "previous": {
            "from": previous[0],
            "to": previous[1],
            "total": before,
            "change": change,
            "percent": None if before == 0 else round(100 * change / before, 1),
        },
    }

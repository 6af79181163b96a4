"""Every number the coalition publishes, computed once (app, CLI and the PDF read these).

Counts are over ``reporter.inbox.query``'s selection, so the same filter gives the same
reports here, in the list and in every export; only ``counted`` reports unless asked. The
unit is said with every number: ``reports`` counts each received report, ``events`` counts
each same-event group once (two people reporting one raid are one event). A report with no
value for a key is counted under ``NONE``; a report with several values (two incident types)
counts once under each, so the counts of a multi-valued key can add up to more than
``total``, which is the number of distinct reports or events selected.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from reporter.errors import InvalidCode, InvalidField
from reporter.inbox.index import ensure_index
from reporter.inbox.links import events
from reporter.inbox.query import ReportFilter, bound, filter_sql
from reporter.vault.vault import Vault

NONE = "NONE"
UNITS = ("reports", "events")
# key -> the inbox_codes kind it counts (multi-valued keys)
CODE_KEYS = {
    "type": "incident_type",
    "perpetrator": "perpetrator",
    "perpetrator-class": "perpetrator_class",
    "level": "state_level",
    "attribution": "attribution",
    "target-profile": "target_profile",
    "gender": "gender",
    "coverage-topic": "coverage_topic",
    "compromise-status": "compromise_status",
    "detection-source": "detection_source",
    "vector": "vector",
    "spyware-family": "spyware_family",
    "sphere": "sphere",
    "platform": "platform",
    "place-precision": "place",
}
# key -> a column of the selection (one value per report)
COLUMN_KEYS = {
    "state": "c.state",
    "month": "c.month",
    "half-year": "c.month",
    "year": "substr(c.day_first, 1, 4)",
    "date-precision": "c.precision",
    "verification": "t.verification",
    "review": "t.review",
    "counting": "t.counting",
    "device": "c.device_id",
}
KEYS = (*COLUMN_KEYS, *CODE_KEYS)
CHRONOLOGICAL = ("month", "half-year", "year")
# the vocabulary kind whose labels name a key's codes
LABEL_KINDS = {"state": "mx_state", "date-precision": "date_precision", **CODE_KEYS}
CONFIRMED_ATTEMPT = ("ATTEMPT_CONFIRMED", "INFECTION_CONFIRMED")
CONFIRMED_INFECTION = ("INFECTION_CONFIRMED",)


@dataclass(frozen=True)
class Counts:
    by: str
    unit: str
    counts: dict[str, int]
    total: int

    def to_json(self) -> dict[str, Any]:
        return {"by": self.by, "unit": self.unit, "counts": dict(self.counts), "total": self.total}


def _check(by: str, unit: str) -> None:
    if by not in KEYS:
        raise InvalidCode(kind="stats key", value=by[:64], valid=", ".join(KEYS))
    if unit not in UNITS:
        raise InvalidCode(kind="unit", value=unit[:64], valid=", ".join(UNITS))


BASE = " FROM inbox_current c JOIN inbox_triage t USING (incident_id)"


def _and(where: str, condition: str) -> str:
    return f"{where} AND {condition}" if where else f" WHERE {condition}"


def _half(month: str | None) -> str | None:
    return None if month is None else f"{month[:4]}-H{1 if int(month[5:7]) <= 6 else 2}"


def _grouped(vault: Vault, by: str, where: str, params: list[Any]) -> dict[str, int]:
    """Reports per value of ``by``.

    A column is counted as it streams by (a GROUP BY would build a temp b-tree, which
    SQLCipher's memory security makes slow); codes are grouped in their own key order.
    """
    if by in COLUMN_KEYS:
        tally: Counter[str] = Counter()
        with vault.lock:
            for (value,) in vault.conn.execute(f"SELECT {COLUMN_KEYS[by]}{BASE}{where}", params):  # noqa: S608
                tally[value or NONE] += 1
        if by == "half-year":
            halves: Counter[str] = Counter()
            for month, n in tally.items():
                halves[NONE if month == NONE else str(_half(month))] += n
            return dict(halves)
        return dict(tally)
    kind = CODE_KEYS[by]
    rows = vault.query(
        f"SELECT k.code, count(*){BASE} JOIN inbox_codes k"  # noqa: S608
        f" ON k.incident_id = c.incident_id{_and(where, 'k.kind = ?')}"
        " GROUP BY k.code",
        [*params, kind],
    )
    return {code: n for code, n in rows}  # NONE is a stored code (reporter.inbox.index)


def values_of(vault: Vault, by: str, ids: list[str]) -> dict[str, set[str]]:
    """Each id's values for ``by`` ({NONE} where it has none), for a few ids."""
    out: dict[str, set[str]] = {i: set() for i in ids}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        if by in COLUMN_KEYS:
            rows = vault.query(
                f"SELECT c.incident_id, {COLUMN_KEYS[by]}{BASE}"  # noqa: S608
                f" WHERE c.incident_id IN ({marks})",
                chunk,
            )
            rows = [(i, _half(v) if by == "half-year" else v) for i, v in rows]
        else:
            rows = vault.query(
                "SELECT incident_id, code FROM inbox_codes"  # noqa: S608
                f" WHERE kind = ? AND incident_id IN ({marks})",
                [CODE_KEYS[by], *chunk],
            )
        for incident_id, value in rows:
            if value is not None and value != NONE:
                out[incident_id].add(value)
    return {i: v or {NONE} for i, v in out.items()}


def event_groups(vault: Vault, where: str, params: list[Any]) -> list[list[str]]:
    """Same-event groups of two or more selected reports (the only ones events change)."""
    linked = vault.query(
        f"SELECT c.incident_id{BASE}"  # noqa: S608
        + _and(
            where,
            "c.incident_id IN (SELECT a FROM inbox_links WHERE kind = 'same-event'"
            " UNION SELECT b FROM inbox_links WHERE kind = 'same-event')",
        ),
        params,
    )
    groups: dict[str, list[str]] = defaultdict(list)
    for incident_id, event in events(vault, [r[0] for r in linked]).items():
        groups[event].append(incident_id)
    return [g for g in groups.values() if len(g) > 1]


def counts(
    vault: Vault,
    by: str,
    flt: ReportFilter | None = None,
    unit: str = "reports",
    include_all: bool = False,
) -> Counts:
    """How many reports (or events) per code of ``by`` among the selected ones.

    Events are reports with each same-event group folded into one: a group has a value
    when any of its reports has it, and ``NONE`` only when none of them has any.
    """
    _check(by, unit)
    ensure_index(vault)
    where, params = filter_sql(flt or ReportFilter(), include_all)
    found = _grouped(vault, by, where, params)
    total = int(vault.query(f"SELECT count(*){BASE}{where}", params)[0][0])  # noqa: S608
    if unit == "events":
        groups = event_groups(vault, where, params)
        have = values_of(vault, by, [i for g in groups for i in g])
        for group in groups:
            total -= len(group) - 1
            per_code: Counter[str] = Counter(c for i in group for c in have[i])
            for code, n in per_code.items():
                if code != NONE:
                    found[code] -= n - 1
            if NONE in per_code:
                found[NONE] -= per_code[NONE] - (0 if len(per_code) > 1 else 1)
        found = {code: n for code, n in found.items() if n > 0}
    return Counts(by, unit, _order(by, found), total)


def _order(by: str, counted: dict[str, int]) -> dict[str, int]:
    if by in CHRONOLOGICAL:
        return dict(sorted(counted.items(), key=lambda kv: (kv[0] == NONE, kv[0])))
    return dict(sorted(counted.items(), key=lambda kv: (-kv[1], kv[0])))


def compare(
    vault: Vault,
    by: str,
    flt: ReportFilter,
    other: ReportFilter,
    unit: str = "reports",
    include_all: bool = False,
) -> dict[str, Any]:
    """This period (``flt``) against another (``other``), code by code."""
    a = counts(vault, by, flt, unit, include_all)
    b = counts(vault, by, other, unit, include_all)
    rows = {}
    for code in dict.fromkeys([*a.counts, *b.counts]):
        now, then = a.counts.get(code, 0), b.counts.get(code, 0)
        rows[code] = {
            "this": now,
            "other": then,
            "change": now - then,
            "percent": None if then == 0 else round(100 * (now - then) / then, 1),
        }
    return {"by": by, "unit": unit, "this_total": a.total, "other_total": b.total, "rows": rows}


# A report of targeted spyware (for each compromise-status row, a probe of the primary key).
_SPYWARE = (
    "EXISTS (SELECT 1 FROM inbox_codes x WHERE x.kind = 'incident_type'"
    " AND x.code = 'SURV.SPYWARE' AND x.incident_id = c.incident_id)"
)
FUNNEL = ("targets", "attempts", "infections", "suspected")


def _stages(status: set[str], spyware: bool) -> dict[str, bool]:
    """Which stages of the funnel a report with these codes is in."""
    return {
        "targets": spyware or bool(status - {NONE}),
        "attempts": bool(status & set(CONFIRMED_ATTEMPT)),
        "infections": bool(status & set(CONFIRMED_INFECTION)),
        "suspected": "SUSPECTED" in status,
    }


def spyware_funnel(
    vault: Vault, flt: ReportFilter | None = None, unit: str = "reports", include_all: bool = False
) -> dict[str, Any]:
    """Targets -> confirmed attempts -> confirmed infections; ``suspected`` stays apart.

    A target is a report of targeted spyware (SURV.SPYWARE) or one with any compromise
    status; an attempt counts only when confirmed (ATTEMPT_CONFIRMED or INFECTION_CONFIRMED)
    and an infection only when INFECTION_CONFIRMED. SUSPECTED is never counted as either.
    Counted in SQL (a report has at most one compromise status, so rows are reports); in
    events only the reports of same-event groups are read, to fold each group into one.
    """
    _check("compromise-status", unit)
    ensure_index(vault)
    where, params = filter_sql(flt or ReportFilter(), include_all)
    per_status = vault.query(
        f"SELECT k.code, count(*), total({_SPYWARE}){BASE} JOIN inbox_codes k"  # noqa: S608
        f" ON k.incident_id = c.incident_id{_and(where, 'k.kind = ? AND k.code <> ?')}"
        " GROUP BY k.code",
        [*params, "compromise_status", NONE],
    )
    spyware = vault.query(
        f"SELECT count(*){BASE} JOIN inbox_codes k ON k.incident_id = c.incident_id"  # noqa: S608
        f"{_and(where, 'k.kind = ? AND k.code = ?')}",
        [*params, "incident_type", "SURV.SPYWARE"],
    )[0][0]
    status = {str(code): int(n) for code, n, _ in per_status}
    funnel = {
        "targets": int(spyware) + sum(status.values()) - int(sum(s for _, _, s in per_status)),
        "attempts": sum(status.get(code, 0) for code in CONFIRMED_ATTEMPT),
        "infections": sum(status.get(code, 0) for code in CONFIRMED_INFECTION),
        "suspected": status.get("SUSPECTED", 0),
    }
    total = int(vault.query(f"SELECT count(*){BASE}{where}", params)[0][0])  # noqa: S608
    if unit == "events":
        groups = event_groups(vault, where, params)
        members = [i for group in groups for i in group]
        statuses, types = (
            values_of(vault, "compromise-status", members),
            values_of(vault, "type", members),
        )
        for group in groups:
            total -= len(group) - 1
            stages = [_stages(statuses[i], "SURV.SPYWARE" in types[i]) for i in group]
            for stage in FUNNEL:
                found = sum(s[stage] for s in stages)
                funnel[stage] -= max(0, found - 1)  # a group in a stage is one event there
    return {"unit": unit, **funnel, "total": total}


# One pass over the selection, summed in SQL: no id crosses into Python and no temp b-tree
# (a GROUP BY or DISTINCT costs SQLCipher's memory security dearly); each code is a probe
# of inbox_codes' primary key. A perpetrator is known when its class is STATE or NON_STATE
# (reporter.inbox.index.perpetrator_class: any code but UNKNOWN).
_HAS = "EXISTS (SELECT 1 FROM inbox_codes x WHERE x.incident_id = c.incident_id AND x.kind = "
_QUALITY = (
    "SELECT count(*), total(c.precision IN ('month', 'year')), total(c.precision IS NULL),"
    f" total({_HAS}'place' AND x.code = 'STATE')),"
    f" total(NOT {_HAS}'perpetrator_class' AND x.code = 'STATE')"
    f" AND NOT {_HAS}'perpetrator_class' AND x.code = 'NON_STATE'))"
)


def data_quality(
    vault: Vault, flt: ReportFilter | None = None, include_all: bool = False
) -> dict[str, Any]:
    """Shares that qualify the numbers: coarse dates and places, unknown perpetrators."""
    ensure_index(vault)
    where, params = filter_sql(flt or ReportFilter(), include_all)
    row = vault.query(f"{_QUALITY}{BASE}{where}", params)[0]  # noqa: S608 - constant SQL
    total, month_only, no_date, state_only, unknown = (int(v or 0) for v in row)
    return quality_figure(total, month_only, no_date, state_only, unknown)


def quality_figure(
    total: int, month_only: int, no_date: int, state_only: int, unknown: int
) -> dict[str, Any]:
    """The data-quality figure from its counts, however they were counted (SQL or bitmaps)."""

    def share(count: int) -> float:
        return round(count / total, 4) if total else 0.0

    return {
        "total": total,
        "month_only_dates": month_only,
        "no_date": no_date,
        "state_only_places": state_only,
        "unknown_perpetrator": unknown,
        "share_month_only_dates": share(month_only),
        "share_no_date": share(no_date),
        "share_state_only_places": share(state_only),
        "share_unknown_perpetrator": share(unknown),
        "wording": "documented cases, not prevalence",
    }


def one_every(
    vault: Vault,
    flt: ReportFilter,
    start: str,
    end: str,
    unit: str = "reports",
    include_all: bool = False,
) -> dict[str, Any]:
    """ "One every N hours" over [start, end] (YYYY, YYYY-MM or YYYY-MM-DD; whole periods)."""
    _check("state", unit)
    first, last = bound(start, "from", last=False), bound(end, "to", last=True)
    hours = ((date.fromisoformat(last) - date.fromisoformat(first)).days + 1) * 24
    if hours <= 0:
        raise InvalidField(field="to", reason="ends before it starts")
    period = ReportFilter(**{**flt.__dict__, "date_from": first, "date_to": last})
    total = counts(vault, "state", period, unit, include_all).total
    return {
        "unit": unit,
        "from": first,
        "to": last,
        "total": total,
        "hours": hours,
        "every_hours": round(hours / total, 1) if total else None,
    }

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

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from reporter.errors import InvalidCode, InvalidField
from reporter.inbox.index import ensure_index
from reporter.inbox.links import events
from reporter.inbox.query import ReportFilter, filter_sql
from reporter.vault.vault import Vault

NONE = "NONE"
UNITS = ("reports", "events")
# key -> the inbox_codes kind it counts (multi-valued keys)
CODE_KEYS = {"type": "incident_type", "perpetrator": "perpetrator",
             "perpetrator-class": "perpetrator_class", "level": "state_level",
             "attribution": "attribution", "target-profile": "target_profile",
             "gender": "gender", "coverage-topic": "coverage_topic",
             "compromise-status": "compromise_status", "detection-source": "detection_source",
             "vector": "vector", "spyware-family": "spyware_family", "sphere": "sphere",
             "platform": "platform", "place-precision": "place"}
# key -> a column of the selection (one value per report)
COLUMN_KEYS = {"state": "c.state", "month": "c.month", "half-year": "c.month",
               "year": "substr(c.day_first, 1, 4)", "date-precision": "c.precision",
               "verification": "t.verification", "review": "t.review",
               "counting": "t.counting", "device": "c.device_id"}
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
        return {"by": self.by, "unit": self.unit, "counts": dict(self.counts),
                "total": self.total}


def _check(by: str, unit: str) -> None:
    if by not in KEYS:
        raise InvalidCode(kind="stats key", value=by[:64], valid=", ".join(KEYS))
    if unit not in UNITS:
        raise InvalidCode(kind="unit", value=unit[:64], valid=", ".join(UNITS))


def _selection(flt: ReportFilter, include_all: bool) -> tuple[str, list[Any]]:
    where, params = filter_sql(flt, include_all)
    return ("SELECT c.incident_id FROM inbox_current c JOIN inbox_triage t"  # noqa: S608
            f" USING (incident_id){where}", params)


def _half(month: str | None) -> str | None:
    return None if month is None else f"{month[:4]}-H{1 if int(month[5:7]) <= 6 else 2}"


def pairs(vault: Vault, by: str, flt: ReportFilter,
          include_all: bool = False) -> tuple[list[str], list[tuple[str, str]]]:
    """The selected ids and their (id, code) pairs for ``by`` (NONE where it has none)."""
    ensure_index(vault)
    selection, params = _selection(flt, include_all)
    if by in COLUMN_KEYS:
        rows = vault.query(f"SELECT c.incident_id, {COLUMN_KEYS[by]} FROM inbox_current c"  # noqa: S608
                           f" JOIN inbox_triage t USING (incident_id)"
                           f" WHERE c.incident_id IN ({selection})", params)
        ids = [r[0] for r in rows]
        values = [(r[0], _half(r[1]) if by == "half-year" else r[1]) for r in rows]
        return ids, [(i, v or NONE) for i, v in values]
    ids = [r[0] for r in vault.query(selection, params)]
    found = vault.query(f"SELECT incident_id, code FROM inbox_codes WHERE kind = ?"  # noqa: S608
                        f" AND incident_id IN ({selection})", [CODE_KEYS[by], *params])
    with_code = {r[0] for r in found}
    return ids, [*((r[0], r[1]) for r in found), *((i, NONE) for i in ids
                                                   if i not in with_code)]


def _order(by: str, counts: dict[str, int]) -> dict[str, int]:
    if by in CHRONOLOGICAL:
        return dict(sorted(counts.items(), key=lambda kv: (kv[0] == NONE, kv[0])))
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def tally(vault: Vault, by: str, ids: Iterable[str], found: Iterable[tuple[str, str]],
          unit: str) -> Counts:
    """Count (id, code) pairs in ``unit``: each report, or each same-event group, once."""
    ids = list(ids)
    unit_of = events(vault, ids) if unit == "events" else {i: i for i in ids}
    members: dict[str, set[str]] = defaultdict(set)
    for incident_id, code in found:
        members[code].add(unit_of[incident_id])
    if unit == "events":           # an event has a value when any of its reports has it
        for code in [c for c in members if c != NONE]:
            members[NONE] -= members[code]
        if not members[NONE]:
            del members[NONE]
    counts = {code: len(units) for code, units in members.items()}
    return Counts(by, unit, _order(by, counts), len(set(unit_of.values())))


def counts(vault: Vault, by: str, flt: ReportFilter | None = None, unit: str = "reports",
           include_all: bool = False) -> Counts:
    """How many reports (or events) per code of ``by`` among the selected ones."""
    _check(by, unit)
    ids, found = pairs(vault, by, flt or ReportFilter(), include_all)
    return tally(vault, by, ids, found, unit)


def compare(vault: Vault, by: str, flt: ReportFilter, other: ReportFilter,
            unit: str = "reports", include_all: bool = False) -> dict[str, Any]:
    """This period (``flt``) against another (``other``), code by code."""
    a = counts(vault, by, flt, unit, include_all)
    b = counts(vault, by, other, unit, include_all)
    rows = {}
    for code in dict.fromkeys([*a.counts, *b.counts]):
        now, then = a.counts.get(code, 0), b.counts.get(code, 0)
        rows[code] = {"this": now, "other": then, "change": now - then,
                      "percent": None if then == 0 else round(100 * (now - then) / then, 1)}
    return {"by": by, "unit": unit, "this_total": a.total, "other_total": b.total,
            "rows": rows}


def spyware_funnel(vault: Vault, flt: ReportFilter | None = None, unit: str = "reports",
                   include_all: bool = False) -> dict[str, Any]:
    """Targets -> confirmed attempts -> confirmed infections; ``suspected`` stays apart.

    A target is a report of targeted spyware (SURV.SPYWARE) or one with any compromise
    status; an attempt counts only when confirmed (ATTEMPT_CONFIRMED or INFECTION_CONFIRMED)
    and an infection only when INFECTION_CONFIRMED. SUSPECTED is never counted as either.
    """
    _check("compromise-status", unit)
    flt = flt or ReportFilter()
    ids, status = pairs(vault, "compromise-status", flt, include_all)
    _, types = pairs(vault, "type", flt, include_all)
    spyware = {i for i, code in types if code == "SURV.SPYWARE"}
    statuses: dict[str, set[str]] = defaultdict(set)
    for incident_id, code in status:
        statuses[incident_id].add(code)
    targets = [i for i in ids if i in spyware or statuses[i] - {NONE}]
    unit_of = events(vault, ids) if unit == "events" else {i: i for i in ids}

    def n(chosen: Iterable[str]) -> int:
        return len({unit_of[i] for i in chosen})

    return {"unit": unit,
            "targets": n(targets),
            "attempts": n(i for i in targets if statuses[i] & set(CONFIRMED_ATTEMPT)),
            "infections": n(i for i in targets if statuses[i] & set(CONFIRMED_INFECTION)),
            "suspected": n(i for i in targets if "SUSPECTED" in statuses[i]),
            "total": n(ids)}


def data_quality(vault: Vault, flt: ReportFilter | None = None,
                 include_all: bool = False) -> dict[str, Any]:
    """Shares that qualify the numbers: coarse dates and places, unknown perpetrators."""
    flt = flt or ReportFilter()
    ids, precision = pairs(vault, "date-precision", flt, include_all)
    _, place = pairs(vault, "place-precision", flt, include_all)
    _, perpetrators = pairs(vault, "perpetrator", flt, include_all)
    total = len(ids)
    known: set[str] = {i for i, code in perpetrators if code not in (NONE, "UNKNOWN")}

    def share(n: int) -> float:
        return round(n / total, 4) if total else 0.0

    month_only = sum(1 for _, p in precision if p in ("month", "year"))
    no_date = sum(1 for _, p in precision if p == NONE)
    state_only = sum(1 for _, p in place if p == "STATE")
    unknown = total - len(known)
    return {"total": total, "month_only_dates": month_only, "no_date": no_date,
            "state_only_places": state_only, "unknown_perpetrator": unknown,
            "share_month_only_dates": share(month_only), "share_no_date": share(no_date),
            "share_state_only_places": share(state_only),
            "share_unknown_perpetrator": share(unknown),
            "wording": "documented cases, not prevalence"}


def one_every(vault: Vault, flt: ReportFilter, start: str, end: str, unit: str = "reports",
              include_all: bool = False) -> dict[str, Any]:
    """"One every N hours" over [start, end] (YYYY-MM-DD, both days included)."""
    _check("state", unit)
    try:
        first, last = date.fromisoformat(start), date.fromisoformat(end)
    except ValueError:
        raise InvalidField(field="period", reason="use YYYY-MM-DD") from None
    hours = ((last - first).days + 1) * 24
    period = ReportFilter(**{**flt.__dict__, "date_from": start, "date_to": end})
    total = counts(vault, "state", period, unit, include_all).total
    return {"unit": unit, "from": start, "to": end, "total": total, "hours": hours,
            "every_hours": round(hours / total, 1) if total else None}

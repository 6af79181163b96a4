"""The dashboard's whole picture at once: every chart, the overview, quality and funnel.

Each figure alone is one SQL pass over the selection (~100 ms at 100,000 reports), and a
refresh asked for about twenty, so a refresh took seconds. Here the selection is read once
(one query, its ids as a bitmap) and every figure is counted from bitmaps of the inbox index
kept in memory: one per code and per value of the index's columns, built at the first
refresh and then brought up to date with the reports that arrived since (a new report or
revision changes the signature: the count, the sum of revisions, the newest arrival).
Triage is not in the bitmaps (it changes often): the selection query applies it. The
numbers are those of ``reporter.stats.figures`` (a test compares every key, unit and
filter); only memory holds the bitmaps, and they go with the vault object.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from operator import itemgetter
from typing import Any

from reporter.inbox.index import ensure_index
from reporter.inbox.links import events
from reporter.inbox.query import ReportFilter, bound, filter_sql
from reporter.stats import figures
from reporter.stats.figures import (
    BASE,
    CODE_KEYS,
    CONFIRMED_ATTEMPT,
    CONFIRMED_INFECTION,
    NONE,
    Counts,
    _check,
    _half,
    _order,
    counts,
)
from reporter.stats.overview import _before, _total, period_figure
from reporter.vault.vault import Vault

Row = tuple[Any, ...]  # incident_id, state, month, day_first, precision of inbox_current


def _year(row: Row) -> str | None:
    return str(row[3])[:4] if row[3] else None


# key -> how a row of inbox_current gives its value (None: the report has none)
_COLUMNS: dict[str, Callable[[Row], str | None]] = {
    "state": itemgetter(1),
    "month": itemgetter(2),
    "half-year": lambda row: _half(row[2]),
    "year": _year,
    "date-precision": itemgetter(4),
}
SPYWARE_KEYS = (
    "compromise-status",
    "detection-source",
    "vector",
    "spyware-family",
    "attribution",
    "perpetrator",
)


@dataclass
class _Index:
    """Bitmaps (Python ints, bit n = the n-th report) of one state of the inbox index."""

    signature: tuple[Any, ...]
    ordinal: dict[str, int] = field(default_factory=dict)
    codes: dict[str, dict[str, int]] = field(default_factory=dict)  # kind -> code -> bits
    columns: dict[str, dict[str, int]] = field(default_factory=dict)  # key -> value -> bits
    days: dict[str, int] = field(default_factory=dict)  # day_first -> bits
    ids: list[str] = field(default_factory=list)  # ordinal -> incident id
    revisions: list[int] = field(default_factory=list)  # ordinal -> its current revision
    memo: dict[tuple[str, int], set[str]] = field(default_factory=dict)  # a linked one's values

    def values_of(self, vault: Vault, by: str, members: list[int]) -> dict[int, set[str]]:
        """Each member's values for ``by`` ({NONE} if none): few, the same-event groups'."""
        missing = [n for n in members if (by, n) not in self.memo]
        if missing:
            found = figures.values_of(vault, by, [self.ids[n] for n in missing])
            for n in missing:
                self.memo[(by, n)] = found[self.ids[n]]
        return {n: self.memo[(by, n)] for n in members}

    def bits(self, ids: Iterable[str]) -> int:
        marks = bytearray(len(self.ordinal) // 8 + 1)
        ordinal = self.ordinal
        for incident_id in ids:
            n = ordinal[incident_id]
            marks[n >> 3] |= 1 << (n & 7)
        return int.from_bytes(marks, "little")

    def dated(self, first: str | None, last: str | None) -> int:
        """Reports whose first day is within [first, last] (either end may be open)."""
        out = 0
        for day, bits in self.days.items():
            if (first is None or day >= first) and (last is None or day <= last):
                out |= bits
        return out


_CACHE: weakref.WeakKeyDictionary[Vault, _Index] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def _signature(vault: Vault) -> tuple[Any, ...]:
    """Changes whenever the index does: a report added (count) or revised (revisions)."""
    row = vault.query("SELECT count(*), total(revision), max(received_at) FROM inbox_current")
    return tuple(row[0])


def _build(vault: Vault, signature: tuple[Any, ...]) -> _Index:
    index = _Index(signature)
    rows = vault.query(
        "SELECT incident_id, state, month, day_first, precision, revision FROM inbox_current"
        " ORDER BY incident_id"
    )
    index.ids = [row[0] for row in rows]
    index.revisions = [int(row[5]) for row in rows]
    index.ordinal = {incident_id: n for n, incident_id in enumerate(index.ids)}
    size = len(rows) // 8 + 1
    columns: dict[str, dict[str, bytearray]] = {key: {} for key in _COLUMNS}
    days: dict[str, bytearray] = {}
    for n, row in enumerate(rows):
        for key, value_of in _COLUMNS.items():
            value = value_of(row) or NONE
            marks = columns[key].get(value) or columns[key].setdefault(value, bytearray(size))
            marks[n >> 3] |= 1 << (n & 7)
        if row[3]:
            marks = days.get(row[3]) or days.setdefault(row[3], bytearray(size))
            marks[n >> 3] |= 1 << (n & 7)
    index.columns = {
        key: {v: int.from_bytes(m, "little") for v, m in values.items()}
        for key, values in columns.items()
    }
    index.days = {day: int.from_bytes(m, "little") for day, m in days.items()}
    ordinal = index.ordinal
    for kind in sorted(set(CODE_KEYS.values())):
        per_code: dict[str, bytearray] = {}
        with vault.lock:
            for code, incident_id in vault.conn.execute(
                "SELECT code, incident_id FROM inbox_codes WHERE kind = ?", (kind,)
            ):
                at = ordinal.get(incident_id)
                if at is None:
                    continue
                marks = per_code.get(code) or per_code.setdefault(code, bytearray(size))
                marks[at >> 3] |= 1 << (at & 7)
        index.codes[kind] = {c: int.from_bytes(m, "little") for c, m in per_code.items()}
    return index


def _updated(vault: Vault, old: _Index, signature: tuple[Any, ...]) -> _Index | None:
    """A copy of ``old`` with the reports added or revised since it was made, or None when
    those cannot account for the whole change (then it is built again).

    They are the rows that arrived at or after the newest ``old`` saw; afterwards the count
    and the sum of revisions must be the signature's (a clock set back, say, fails that).
    """
    since = old.signature[2]
    if since is None:
        return None
    rows = vault.query(
        "SELECT incident_id, state, month, day_first, precision, revision FROM inbox_current"
        " WHERE received_at >= ? LIMIT 20001",
        (since,),
    )
    if len(rows) > 20000:
        return None  # as cheap to build it whole
    index = _Index(
        signature,
        dict(old.ordinal),
        {kind: dict(codes) for kind, codes in old.codes.items()},
        {key: dict(values) for key, values in old.columns.items()},
        dict(old.days),
        list(old.ids),
        list(old.revisions),
    )
    changed: list[str] = []
    for row in rows:
        n = index.ordinal.get(row[0])
        if n is None:
            n = index.ordinal[row[0]] = len(index.ids)
            index.ids.append(row[0])
            index.revisions.append(0)
        elif index.revisions[n] == int(row[5]):
            continue  # seen already (it arrived in the same second as the newest then)
        else:
            _clear(index, n)
        index.revisions[n] = int(row[5])
        changed.append(row[0])
        for key, value_of in _COLUMNS.items():
            values = index.columns[key]
            value = value_of(row) or NONE
            values[value] = values.get(value, 0) | 1 << n
        if row[3]:
            index.days[row[3]] = index.days.get(row[3], 0) | 1 << n
    kinds = set(CODE_KEYS.values())
    for start in range(0, len(changed), 500):
        chunk = changed[start : start + 500]
        for incident_id, kind, code in vault.query(
            "SELECT incident_id, kind, code FROM inbox_codes"  # noqa: S608 - marks only
            f" WHERE incident_id IN ({', '.join('?' * len(chunk))})",
            chunk,
        ):
            if kind in kinds:
                codes = index.codes.setdefault(kind, {})
                codes[code] = codes.get(code, 0) | 1 << index.ordinal[incident_id]
    if (len(index.ids), float(sum(index.revisions))) != (signature[0], float(signature[1])):
        return None
    return index


def _clear(index: _Index, n: int) -> None:
    """Report ``n`` in no bitmap (a revision replaces its values) and no memo."""
    for table in (*index.codes.values(), *index.columns.values(), index.days):
        for value, bits in table.items():
            if bits >> n & 1:
                table[value] = bits & ~(1 << n)
    for key in [k for k in index.memo if k[1] == n]:
        del index.memo[key]


def _index(vault: Vault, fresh: bool = False) -> _Index:
    """The bitmaps of the index as it is now: kept, brought up to date, or built again.

    An update makes a new object, so a picture being counted in another thread from the
    one before never sees it change.
    """
    with _LOCK:
        signature = _signature(vault)
        index = _CACHE.get(vault)
        if index is not None and not fresh and index.signature == signature:
            return index
        updated = None if index is None or fresh else _updated(vault, index, signature)
        index = _CACHE[vault] = updated or _build(vault, signature)
        return index


def _selected(vault: Vault, index: _Index, flt: ReportFilter, include_all: bool) -> int:
    where, params = filter_sql(flt, include_all)
    return index.bits(r[0] for r in vault.query(f"SELECT c.incident_id{BASE}{where}", params))  # noqa: S608


def _groups(vault: Vault, index: _Index, sel: int) -> list[list[int]]:
    """Same-event groups with two or more selected reports (their selected members).

    Read at each refresh (links change without the index; there are few of them).
    """
    linked = [r[0] for r in vault.query(
        "SELECT a FROM inbox_links WHERE kind = 'same-event'"
        " UNION SELECT b FROM inbox_links WHERE kind = 'same-event'"
    )]  # fmt: skip
    grouped: dict[str, list[int]] = {}
    for incident_id, event in events(vault, linked).items():
        n = index.ordinal.get(incident_id)
        if n is not None and sel >> n & 1:
            grouped.setdefault(event, []).append(n)
    return [g for g in grouped.values() if len(g) > 1]


class _Selection:
    """One selection's bitmap, its size and its same-event groups, in a unit."""

    def __init__(
        self, vault: Vault, index: _Index, bits: int, unit: str, groups: list[list[int]]
    ) -> None:
        self.vault, self.index, self.bits, self.unit = vault, index, bits, unit
        self.groups = [g for g in ([n for n in g if bits >> n & 1] for g in groups) if len(g) > 1]
        self.total = bits.bit_count() - sum(len(g) - 1 for g in self.groups)

    def units(self, having: int) -> int:
        """Units of the selection among ``having`` (a group there counts once)."""
        found = (self.bits & having).bit_count()
        for group in self.groups:
            members = sum(having >> n & 1 for n in group)
            found -= max(0, members - 1)
        return found

    def counts(self, by: str) -> Counts:
        values = self.index.columns[by] if by in _COLUMNS else self.index.codes[CODE_KEYS[by]]
        found = {v: (self.bits & b).bit_count() for v, b in values.items()}
        found = {v: n for v, n in found.items() if n}
        members = self.index.values_of(self.vault, by, [n for g in self.groups for n in g])
        for group in self.groups:  # as reporter.stats.figures.counts folds a group
            per_value: dict[str, int] = {}
            for n in group:
                for value in members[n]:
                    per_value[value] = per_value.get(value, 0) + 1
            for value, k in per_value.items():
                if value != NONE:
                    found[value] -= k - 1
            if NONE in per_value:
                found[NONE] -= per_value[NONE] - (0 if len(per_value) > 1 else 1)
        found = {v: n for v, n in found.items() if n > 0}
        return Counts(by, self.unit, _order(by, found), self.total)


def _span(index: _Index, sel: int, flt: ReportFilter) -> tuple[str, str] | None:
    """As reporter.stats.overview's: the selection's period, whole months."""
    if flt.date_from and flt.date_to:
        return bound(flt.date_from, "from", last=False), bound(flt.date_to, "to", last=True)
    present = [day for day, bits in index.days.items() if bits & sel]
    if not present:
        return None
    first = flt.date_from and bound(flt.date_from, "from", last=False)
    last = flt.date_to and bound(flt.date_to, "to", last=True)
    return first or f"{min(present)[:7]}-01", last or bound(max(present)[:7], "to", last=True)


def _overview(
    vault: Vault, index: _Index, undated: int, sel: _Selection, flt: ReportFilter
) -> dict[str, Any]:
    unit, groups = sel.unit, _groups(vault, index, undated) if sel.unit == "events" else []
    pending = _total(vault, replace(flt, counting=("pending",)), "reports", True)
    out: dict[str, Any] = {
        "unit": unit,
        "total": sel.total,
        "pending": pending,
        "from": None,
        "to": None,
        "period_total": None,
        "hours": None,
        "every_hours": None,
        "previous": None,
    }
    span = _span(index, sel.bits, flt)
    if span is None:
        return out
    hours = ((date.fromisoformat(span[1]) - date.fromisoformat(span[0])).days + 1) * 24
    period_total = _Selection(vault, index, undated & index.dated(*span), unit, groups).total
    first, last = _before(*span)
    before = _Selection(vault, index, undated & index.dated(first, last), unit, groups).total
    out.update(period_figure(span, hours, period_total, (first, last), before))
    return out


def _code(index: _Index, kind: str, *codes: str) -> int:
    out = 0
    for code, bits in index.codes.get(kind, {}).items():
        if code in codes or (not codes and code != NONE):
            out |= bits
    return out


def _quality(index: _Index, sel: int) -> dict[str, Any]:
    precision = index.columns["date-precision"]
    total = sel.bit_count()
    month_only = (sel & (precision.get("month", 0) | precision.get("year", 0))).bit_count()
    no_date = (sel & precision.get(NONE, 0)).bit_count()
    state_only = (sel & _code(index, "place", "STATE")).bit_count()
    known = _code(index, "perpetrator_class", "STATE", "NON_STATE")
    unknown = total - (sel & known).bit_count()
    return figures.quality_figure(total, month_only, no_date, state_only, unknown)


def _funnel(index: _Index, sel: _Selection) -> dict[str, Any]:
    status = "compromise_status"
    targets = _code(index, "incident_type", "SURV.SPYWARE") | _code(index, status)
    return {
        "unit": sel.unit,
        "targets": sel.units(targets),
        "attempts": sel.units(_code(index, status, *CONFIRMED_ATTEMPT)),
        "infections": sel.units(_code(index, status, *CONFIRMED_INFECTION)),
        "suspected": sel.units(_code(index, status, "SUSPECTED")),
        "total": sel.total,
    }


def picture(
    vault: Vault,
    flt: ReportFilter | None = None,
    unit: str = "reports",
    keys: Iterable[str] = (),
    spyware_keys: Iterable[str] = SPYWARE_KEYS,
    include_all: bool = False,
) -> dict[str, Any]:
    """Counts by every key of ``keys`` (and of ``spyware_keys`` among spyware reports), the
    overview, the data-quality notes and the spyware funnel of one selection.

    The spyware charts count ``flt`` restricted to targeted spyware unless it names types.
    A key the bitmaps do not hold (triage, device) is counted by ``figures.counts``.
    """
    flt = flt or ReportFilter()
    _check("state", unit)
    ensure_index(vault)
    index = _index(vault)
    everything = replace(flt, date_from=None, date_to=None)
    try:
        undated = _selected(vault, index, everything, include_all)
    except KeyError:  # another process imported since the signature was read: once more
        index = _index(vault, fresh=True)
        undated = _selected(vault, index, everything, include_all)
    bits = undated & index.dated(
        flt.date_from and bound(flt.date_from, "date_from", last=False),
        flt.date_to and bound(flt.date_to, "date_to", last=True),
    ) if flt.date_from or flt.date_to else undated  # fmt: skip
    groups = _groups(vault, index, bits) if unit == "events" else []
    sel = _Selection(vault, index, bits, unit, groups)
    spyware_filter = flt if flt.types else replace(flt, types=("SURV.SPYWARE",))
    spyware = (
        sel
        if flt.types
        else _Selection(
            vault, index, bits & _code(index, "incident_type", "SURV.SPYWARE"), unit, groups
        )
    )

    def count(selection: _Selection, selection_filter: ReportFilter, by: str) -> Counts:
        _check(by, unit)
        if by in _COLUMNS or by in CODE_KEYS:
            return selection.counts(by)
        return counts(vault, by, selection_filter, unit, include_all)

    return {
        "counts": {k: count(sel, flt, k) for k in keys},
        "overview": _overview(vault, index, undated, sel, flt),
        "spyware": {k: count(spyware, spyware_filter, k) for k in spyware_keys},
        "spyware_filter": spyware_filter,
        "funnel": _funnel(index, sel),
        "quality": _quality(index, bits),
    }

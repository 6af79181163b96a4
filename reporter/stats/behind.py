"""The reports behind one number: clicking a count shows exactly the reports it counted.

The condition is the one ``figures.counts`` groups by (a column value, or having a code of
that kind; ``NONE`` for having none), over the same selection, so the list and the number
cannot disagree. In the ``events`` unit the list still shows every report of each event.
The list comes a page at a time (``page_behind``), so a number of any size opens whole.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reporter.errors import InvalidCode
from reporter.inbox.index import ensure_index
from reporter.inbox.query import ORDER, ReportFilter, filter_sql
from reporter.stats.figures import BASE, CODE_KEYS, COLUMN_KEYS, KEYS, NONE, _and
from reporter.vault.vault import Vault

MAX_BEHIND = 100_000  # ids in one list of ``ids_behind`` (a page at a time has no cap)
PAGE = 200
Cursor = tuple[str, str]  # (received_at, incident_id) of the last report of a page
# A page walks the inbox's order and stops after ``limit`` matches: without this the planner
# takes the condition's own index (a state's, a code's) and sorts every match for each page
# (150-500 ms at 100,000 reports, against under 2 ms).
_PAGED = BASE.replace("inbox_current c", "inbox_current c INDEXED BY inbox_current_received")


@dataclass(frozen=True)
class Behind:
    """The reports counted under ``code`` of ``by`` in one selection (a clicked number)."""

    by: str
    code: str
    flt: ReportFilter = field(default_factory=ReportFilter)
    include_all: bool = False


def _condition(by: str, code: str, params: list[Any]) -> str:
    if by in CODE_KEYS:
        params.append(CODE_KEYS[by])
        exists = (
            "EXISTS (SELECT 1 FROM inbox_codes x WHERE x.incident_id = c.incident_id AND x.kind = ?"
        )
        if code == NONE:
            return f"NOT {exists})"
        params.append(code)
        return f"{exists} AND x.code = ?)"
    column = COLUMN_KEYS[by]
    if code == NONE:
        return f"{column} IS NULL"
    if by == "half-year" and len(code) == 7 and code[5:6] == "H":
        first = code[6] == "1"
        params += [f"{code[:4]}-{'01' if first else '07'}", f"{code[:4]}-{'06' if first else '12'}"]
        return f"{column} BETWEEN ? AND ?"
    params.append(code)
    return f"{column} = ?"


def _where(vault: Vault, behind: Behind) -> tuple[str, list[Any]]:
    if behind.by not in KEYS:
        raise InvalidCode(kind="stats key", value=behind.by[:64], valid=", ".join(KEYS))
    ensure_index(vault)
    where, params = filter_sql(behind.flt, behind.include_all)
    extra: list[Any] = []
    condition = _condition(behind.by, behind.code, extra)
    return _and(where, condition), [*params, *extra]


def count_behind(vault: Vault, behind: Behind) -> int:
    """How many reports the list behind the number holds (the number itself in reports)."""
    where, params = _where(vault, behind)
    return int(vault.query(f"SELECT count(*){BASE}{where}", params)[0][0])  # noqa: S608


def page_behind(
    vault: Vault, behind: Behind, after: Cursor | None = None, limit: int = PAGE
) -> tuple[list[str], Cursor | None]:
    """One page of the ids behind the number, newest received first, and the next cursor.

    The page starts after ``after`` in the list's order (a keyset, so the thousandth page
    costs what the first does); the cursor is None once the list has ended.
    """
    where, params = _where(vault, behind)
    if after is not None:
        where = _and(where, "(c.received_at, c.incident_id) < (?, ?)")
        params = [*params, *after]
    limit = max(1, min(int(limit), MAX_BEHIND))
    # SQL from this module's constant clauses; every value is a bound parameter.
    rows = vault.query(
        f"SELECT c.incident_id, c.received_at{_PAGED}{where}{ORDER} LIMIT ?",  # noqa: S608
        [*params, limit],
    )
    cursor = (str(rows[-1][1]), str(rows[-1][0])) if len(rows) == limit else None
    return [r[0] for r in rows], cursor


def ids_behind(
    vault: Vault,
    by: str,
    code: str,
    flt: ReportFilter | None = None,
    include_all: bool = False,
    limit: int = MAX_BEHIND,
) -> list[str]:
    """Incident ids counted under ``code`` of ``by``, newest received first (one list)."""
    ids, _ = page_behind(vault, Behind(by, code, flt or ReportFilter(), include_all), None, limit)
    return ids

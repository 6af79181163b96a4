"""The reports behind one number: clicking a count shows exactly the reports it counted.

The condition is the one ``figures.counts`` groups by (a column value, or having a code of
that kind; ``NONE`` for having none), over the same selection, so the list and the number
cannot disagree. In the ``events`` unit the list still shows every report of each event.
"""

from __future__ import annotations

from typing import Any

from reporter.errors import InvalidCode
from reporter.inbox.index import ensure_index
from reporter.inbox.query import ORDER, ReportFilter, filter_sql
from reporter.stats.figures import BASE, CODE_KEYS, COLUMN_KEYS, KEYS, NONE, _and
from reporter.vault.vault import Vault

MAX_BEHIND = 100_000


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


def ids_behind(
    vault: Vault,
    by: str,
    code: str,
    flt: ReportFilter | None = None,
    include_all: bool = False,
    limit: int = MAX_BEHIND,
) -> list[str]:
    """Incident ids counted under ``code`` of ``by``, newest received first."""
    if by not in KEYS:
        raise InvalidCode(kind="stats key", value=by[:64], valid=", ".join(KEYS))
    ensure_index(vault)
    where, params = filter_sql(flt or ReportFilter(), include_all)
    extra: list[Any] = []
    condition = _condition(by, code, extra)
    # SQL from this module's constant clauses; every value is a bound parameter.
    rows = vault.query(
        f"SELECT c.incident_id{BASE}{_and(where, condition)}{ORDER}"  # noqa: S608
        " LIMIT ?",
        [*params, *extra, max(1, min(int(limit), MAX_BEHIND))],
    )
    return [r[0] for r in rows]

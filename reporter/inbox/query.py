"""The one selection of received reports that every front end and every export uses.

``select_reports(vault, ReportFilter(...))`` is what ``inbox list``, ``stats``, the app's
inbox and dashboard and every export (CSV, JSON, STIX, Uwazi, PDF, evidence packet) call, so
a number on a chart, a row in a file and a line in the list always come from the same reports.
Only ``counted`` reports are selected unless ``include_all`` or the filter names counting
states: statistics and exports then count what the coalition decided to count.

A report is the newest revision of an incident from the device that owns its id, with how it
arrived and its triage (which belongs to the incident id, so a newer revision keeps it).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from reporter.errors import InvalidCode, InvalidField
from reporter.inbox.index import ensure_index
from reporter.incidents.vocab import vocabulary
from reporter.vault.vault import Vault

REVIEW_STATES = ("new", "in-review", "needs-info", "done")
VERIFICATION_STATES = ("unverified", "corroborated", "forensically-confirmed")
COUNTING_STATES = ("pending", "counted", "excluded")
EXCLUSION_REASONS = ("duplicate", "out-of-scope", "not-credible", "withdrawn", "other")
MAX_VALUES = 100  # values per filter field (a filter is input like any other)
MAX_FILTER_TEXT = 200
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True)
class Triage:
    """The coordinator's three questions about one incident, and who has it."""

    review: str = "new"
    assignee: str | None = None
    verification: str = "unverified"
    counting: str = "pending"
    exclusion: str | None = None  # the reason code when counting is 'excluded'
    tags: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "review": self.review,
            "assignee": self.assignee,
            "verification": self.verification,
            "counting": self.counting,
            "exclusion": self.exclusion,
            "tags": list(self.tags),
        }


@dataclass(frozen=True)
class Report:
    """One received incident as the coalition holds it; ``record`` is the shared version."""

    incident_id: str
    bundle_id: str
    revision: int
    device_id: str
    device_fingerprint: str
    device_verified: bool
    received_at: str
    received_via: str | None  # relay | file (None: received before it was kept)
    upload_id: str | None
    triage: Triage
    data: str = field(repr=False)  # the record's JSON as stored, parsed on first use

    @cached_property
    def record(self) -> dict[str, Any]:
        parsed: dict[str, Any] = json.loads(self.data)
        return dict(parsed, id=self.incident_id)

    def to_json(self) -> dict[str, Any]:
        return {
            "record": self.record,
            "bundle_id": self.bundle_id,
            "triage": self.triage.to_json(),
            "received_at": self.received_at,
            "received_via": self.received_via,
            "upload_id": self.upload_id,
            "device_id": self.device_id,
            "device_fingerprint": self.device_fingerprint,
            "device_verified": self.device_verified,
        }


@dataclass(frozen=True)
class ReportFilter:
    """Which reports: every field empty means no condition; several values mean any of them.

    Dates are compared on the first day of the incident's date (a month-only date is its
    first day): ``date_from``/``date_to`` take YYYY, YYYY-MM or YYYY-MM-DD, and ``date_to``
    covers the whole period it names. ``perpetrators`` takes codes (STATE.OFFICIAL) or the
    classes STATE / NON_STATE; ``levels`` FEDERAL / STATE / MUNICIPAL. ``device`` is a
    device id or its fingerprint; ``text`` searches title and description.
    """

    date_from: str | None = None
    date_to: str | None = None
    types: tuple[str, ...] = ()
    states: tuple[str, ...] = ()
    perpetrators: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    verification: tuple[str, ...] = ()
    review: tuple[str, ...] = ()
    counting: tuple[str, ...] = ()
    assignee: str | None = None
    tag: str | None = None
    device: str | None = None
    text: str | None = None
    ids: tuple[str, ...] = ()


def bound(date_text: str, field_name: str, last: bool) -> str:
    match = _DATE.fullmatch(date_text.strip())
    if not match:
        raise InvalidField(field=field_name, reason="use YYYY-MM-DD (or YYYY-MM, YYYY)")
    year, month, day = int(match[1]), int(match[2] or (12 if last else 1)), match[3]
    try:
        if day is not None:
            return date(year, month, int(day)).isoformat()
        if not last:
            return date(year, month, 1).isoformat()
        following = date(year + month // 12, month % 12 + 1, 1)
        return date.fromordinal(following.toordinal() - 1).isoformat()
    except ValueError:
        raise InvalidField(field=field_name, reason="no such date") from None


def _allowed(values: tuple[str, ...], kind: str, valid: list[str] | tuple[str, ...]) -> None:
    if len(values) > MAX_VALUES:
        raise InvalidField(field=kind, reason="more than {limit} items", limit=MAX_VALUES)
    for value in values:
        if value not in valid:
            raise InvalidCode(kind=kind, value=str(value)[:64], valid=", ".join(valid))


def check_filter(flt: ReportFilter) -> None:
    """Refuse a filter naming codes or dates that do not exist (instead of matching none)."""
    v = vocabulary()
    _allowed(flt.types, "incident_type", v.codes("incident_type"))
    _allowed(flt.states, "mx_state", v.codes("mx_state"))
    _allowed(flt.perpetrators, "perpetrator", [*v.codes("perpetrator"), "STATE", "NON_STATE"])
    _allowed(flt.levels, "state_level", v.codes("state_level"))
    _allowed(flt.verification, "verification", VERIFICATION_STATES)
    _allowed(flt.review, "review", REVIEW_STATES)
    _allowed(flt.counting, "counting", COUNTING_STATES)
    if len(flt.ids) > 10 * MAX_VALUES:
        raise InvalidField(field="ids", reason="more than {limit} items", limit=10 * MAX_VALUES)
    for name in ("assignee", "tag", "device", "text"):
        value = getattr(flt, name)
        if value is not None and len(value) > MAX_FILTER_TEXT:
            raise InvalidField(
                field=name, reason="longer than {limit} characters", limit=MAX_FILTER_TEXT
            )


def _in(column: str, values: tuple[str, ...], params: list[Any]) -> str:
    params.extend(values)
    return f"{column} IN ({', '.join('?' * len(values))})"


def _has_code(kind_sql: str, values: tuple[str, ...], params: list[Any]) -> str:
    codes = _in("code", values, params)
    return (
        f"c.incident_id IN (SELECT incident_id FROM inbox_codes WHERE {kind_sql}"  # noqa: S608
        f" AND {codes})"
    )


def filter_sql(flt: ReportFilter, include_all: bool = False) -> tuple[str, list[Any]]:
    """The WHERE clause (over ``inbox_current c JOIN inbox_triage t``) and its parameters."""
    check_filter(flt)
    where: list[str] = []
    params: list[Any] = []
    if flt.date_from:
        where.append("c.day_first >= ?")
        params.append(bound(flt.date_from, "date_from", last=False))
    if flt.date_to:
        where.append("c.day_first <= ?")
        params.append(bound(flt.date_to, "date_to", last=True))
    if flt.types:
        where.append(_has_code("kind = 'incident_type'", flt.types, params))
    if flt.states:
        where.append(_in("c.state", flt.states, params))
    if flt.perpetrators:
        where.append(
            _has_code("kind IN ('perpetrator', 'perpetrator_class')", flt.perpetrators, params)
        )
    if flt.levels:
        where.append(_has_code("kind = 'state_level'", flt.levels, params))
    for column, values in (
        ("t.verification", flt.verification),
        ("t.review", flt.review),
        ("t.counting", flt.counting),
    ):
        if values:
            where.append(_in(column, values, params))
    if not include_all and not flt.counting:
        where.append("t.counting = 'counted'")
    if flt.assignee:
        where.append("lower(t.assignee) = lower(?)")
        params.append(flt.assignee.strip())
    if flt.tag:
        where.append("c.incident_id IN (SELECT incident_id FROM inbox_tags WHERE tag = ?)")
        params.append(flt.tag.strip())
    if flt.device:
        digits = re.sub(r"\D", "", flt.device)
        where.append(
            "(c.device_id = ? OR c.device_id IN (SELECT device_id FROM devices"
            " WHERE replace(fingerprint, ' ', '') = ?))"
        )
        params += [flt.device.strip(), digits or "-"]
    if flt.text:
        escaped = re.sub(r"([\\%_])", r"\\\1", flt.text.strip())
        where.append(
            "c.incident_id IN (SELECT incident_id FROM inbox_text WHERE"
            " title LIKE ? ESCAPE '\\' OR description LIKE ? ESCAPE '\\')"
        )
        params += [f"%{escaped}%", f"%{escaped}%"]
    if flt.ids:
        where.append(_in("c.incident_id", tuple(i.strip().lower() for i in flt.ids), params))
    return (" WHERE " + " AND ".join(where)) if where else "", params


ORDER = " ORDER BY c.received_at DESC, c.incident_id DESC"  # walks inbox_current_received
_DETAILS = (
    "SELECT c.incident_id, c.bundle_id, c.revision, c.device_id, d.fingerprint,"
    " d.verified, c.received_at, g.via, g.upload_id, t.review, t.assignee,"
    " t.verification, t.counting, t.exclusion,"
    " (SELECT group_concat(tag, char(10)) FROM (SELECT tag FROM inbox_tags x"
    "   WHERE x.incident_id = c.incident_id ORDER BY tag)), r.data"
    " FROM inbox_current c JOIN inbox_triage t USING (incident_id)"
    " JOIN devices d ON d.device_id = c.device_id"
    " JOIN inbox_records r ON r.incident_id = c.incident_id AND r.bundle_id = c.bundle_id"
    " LEFT JOIN inbox_originals g ON g.bundle_id = c.bundle_id"
    " WHERE c.incident_id IN "
)
CHUNK = 500


def select_ids(
    vault: Vault,
    flt: ReportFilter | None = None,
    include_all: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> list[str]:
    """The incident ids ``select_reports`` would return, in the same order, without records."""
    ensure_index(vault)
    where, params = filter_sql(flt or ReportFilter(), include_all)
    page = ""
    if limit is not None:
        page = " LIMIT ? OFFSET ?"
        params += [max(0, int(limit)), max(0, int(offset))]
    # SQL from constant clauses only; every value is a bound parameter.
    rows = vault.query(
        "SELECT c.incident_id FROM inbox_current c JOIN inbox_triage t"  # noqa: S608
        f" USING (incident_id){where}{ORDER}{page}",
        params,
    )
    return [r[0] for r in rows]


def reports_by_id(vault: Vault, ids: list[str]) -> list[Report]:
    """The reports of ``ids`` in that order (unknown ids are left out)."""
    ensure_index(vault)
    found: dict[str, Report] = {}
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        rows = vault.query(_DETAILS + f"({', '.join('?' * len(chunk))})", chunk)
        for r in rows:
            found[r[0]] = Report(
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                bool(r[5]),
                r[6],
                r[7],
                r[8],
                Triage(r[9], r[10], r[11], r[12], r[13], tuple(r[14].split("\n")) if r[14] else ()),
                r[15],
            )
    return [found[i] for i in ids if i in found]


def select_reports(
    vault: Vault,
    flt: ReportFilter | None = None,
    include_all: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> list[Report]:
    """Reports matching ``flt``, newest received first (``limit``/``offset`` page them).

    The order is found on the narrow index first, then only the page's records are read.
    """
    return reports_by_id(vault, select_ids(vault, flt, include_all, limit, offset))


def count_reports(vault: Vault, flt: ReportFilter | None = None, include_all: bool = False) -> int:
    ensure_index(vault)
    where, params = filter_sql(flt or ReportFilter(), include_all)
    rows = vault.query(
        "SELECT count(*) FROM inbox_current c JOIN inbox_triage t"  # noqa: S608
        f" USING (incident_id){where}",
        params,
    )
    return int(rows[0][0])

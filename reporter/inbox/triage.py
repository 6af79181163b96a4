"""Triage as this vault shows it: three questions per received incident, notes, tags, history.

- review: where the report is in the coordinators' queue, with an optional assignee;
- verification: how well it is supported;
- counting: whether it enters statistics and exports (``excluded`` comes with a reason code).

Triage belongs to the incident id (owner-bound, lower-case), so a newer revision of the same
incident keeps it. This module reads it from the inbox's tables, for the exports and the
statistics below the coordinators' side; changing it is ``reporter.coordination.triaging``,
which writes signed events through the same replay as the other coordinators' events. A note
is private (it never leaves this vault) unless ``shared``.
"""

from __future__ import annotations

from typing import Any

from reporter.errors import InvalidField, NotFound
from reporter.inbox.names import (
    MAX_NAME,
    NAME_META,
    coordinator_name,
    resolve_incident,
    single_line,
)
from reporter.inbox.query import Triage
from reporter.vault.database import Connection
from reporter.vault.vault import Vault


def set_coordinator_name(vault: Vault, name: str) -> str:
    clean = single_line(name, "name", MAX_NAME)
    if not clean:
        raise InvalidField(field="name", reason="is required")
    vault.set_meta(NAME_META, clean)
    return clean


__all__ = [
    "coordinator_name",
    "history",
    "notes",
    "read_triage",
    "set_coordinator_name",
    "triage_of",
]


def read_triage(conn: Connection, incident_id: str) -> Triage:
    """The triage of one received incident, in the caller's transaction (or under its lock)."""
    row = conn.execute(
        "SELECT review, assignee, verification, counting, exclusion"
        " FROM inbox_triage WHERE incident_id = ?",
        (incident_id,),
    ).fetchone()
    if row is None:
        raise NotFound(what="received incident")
    tags = tuple(
        r[0]
        for r in conn.execute(
            "SELECT tag FROM inbox_tags WHERE incident_id = ? ORDER BY tag", (incident_id,)
        )
    )
    return Triage(row[0], row[1], row[2], row[3], row[4], tags)


def triage_of(vault: Vault, incident_id: str) -> Triage:
    wanted = resolve_incident(vault, incident_id)
    with vault.lock:
        return read_triage(vault.conn, wanted)


def notes(vault: Vault, incident_id: str) -> list[dict[str, Any]]:
    wanted = resolve_incident(vault, incident_id)
    rows = vault.query(
        "SELECT id, at, author, text, shared FROM inbox_notes WHERE incident_id = ? ORDER BY id",
        (wanted,),
    )
    return [
        {"id": r[0], "at": r[1], "author": r[2], "text": r[3], "shared": bool(r[4])} for r in rows
    ]


def history(
    vault: Vault, incident_id: str | None = None, limit: int = 1000
) -> list[dict[str, Any]]:
    """Changes of one incident (oldest first), or of every incident (the global log)."""
    limit = max(1, min(int(limit), 100_000))
    if incident_id is None:
        rows = vault.query(
            "SELECT seq, at, author, incident_id, field, old, new FROM"
            " (SELECT * FROM inbox_history ORDER BY seq DESC LIMIT ?)"
            " ORDER BY seq",
            (limit,),
        )
    else:
        wanted = resolve_incident(vault, incident_id)
        rows = vault.query(
            "SELECT seq, at, author, incident_id, field, old, new"
            " FROM inbox_history WHERE incident_id = ? ORDER BY seq LIMIT ?",
            (wanted, limit),
        )
    return [
        {
            "seq": r[0],
            "at": r[1],
            "author": r[2],
            "incident_id": r[3],
            "field": r[4],
            "from": r[5],
            "to": r[6],
        }
        for r in rows
    ]

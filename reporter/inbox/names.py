"""Who a change is recorded as, and the one-line checks every name and tag goes through.

Both the local triage commands and the replay of other coordinators' events use them, so they
live below both.
"""

from __future__ import annotations

import re

from reporter.errors import InvalidField, NotFound
from reporter.inbox.index import ensure_index
from reporter.vault.database import Connection
from reporter.vault.vault import Vault, utc_now

MAX_NAME = 80
NAME_META = "coordinator_name"
DEFAULT_AUTHOR = "coordinator"
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def single_line(value: str, field: str, limit: int) -> str:
    """A bounded one-line name (assignee, author, tag), trimmed."""
    text = value.strip()
    if len(text) > limit:
        raise InvalidField(field=field, reason="longer than {limit} characters", limit=limit)
    if _CONTROL.search(text):
        raise InvalidField(field=field, reason="contains control characters")
    return text


def coordinator_name(vault: Vault, given: str | None = None) -> str:
    """Who is acting: ``--as NAME``, else the name this vault was given, else 'coordinator'."""
    if given is not None and given.strip():
        return single_line(given, "as", MAX_NAME)
    return vault.get_meta(NAME_META) or DEFAULT_AUTHOR


def record_change(
    conn: Connection,
    author: str,
    incident_id: str,
    field: str,
    old: str | None,
    new: str | None,
    at: str | None = None,
) -> None:
    """One row of ``inbox_history``, in the caller's transaction."""
    conn.execute(
        "INSERT INTO inbox_history(at, author, incident_id, field, old, new)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (at or utc_now(), author, incident_id, field, old, new),
    )


def resolve_incident(vault: Vault, incident_id: str) -> str:
    """The stored form of a received incident's id (lower-case), or ``NotFound``."""
    ensure_index(vault)
    wanted = incident_id.strip().lower()
    if not vault.query("SELECT 1 FROM inbox_current WHERE incident_id = ?", (wanted,)):
        raise NotFound(what="received incident")
    return wanted

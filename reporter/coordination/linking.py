"""Linking and unlinking received reports: signed events, replayed like the other decisions.

A link is a coordinator's decision the roster shares, so it is written as events through
``reporter.coordination.replay``, the same code that applies the other coordinators' links;
``reporter.inbox.links`` reads the links, for the statistics and exports below. Linking twice
changes nothing; unlinking what is not linked is ``NotFound``.
"""

from __future__ import annotations

from typing import Any

from reporter.coordination.events import Change
from reporter.coordination.identity import my_identity
from reporter.coordination.replay import apply_local
from reporter.coordination.roster import current_roster
from reporter.errors import InvalidCode, InvalidField, NotFound
from reporter.inbox.links import LINK_KINDS
from reporter.inbox.names import MAX_NAME, resolve_incident, single_line
from reporter.vault.vault import Vault


def _pair(vault: Vault, first: str, second: str) -> tuple[str, str]:
    a, b = resolve_incident(vault, first), resolve_incident(vault, second)
    if a == b:
        raise InvalidField(field="id", reason="a report cannot be linked to itself")
    return (a, b) if a < b else (b, a)


def _kind(kind: str) -> str:
    if kind not in LINK_KINDS:
        raise InvalidCode(kind="link", value=kind[:64], valid=", ".join(LINK_KINDS))
    return kind


def link(vault: Vault, first: str, second: str, kind: str, author: str) -> dict[str, Any]:
    """Link two reports (``unlink`` undoes it); linking twice changes nothing."""
    a, b = _pair(vault, first, second)
    kind, author = _kind(kind), single_line(author, "as", MAX_NAME)
    me, roster = my_identity(vault), current_roster(vault)
    with vault.transaction() as conn:
        added = not conn.execute(
            "SELECT 1 FROM inbox_links WHERE a = ? AND b = ? AND kind = ?", (a, b, kind)
        ).fetchone()
        if added:
            apply_local(
                conn, me, roster, author, [Change(a, "link", "add", {"kind": kind, "to": b})]
            )
            vault.audit("inbox_linked", None, conn)
    return {"a": a, "b": b, "kind": kind, "status": "linked" if added else "unchanged"}


def unlink(vault: Vault, first: str, second: str, kind: str | None, author: str) -> dict[str, Any]:
    """Remove the link of ``kind`` (every link of the pair when ``None``); recorded."""
    a, b = _pair(vault, first, second)
    author = single_line(author, "as", MAX_NAME)
    kinds = [_kind(kind)] if kind is not None else list(LINK_KINDS)
    me, roster = my_identity(vault), current_roster(vault)
    with vault.transaction() as conn:
        removed = [
            k
            for k in kinds
            if conn.execute(
                "SELECT 1 FROM inbox_links WHERE a = ? AND b = ? AND kind = ?", (a, b, k)
            ).fetchone()
        ]
        if not removed:
            raise NotFound(what="link between these reports")
        changes = [Change(a, "link", "remove", {"kind": k, "to": b}) for k in removed]
        apply_local(conn, me, roster, author, changes)
        vault.audit("inbox_unlinked", None, conn)
    return {"a": a, "b": b, "removed": removed}

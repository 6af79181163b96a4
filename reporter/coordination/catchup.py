"""Catching up with this member's own chain on the relay before numbering anything new.

A vault put back from a backup holds its own events only up to the backup, while the relay
and every other coordinator hold the later ones; so does one identity copied to two
computers. Those later events carry this vault's own signature: they are adopted as its
chain, and a decision this vault numbered meanwhile but never pushed (so nobody saw its
number) moves after the adopted head. No event is renumbered once it left this vault, so no
two events carry one number. A restored vault (the backup's copy of the database says so:
``reporter.vault.backup.SNAPSHOT_META``) pushes none of its own events until a pull reached
the relay's end; own events showing up without a restore mean the identity is in use
elsewhere, a security event for the coalition: recorded, audited and shown until the
coordinator acknowledges it (they moved to a new computer on purpose): the acknowledgment
covers the evidence seen then, and new evidence shows the warning again.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from reporter.coordination.events import Change, Event, author_events
from reporter.coordination.identity import CoordinatorIdentity
from reporter.coordination.roster import SENT_META
from reporter.errors import NotFound
from reporter.vault.backup import SNAPSHOT_META, forget_restored_mark, restored_mark
from reporter.vault.database import Connection
from reporter.vault.layout import RESTORED_FILE
from reporter.vault.vault import Vault, utc_now

RESTORED_META = "coordination_restored"  # JSON: backup_at, catching_up, adopted, renumbered
ELSEWHERE_META = "coordination_identity_elsewhere"  # JSON: events, first_seq, at
PUSHED_META = "coordination_pushed_seq"  # the highest own number that ever left this vault
ELSEWHERE_AUDIT = "coordination_identity_elsewhere"
ACK_META = "coordination_identity_elsewhere_ack"  # JSON: events, first_seq, seen_at, at
ACK_AUDIT = "coordination_identity_elsewhere_acknowledged"

Store = Callable[[Connection, Event, bytes], str]


def _meta(conn: Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def _put(conn: Connection, key: str, value: str) -> None:
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))


def _json(text: str | None) -> dict[str, Any] | None:
    try:
        value = json.loads(text) if text else None
    except json.JSONDecodeError:
        return None
    return value if isinstance(value, dict) else None


def _is_coordinator(conn: Connection) -> bool:
    return conn.execute("SELECT 1 FROM coord_identity").fetchone() is not None


def begin(vault: Vault) -> None:
    """A backup's copy, once opened here, becomes a coordinator vault catching up."""
    if vault.read_only or restored_mark(vault) is None:
        return
    with vault.transaction() as conn:
        backup_at = _meta(conn, SNAPSHOT_META)
        if backup_at is None and not (vault.home / RESTORED_FILE).exists():
            return
        if _is_coordinator(conn):
            state = {"backup_at": backup_at, "catching_up": True, "adopted": 0, "renumbered": 0}
            _put(conn, RESTORED_META, json.dumps(state, sort_keys=True))
        conn.execute("DELETE FROM meta WHERE key = ?", (SNAPSHOT_META,))
    forget_restored_mark(vault)


def restore_state(vault: Vault) -> dict[str, Any] | None:
    """What `coordination status` says about a restore (None: this vault was not restored)."""
    state = _json(vault.get_meta(RESTORED_META))
    mark = restored_mark(vault)
    if mark is not None and vault.query("SELECT 1 FROM coord_identity"):
        backup_at = mark or None  # None: a backup from before the snapshot mark
        return {"backup_at": backup_at, "catching_up": True, "adopted": 0, "renumbered": 0}
    return state


def catching_up(vault: Vault) -> bool:
    state = restore_state(vault)
    return bool(state and state.get("catching_up"))


def caught_up(vault: Vault) -> None:
    """A pull reached the relay's end: this vault holds its whole chain again."""
    with vault.transaction() as conn:
        state = _json(_meta(conn, RESTORED_META))
        if state and state.get("catching_up"):
            state["catching_up"] = False
            _put(conn, RESTORED_META, json.dumps(state, sort_keys=True))


def elsewhere(vault: Vault) -> dict[str, Any] | None:
    """The warning, unless the coordinator acknowledged all of its evidence."""
    warning = _json(vault.get_meta(ELSEWHERE_META))
    if warning is None or _events(warning) <= _events(acknowledged_copy(vault)):
        return None
    return warning


def acknowledged_copy(vault: Vault) -> dict[str, Any] | None:
    return _json(vault.get_meta(ACK_META))


def _events(record: dict[str, Any] | None) -> int:
    try:
        return int((record or {}).get("events", 0))
    except (TypeError, ValueError):
        return 0


def acknowledge_copy(vault: Vault, seen: int | None = None) -> dict[str, Any]:
    """The coordinator says "I know, this is me": the evidence counted so far (at most
    ``seen`` events, what they were shown) stops the warning; anything found later shows it
    again."""
    with vault.transaction() as conn:
        warning = _json(_meta(conn, ELSEWHERE_META))
        done = _events(_json(_meta(conn, ACK_META)))
        events = _events(warning) if seen is None else min(seen, _events(warning))
        if warning is None or events <= done:
            raise NotFound(what="a warning about your identity on another computer")
        ack = {
            "events": events,
            "first_seq": warning.get("first_seq"),
            "seen_at": warning.get("at"),
            "at": utc_now(),
        }
        _put(conn, ACK_META, json.dumps(ack, sort_keys=True))
        vault.audit(ACK_AUDIT, None, conn)
    return ack


def pushed(conn: Connection) -> int:
    """Own events above this number never left this vault (the sent mark, which a new member
    resets to send everything again, stands in for vaults older than this mark)."""
    value = _meta(conn, PUSHED_META) or _meta(conn, SENT_META) or "0"
    return int(value)


def mark_pushed(vault: Vault, last: int) -> None:
    with vault.transaction() as conn:
        if last > pushed(conn):
            _put(conn, PUSHED_META, str(last))


@dataclass
class OwnChain:
    """This member's events met in one received batch, and the decisions they displaced."""

    me: CoordinatorIdentity
    restoring: bool
    pushed: int
    adopted: int = 0
    foreign: list[int] = field(default_factory=list)  # own numbers made elsewhere
    displaced: list[tuple[Change, str, str]] = field(default_factory=list)  # (change, by, at)

    @classmethod
    def of(cls, vault: Vault, conn: Connection, me: CoordinatorIdentity) -> OwnChain:
        return cls(me, catching_up(vault), pushed(conn))

    def make_room(self, conn: Connection, event: Event) -> None:
        """Before storing an own event from the relay: if this vault gave its number to a
        decision it never pushed, that decision and the ones after it step aside."""
        row = conn.execute(
            "SELECT hash FROM coord_events WHERE author = ? AND seq = ?",
            (event.author, event.seq),
        ).fetchone()
        clash = row is not None and str(row[0]) != event.hash and event.seq <= self.pushed
        self.adopted += 1
        if not self.restoring or clash:
            self.foreign.append(event.seq)
        if row is None or str(row[0]) == event.hash or clash:
            return  # nothing here, or a real fork of pushed events (recorded as one)
        rows = conn.execute(
            "SELECT seq, incident_id, field, op, value, by, at FROM coord_events"
            " WHERE author = ? AND seq >= ? ORDER BY seq",
            (event.author, event.seq),
        ).fetchall()
        for seq, incident_id, name, op, value, by, at in rows:
            change = Change(str(incident_id), str(name), str(op), json.loads(value))
            self.displaced.append((change, str(by), str(at)))
            if name == "note":  # its element is author:seq, which changes
                conn.execute(
                    "DELETE FROM inbox_notes WHERE event = ?", (f"{event.author}:{int(seq)}",)
                )
        conn.execute(
            "DELETE FROM coord_events WHERE author = ? AND seq >= ?", (event.author, event.seq)
        )

    def finish(self, vault: Vault, conn: Connection, store: Store) -> None:
        """Number the displaced decisions after the adopted head; count and warn."""
        for change, by, at in self.displaced:
            for event, doc in author_events(conn, self.me, by, [change], at=at):
                store(conn, event, doc)
        if not self.adopted:
            return
        state = _json(_meta(conn, RESTORED_META))
        if state is not None and state.get("catching_up"):
            state["adopted"] = int(state.get("adopted", 0)) + self.adopted
            state["renumbered"] = int(state.get("renumbered", 0)) + len(self.displaced)
            _put(conn, RESTORED_META, json.dumps(state, sort_keys=True))
        if self.foreign:
            warning = _json(_meta(conn, ELSEWHERE_META)) or {"events": 0, "first_seq": None}
            first = warning.get("first_seq")
            warning["events"] = int(warning.get("events", 0)) + len(self.foreign)
            warning["first_seq"] = min(self.foreign) if first is None else int(first)
            warning["at"] = utc_now()
            _put(conn, ELSEWHERE_META, json.dumps(warning, sort_keys=True))
            vault.audit(ELSEWHERE_AUDIT, None, conn)

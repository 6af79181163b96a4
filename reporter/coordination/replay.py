"""Replay: the one code that applies a triage event, this vault's own or another's.

Every field is a register: its value is that of its winning event, the greatest
(lamport, author, hash) among the events that wrote it. That order does not depend on when
an event arrived, so every vault holding the same events holds the same triage. Tags and
links are a register per element (present iff the winner is an add); a shared note is its
own element (add-only). A fork (two events with one author and number) keeps the smaller
hash, in every vault alike, and is recorded; so are refusals. A history row is written
whenever the visible state changes, named after the author.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from reporter.coordination.catchup import OwnChain
from reporter.coordination.events import Change, Event, author_events, parse_signed, signature_ok
from reporter.coordination.identity import CoordinatorIdentity, my_identity
from reporter.coordination.roster import Roster, current_roster, store_roster
from reporter.errors import FormatError
from reporter.i18n import N_
from reporter.inbox.names import DEFAULT_AUTHOR, record_change
from reporter.vault.database import Connection
from reporter.vault.vault import Vault, utc_now

Label = Callable[[str, str], str]  # (author id, by) -> the name history shows
MAX_HELD = 10_000
FORK = N_("two different events with the same number")
BROKEN_CHAIN = N_("the previous event's hash does not match")
NOT_MEMBER = N_("the author is not in the roster")
BAD_SIGNATURE = N_("the signature does not verify")
# A member's signed event may not carry everyone's clock to its end (2**53): honest clocks
# move by one per event, so a million ahead of everything this vault holds is a lie.
MAX_LAMPORT_JUMP = 1_000_000
TOO_FAR_AHEAD = N_("the event's Lamport clock runs too far ahead")


def labeller(roster: Roster | None, me: CoordinatorIdentity) -> Label:
    names = {m.id: m.name for m in roster.members} if roster else {}

    def label(author: str, by: str) -> str:
        by = "" if by == DEFAULT_AUTHOR else by
        if author == me.member_id:
            return by or me.name
        name = names.get(author, author)
        return f"{name} ({by})" if by and by != name else name

    return label


def problem(conn: Connection, kind: str, author: str, seq: int, reason: str) -> None:
    conn.execute(
        "INSERT OR IGNORE INTO coord_problems(kind, author, seq, reason, at)"
        " VALUES (?, ?, ?, ?, ?)",
        (kind, author, seq, reason, utc_now()),
    )


# -- registers --------------------------------------------------------------------------------
def _winner(conn: Connection, incident_id: str, field: str, element: str) -> Event | None:
    rows = conn.execute(
        "SELECT author, seq, prev, lamport, incident_id, op, field, value, at, by, hash"
        " FROM coord_events WHERE incident_id = ? AND field = ? AND element = ?",
        (incident_id, field, element),
    ).fetchall()
    if not rows:
        return None
    r = max(rows, key=lambda r: (r[3], r[0], r[10]))
    return Event(r[0], r[1], r[2], r[3], r[4], r[5], r[6], json.loads(r[7]), r[8], r[9])


def _triage(conn: Connection, incident_id: str) -> tuple[Any, ...]:
    """The incident's triage row, made with the defaults when its bundle has not come yet."""
    sql = (
        "SELECT review, assignee, verification, counting, exclusion FROM inbox_triage"
        " WHERE incident_id = ?"
    )
    row = conn.execute(sql, (incident_id,)).fetchone()
    if row is None:
        conn.execute("INSERT INTO inbox_triage(incident_id) VALUES (?)", (incident_id,))
        row = conn.execute(sql, (incident_id,)).fetchone()
    return tuple(row)


def _set_column(
    conn: Connection, win: Event, name: str, column: str, new: Any, label: Label
) -> None:
    old = dict(
        zip(
            ("review", "assignee", "verification", "counting", "exclusion"),
            _triage(conn, win.incident_id),
            strict=True,
        )
    )[column]
    if old != new:
        conn.execute(
            f"UPDATE inbox_triage SET {column} = ? WHERE incident_id = ?",  # noqa: S608
            (new, win.incident_id),
        )
        record_change(conn, label(win.author, win.by), win.incident_id, name, old, new, win.at)


def _settle_counting(conn: Connection, win: Event, label: Label) -> None:
    _, _, _, counting, exclusion = _triage(conn, win.incident_id)
    state, reason = win.value["state"], win.value["reason"]
    if (counting, exclusion) == (state, reason):
        return
    conn.execute(
        "UPDATE inbox_triage SET counting = ?, exclusion = ? WHERE incident_id = ?",
        (state, reason, win.incident_id),
    )
    who = label(win.author, win.by)
    if counting != state:
        record_change(conn, who, win.incident_id, "counting", counting, state, win.at)
    if exclusion != reason:
        record_change(conn, who, win.incident_id, "exclusion", exclusion, reason, win.at)


def _settle_tag(conn: Connection, win: Event, label: Label) -> None:
    tag = str(win.value)
    present = conn.execute(
        "SELECT 1 FROM inbox_tags WHERE incident_id = ? AND tag = ?", (win.incident_id, tag)
    ).fetchone()
    wanted = win.op == "add"
    if bool(present) == wanted:
        return
    if wanted:
        conn.execute(
            "INSERT INTO inbox_tags(incident_id, tag) VALUES (?, ?)", (win.incident_id, tag)
        )
    else:
        conn.execute(
            "DELETE FROM inbox_tags WHERE incident_id = ? AND tag = ?", (win.incident_id, tag)
        )
    old, new = (None, tag) if wanted else (tag, None)
    record_change(conn, label(win.author, win.by), win.incident_id, "tag", old, new, win.at)


def _settle_link(conn: Connection, win: Event, label: Label) -> None:
    a, b, kind = win.incident_id, win.value["to"], win.value["kind"]
    key = (a, b, kind)
    present = conn.execute(
        "SELECT 1 FROM inbox_links WHERE a = ? AND b = ? AND kind = ?", key
    ).fetchone()
    wanted = win.op == "add"
    if bool(present) == wanted:
        return
    who = label(win.author, win.by)
    if wanted:
        conn.execute(
            "INSERT INTO inbox_links(a, b, kind, at, author) VALUES (?, ?, ?, ?, ?)",
            (*key, win.at, who),
        )
    else:
        conn.execute("DELETE FROM inbox_links WHERE a = ? AND b = ? AND kind = ?", key)
    for one, other in ((a, b), (b, a)):
        old, new = (None, other) if wanted else (other, None)
        record_change(conn, who, one, f"link:{kind}", old, new, win.at)


def _settle_note(conn: Connection, win: Event, label: Label) -> None:
    who = label(win.author, win.by)
    added = conn.execute(
        "INSERT OR IGNORE INTO inbox_notes(incident_id, at, author, text, shared, event)"
        " VALUES (?, ?, ?, ?, 1, ?)",
        (win.incident_id, win.at, who, win.value, f"{win.author}:{win.seq}"),
    ).rowcount
    if added:
        record_change(conn, who, win.incident_id, "note", None, win.value, win.at)


def _settle_claim(conn: Connection, win: Event, label: Label) -> None:
    row = conn.execute(
        "SELECT by, until FROM coord_claims WHERE incident_id = ?", (win.incident_id,)
    ).fetchone()
    old = (str(row[0]), str(row[1])) if row else None
    new = (win.author, str(win.value["until"])) if win.op == "claim" else None
    if old == new:
        return
    if new is None:
        conn.execute("DELETE FROM coord_claims WHERE incident_id = ?", (win.incident_id,))
    else:
        conn.execute(
            "INSERT OR REPLACE INTO coord_claims(incident_id, by, until) VALUES (?, ?, ?)",
            (win.incident_id, *new),
        )
    if win.op != "break":  # a break has its own row (see _store)
        record_change(
            conn,
            label(win.author, win.by),
            win.incident_id,
            "claim",
            None if old is None else f"{label(old[0], '')} → {old[1]}",
            None if new is None else f"{label(new[0], '')} → {new[1]}",
            win.at,
        )


_SETTLE: dict[str, Callable[[Connection, Event, Label], None]] = {
    "counting": _settle_counting,
    "tag": _settle_tag,
    "link": _settle_link,
    "note": _settle_note,
    "claim": _settle_claim,
}


def settle(conn: Connection, incident_id: str, field: str, element: str, label: Label) -> None:
    """Make the tables show the winner of one register."""
    win = _winner(conn, incident_id, field, element)
    if win is None:
        return
    if field in _SETTLE:
        _SETTLE[field](conn, win, label)
    else:
        _set_column(conn, win, field, field, win.value, label)


# -- storing an event -------------------------------------------------------------------------
def _insert(conn: Connection, event: Event, doc: bytes) -> None:
    conn.execute(
        "INSERT INTO coord_events(author, seq, hash, prev, lamport, incident_id, field,"
        " element, op, value, at, by, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            event.author,
            event.seq,
            event.hash,
            event.prev,
            event.lamport,
            event.incident_id,
            event.field,
            event.element,
            event.op,
            json.dumps(event.value, sort_keys=True, ensure_ascii=False),
            event.at,
            event.by,
            doc,
        ),
    )


def _check_chain(conn: Connection, event: Event) -> None:
    before = conn.execute(
        "SELECT hash FROM coord_events WHERE author = ? AND seq = ?", (event.author, event.seq - 1)
    ).fetchone()
    if before is not None and before[0] != event.prev:
        problem(conn, "fork", event.author, event.seq, BROKEN_CHAIN)
    after = conn.execute(
        "SELECT prev FROM coord_events WHERE author = ? AND seq = ?", (event.author, event.seq + 1)
    ).fetchone()
    if after is not None and after[0] != event.hash:
        problem(conn, "fork", event.author, event.seq + 1, BROKEN_CHAIN)


def store(conn: Connection, event: Event, doc: bytes, label: Label) -> str:
    """Keep a verified event and apply it: 'applied', 'duplicate' or 'fork'."""
    row = conn.execute(
        "SELECT hash, incident_id, field, element FROM coord_events WHERE author = ? AND seq = ?",
        (event.author, event.seq),
    ).fetchone()
    if row is not None:
        if row[0] == event.hash:
            return "duplicate"
        problem(conn, "fork", event.author, event.seq, FORK)
        if row[0] < event.hash:
            return "fork"  # the smaller hash stays, in every vault
        conn.execute(
            "DELETE FROM coord_events WHERE author = ? AND seq = ?", (event.author, event.seq)
        )
        settle(conn, row[1], row[2], row[3], label)
    _insert(conn, event, doc)
    _check_chain(conn, event)
    settle(conn, event.incident_id, event.field, event.element, label)
    if event.op == "break":
        record_change(
            conn,
            label(event.author, event.by),
            event.incident_id,
            "claim-broken",
            label(event.value["of"], ""),
            None,
            event.at,
        )
    return "applied" if row is None else "fork"


def apply_local(
    conn: Connection,
    me: CoordinatorIdentity,
    roster: Roster | None,
    by: str,
    changes: list[Change],
) -> None:
    """Author ``changes`` as this vault's next events and apply them like anyone's."""
    label = labeller(roster, me)
    for event, doc in author_events(conn, me, by, changes):
        store(conn, event, doc, label)


# -- others' events ---------------------------------------------------------------------------
def _one(conn: Connection, doc: Any, roster: Roster | None, label: Label, own: OwnChain) -> str:
    raw = json.dumps(doc, sort_keys=True, ensure_ascii=False).encode()
    try:
        event, signature = parse_signed(doc)
    except FormatError:
        problem(conn, "refused", "", 0, N_("a malformed event"))
        return "refused"
    known = conn.execute(
        "SELECT hash FROM coord_events WHERE author = ? AND seq = ?", (event.author, event.seq)
    ).fetchone()
    if known is not None and known[0] == event.hash:
        return "duplicate"  # our own coming back, or one seen before
    member = roster.member(event.author) if roster else None
    if member is None:
        held = int(conn.execute("SELECT count(*) FROM coord_held").fetchone()[0])
        if held < MAX_HELD:
            conn.execute(
                "INSERT OR IGNORE INTO coord_held(hash, author, doc, held_at) VALUES (?, ?, ?, ?)",
                (event.hash, event.author, raw, utc_now()),
            )
        problem(conn, "refused", event.author, event.seq, NOT_MEMBER)
        return "held"
    if not signature_ok(event, signature, member.signing_key):
        problem(conn, "refused", event.author, event.seq, BAD_SIGNATURE)
        return "refused"
    why = roster.refusal(event.author, event.seq, event.hash) if roster else NOT_MEMBER
    if why is not None:
        problem(conn, "refused", event.author, event.seq, why)
        return "refused"
    clock = int(conn.execute("SELECT coalesce(max(lamport), 0) FROM coord_events").fetchone()[0])
    if event.lamport > clock + MAX_LAMPORT_JUMP:
        problem(conn, "refused", event.author, event.seq, TOO_FAR_AHEAD)
        return "refused"
    if event.author != own.me.member_id:
        return store(conn, event, raw, label)
    own.make_room(conn, event)  # this vault's own, made before a restore or elsewhere
    outcome = store(conn, event, raw, label)
    return "adopted" if outcome == "applied" else outcome


def receive_events(vault: Vault, docs: list[Any]) -> dict[str, int]:
    """Check and apply signed events from another vault, all in one transaction."""
    roster, me = current_roster(vault), my_identity(vault)
    label = labeller(roster, me)
    counts: dict[str, int] = {}
    with vault.transaction() as conn:
        own = OwnChain.of(vault, conn, me)
        for doc in docs:
            outcome = _one(conn, doc, roster, label, own)
            counts[outcome] = counts.get(outcome, 0) + 1
        own.finish(vault, conn, lambda c, event, raw: store(c, event, raw, label))
        if counts.get("applied") or counts.get("fork") or counts.get("adopted"):
            vault.audit("coordination_events_applied", None, conn)
    return counts


def retry_held(vault: Vault) -> dict[str, int]:
    """Events held for an author no roster listed: try them again with the current roster."""
    rows = vault.query("SELECT hash, doc FROM coord_held ORDER BY held_at, hash")
    if not rows:
        return {}
    with vault.transaction() as conn:
        conn.execute("DELETE FROM coord_held")
    counts = receive_events(vault, [json.loads(bytes(r[1])) for r in rows])
    with vault.transaction() as conn:  # those now placed are no longer refused
        conn.execute(
            "DELETE FROM coord_problems WHERE kind = 'refused' AND reason = ? AND EXISTS"
            " (SELECT 1 FROM coord_events e WHERE e.author = coord_problems.author"
            " AND e.seq = coord_problems.seq)",
            (NOT_MEMBER,),
        )
    return counts


def accept_roster(vault: Vault, data: bytes, forward: bool) -> tuple[Roster, str]:
    """Store a roster (see ``store_roster``) and place the events it makes placeable."""
    roster, status = store_roster(vault, data, forward)
    if status == "imported":
        retry_held(vault)
    return roster, status

"""What `coordination status` shows: the roster, this vault's chain, gaps, forks, refusals,
a restore's catch-up and the warning that this identity is used elsewhere.

Gaps are computed from the events held (a number missing below an author's highest), so one
filled later disappears by itself; forks and refusals are kept as recorded.
"""

from __future__ import annotations

from typing import Any

from reporter.coordination import catchup
from reporter.coordination.identity import my_identity
from reporter.coordination.roster import SENT_META, current_roster
from reporter.vault.vault import Vault


def gaps(vault: Vault) -> list[dict[str, Any]]:
    """Per author, the ranges of event numbers missing below their highest one."""
    rows = vault.query(
        "SELECT author, seq, prev_seq FROM (SELECT author, seq, coalesce(lag(seq) OVER"
        " (PARTITION BY author ORDER BY seq), 0) AS prev_seq FROM coord_events)"
        " WHERE seq > prev_seq + 1 ORDER BY author, seq LIMIT 1000"
    )
    found: dict[str, list[tuple[int, int]]] = {}
    for author, seq, prev_seq in rows:
        found.setdefault(str(author), []).append((int(prev_seq) + 1, int(seq) - 1))
    return [{"author": a, "missing": m} for a, m in found.items()]


def heads(vault: Vault) -> dict[str, dict[str, Any]]:
    """Each author's highest event number held and its hash (what a removal records)."""
    rows = vault.query(
        "SELECT author, seq, hash FROM coord_events e WHERE seq ="
        " (SELECT max(seq) FROM coord_events WHERE author = e.author)"
    )
    return {str(r[0]): {"seq": int(r[1]), "hash": str(r[2])} for r in rows}


def problems(vault: Vault, kind: str) -> list[dict[str, Any]]:
    rows = vault.query(
        "SELECT author, seq, reason, at FROM coord_problems WHERE kind = ? ORDER BY id LIMIT 1000",
        (kind,),
    )
    return [{"author": r[0] or None, "seq": r[1] or None, "reason": r[2], "at": r[3]} for r in rows]


def held(vault: Vault) -> dict[str, int]:
    """How many of each author's events this vault holds (fewer than the head after a gap)."""
    rows = vault.query("SELECT author, count(*) FROM coord_events GROUP BY author")
    return {str(r[0]): int(r[1]) for r in rows}


def coordination_status(vault: Vault) -> dict[str, Any]:
    """Per member, ``received`` counts the events that came from them (none for this vault's
    own, written here) and ``sent`` is, for this vault's member only, what left for the relay."""
    me, roster = my_identity(vault), current_roster(vault)
    known, counts = heads(vault), held(vault)
    mine = known.get(me.member_id, {"seq": 0, "hash": None})
    unsent = vault.query(
        "SELECT count(*) FROM coord_events WHERE author = ? AND seq > ?",
        (me.member_id, int(vault.get_meta(SENT_META) or 0)),
    )[0][0]
    sent = counts.get(me.member_id, 0) - int(unsent)
    members = [
        {
            "id": m.id,
            "name": m.name,
            "active": m.active,
            "removed": None if m.removed is None else dict(m.removed.__dict__),
            "head": known.get(m.id, {}).get("seq", 0),
            "received": None if m.id == me.member_id else counts.get(m.id, 0),
            "sent": sent if m.id == me.member_id else None,
            "me": m.id == me.member_id,
        }
        for m in (roster.members if roster else ())
    ]
    return {
        "me": {"id": me.member_id, "name": me.name, "seq": mine["seq"], "unsent": int(unsent)},
        "roster": None
        if roster is None
        else {"serial": roster.serial, "epoch": roster.epoch, "members": members},
        "restore": catchup.restore_state(vault),  # catching up with own events after one
        "elsewhere": catchup.elsewhere(vault),  # own events made on another computer
        "elsewhere_acknowledged": catchup.acknowledged_copy(vault),  # "this is me"
        "gaps": gaps(vault),
        "forks": problems(vault, "fork"),
        "refusals": problems(vault, "refused"),
    }

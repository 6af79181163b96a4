"""Claims: "I am reviewing this", seen by every coordinator, ending by itself.

A claim is the ``claim`` register of a report: its holder and an end time. It expires at
``until`` without anyone acting; its holder may release it; anyone else may break it, and the
break is an event of its own, kept in every vault's history ("X broke Y's claim").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from reporter.coordination.events import Change
from reporter.coordination.identity import my_identity
from reporter.coordination.replay import apply_local, labeller
from reporter.coordination.roster import current_roster
from reporter.errors import Conflict, InvalidField, NotFound
from reporter.inbox.names import MAX_NAME, resolve_incident, single_line
from reporter.vault.vault import Vault

DEFAULT_HOURS = 4
MAX_HOURS = 72


@dataclass(frozen=True)
class Claim:
    incident_id: str
    by: str  # member id
    name: str  # the holder's display name
    until: str
    mine: bool

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _now(now: datetime | None) -> datetime:
    return (now or datetime.now(UTC)).astimezone(UTC)


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:00Z")


def _held(vault: Vault, incident_id: str) -> tuple[str, str] | None:
    rows = vault.query("SELECT by, until FROM coord_claims WHERE incident_id = ?", (incident_id,))
    return (str(rows[0][0]), str(rows[0][1])) if rows else None


def claim_of(vault: Vault, incident_id: str, now: datetime | None = None) -> Claim | None:
    """The claim on a report that has not expired at ``now`` (default: this moment)."""
    wanted = resolve_incident(vault, incident_id)
    held = _held(vault, wanted)
    if held is None or held[1] <= _stamp(_now(now)):
        return None
    me = my_identity(vault)
    name = labeller(current_roster(vault), me)(held[0], "")
    return Claim(wanted, held[0], name, held[1], held[0] == me.member_id)


def _apply(vault: Vault, change: Change, by: str | None) -> None:
    me, roster = my_identity(vault), current_roster(vault)
    author = single_line(by, "as", MAX_NAME) if by else me.name
    with vault.transaction() as conn:
        apply_local(conn, me, roster, author, [change])
        vault.audit(f"inbox_claim_{change.op}", None, conn)


def claim(
    vault: Vault,
    incident_id: str,
    hours: int = DEFAULT_HOURS,
    by: str | None = None,
    now: datetime | None = None,
) -> Claim:
    """Claim a report for ``hours`` (renewing one's own claim); another's live claim is a
    ``Conflict``: break it first, on purpose."""
    if type(hours) is not int or not 1 <= hours <= MAX_HOURS:
        raise InvalidField(field="hours", reason="from 1 to {limit} hours", limit=MAX_HOURS)
    current = claim_of(vault, incident_id, now)
    if current is not None and not current.mine:
        raise Conflict(reason="another coordinator is reviewing this report; break the claim")
    wanted = resolve_incident(vault, incident_id)
    until = _stamp(_now(now) + timedelta(hours=hours, minutes=1))
    _apply(vault, Change(wanted, "claim", "claim", {"until": until}), by)
    me = my_identity(vault)
    return Claim(wanted, me.member_id, me.name, until, True)


def release(vault: Vault, incident_id: str, by: str | None = None) -> None:
    """End this vault's own claim before it expires."""
    current = claim_of(vault, incident_id)
    if current is None or not current.mine:
        raise NotFound(what="claim of yours on this report")
    _apply(vault, Change(current.incident_id, "claim", "release", None), by)


def break_claim(vault: Vault, incident_id: str, by: str | None = None) -> Claim:
    """End another coordinator's claim; the break is recorded in every vault's history."""
    wanted = resolve_incident(vault, incident_id)
    held = _held(vault, wanted)
    if held is None:
        raise NotFound(what="claim on this report")
    broken = claim_of(vault, wanted) or Claim(wanted, held[0], held[0], held[1], False)
    if broken.by == my_identity(vault).member_id:
        raise Conflict(reason="this claim is yours; release it instead")
    _apply(vault, Change(wanted, "claim", "break", {"of": broken.by}), by)
    return broken


def claim_breaks(vault: Vault, incident_id: str) -> list[dict[str, Any]]:
    """Every break of a claim on this report (from the events, so alike in every vault)."""
    import json

    wanted = resolve_incident(vault, incident_id)
    label = labeller(current_roster(vault), my_identity(vault))
    rows = vault.query(
        "SELECT author, by, value, at, lamport FROM coord_events WHERE incident_id = ?"
        " AND field = 'claim' AND op = 'break' ORDER BY lamport, author",
        (wanted,),
    )
    return [
        {
            "by": label(str(r[0]), str(r[1])),
            "of": label(str(json.loads(r[2])["of"]), ""),
            "at": r[3],
        }
        for r in rows
    ]

"""Changing triage: the review flow, the checks, and the signed events a change becomes.

- review: ``REVIEW_FLOW`` says which moves are allowed; any other is ``BadTransition``
  (exit 7);
- verification: any value may follow any other;
- counting: ``excluded`` needs a reason code.

A change is checked here against what this vault shows (``reporter.inbox.triage``), then
written as signed events through ``reporter.coordination.replay``: the same code that applies
the other coordinators' events, so local and remote decisions land alike. Every change is one
row of ``inbox_history`` (who, when, field, from -> to) in the same transaction. A note is
private (it never leaves this vault) unless ``shared``; tags and the rest are shared with the
roster.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reporter.coordination.events import Change
from reporter.coordination.identity import my_identity
from reporter.coordination.replay import apply_local
from reporter.coordination.roster import current_roster
from reporter.errors import BadTransition, InvalidCode, InvalidField
from reporter.inbox.names import (
    DEFAULT_AUTHOR,
    MAX_NAME,
    record_change,
    resolve_incident,
    single_line,
)
from reporter.inbox.query import (
    COUNTING_STATES,
    EXCLUSION_REASONS,
    REVIEW_STATES,
    VERIFICATION_STATES,
    Triage,
)
from reporter.inbox.triage import read_triage
from reporter.vault.vault import Vault, utc_now

# review state -> the states it may move to (staying where it is changes nothing)
REVIEW_FLOW: dict[str, tuple[str, ...]] = {
    "new": ("in-review",),
    "in-review": ("needs-info", "done"),
    "needs-info": ("in-review", "done"),
    "done": ("in-review",),  # reopened
}
MAX_NOTE = 10_000
MAX_TAG = 64
_CONTROL_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class TriageChange:
    """What one triage action changes; ``None`` leaves a field as it is.

    ``assignee=""`` removes the assignee; ``reason`` is the exclusion's reason code;
    ``shared`` sends the note to the other coordinators (else it stays in this vault).
    """

    review: str | None = None
    assignee: str | None = None
    verification: str | None = None
    counting: str | None = None
    reason: str | None = None
    note: str | None = None
    tags: tuple[str, ...] = ()
    untags: tuple[str, ...] = ()
    shared: bool = False


def _choice(value: str | None, valid: tuple[str, ...], kind: str) -> None:
    if value is not None and value not in valid:
        raise InvalidCode(kind=kind, value=value[:64], valid=", ".join(valid))


def _check(change: TriageChange, now: Triage) -> None:
    """Refuse the whole change before anything is written."""
    _choice(change.review, REVIEW_STATES, "review")
    _choice(change.verification, VERIFICATION_STATES, "verification")
    _choice(change.counting, COUNTING_STATES, "counting")
    _choice(change.reason, EXCLUSION_REASONS, "reason")
    if (
        change.review is not None
        and change.review != now.review
        and change.review not in REVIEW_FLOW[now.review]
    ):
        raise BadTransition(
            question="review",
            current=now.review,
            requested=change.review,
            allowed=", ".join(REVIEW_FLOW[now.review]),
        )
    counting = change.counting or now.counting
    if counting == "excluded" and not (change.reason or now.exclusion):
        raise InvalidField(field="reason", reason="excluding a report needs a reason code")
    if change.reason is not None and counting != "excluded":
        raise InvalidField(field="reason", reason="a reason applies only to excluding")
    if change.note is not None:
        if not change.note.strip():
            raise InvalidField(field="note", reason="is required")
        if len(change.note) > MAX_NOTE:
            raise InvalidField(
                field="note", reason="longer than {limit} characters", limit=MAX_NOTE
            )
        if _CONTROL_TEXT.search(change.note):
            raise InvalidField(field="note", reason="contains control characters")
    for tag in (*change.tags, *change.untags):
        if not single_line(tag, "tag", MAX_TAG):
            raise InvalidField(field="tag", reason="is required")
    if change.assignee:
        single_line(change.assignee, "assign", MAX_NAME)


def _field_changes(incident_id: str, change: TriageChange, now: Triage) -> list[Change]:
    changes = []
    if change.review is not None and change.review != now.review:
        changes.append(Change(incident_id, "review", "set", change.review))
    if change.assignee is not None:
        assignee = single_line(change.assignee, "assign", MAX_NAME) or None
        if assignee != now.assignee:
            changes.append(Change(incident_id, "assignee", "set", assignee))
    if change.verification is not None and change.verification != now.verification:
        changes.append(Change(incident_id, "verification", "set", change.verification))
    counting = change.counting or now.counting
    exclusion = (change.reason or now.exclusion) if counting == "excluded" else None
    if (counting, exclusion) != (now.counting, now.exclusion):
        value = {"state": counting, "reason": exclusion}
        changes.append(Change(incident_id, "counting", "set", value))
    return changes


def _tag_changes(incident_id: str, change: TriageChange, now: Triage) -> list[Change]:
    tags = dict.fromkeys(single_line(t, "tag", MAX_TAG) for t in change.tags)
    untags = dict.fromkeys(single_line(t, "tag", MAX_TAG) for t in change.untags)
    return [Change(incident_id, "tag", "add", t) for t in tags if t not in now.tags] + [
        Change(incident_id, "tag", "remove", t)
        for t in untags
        if t in now.tags and t not in change.tags
    ]


def apply_triage(vault: Vault, incident_id: str, change: TriageChange, author: str) -> Triage:
    """Apply ``change`` all or nothing, each field that changed recorded in the history."""
    wanted = resolve_incident(vault, incident_id)
    author = single_line(author, "as", MAX_NAME) or DEFAULT_AUTHOR
    me, roster = my_identity(vault), current_roster(vault)
    with vault.transaction() as conn:
        now = read_triage(conn, wanted)
        _check(change, now)
        apply_local(conn, me, roster, author, _field_changes(wanted, change, now))
        if change.note is not None and change.shared:
            apply_local(conn, me, roster, author, [Change(wanted, "note", "add", change.note)])
        elif change.note is not None:
            at = utc_now()
            conn.execute(
                "INSERT INTO inbox_notes(incident_id, at, author, text) VALUES (?, ?, ?, ?)",
                (wanted, at, author, change.note),
            )
            record_change(conn, author, wanted, "note", None, change.note, at)
        apply_local(conn, me, roster, author, _tag_changes(wanted, change, now))
        vault.audit("inbox_triaged", None, conn)
        return read_triage(conn, wanted)

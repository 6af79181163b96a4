"""Triage events: one signed, numbered, hash-chained decision of one coordinator.

``seq`` counts an author's events from 1 and ``prev`` is the hash of their previous one, so a
dropped or altered event shows as a gap or a fork; ``lamport`` orders decisions across
authors without trusting anyone's clock. ``at`` is rounded to the hour: the other
coordinators need the day's order of work, not the minute.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from reporter.coordination.identity import CoordinatorIdentity
from reporter.errors import FormatError
from reporter.inbox.query import (
    EXCLUSION_REASONS,
    REVIEW_STATES,
    VERIFICATION_STATES,
)
from reporter.share.profile import canonical
from reporter.vault.database import Connection

EVENT_CONTEXT = b"testigo triage event v1"
MAX_TEXT = 10_000
MAX_NAME = 80
MAX_TAG = 64
LINK_KINDS = ("same-event", "same-campaign", "same-target")
COUNTING = ("pending", "counted")  # 'excluded' comes with a reason
# field -> the ops it takes
OPS: dict[str, tuple[str, ...]] = {
    "review": ("set",),
    "assignee": ("set",),
    "verification": ("set",),
    "counting": ("set",),
    "claim": ("claim", "release", "break"),
    "tag": ("add", "remove"),
    "link": ("add", "remove"),
    "note": ("add",),
}
_BODY_KEYS = {"author", "seq", "prev", "lamport", "incident_id", "op", "field", "value", "at", "by"}
_ID = re.compile(r"^[0-9a-f]{16}$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_INCIDENT = re.compile(r"^[0-9a-z][0-9a-z-]{0,63}$")
_AT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:00:00Z$")
_UNTIL = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00Z$")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_CONTROL_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _bad(reason: str, **values: Any) -> FormatError:
    return FormatError(what="triage event", reason=reason, **values)


def hour(now: datetime | None = None) -> str:
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    return moment.replace(minute=0, second=0, microsecond=0).strftime("%Y-%m-%dT%H:00:00Z")


@dataclass(frozen=True)
class Change:
    """One decision before it is numbered and signed."""

    incident_id: str
    field: str
    op: str
    value: Any


@dataclass(frozen=True)
class Event:
    author: str
    seq: int
    prev: str | None
    lamport: int
    incident_id: str
    op: str
    field: str
    value: Any
    at: str
    by: str

    def body(self) -> dict[str, Any]:
        return dict(self.__dict__)

    @property
    def hash(self) -> str:
        return hashlib.sha256(canonical(self.body())).hexdigest()

    @property
    def element(self) -> str:
        """Which register of the field this event writes ('' for one-value fields)."""
        if self.field == "tag":
            return str(self.value)
        if self.field == "link":
            return f"{self.value['kind']}:{self.value['to']}"
        if self.field == "note":
            return f"{self.author}:{self.seq}"
        return ""


def _line(value: Any, limit: int, what: str, empty: bool = False) -> str:
    if not isinstance(value, str) or len(value) > limit or _CONTROL.search(value):
        raise _bad("{field} is a short line of text", field=what)
    if value != value.strip() or (not value and not empty):
        raise _bad("{field} is a short line of text", field=what)
    return value


def _check_value(field: str, op: str, value: Any, incident_id: str) -> None:
    if field == "review" and value not in REVIEW_STATES:
        raise _bad("unknown review state")
    if field == "verification" and value not in VERIFICATION_STATES:
        raise _bad("unknown verification state")
    if field == "assignee" and value is not None:
        _line(value, MAX_NAME, "assignee")
    if field == "counting":
        if not isinstance(value, dict) or set(value) != {"state", "reason"}:
            raise _bad("counting is a state and a reason")
        state, reason = value["state"], value["reason"]
        if not (
            (state in COUNTING and reason is None)
            or (state == "excluded" and reason in EXCLUSION_REASONS)
        ):
            raise _bad("excluded needs a reason; only excluded has one")
    if field == "tag":
        _line(value, MAX_TAG, "tag")
    if field == "link":
        if not isinstance(value, dict) or set(value) != {"kind", "to"}:
            raise _bad("a link is a kind and another report")
        if value["kind"] not in LINK_KINDS:
            raise _bad("unknown link kind")
        other = value["to"]
        if not isinstance(other, str) or not _INCIDENT.match(other) or not incident_id < other:
            raise _bad("a link is kept on the smaller of two report ids")
    if field == "note":
        if not isinstance(value, str) or not value.strip() or len(value) > MAX_TEXT:
            raise _bad("a shared note is 1 to 10000 characters")
        if _CONTROL_TEXT.search(value):
            raise _bad("a shared note has no control characters")
    if field == "claim":
        if op == "claim":
            if not isinstance(value, dict) or set(value) != {"until"}:
                raise _bad("a claim says until when")
            if not isinstance(value["until"], str) or not _UNTIL.match(value["until"]):
                raise _bad("a claim's end is a UTC time to the minute")
        elif op == "release" and value is not None:
            raise _bad("a release has no value")
        elif op == "break" and (not isinstance(value, dict) or set(value) != {"of"}):
            raise _bad("a break names whose claim it broke")
        elif op == "break" and not (isinstance(value["of"], str) and _ID.match(value["of"])):
            raise _bad("a break names a member id")


def check_body(body: Any) -> Event:
    """An event's fields, validated (not its signature)."""
    if not isinstance(body, dict) or set(body) != _BODY_KEYS:
        raise _bad("an event has exactly its fields")
    author, seq, prev, lamport = body["author"], body["seq"], body["prev"], body["lamport"]
    if not isinstance(author, str) or not _ID.match(author):
        raise _bad("the author is a member id")
    if type(seq) is not int or not 1 <= seq < 2**53:
        raise _bad("seq counts from 1")
    if type(lamport) is not int or not 1 <= lamport < 2**53:
        raise _bad("lamport counts from 1")
    if (seq == 1) != (prev is None) or (
        prev is not None and (not isinstance(prev, str) or not _HEX64.match(prev))
    ):
        raise _bad("prev is the previous event's hash (none for the first)")
    incident_id = body["incident_id"]
    if not isinstance(incident_id, str) or not _INCIDENT.match(incident_id):
        raise _bad("the incident id is lower-case")
    field, op = body["field"], body["op"]
    if field not in OPS or op not in OPS[field]:
        raise _bad("unknown field or operation")
    if not isinstance(body["at"], str) or not _AT.match(body["at"]):
        raise _bad("at is a UTC hour")
    _line(body["by"], MAX_NAME, "by", empty=True)
    _check_value(field, op, body["value"], incident_id)
    return Event(**body)


def sign(event: Event, identity: CoordinatorIdentity) -> dict[str, Any]:
    signature = identity.signing_key.sign(EVENT_CONTEXT + b"\x00" + canonical(event.body()))
    return {"event": event.body(), "signature": base64.b64encode(signature).decode()}


def parse_signed(doc: Any) -> tuple[Event, bytes]:
    """(the event, its signature) from a signed event document."""
    if not isinstance(doc, dict) or set(doc) != {"event", "signature"}:
        raise _bad("a signed event is the event and its signature")
    signature = doc["signature"]
    if not isinstance(signature, str) or len(signature) != 88:
        raise _bad("the signature is 64 bytes of base64")
    try:
        raw = base64.b64decode(signature, validate=True)
    except ValueError:
        raise _bad("the signature is 64 bytes of base64") from None
    return check_body(doc["event"]), raw


def signature_ok(event: Event, signature: bytes, public_key: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(
            signature, EVENT_CONTEXT + b"\x00" + canonical(event.body())
        )
    except (InvalidSignature, ValueError):
        return False
    return True


def author_events(
    conn: Connection,
    me: CoordinatorIdentity,
    by: str,
    changes: list[Change],
    at: str | None = None,
) -> list[tuple[Event, bytes]]:
    """Number, chain and sign ``changes`` as this vault's next events (in ``conn``'s
    transaction, so two writers cannot take one number); ``at`` keeps the hour of a decision
    numbered again after a catch-up (``catchup``)."""
    head = conn.execute(
        "SELECT seq, hash FROM coord_events WHERE author = ? ORDER BY seq DESC LIMIT 1",
        (me.member_id,),
    ).fetchone()
    seq, prev = (int(head[0]), str(head[1])) if head else (0, None)
    lamport = int(conn.execute("SELECT coalesce(max(lamport), 0) FROM coord_events").fetchone()[0])
    at, made = at or hour(), []
    for change in changes:
        seq, lamport = seq + 1, lamport + 1
        event = check_body(
            {
                "author": me.member_id,
                "seq": seq,
                "prev": prev,
                "lamport": lamport,
                "incident_id": change.incident_id,
                "op": change.op,
                "field": change.field,
                "value": change.value,
                "at": at,
                "by": by,
            }
        )
        made.append((event, json.dumps(sign(event, me), sort_keys=True).encode()))
        prev = event.hash
    return made

"""Push this vault's unsent coordination objects and pull new ones through the relay.

An object is canonical JSON ``{"format": "testigo-coordination", "version": 1, "kind": …}``,
zero-padded to a Padmé size like bundles and sealed with age to the active roster members,
so the relay stores opaque, similar-sized ciphertext it cannot read or forge. Pulled objects
are dispatched by kind through ``HANDLERS``; the relay's cursor is kept in the vault. An
object this vault cannot open because it was sealed to others is skipped; one that fails to
decrypt or parse is recorded as refused (and the events in it then show as a gap). The pull
comes first (see ``exchange``); a relay with no room left for objects (507) stops the push:
what waits stays queued.
"""

from __future__ import annotations

import base64
import binascii
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from reporter.age import AgeReader, encrypt
from reporter.coordination import catchup, epoch_keys
from reporter.coordination.identity import my_identity
from reporter.coordination.replay import accept_roster, problem, receive_events
from reporter.coordination.roster import SENT_META, current_roster
from reporter.errors import (
    Conflict,
    FormatError,
    IntegrityError,
    NoMatchingIdentity,
    RelayFull,
    RelayRefused,
    TooLarge,
    UntrustedKey,
)
from reporter.i18n import N_
from reporter.relay_client.settings import relay_settings
from reporter.relay_client.transport import RelayClient
from reporter.share.padding import padded_size
from reporter.share.profile import canonical
from reporter.vault.vault import Vault, utc_now

FORMAT = "testigo-coordination"
VERSION = 1
MAX_OBJECT = 1024 * 1024  # the relay's limit for one object
MAX_PLAIN = 768 * 1024  # an events batch stays below this before padding
MAX_EVENTS = 500  # events per object
PAGE = 100
MAX_PAGES = 100  # objects pulled per sync: PAGE * MAX_PAGES
CURSOR_META = "coordination_cursor"
UNREADABLE = N_("an unreadable coordination object")
UNKNOWN_KIND = N_("an unknown kind of coordination object")
_OBJECT_ID = re.compile(r"^[0-9a-f]{32}$")


class Channel(Protocol):
    """The relay's coordination channel (``reporter.relay_client.transport.RelayClient``)."""

    def post_coordination(self, data: bytes) -> dict[str, Any]: ...

    def list_coordination(self, after: int, limit: int = 100) -> list[dict[str, Any]]: ...

    def get_coordination(self, object_id: str) -> bytes: ...


@dataclass
class ExchangeReport:
    sent: int = 0  # objects pushed
    events_sent: int = 0
    received: int = 0  # objects pulled and opened
    not_for_us: int = 0  # sealed to other coordinators
    outcomes: dict[str, int] = field(default_factory=dict)  # applied, duplicate, refused …
    skipped: str | None = None  # why nothing was pushed (no roster, not a member)

    def count(self, outcomes: dict[str, int]) -> None:
        for key, n in outcomes.items():
            self.outcomes[key] = self.outcomes.get(key, 0) + n

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


# -- objects ----------------------------------------------------------------------------------
def seal(kind: str, fields: dict[str, Any], recipients: list[Any]) -> bytes:
    plain = canonical({"format": FORMAT, "version": VERSION, "kind": kind, **fields})
    padded = plain + bytes(padded_size(len(plain)) - len(plain))
    out = io.BytesIO()
    encrypt(recipients, io.BytesIO(padded), out)
    return out.getvalue()


def open_object(vault: Vault, data: bytes) -> dict[str, Any]:
    """The object's fields; ``NoMatchingIdentity`` when it was sealed to others only."""
    if len(data) > MAX_OBJECT:
        raise TooLarge(limit="1 MiB")
    identity = my_identity(vault).age_identity
    plain = AgeReader(io.BytesIO(data), [identity]).read_all(MAX_OBJECT)
    text = plain.rstrip(b"\x00")
    if len(plain) != padded_size(len(text)):
        raise IntegrityError(reason="the padding does not match the object's size")
    try:
        document = json.loads(text.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise FormatError(what="coordination object", reason="not a JSON document") from None
    if (
        not isinstance(document, dict)
        or document.get("format") != FORMAT
        or document.get("version") != VERSION
        or not isinstance(document.get("kind"), str)
    ):
        raise FormatError(what="coordination object", reason="not a Testigo coordination object")
    return document


def queue_object(vault: Vault, kind: str, fields: dict[str, Any]) -> None:
    """Send ``fields`` as an object of ``kind`` at the next sync (H3's epoch keys, …)."""
    with vault.transaction() as conn:
        conn.execute(
            "INSERT INTO coord_outbox(kind, payload, queued_at) VALUES (?, ?, ?)",
            (kind, canonical(fields), utc_now()),
        )


# -- handlers ---------------------------------------------------------------------------------
def _events(vault: Vault, document: dict[str, Any]) -> dict[str, int]:
    events = document.get("events")
    if not isinstance(events, list) or len(events) > MAX_EVENTS:
        raise FormatError(what="coordination object", reason="events is a list")
    return receive_events(vault, events)


def _roster(vault: Vault, document: dict[str, Any]) -> dict[str, int]:
    try:
        data = base64.b64decode(str(document.get("roster")), validate=True)
    except (binascii.Error, ValueError):
        raise FormatError(what="coordination object", reason="the roster is base64") from None
    try:
        _, status = accept_roster(vault, data, forward=False)
    except Conflict:
        status = "older roster"  # a newer one is already here: nothing to do
    return {f"roster {status}": 1}


Handler = Callable[[Vault, dict[str, Any]], dict[str, int] | None]
HANDLERS: dict[str, Handler] = {
    "events": _events,
    "roster": _roster,
    epoch_keys.KIND: epoch_keys.handle,  # a new coalition key epoch (H3)
}


# -- push and pull ----------------------------------------------------------------------------
def _event_batches(vault: Vault, sent: int, me: str) -> list[tuple[int, list[Any]]]:
    rows = vault.query(
        "SELECT seq, doc FROM coord_events WHERE author = ? AND seq > ? ORDER BY seq",
        (me, sent),
    )
    batches: list[tuple[int, list[Any]]] = []
    batch: list[Any] = []
    size, last = 0, sent
    for seq, doc in rows:
        if batch and (size + len(doc) > MAX_PLAIN or len(batch) >= MAX_EVENTS):
            batches.append((last, batch))
            batch, size = [], 0
        batch.append(json.loads(bytes(doc)))
        size, last = size + len(doc) + 1, int(seq)
    if batch:
        batches.append((last, batch))
    return batches


def _post(channel: Channel, data: bytes) -> None:
    try:
        channel.post_coordination(data)
    except RelayRefused as exc:
        if exc.params.get("status") == 507:  # the relay's bound for all objects is reached
            raise RelayFull(status=507) from None
        raise


def push(vault: Vault, channel: Channel, report: ExchangeReport, own: bool = True) -> None:
    """The outbox, then this vault's unsent events unless ``own`` is False (a restored vault
    that has not yet seen the relay's end of its own chain: ``catchup``)."""
    roster, me = current_roster(vault), my_identity(vault)
    member = roster.member(me.member_id) if roster else None
    if roster is None or member is None or not member.active:
        report.skipped = "no roster" if roster is None else "not an active member of the roster"
        return
    recipients = roster.recipients()
    for row_id, kind, payload in vault.query(
        "SELECT id, kind, payload FROM coord_outbox ORDER BY id"
    ):
        _post(channel, seal(str(kind), json.loads(bytes(payload)), recipients))
        with vault.transaction() as conn:
            conn.execute("DELETE FROM coord_outbox WHERE id = ?", (row_id,))
        report.sent += 1
    if not own:
        report.skipped = "catching up with this vault's own events on the relay"
        return
    sent = int(vault.get_meta(SENT_META) or 0)
    for last, batch in _event_batches(vault, sent, me.member_id):
        catchup.mark_pushed(vault, last)  # before: once posted, never renumbered
        _post(channel, seal("events", {"events": batch}, recipients))
        vault.set_meta(SENT_META, str(last))
        report.sent += 1
        report.events_sent += len(batch)


def _handle(vault: Vault, item: dict[str, Any], data: bytes, report: ExchangeReport) -> None:
    try:
        document = open_object(vault, data)
    except NoMatchingIdentity:
        report.not_for_us += 1
        return
    except (IntegrityError, FormatError, TooLarge):
        with vault.transaction() as conn:
            problem(conn, "refused", "", int(item["cursor"]), UNREADABLE)
        report.count({"refused": 1})
        return
    report.received += 1
    handler = HANDLERS.get(document["kind"])
    if handler is None:
        with vault.transaction() as conn:
            problem(conn, "refused", "", int(item["cursor"]), UNKNOWN_KIND)
        report.count({"refused": 1})
        return
    try:
        report.count(handler(vault, document) or {})
    except (IntegrityError, FormatError, UntrustedKey, TooLarge):
        with vault.transaction() as conn:
            problem(conn, "refused", "", int(item["cursor"]), UNREADABLE)
        report.count({"refused": 1})


def pull(vault: Vault, channel: Channel, report: ExchangeReport) -> bool:
    """True when it reached the relay's end (not stopped by ``MAX_PAGES``)."""
    cursor = int(vault.get_meta(CURSOR_META) or 0)
    for _ in range(MAX_PAGES):
        items = channel.list_coordination(cursor, PAGE)
        if not items:
            return True
        for item in items:
            if not _OBJECT_ID.match(str(item["id"])) or int(item["cursor"]) <= cursor:
                raise IntegrityError(reason="the relay sent a malformed list")
            if 0 < int(item["size"]) <= MAX_OBJECT:
                _handle(vault, item, channel.get_coordination(str(item["id"])), report)
            cursor = int(item["cursor"])
            vault.set_meta(CURSOR_META, str(cursor))
    return False


def exchange(vault: Vault, channel: Channel) -> ExchangeReport:
    """One pull and one push: what others decided comes in, what this vault decided goes out.
    Pulling first lets this vault adopt its own events made before a restore or elsewhere
    and number its new ones after them (``catchup``), instead of forking its own chain."""
    report = ExchangeReport()
    catchup.begin(vault)
    whole = pull(vault, channel, report)
    if whole:
        catchup.caught_up(vault)
    push(vault, channel, report, own=whole or not catchup.catching_up(vault))
    return report


def sync_with_relay(
    vault: Vault, relay_url: str | None = None, proxy: str | None = None
) -> ExchangeReport:
    """``exchange`` through the relay this vault enrolled at."""
    url, pin, credential = relay_settings(vault)
    client = RelayClient(relay_url or url, tls_pin=pin, proxy=proxy, credential=credential)
    try:
        return exchange(vault, client)
    finally:
        client.close()


__all__ = ["HANDLERS", "Channel", "ExchangeReport", "exchange", "queue_object", "sync_with_relay"]

"""The reporter's side: take questions off the relay, keep them inside their incident, answer.

A message is kept only if it opens with this device's receipt key, carries the coalition's
signature (a key of a trusted profile), names this device, and is about an incident this
device shared in the bundle it names. Anything else is refused and recorded (when and why,
never its bytes) and never shown. Each message is stored before it is deleted from the relay,
so a crash in between fetches it again and the question id makes that a no-op. With
questions turned off, messages are deleted unread and nothing is stored.
"""

from __future__ import annotations

import json
import re
from typing import Any, Protocol

from reporter.errors import (
    FormatError,
    IntegrityError,
    InvalidField,
    NetworkError,
    NotFound,
    RelayRefused,
    TestigoError,
)
from reporter.incidents.question_catalogue import MAX_ANSWER_TEXT, MAX_ANSWERS, REQUESTS
from reporter.share.device import device_identity, receipt_identity
from reporter.share.profile import service_keys
from reporter.share.question_document import open_question
from reporter.share.shared_version import scrub_names
from reporter.vault.vault import Vault, utc_now

SETTING = "questions_enabled"
MAX_BATCHES = 20  # of at most 100 messages each, per sync pass
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_MESSAGE_ID = re.compile(r"[0-9A-Za-z_-]{1,100}")
COLUMNS = (
    "question_id",
    "incident_id",
    "bundle_id",
    "asked_at",
    "received_at",
    "template",
    "text",
    "requests",
    "answer_text",
    "answer_shared",
    "answered_at",
    "answer_bundle",
)


class Mailbox(Protocol):
    """This device's messages on the relay (``reporter.relay_client.transport.RelayClient``)."""

    def messages(self) -> list[dict[str, Any]]: ...

    def delete_message(self, message_id: str) -> None: ...


def questions_enabled(vault: Vault) -> bool:
    return vault.get_meta(SETTING) != "0"


def set_questions_enabled(vault: Vault, enabled: bool) -> None:
    vault.set_meta(SETTING, "1" if enabled else "0")
    vault.audit("questions_on" if enabled else "questions_off")


def _refuse(vault: Vault, item: dict[str, Any], exc: TestigoError) -> None:
    safe = {k: v for k, v in exc.params.items() if k in ("reason", "what", "status")}
    with vault.transaction() as conn:
        conn.execute(
            "INSERT INTO question_refusals(at, message_id, upload_id, error, params)"
            " VALUES (?, ?, ?, ?, ?)",
            (utc_now(), item.get("id"), item.get("upload_id"), exc.code, json.dumps(safe)),
        )
        vault.audit("question_refused", None, conn)


def _bind(vault: Vault, body: dict[str, Any], upload_id: Any) -> str:
    """The incident the question is about, as this device shared it in that bundle."""
    rows = vault.query(
        "SELECT s.incident_id, o.upload_id FROM shares s LEFT JOIN outbox o USING (bundle_id)"
        " WHERE s.bundle_id = ? AND lower(s.incident_id) = ?",
        (body["bundle_id"], body["incident_id"].lower()),
    )
    if not rows:
        raise IntegrityError(reason="the question is about an incident this device did not send")
    incident_id, known_upload = rows[0]
    if known_upload is not None and upload_id != known_upload:
        raise IntegrityError(reason="the question came with another upload")
    if not vault.incidents.exists(incident_id):
        raise NotFound(what="incident")
    return str(incident_id)


def _store(vault: Vault, body: dict[str, Any], incident_id: str) -> bool:
    with vault.transaction() as conn:
        cursor = conn.execute(
            "INSERT OR IGNORE INTO questions(question_id, incident_id, bundle_id, asked_at,"
            " received_at, template, text, requests) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                body["question_id"],
                incident_id,
                body["bundle_id"],
                body["asked_at"],
                utc_now(),
                body["template"],
                body["text"],
                json.dumps(body["requests"]),
            ),
        )
        if cursor.rowcount:
            vault.audit("question_received", incident_id, conn)
    return bool(cursor.rowcount)


def _well_formed(item: Any) -> bool:
    return (
        isinstance(item, dict)
        and isinstance(item.get("id"), str)
        and _MESSAGE_ID.fullmatch(item["id"]) is not None
        and isinstance(item.get("data"), bytes)
    )


def receive_questions(vault: Vault, client: Mailbox) -> dict[str, Any]:
    """One pass over this device's messages; network trouble ends it quietly (next sync)."""
    result: dict[str, Any] = {"stored": [], "refused": 0, "dropped": 0}
    enabled = questions_enabled(vault)
    device_id = device_identity(vault).device_id
    identity, keys = receipt_identity(vault), service_keys(vault)
    seen: set[str] = set()
    try:
        for _ in range(MAX_BATCHES):
            items = [i for i in client.messages() if _well_formed(i) and i["id"] not in seen]
            if not items:
                break
            for item in items:
                seen.add(item["id"])
                if not enabled:
                    result["dropped"] += 1
                else:
                    try:
                        body = open_question(identity, keys, item["data"], device_id)
                        incident_id = _bind(vault, body, item.get("upload_id"))
                    except (FormatError, IntegrityError, NotFound) as exc:
                        _refuse(vault, item, exc)
                        result["refused"] += 1
                    else:
                        if _store(vault, body, incident_id):
                            result["stored"].append(body["question_id"])
                _delete(client, item["id"])
    except NetworkError as exc:
        result["error"] = exc.code
    return result


def _delete(client: Mailbox, message_id: str) -> None:
    try:
        client.delete_message(message_id)
    except RelayRefused as exc:
        if exc.params.get("status") != 404:  # already gone: what we wanted
            raise


# -- reading and answering -------------------------------------------------------------------
def _row(row: Any) -> dict[str, Any]:
    q = dict(zip(COLUMNS, row, strict=True))
    q["requests"] = json.loads(q["requests"])
    q["answer_shared"] = json.loads(q["answer_shared"]) if q["answer_shared"] else []
    answered = q["answer_text"] is not None or bool(q["answer_shared"])
    q["state"] = "open" if not answered else ("sent" if q["answer_bundle"] else "answered")
    return q


def questions(vault: Vault, incident_id: str | None = None) -> list[dict[str, Any]]:
    """Questions received, oldest asked first (as the coordinator lists them); only those of
    ``incident_id`` when given."""
    sql = f"SELECT {', '.join(COLUMNS)} FROM questions"  # noqa: S608 - fixed column names
    if incident_id is None:
        return [_row(r) for r in vault.query(sql + " ORDER BY asked_at, question_id")]
    rows = vault.query(
        sql + " WHERE incident_id = ? ORDER BY asked_at, question_id", (incident_id,)
    )
    return [_row(r) for r in rows]


def question(vault: Vault, question_id: str) -> dict[str, Any]:
    found = [q for q in questions(vault) if q["question_id"] == question_id.strip().lower()]
    if not found:
        raise NotFound(what="question")
    return found[0]


def answer_question(
    vault: Vault, question_id: str, text: str | None = None, share: list[str] | tuple[str, ...] = ()
) -> dict[str, Any]:
    """Record the reporter's answer: a short text, the extra consent asked for, or both.

    Granting a request grants the incident's consent for it (a new revision, as any consent
    change); the answer leaves with the incident's next share.
    """
    q = question(vault, question_id)
    text = text.strip() if text is not None else None
    if not text and not share:
        raise InvalidField(field="answer", reason="write an answer or share what was asked")
    if text is not None:
        if len(text) > MAX_ANSWER_TEXT:
            raise InvalidField(
                field="answer", reason="longer than {limit} characters", limit=MAX_ANSWER_TEXT
            )
        if _CONTROL.search(text):
            raise InvalidField(field="answer", reason="contains control characters")
    shared = list(dict.fromkeys(share))
    for code in shared:
        if code not in REQUESTS:
            raise InvalidField(field="share", reason="day, municipality or file, each once")
    record = vault.incidents.get(q["incident_id"])
    consent = {k: dict(v) for k, v in (record.get("consent") or {}).items()}
    changed = False
    for code in shared:
        entry = consent.get(REQUESTS[code]) or {}
        if not entry.get("granted"):
            consent[REQUESTS[code]] = {"granted": True, "method": "IN_APP", "date": utc_now()[:10]}
            changed = True
    if changed:
        vault.incidents.patch(q["incident_id"], {"consent": consent})
    now = utc_now()
    with vault.transaction() as conn:
        conn.execute(
            "UPDATE questions SET answer_text = ?, answer_shared = ?, answered_at = ?,"
            " answer_bundle = NULL WHERE question_id = ?",
            (text or None, json.dumps(shared), now, q["question_id"]),
        )
        if not changed:  # the answer alone changes what the incident tells the coalition
            vault.incidents.record_revision(
                conn, q["incident_id"], "answered", ["answers"], {"question": q["question_id"]}
            )
        vault.audit("question_answered", q["incident_id"], conn)
    return question(vault, q["question_id"])


def answers_for(vault: Vault, record: dict[str, Any]) -> list[dict[str, Any]]:
    """The answers the incident's next bundle carries (the newest, names scrubbed)."""
    names = [n for t in record.get("targets") or [] for n in t.get("names") or []]
    answered = [q for q in questions(vault, record["id"]) if q["state"] != "open"]
    answered.sort(key=lambda q: (q["answered_at"], q["question_id"]))
    out = []
    for q in answered[-MAX_ANSWERS:]:
        item: dict[str, Any] = {"question_id": q["question_id"]}
        if q["answer_text"]:
            item["text"] = scrub_names(q["answer_text"], names)
        if q["answer_shared"]:
            item["shared_fields"] = q["answer_shared"]
        out.append(item)
    return out


def mark_carried(vault: Vault, bundle_id: str, records: list[dict[str, Any]]) -> None:
    """The answers in ``records`` are in ``bundle_id`` (in the outbox now)."""
    with vault.transaction() as conn:
        for record in records:
            for item in record.get("answers") or []:
                conn.execute(
                    "UPDATE questions SET answer_bundle = ? WHERE question_id = ?",
                    (bundle_id, item["question_id"]),
                )


def refusals(vault: Vault, limit: int = 200) -> list[dict[str, Any]]:
    rows = vault.query(
        "SELECT at, message_id, upload_id, error, params FROM question_refusals"
        " ORDER BY id DESC LIMIT ?",
        (limit,),
    )
    keys = ("at", "message_id", "upload_id", "error", "params")
    return [dict(zip(keys, (*r[:4], json.loads(r[4])), strict=True)) for r in rows]

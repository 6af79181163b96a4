"""The coordinator's side: ask about one received report, and see what came back.

A question goes to the upload that carried the report's newest revision received through
the relay, sealed to the receipt key of that bundle. The vault keeps what was asked (and by
whom, for the coalition's own records); whether it was answered is read from the records
received, whose ``answers`` name the question, so the state cannot disagree with them.
"""

from __future__ import annotations

import json
import secrets
from typing import Any

from reporter.errors import NotFound, TestigoError
from reporter.inbox.inbox import coalition_signing_key
from reporter.inbox.triage import coordinator_name
from reporter.incidents.record import is_incident_id
from reporter.relay_client.settings import relay_settings
from reporter.relay_client.transport import RelayClient
from reporter.share.question_document import check_wording, make_question
from reporter.vault.vault import Vault, utc_now

COLUMNS = (
    "question_id",
    "incident_id",
    "bundle_id",
    "upload_id",
    "asked_at",
    "author",
    "template",
    "text",
    "requests",
    "state",
)


def _report_id(incident_id: str) -> str:
    wanted = incident_id.strip().lower()
    if not is_incident_id(wanted):
        raise NotFound(what="received incident")
    return wanted


def _target(vault: Vault, incident_id: str) -> tuple[str, str, str, str]:
    """(bundle, upload, device, receipt key) of the newest revision that came by relay."""
    rows = vault.query(
        "SELECT r.bundle_id, o.upload_id, b.device_id, b.receipt_recipient FROM inbox_records r"
        " JOIN inbox_bundles b USING (bundle_id) JOIN inbox_originals o USING (bundle_id)"
        " JOIN inbox_incident_owners w ON w.incident_id = r.incident_id"
        " AND w.device_id = b.device_id"
        " WHERE r.incident_id = ? AND o.upload_id IS NOT NULL"
        " ORDER BY r.revision DESC, b.received_at DESC LIMIT 1",
        (incident_id,),
    )
    if not rows:
        if not vault.query("SELECT 1 FROM inbox_records WHERE incident_id = ?", (incident_id,)):
            raise NotFound(what="received incident")
        raise NotFound(what="report received through the relay (this one came on a file)")
    bundle_id, upload_id, device_id, recipient = rows[0]
    return str(bundle_id), str(upload_id), str(device_id), str(recipient)


def ask(
    vault: Vault,
    client: RelayClient,
    incident_id: str,
    template: str | None = None,
    text: str | None = None,
    requests: list[str] | tuple[str, ...] = (),
    author: str | None = None,
) -> dict[str, Any]:
    """Seal the question to the report's device and hand it to the relay.

    It is recorded as sending first and as sent once the relay has it; a refusal or a
    network failure removes the record, so nothing was asked.
    """
    text = text.strip() if text is not None else None
    requests = list(requests)
    check_wording(template, text, requests)
    incident_id = _report_id(incident_id)
    bundle_id, upload_id, device_id, recipient = _target(vault, incident_id)
    question_id = secrets.token_hex(16)
    body: dict[str, Any] = {
        "question_id": question_id,
        "bundle_id": bundle_id,
        "incident_id": incident_id,
        "device_id": device_id,
        "asked_at": utc_now(),
        "template": template,
        "text": text,
        "requests": requests,
    }
    data = make_question(coalition_signing_key(vault), body, recipient)
    name = coordinator_name(vault, author)
    with vault.transaction() as conn:
        conn.execute(
            "INSERT INTO inbox_questions(question_id, incident_id, bundle_id, upload_id,"
            " asked_at, author, template, text, requests) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                body["question_id"],
                incident_id,
                bundle_id,
                upload_id,
                body["asked_at"],
                name,
                template,
                text,
                json.dumps(requests),
            ),
        )
    try:
        client.put_message(upload_id, data)
    except TestigoError:
        with vault.transaction() as conn:
            conn.execute(
                "DELETE FROM inbox_questions WHERE question_id = ?", (body["question_id"],)
            )
        raise
    with vault.transaction() as conn:
        conn.execute(
            "UPDATE inbox_questions SET state = 'sent' WHERE question_id = ?",
            (body["question_id"],),
        )
        vault.audit("question_sent", None, conn)
    return asked(vault, incident_id, question_id)[0]


def _answers(vault: Vault, incident_id: str) -> dict[str, dict[str, Any]]:
    """Each question's first answer among the records received for the incident."""
    found: dict[str, dict[str, Any]] = {}
    rows = vault.query(
        "SELECT r.bundle_id, r.revision, r.data, b.received_at FROM inbox_records r"
        " JOIN inbox_bundles b USING (bundle_id) WHERE r.incident_id = ?"
        " ORDER BY r.revision, b.received_at",
        (incident_id,),
    )
    for bundle_id, revision, data, received_at in rows:
        for item in json.loads(data).get("answers") or []:
            found.setdefault(
                item["question_id"],
                {
                    "text": item.get("text"),
                    "shared_fields": item.get("shared_fields", []),
                    "bundle_id": bundle_id,
                    "revision": revision,
                    "received_at": received_at,
                },
            )
    return found


def asked(
    vault: Vault, incident_id: str | None = None, question_id: str | None = None
) -> list[dict[str, Any]]:
    """Questions asked (of one report, when given), oldest first, each with its state:
    sending (not confirmed by the relay), sent, or answered (with the answer)."""
    sql = f"SELECT {', '.join(COLUMNS)} FROM inbox_questions"  # noqa: S608 - fixed names
    params: tuple[Any, ...] = ()
    if incident_id is not None:
        sql += " WHERE incident_id = ?"
        params = (_report_id(incident_id),)
        if question_id is not None:
            sql += " AND question_id = ?"
            params += (question_id,)
    out = []
    answers: dict[str, dict[str, dict[str, Any]]] = {}
    for row in vault.query(sql + " ORDER BY asked_at, question_id", params):
        q = dict(zip(COLUMNS, row, strict=True))
        q["requests"] = json.loads(q["requests"])
        if q["incident_id"] not in answers:
            answers[q["incident_id"]] = _answers(vault, q["incident_id"])
        q["answer"] = answers[q["incident_id"]].get(q["question_id"])
        if q["answer"] is not None:
            q["state"] = "answered"
        out.append(q)
    return out


def ask_via_relay(
    vault: Vault, incident_id: str, proxy: str | None = None, **question: Any
) -> dict[str, Any]:
    """``ask`` through the relay this vault enrolled at."""
    url, pin, credential = relay_settings(vault)
    client = RelayClient(url, tls_pin=pin, proxy=proxy, credential=credential)
    try:
        return ask(vault, client, incident_id, **question)
    finally:
        client.close()


__all__ = ["ask", "ask_via_relay", "asked"]

"""A question as it travels: signed by the coalition, sealed to one device, one fixed size.

Plaintext inside age (X25519, to the receipt key the device put in its bundle)::

    b"testigo-question/1\\n", u32 big-endian length, canonical JSON, zeros up to PADDED

The JSON is ``{"question": body, "signature": base64}``; the signature is the coalition
key's over ``QUESTION_CONTEXT || 0x00 || canonical(body)``, so a device (or anyone holding
only a relay credential) cannot forge one, and a receipt's signature cannot pass for a
question. Every question is padded to the same size: its length says nothing of its text.
"""

from __future__ import annotations

import base64
import binascii
import io
import json
import re
import struct
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from reporter.age import AgeReader, X25519Identity, X25519Recipient, encrypt
from reporter.errors import FormatError, IntegrityError, InvalidField, TestigoError
from reporter.incidents.question_catalogue import MAX_QUESTION_TEXT, REQUESTS, TEMPLATES
from reporter.incidents.record import is_incident_id
from reporter.share.profile import canonical

QUESTION_CONTEXT = b"testigo question v1"
MAGIC = b"testigo-question/1\n"
PADDED = 12 * 1024  # every question's plaintext; the relay takes messages up to 16 KiB
MAX_MESSAGE = 16 * 1024
BODY_KEYS = (
    "question_id",
    "bundle_id",
    "incident_id",
    "device_id",
    "asked_at",
    "template",
    "text",
    "requests",
)
_HEX32 = re.compile(r"[0-9a-f]{32}")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _bad(reason: str) -> FormatError:
    return FormatError(what="question", reason=reason)


def check_wording(template: str | None, text: str | None, requests: list[str]) -> None:
    """What a coordinator may ask: a known template or bounded text, and known requests."""
    if template is not None and text is not None:
        raise InvalidField(field="question", reason="a template or a text, not both")
    if template is None and text is None and not requests:
        raise InvalidField(field="question", reason="ask something or request something")
    if template is not None and template not in TEMPLATES:
        raise InvalidField(field="template", reason="not a question template")
    if text is not None:
        if not isinstance(text, str) or not text.strip():
            raise InvalidField(field="text", reason="is required")
        if len(text) > MAX_QUESTION_TEXT:
            raise InvalidField(
                field="text", reason="longer than {limit} characters", limit=MAX_QUESTION_TEXT
            )
        if _CONTROL.search(text):
            raise InvalidField(field="text", reason="contains control characters")
    if len(set(requests)) != len(requests) or any(r not in REQUESTS for r in requests):
        raise InvalidField(field="request", reason="day, municipality or file, each once")


def make_question(
    coalition_key: Ed25519PrivateKey, body: dict[str, Any], receipt_recipient: str
) -> bytes:
    """The sealed, padded message for ``body`` (its fields as ``BODY_KEYS``)."""
    if set(body) != set(BODY_KEYS):
        raise _bad("unexpected fields")
    check_wording(body["template"], body["text"], body["requests"])
    signature = coalition_key.sign(QUESTION_CONTEXT + b"\x00" + canonical(body))
    document = canonical({"question": body, "signature": base64.b64encode(signature).decode()})
    if len(MAGIC) + 4 + len(document) > PADDED:
        raise InvalidField(field="text", reason="too long for a question")
    plain = MAGIC + struct.pack(">I", len(document)) + document
    plain += bytes(PADDED - len(plain))
    out = io.BytesIO()
    encrypt([X25519Recipient.from_string(receipt_recipient)], io.BytesIO(plain), out)
    return out.getvalue()


def _unpad(plain: bytes) -> bytes:
    if len(plain) != PADDED or not plain.startswith(MAGIC):
        raise _bad("not a padded question")
    (length,) = struct.unpack(">I", plain[len(MAGIC) : len(MAGIC) + 4])
    start = len(MAGIC) + 4
    if start + length > PADDED or plain[start + length :].count(0) != PADDED - start - length:
        raise _bad("not a padded question")
    return plain[start : start + length]


def _check_body(body: Any) -> dict[str, Any]:
    if not isinstance(body, dict) or set(body) != set(BODY_KEYS):
        raise _bad("unexpected fields")
    for name in ("question_id", "bundle_id"):
        if not isinstance(body[name], str) or not _HEX32.fullmatch(body[name]):
            raise _bad("unexpected fields")
    if not isinstance(body["device_id"], str) or not _HEX32.fullmatch(body["device_id"]):
        raise _bad("unexpected fields")
    if not isinstance(body["incident_id"], str) or not is_incident_id(body["incident_id"]):
        raise _bad("unexpected fields")
    if not isinstance(body["asked_at"], str) or len(body["asked_at"]) > 40:
        raise _bad("unexpected fields")
    if not isinstance(body["requests"], list) or not all(
        isinstance(r, str) for r in body["requests"]
    ):
        raise _bad("unexpected fields")
    if body["template"] is not None and not isinstance(body["template"], str):
        raise _bad("unexpected fields")
    try:
        check_wording(body["template"], body["text"], body["requests"])
    except InvalidField:
        raise _bad("unexpected fields") from None
    return body


def open_question(
    identity: X25519Identity, signing_keys: list[bytes], data: bytes, device_id: str
) -> dict[str, Any]:
    """Decrypt with this device's receipt key, check the padding, verify the coalition."""
    if len(data) > MAX_MESSAGE:
        raise _bad("too large")
    try:
        plain = AgeReader(io.BytesIO(data), [identity]).read_all(PADDED + 1)
        document = json.loads(_unpad(plain).decode("utf-8"))
        if not isinstance(document, dict) or set(document) != {"question", "signature"}:
            raise _bad("unexpected fields")
        body = _check_body(document["question"])
        signature = base64.b64decode(document["signature"], validate=True)
    except TestigoError:
        raise
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, binascii.Error, struct.error):
        raise _bad("unreadable") from None
    message = QUESTION_CONTEXT + b"\x00" + canonical(body)
    for key in signing_keys:
        try:
            Ed25519PublicKey.from_public_bytes(key).verify(signature, message)
        except (InvalidSignature, ValueError):
            continue
        if body["device_id"] != device_id:
            raise IntegrityError(reason="the question is for another device")
        return dict(body)
    raise IntegrityError(reason="the question is not signed by the coalition")

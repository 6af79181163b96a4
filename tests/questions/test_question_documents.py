"""The question document: sealed to one receipt key, signed by the coalition, one size; and
the answers a shared record may carry, as the coordinator checks them."""

from __future__ import annotations

import os
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from reporter.age import X25519Identity
from reporter.errors import FormatError, IntegrityError, InvalidField
from reporter.inbox.record_schema import check_shared_record
from reporter.incidents.vocab import vocabulary
from reporter.share.question_document import MAX_MESSAGE, make_question, open_question
from tests.share.signed_bundles import good_record

COALITION = Ed25519PrivateKey.generate()
KEYS = [COALITION.public_key().public_bytes_raw()]
DEVICE = "ab" * 16


def _body(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "question_id": os.urandom(16).hex(),
        "bundle_id": os.urandom(16).hex(),
        "incident_id": "0b9d3f4e-2f7a-4c1e-9a51-6a3f1c2d4e5f",
        "device_id": DEVICE,
        "asked_at": "2026-12-01T10:00:00Z",
        "template": None,
        "text": "¿Quién más lo vio?",
        "requests": [],
    }
    body.update(changes)
    return body


@pytest.fixture
def identity() -> X25519Identity:
    return X25519Identity.generate()


def test_a_question_opens_only_for_its_device_and_only_if_the_coalition_signed_it(
    identity: X25519Identity,
) -> None:
    recipient = identity.recipient().to_string()
    body = _body(requests=["day", "file"])
    assert open_question(identity, KEYS, make_question(COALITION, body, recipient), DEVICE) == body
    forged = make_question(Ed25519PrivateKey.generate(), body, recipient)
    with pytest.raises(IntegrityError, match="not signed by the coalition"):
        open_question(identity, KEYS, forged, DEVICE)
    with pytest.raises(IntegrityError, match="another device"):
        open_question(identity, KEYS, make_question(COALITION, body, recipient), "cd" * 16)


def test_a_changed_byte_or_another_key_opens_nothing(identity: X25519Identity) -> None:
    data = bytearray(make_question(COALITION, _body(), identity.recipient().to_string()))
    data[-5] ^= 1
    with pytest.raises((IntegrityError, FormatError)):
        open_question(identity, KEYS, bytes(data), DEVICE)
    other = X25519Identity.generate()
    good = make_question(COALITION, _body(), identity.recipient().to_string())
    with pytest.raises((IntegrityError, FormatError)):
        open_question(other, KEYS, good, DEVICE)


def test_every_question_is_the_same_size_whatever_it_says(identity: X25519Identity) -> None:
    recipient = identity.recipient().to_string()
    sizes = {
        len(make_question(COALITION, _body(**kw), recipient))
        for kw in (
            {"text": "¿Y?"},
            {"text": "🙂" * 1000},
            {"text": None, "template": "when_exactly"},
            {"text": None, "requests": ["municipality"]},
        )
    }
    assert len(sizes) == 1
    assert sizes.pop() <= MAX_MESSAGE  # within the relay's message limit


@pytest.mark.parametrize(
    "changes",
    [
        {"template": "no_such_template", "text": None},
        {"template": "when_exactly"},  # a template and a text
        {"text": None},  # nothing asked
        {"text": "x" * 1001},
        {"text": "a\x00b"},
        {"requests": ["day", "day"]},
        {"requests": ["home_address"]},
    ],
)
def test_what_cannot_be_asked_is_refused_before_sealing(
    identity: X25519Identity, changes: dict[str, Any]
) -> None:
    with pytest.raises(InvalidField):
        make_question(COALITION, _body(**changes), identity.recipient().to_string())


def _record(answers: Any) -> dict[str, Any]:
    record = good_record()
    record["answers"] = answers
    return record


def test_a_record_may_carry_answers_and_they_are_checked() -> None:
    version = vocabulary().version
    qid = os.urandom(16).hex()
    check_shared_record(good_record(), version)  # none: the field is absent
    check_shared_record(_record([{"question_id": qid, "text": "El martes"}]), version)
    check_shared_record(_record([{"question_id": qid, "shared_fields": ["day"]}]), version)


@pytest.mark.parametrize(
    ("answers", "field"),
    [
        ([], "record.answers"),
        ([{"question_id": "nope", "text": "x"}], "record.answers[0].question_id"),
        ([{"question_id": "ab" * 16}], "record.answers[0]"),
        ([{"question_id": "ab" * 16, "text": "x", "colour": 1}], "record.answers[0]"),
        ([{"question_id": "ab" * 16, "text": "x" * 7000}], "record.answers[0].text"),
        (
            [{"question_id": "ab" * 16, "shared_fields": ["name"]}],
            "record.answers[0].shared_fields",
        ),
        ([{"question_id": "ab" * 16, "text": "a"}] * 2, "record.answers[1].question_id"),
        ([{"question_id": os.urandom(16).hex(), "text": "a"} for _ in range(21)], "record.answers"),
        ("yes", "record.answers"),
    ],
)
def test_bad_answers_refuse_the_record_naming_the_field(answers: Any, field: str) -> None:
    with pytest.raises(InvalidField) as info:
        check_shared_record(_record(answers), vocabulary().version)
    assert info.value.params["field"] == field

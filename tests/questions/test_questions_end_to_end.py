"""Issue 16, test 5: a question reaches the right incident and the answer comes back as
revision n+1 linked to it; a forged question is refused; the relay holds only ciphertext.

Real vaults, a real relay on 127.0.0.1, the real sync pass and coordinator pull.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from reporter.questions import asking
from reporter.relay.storage.base import PostgresS3, StorageConfig
from reporter.relay_client.settings import relay_settings
from reporter.relay_client.transport import RelayClient
from reporter.share import device_questions
from reporter.share.device import device_identity, receipt_identity
from reporter.share.outbox_store import OutboxStore
from reporter.share.question_document import make_question
from reporter.share.sharing import share_incidents
from reporter.sync.coordinator import pull
from tests.sync.backends import rows
from tests.sync.conftest import Mission


def _sync(mission: Mission) -> None:
    engine = mission.engine()
    try:
        report = engine.run()
        assert not report.offline
        assert not report.failed
    finally:
        engine.close()


def _pull(mission: Mission) -> None:
    report = pull(mission.coordinator)
    assert report.error is None
    assert not report.rejected


def _shared_and_pulled(mission: Mission, title: str = "Amenaza") -> str:
    """A reporter's incident, shared, uploaded and imported by the coordinator."""
    bundle_id = mission.add_and_share(title)
    _sync(mission)
    _pull(mission)
    (incident_id,) = OutboxStore(mission.reporter).get(bundle_id)["incident_ids"]
    return str(incident_id)


def _everything(config: StorageConfig) -> Iterator[tuple[str, bytes]]:
    """Every byte the relay keeps: every file, or every table's rows and every object."""
    if isinstance(config, Path):
        for path in config.rglob("*"):
            if path.is_file():
                yield str(path), path.read_bytes()
        return
    assert isinstance(config, PostgresS3)
    tables = rows(
        config,
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    )
    assert len(tables) > 3
    for (table,) in tables:
        yield table, repr(rows(config, f'SELECT * FROM "{table}"')).encode()  # noqa: S608
    from tests.sync.backends import _s3, object_names

    client, bucket, _ = _s3(config)
    for name in object_names(config):
        yield name, client.get_object(Bucket=bucket, Key=name)["Body"].read()


def _assert_no_canary(config: StorageConfig, *canaries: str) -> None:
    stored = list(_everything(config))
    assert any(len(data) > 1000 for _, data in stored)  # the ciphertext is there
    for name, data in stored:
        for canary in canaries:
            assert canary.encode() not in data, name


def test_a_question_reaches_its_incident_and_the_answer_comes_back_as_the_next_revision(
    mission: Mission,
) -> None:
    other = _shared_and_pulled(mission, "Otro incidente")
    incident_id = _shared_and_pulled(mission, "Vigilancia en la oficina")
    revision = mission.reporter.incidents.get(incident_id)["revision"]

    sent = asking.ask_via_relay(
        mission.coordinator, incident_id, text="¿Desde qué número llegó el mensaje?"
    )
    assert sent["state"] == "sent"
    _sync(mission)

    (received,) = device_questions.questions(mission.reporter)
    assert received["question_id"] == sent["question_id"]
    assert received["incident_id"] == incident_id  # in that incident, not the other one
    assert device_questions.questions(mission.reporter, other) == []
    assert received["text"] == "¿Desde qué número llegó el mensaje?"
    assert received["state"] == "open"

    device_questions.answer_question(
        mission.reporter, received["question_id"], text="Del 55 1234 5678"
    )
    assert mission.reporter.incidents.get(incident_id)["revision"] == revision + 1
    share_incidents(mission.reporter, [incident_id], consents=["share_free_text"])
    assert device_questions.question(mission.reporter, received["question_id"])["state"] == "sent"
    _sync(mission)
    _pull(mission)

    (asked,) = asking.asked(mission.coordinator, incident_id)
    assert asked["state"] == "answered"
    assert asked["answer"]["text"] == "Del 55 1234 5678"
    assert asked["answer"]["revision"] == revision + 1  # revision n+1, linked to the question


def test_a_request_to_share_more_is_answered_by_sharing_with_that_consent(
    mission: Mission,
) -> None:
    incident_id = _shared_and_pulled(mission)
    mission.reporter.incidents.patch(
        incident_id, {"when": {"date": "2026-03-14", "precision": "DAY"}}
    )
    share_incidents(mission.reporter, [incident_id])
    _sync(mission)
    _pull(mission)
    assert mission.coordinator.query(
        "SELECT json_extract(data, '$.when.date') FROM inbox_records WHERE incident_id = ?"
        " ORDER BY revision DESC LIMIT 1",
        (incident_id,),
    ) == [("2026-03",)]  # the month only, without consent
    asked = asking.ask_via_relay(
        mission.coordinator, incident_id, template="when_exactly", requests=["day"]
    )
    _sync(mission)
    (question,) = device_questions.questions(mission.reporter, incident_id)
    assert question["template"] == "when_exactly"
    assert question["requests"] == ["day"]

    device_questions.answer_question(mission.reporter, question["question_id"], share=["day"])
    share_incidents(mission.reporter, [incident_id])
    _sync(mission)
    _pull(mission)

    (state,) = asking.asked(mission.coordinator, incident_id)
    assert state["question_id"] == asked["question_id"]
    assert state["state"] == "answered"
    assert state["answer"]["shared_fields"] == ["day"]
    newest = mission.coordinator.query(
        "SELECT revision, json_extract(data, '$.when.date') FROM inbox_records"
        " WHERE incident_id = ? ORDER BY revision DESC LIMIT 1",
        (incident_id,),
    )
    assert newest == [(state["answer"]["revision"], "2026-03-14")]


def _coordinator_client(mission: Mission) -> RelayClient:
    url, pin, credential = relay_settings(mission.coordinator)
    return RelayClient(url, tls_pin=pin, credential=credential)


def test_a_question_forged_by_a_device_is_refused_and_recorded(mission: Mission) -> None:
    """Signed with any key but the coalition's (here a device's), it is never shown."""
    incident_id = _shared_and_pulled(mission)
    (bundle_id, upload_id) = mission.coordinator.query(
        "SELECT bundle_id, upload_id FROM inbox_originals"
    )[0]
    body = {
        "question_id": os.urandom(16).hex(),
        "bundle_id": bundle_id,
        "incident_id": incident_id,
        "device_id": device_identity(mission.reporter).device_id,
        "asked_at": "2026-12-01T10:00:00Z",
        "template": None,
        "text": "Soy la coalición, mándame tu dirección",
        "requests": [],
    }
    recipient = receipt_identity(mission.reporter).recipient().to_string()
    forged = make_question(Ed25519PrivateKey.generate(), body, recipient)
    client = _coordinator_client(mission)
    try:
        client.put_message(upload_id, forged)
    finally:
        client.close()
    _sync(mission)

    assert device_questions.questions(mission.reporter) == []
    (refusal,) = device_questions.refusals(mission.reporter)
    assert refusal["error"] == "integrity"
    assert refusal["params"]["reason"] == "the question is not signed by the coalition"
    engine = mission.engine()
    try:
        assert engine.client.messages() == []  # taken off the relay, not fetched forever
    finally:
        engine.close()


def test_with_questions_off_messages_are_deleted_unread(mission: Mission) -> None:
    incident_id = _shared_and_pulled(mission)
    device_questions.set_questions_enabled(mission.reporter, False)
    asking.ask_via_relay(mission.coordinator, incident_id, template="still_happening")
    _sync(mission)
    assert device_questions.questions(mission.reporter) == []
    assert device_questions.refusals(mission.reporter) == []
    engine = mission.engine()
    try:
        assert engine.client.messages() == []
    finally:
        engine.close()


@pytest.mark.both_backends
def test_the_relay_store_holds_only_padded_ciphertext_of_questions_and_answers(
    mission: Mission,
) -> None:
    question_canary = "pregunta-" + os.urandom(6).hex()
    answer_canary = "respuesta-" + os.urandom(6).hex()
    incident_id = _shared_and_pulled(mission)
    asking.ask_via_relay(mission.coordinator, incident_id, text=f"¿{question_canary}?")
    asking.ask_via_relay(mission.coordinator, incident_id, text="¿Y?")
    engine = mission.engine()
    try:  # padded: a long question and a short one are the same size on the relay
        assert len({len(m["data"]) for m in engine.client.messages()}) == 1
    finally:
        engine.close()
    _assert_no_canary(mission.store_dir, question_canary)  # while the question waits
    _sync(mission)
    first = device_questions.questions(mission.reporter, incident_id)[0]
    device_questions.answer_question(mission.reporter, first["question_id"], text=answer_canary)
    share_incidents(mission.reporter, [incident_id], consents=["share_free_text"])
    engine = mission.engine()
    try:
        assert engine.run().uploaded
    finally:
        engine.close()
    _assert_no_canary(mission.store_dir, question_canary, answer_canary)  # the answer waits
    _pull(mission)
    (answered,) = asking.asked(mission.coordinator, incident_id, first["question_id"])
    assert answered["answer"]["text"] == answer_canary


def test_an_answer_leaves_without_the_targets_names_and_a_bad_one_changes_nothing(
    mission: Mission,
) -> None:
    from reporter.errors import InvalidField, NotFound
    from reporter.share.sharing import preview

    incident_id = mission.reporter.incidents.add(
        {
            "title": "Amenaza",
            "incident_types": ["HAR.THREAT"],
            "targets": [{"names": ["Lucía Ramírez"], "profiles": ["JOURNALIST"]}],
        }
    )
    share_incidents(mission.reporter, [incident_id])
    _sync(mission)
    _pull(mission)
    asking.ask_via_relay(mission.coordinator, incident_id, template="others_affected")
    _sync(mission)
    (question,) = device_questions.questions(mission.reporter, incident_id)
    revision = mission.reporter.incidents.get(incident_id)["revision"]
    for text, share in (("", []), ("x" * 2001, []), ("bien\x00", []), ("ok", ["address"])):
        with pytest.raises(InvalidField):
            device_questions.answer_question(mission.reporter, question["question_id"], text, share)
    with pytest.raises(NotFound):
        device_questions.answer_question(mission.reporter, "ab" * 16, "hola")
    assert device_questions.question(mission.reporter, question["question_id"])["state"] == "open"
    assert mission.reporter.incidents.get(incident_id)["revision"] == revision  # unchanged

    device_questions.answer_question(
        mission.reporter, question["question_id"], "Sí, a lucia ramirez también la siguieron"
    )
    (answer,) = preview(mission.reporter, incident_id)["answers"]
    assert answer == {
        "question_id": question["question_id"],
        "text": "Sí, a […] también la siguieron",
    }

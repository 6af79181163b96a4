"""The share screen's field-by-field comparison agrees with the shared version it is given."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from reporter.incidents.record import normalize_record
from reporter.share.comparison import GENERALIZED, SHARED, WITHHELD, compare
from reporter.share.shared_version import shared_version

CONSENTS = (
    "share_free_text",
    "share_municipality",
    "share_exact_date",
    "share_technical_indicators",
)


def sample(consents: tuple[str, ...] = ()) -> dict[str, Any]:
    record = normalize_record(
        {
            "title": "Seguimiento a Lucía Gómez",
            "incident_types": ["SURV.SPYWARE", "HAR.THREAT"],
            "description": "Mensajes a Lucía",
            "when": {"date": "2026-11-04", "time": "10:30"},
            "where": {
                "state": "30",
                "municipality": "30087",
                "place": "Redacción",
                "coordinates": {"lat": 19.5, "lon": -96.9},
            },
            "targets": [
                {
                    "profiles": ["JOURNALIST"],
                    "names": ["Lucía Gómez"],
                    "contact": "55 1234",
                    "gender": "WOMAN",
                }
            ],
            "perpetrators": [{"code": "STATE.SECURITY", "level": "FEDERAL"}],
            "indicators": [{"type": "domain-name", "value": "malo.example.com"}],
            "private_notes": "no nombrar",
            "tags": ["pegasus"],
            "consent": {name: True for name in consents},
        }
    )
    return record | {"id": "6f1c2b9e-8a1d-4c35-9d2e-5b7f0e4a1c3d", "revision": 1}


def by_field(rows: list[Any]) -> dict[str, Any]:
    return {row.field: row for row in rows}


def test_without_consent_free_text_stays_and_the_date_is_generalized() -> None:
    record = sample()
    rows = by_field(compare(record, shared_version(record), "es"))
    for field in (
        "title",
        "description",
        "tags",
        "where.municipality",
        "indicators",
        "where.place",
        "where.coordinates",
        "targets[0].names",
        "targets[0].contact",
        "private_notes",
    ):
        assert rows[field].status == WITHHELD, field
        assert rows[field].shared == "", field
    assert (rows["when.date"].recorded, rows["when.date"].shared) == ("2026-11-04 10:30", "2026-11")
    assert rows["when.date"].status == GENERALIZED
    assert rows["where.state"].shared == "Veracruz de Ignacio de la Llave"
    assert rows["where.state"].status == SHARED
    assert rows["incident_types"].shared.startswith("Software espía dirigido, ")
    assert rows["perpetrators"].recorded.startswith(rows["perpetrators"].shared[:5])


def test_with_consent_names_are_replaced_and_labels_follow_the_language() -> None:
    record = sample(CONSENTS)
    rows = by_field(compare(record, shared_version(record), "en"))
    assert rows["title"].shared == "Seguimiento a […]"
    assert rows["title"].status == GENERALIZED
    assert rows["where.municipality"].status == SHARED
    assert rows["indicators"].status == SHARED
    assert rows["indicators"].shared.endswith("malo.example.com — Attacker side (sender, link)")
    assert rows["targets[0].gender"].shared == "Woman"
    assert rows["private_notes"].status == WITHHELD


def test_a_private_field_is_never_shown_as_leaving_even_if_the_version_held_it() -> None:
    record = sample(CONSENTS)
    leaked = shared_version(record) | {"private_notes": "no nombrar"}
    assert by_field(compare(record, leaked, "es"))["private_notes"].shared == ""


def test_attachments_show_names_only_on_the_recorded_side() -> None:
    record = sample(("share_attachments",))
    files = [
        {"id": "a1", "name": "foto-casa.jpg", "media_type": "image/jpeg", "size": 2048},
        {"id": "a2", "name": "audio.ogg", "media_type": "audio/ogg", "size": 10},
    ]
    shared = shared_version(
        record,
        attachments=[{"id": "a1", "size": 2000, "media_type": "image/jpeg", "sha256": "00" * 32}],
    )
    row = by_field(compare(record, shared, "es", files))["attachments"]
    assert "foto-casa.jpg" in row.recorded
    assert "audio.ogg" in row.recorded
    assert "foto-casa" not in row.shared
    assert row.shared == "image/jpeg, 2,000 B"
    assert row.status == GENERALIZED


@given(st.sets(st.sampled_from(CONSENTS)))
@settings(max_examples=30, deadline=None)
def test_every_shared_cell_is_a_rendering_of_the_shared_version(consents: set[str]) -> None:
    """Whatever the consents, a value shown as leaving is found in the shared version."""
    record = sample(tuple(sorted(consents)))
    shared = shared_version(record)
    for row in compare(record, shared, "es"):
        if row.status == SHARED:
            assert row.shared == row.recorded
        if row.status == WITHHELD:
            assert row.shared == ""
    text = repr(shared)
    for secret in ("Lucía Gómez", "55 1234", "Redacción", "no nombrar", "19.5"):
        assert all(secret not in row.shared for row in compare(record, shared, "es"))
        assert secret not in text


def test_a_municipality_reads_by_name_when_inegi_catalogue_is_known() -> None:
    record = sample(("share_municipality",))
    shared = shared_version(record)
    named = by_field(compare(record, shared, "es", municipalities={"30087": "Xalapa"}))[
        "where.municipality"
    ]
    assert (named.recorded, named.shared, named.status) == (
        "Xalapa (30087)",
        "Xalapa (30087)",
        SHARED,
    )
    bare = by_field(compare(record, shared, "es"))["where.municipality"]
    assert bare.recorded == "30087"

"""The shared version: private fields never leave; detail only with consent and policy."""

from __future__ import annotations

import json
import re
import secrets
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reporter.incidents.record import normalize_record
from reporter.share.policy import Policy
from reporter.share.shared_version import (
    REDACTED,
    _fold,
    generalize_date,
    name_patterns,
    scrub_names,
    shared_version,
)


def canaries() -> dict[str, str]:
    tag = secrets.token_hex(4).upper()
    return {k: f"CANARY{k.upper()}{tag}" for k in ("name", "alias", "contact", "note", "place")}


def record(c: dict[str, str], consents: tuple[str, ...] = ()) -> dict[str, Any]:
    raw = normalize_record(
        {
            "title": f"Seguimiento a {c['name']}",
            "description": f"{c['alias']} y {c['name'].lower()} recibieron mensajes",
            "incident_types": ["SURV.SPYWARE"],
            "when": {"date": "2026-11-04", "time": "10:30"},
            "where": {
                "state": "30",
                "municipality": "30087",
                "place": c["place"],
                "coordinates": {"lat": 19.5, "lon": -96.9},
            },
            "targets": [
                {
                    "profiles": ["JOURNALIST"],
                    "names": [c["name"], c["alias"]],
                    "contact": c["contact"],
                    "gender": "WOMAN",
                }
            ],
            "indicators": [
                {"type": "domain-name", "value": "malo.example.com", "role": "ATTACKER"},
                {"type": "phone-number", "value": "+525512345678", "role": "VICTIM"},
            ],
            "tags": [f"caso {c['name']}"],
            "private_notes": c["note"],
            "consent": {name: True for name in consents},
        }
    )
    raw.update(id="7b0f3d4e-6a57-4d43-9e4b-3f5c1b2a9d10", revision=3)
    return raw


ALL = (
    "share_with_coalition",
    "share_free_text",
    "share_exact_date",
    "share_municipality",
    "share_technical_indicators",
    "share_attachments",
)


@pytest.mark.parametrize("consents", [(), ("share_with_coalition",), ALL])
@pytest.mark.parametrize(
    "policy",
    [Policy(), Policy("month", "state", False, False), Policy("week", "municipality", True, True)],
)
def test_private_fields_never_leave(consents: tuple[str, ...], policy: Policy) -> None:
    c = canaries()
    shared = json.dumps(shared_version(record(c, consents), policy), ensure_ascii=False)
    for value in c.values():
        assert value not in shared
        assert value.lower() not in shared
    assert "19.5" not in shared
    assert "+525512345678" not in shared  # victim-side indicator
    assert "10:30" not in shared


def test_without_consent_only_coded_facts_and_coarse_place_and_date() -> None:
    shared = shared_version(record(canaries()), Policy())
    assert shared["title"] == ""
    assert shared["description"] == ""
    assert shared["tags"] == []
    assert shared["when"] == {"date": "2026-11", "date_end": None, "precision": "month"}
    assert shared["where"] == {
        "country": "MX",
        "state": "30",
        "municipality": None,
        "location_type": None,
    }
    assert shared["indicators"] == []
    assert shared["incident_types"] == ["SURV.SPYWARE"]
    assert shared["targets"][0]["profiles"] == ["JOURNALIST"]


def test_with_consent_the_policy_decides_the_detail() -> None:
    c = canaries()
    full = shared_version(record(c, ALL), Policy())
    assert full["title"] == f"Seguimiento a {REDACTED}"
    assert full["description"] == f"{REDACTED} y {REDACTED} recibieron mensajes"
    assert full["when"]["date"] == "2026-11-04"
    assert full["where"]["municipality"] == "30087"
    assert full["indicators"] == [
        {"type": "domain-name", "value": "malo.example.com", "role": "ATTACKER"}
    ]
    strict = shared_version(record(c, ALL), Policy("week", "state", False, False))
    assert strict["when"]["date"] == "2026-W45"
    assert strict["where"]["municipality"] is None
    assert strict["title"] == ""
    assert strict["indicators"] == []


def test_shared_version_is_pure() -> None:
    rec = record(canaries(), ALL)
    before = json.dumps(rec, sort_keys=True)
    assert shared_version(rec) == shared_version(json.loads(before))
    assert json.dumps(rec, sort_keys=True) == before


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Ana Pérez llegó", ["Ana Pérez"], f"{REDACTED} llegó"),
        ("ANA PEREZ llegó", ["Ana Pérez"], f"{REDACTED} llegó"),
        ("vimos a Pérez y a ana", ["Ana Pérez"], f"vimos a {REDACTED} y a {REDACTED}"),
        ("Anabel no es ella", ["Ana"], "Anabel no es ella"),
        ("la Güera salió", ["La Güera"], f"{REDACTED} salió"),
        ("sin nombres", [], "sin nombres"),
    ],
)
def test_names_are_found_whatever_the_accents_and_case(
    text: str, names: list[str], expected: str
) -> None:
    assert scrub_names(text, names) == expected


NAME_TEXT = st.text(alphabet="abcdeíéñüÁÉ ßxyz", max_size=15)


@given(
    st.lists(NAME_TEXT | st.sampled_from(["de", "la"]), max_size=12),
    st.lists(NAME_TEXT.filter(lambda n: len(n.strip()) >= 3), max_size=3),
)
@settings(max_examples=300, deadline=None)
def test_no_name_survives_scrubbing(words: list[str], names: list[str]) -> None:
    text = " ".join(words + names + words)
    out = scrub_names(text, names)
    folded_out, _ = _fold(out)
    for pattern in name_patterns(names):
        assert not re.search(r"(?<!\w)" + re.escape(pattern) + r"(?!\w)", folded_out), pattern


@pytest.mark.parametrize(
    ("value", "level", "expected"),
    [
        ("2026-01-01", "week", "2026-W01"),
        ("2024-12-30", "week", "2025-W01"),
        ("2026-11-04", "month", "2026-11"),
        ("2026-11", "day", "2026-11"),
        ("2026", "week", "2026"),
        (None, "day", None),
    ],
)
def test_dates_generalize_to_iso_week_and_month(
    value: str | None, level: str, expected: str | None
) -> None:
    assert generalize_date(value, level) == expected

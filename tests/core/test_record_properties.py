"""Issue 3, test 6: property tests for the record gate, indicators, search and migrations."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3
from hypothesis import given, settings
from hypothesis import strategies as st

from reporter.errors import InvalidField, TestigoError, VaultCorrupt
from reporter.incidents.indicators import normalize_indicator
from reporter.incidents.record import READ_ONLY_KEYS, normalize_record
from reporter.incidents.vocab import vocabulary
from reporter.vault import database
from reporter.vault.incident_store import IncidentFilter
from reporter.vault.vault import Vault
from tests.core.conftest import PASSPHRASE

VOCAB = vocabulary()


def codes(kind: str) -> st.SearchStrategy[str]:
    return st.sampled_from([t.code for t in VOCAB.terms(kind)])


text = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=60)
line = text.map(lambda s: s.strip())
dates = st.dates(
    min_value=__import__("datetime").date(1990, 1, 1),
    max_value=__import__("datetime").date(2030, 12, 31),
).map(lambda d: d.isoformat())

records = st.fixed_dictionaries(
    {
        "title": line.filter(bool),
        "incident_types": st.lists(codes("incident_type"), min_size=1, max_size=4, unique=True),
    },
    optional={
        "description": text,
        "status": codes("status"),
        "sphere": codes("sphere"),
        "when": st.fixed_dictionaries(
            {"date": dates}, optional={"time": st.sampled_from(["00:00", "09:15", "23:59"])}
        ),
        "where": st.fixed_dictionaries(
            {"state": codes("mx_state")},
            optional={"place": line, "location_type": codes("location_type")},
        ),
        "targets": st.lists(
            st.fixed_dictionaries(
                {"profiles": st.lists(codes("target_profile"), max_size=2, unique=True)},
                optional={
                    "names": st.lists(line.filter(bool), max_size=2),
                    "gender": codes("gender"),
                },
            ),
            max_size=2,
        ),
        "perpetrators": st.lists(
            st.fixed_dictionaries({"code": codes("perpetrator")}),
            max_size=3,
            unique_by=lambda p: p["code"],
        ),
        "sensitivity": codes("sensitivity"),
        "tags": st.lists(
            st.from_regex(r"[a-z0-9áéíóúñ]{1,12}", fullmatch=True), max_size=4, unique=True
        ),
        "private_notes": text,
    },
)


@given(records)
@settings(max_examples=150, deadline=None)
def test_normalize_is_idempotent_and_json_stable(raw: dict[str, Any]) -> None:
    once = normalize_record(raw)
    twice = normalize_record(json.loads(json.dumps(once, ensure_ascii=False)))
    assert once == twice
    assert once["title"] == raw["title"]
    assert once["incident_types"] == raw["incident_types"]


@given(
    records,
    st.sampled_from(["incident_types", "sphere", "sensitivity", "status"]),
    st.from_regex(r"[A-Z]{3,8}\.[A-Z]{3,8}", fullmatch=True),
)
@settings(max_examples=100, deadline=None)
def test_an_unknown_code_is_refused_naming_the_valid_ones(
    raw: dict[str, Any], field: str, bogus: str
) -> None:
    raw = dict(raw)
    raw[field] = [bogus] if field == "incident_types" else bogus
    with pytest.raises(TestigoError) as info:
        normalize_record(raw)
    message = info.value.message("en")
    assert bogus in message
    assert "Valid codes" in message


@given(st.dictionaries(st.text(max_size=12), st.none() | st.integers() | text, max_size=6))
@settings(max_examples=200, deadline=None)
def test_arbitrary_json_is_either_a_record_or_a_typed_error(raw: dict[str, Any]) -> None:
    with contextlib.suppress(TestigoError):
        normalize_record(raw)


@given(raw=records)
@settings(max_examples=25, deadline=None)
def test_vault_round_trip_returns_what_went_in(raw: dict[str, Any], shared_vault: Vault) -> None:
    incident_id = shared_vault.incidents.add(raw)
    stored = shared_vault.incidents.get(incident_id)
    body = {k: v for k, v in stored.items() if k not in READ_ONLY_KEYS}
    assert body == normalize_record(raw)
    again = shared_vault.incidents.add(json.loads(json.dumps(stored)))
    stored_again = shared_vault.incidents.get(again)
    assert {k: v for k, v in stored_again.items() if k not in READ_ONLY_KEYS} == body


@pytest.fixture(scope="module")
def shared_vault(tmp_path_factory: pytest.TempPathFactory) -> Any:
    vault = Vault.create(tmp_path_factory.mktemp("prop") / "v", PASSPHRASE)
    yield vault
    vault.close()


@pytest.mark.parametrize(
    ("kind", "raw", "expected"),
    [
        ("domain-name", "Ejemplo.COM.", "ejemplo.com"),
        ("domain-name", "méxico.mx", "xn--mxico-bsa.mx"),
        ("url", "HTTPS://Bit.ly/AbC", "https://bit.ly/AbC"),
        ("email-addr", "Fuente@Ejemplo.org", "Fuente@ejemplo.org"),
        ("phone-number", "+52 (55) 1234-5678", "+525512345678"),
        ("file-hash", "A" * 64, "a" * 64),
    ],
)
def test_indicators_are_normalized(kind: str, raw: str, expected: str) -> None:
    assert normalize_indicator(kind, raw) == expected


@pytest.mark.parametrize(
    ("kind", "raw"),
    [
        ("domain-name", "no es dominio"),
        ("domain-name", "localhost"),
        ("url", "javascript:x"),
        ("email-addr", "sin-arroba"),
        ("phone-number", "12"),
        ("file-hash", "xyz"),
        ("not-a-type", "x"),
    ],
)
def test_bad_indicators_are_refused(kind: str, raw: str) -> None:
    with pytest.raises(InvalidField):
        normalize_indicator(kind, raw)


@given(query=st.text(max_size=40))
@settings(max_examples=200, deadline=None)
def test_any_typed_query_is_safe(query: str, shared_vault: Vault) -> None:
    shared_vault.incidents.find(IncidentFilter(query=query), limit=5)


def test_search_ignores_accents_and_case(shared_vault: Vault) -> None:
    a = shared_vault.incidents.add(
        {"title": "Búsqueda en la redacción", "incident_types": ["HAR.RAID"]}
    )
    b = shared_vault.incidents.add({"title": "busqueda sin acento", "incident_types": ["HAR.RAID"]})
    for query in ("busqueda", "BÚSQUEDA", "búsq", "Busqueda"):
        found = {r["id"] for r in shared_vault.incidents.find(IncidentFilter(query=query))}
        assert {a, b} <= found, query
    only_a = {r["id"] for r in shared_vault.incidents.find(IncidentFilter(query="redaccion"))}
    assert a in only_a
    assert b not in only_a


def test_migrations_run_from_the_first_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped = database.migrations()
    assert [v for v, _, _ in shipped] == list(range(1, len(shipped) + 1))
    home = tmp_path / "v"
    vault = Vault.create(home, PASSPHRASE)
    key = vault._keyfile.unwrap(PASSPHRASE)  # noqa: SLF001 - to rebuild an old-schema vault
    incident_id = vault.incidents.add({"title": "de la versión 1", "incident_types": ["OTHER"]})
    vault.close()
    # Rebuild the database as the first version made it, then let open() migrate it.
    (home / "vault.db").unlink()
    conn = database.connect(home / "vault.db", key)
    assert database.migrate(conn, target=1) == 1
    data = json.dumps({"id": incident_id, "title": "de la versión 1", "incident_types": ["OTHER"]})
    conn.execute("INSERT INTO meta(key, value) VALUES ('role', 'reporter')")
    conn.execute(
        "INSERT INTO incidents(id, seq, data, status, title, revision, created_at,"
        " updated_at) VALUES (?, 1, ?, 'DRAFT', 'de la versión 1', 1, 'x', 'x')",
        (incident_id, data),
    )
    conn.close()
    reopened = Vault.open(home, PASSPHRASE)
    try:
        assert reopened.schema_version() == shipped[-1][0]
        assert reopened.integrity_check() == "ok"
        assert reopened.query("SELECT title FROM incidents")[0][0] == "de la versión 1"
    finally:
        reopened.close()


def test_a_vault_from_a_newer_testigo_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "v"
    vault = Vault.create(home, PASSPHRASE)
    vault.conn.execute("PRAGMA user_version = 999")
    vault.close()
    with pytest.raises(VaultCorrupt):
        Vault.open(home, PASSPHRASE)
    assert isinstance(sqlcipher3.Error, type)


@given(st.text(max_size=20), st.characters())
@settings(max_examples=300, deadline=None)
def test_control_characters_are_refused_exactly_as_unicode_defines_them(
    prefix: str, char: str
) -> None:
    """Unicode category Cc is refused in a title; in a description, tab and newlines pass."""
    import unicodedata

    def refused(field: str) -> bool:
        body = {"title": "t", field: f"{prefix}{char}x"}
        try:
            normalize_record(body | {"incident_types": ["OTHER"]})
        except InvalidField as exc:
            return exc.params.get("field") == field
        return False

    def is_control(s: str, allowed: str = "") -> bool:
        return any(unicodedata.category(c) == "Cc" and c not in allowed for c in s)

    assert refused("title") == is_control(f"{prefix}{char}")
    assert refused("description") == is_control(f"{prefix}{char}", "\n\r\t")

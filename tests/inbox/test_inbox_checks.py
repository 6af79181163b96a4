"""Migration 0011: the inbox's CHECK constraints without IN lists keep every row and rule.

An IN list in a CHECK builds a temporary index on every insert (about nine locked and wiped
allocations under SQLCipher's memory security); the same rules as OR chains must still
refuse every value they refused, and a vault from before keeps its triage and originals.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlcipher3

from reporter.vault import database

KEY = b"\x07" * 32


def _at(path: Path, version: int) -> database.Connection:
    conn = database.connect(path, KEY)
    database.migrate(conn, target=version)
    return conn


def test_rows_survive_and_the_rules_still_hold(tmp_path: Path) -> None:
    conn = _at(tmp_path / "v.db", 10)
    conn.execute(
        "INSERT INTO devices(device_id, public_key, fingerprint, first_seen, last_seen)"
        " VALUES ('d', x'00', 'f', 't', 't')"
    )
    conn.execute(
        "INSERT INTO inbox_bundles(bundle_id, device_id, device_seq, profile_id, created_on,"
        " received_at, records, receipt_recipient) VALUES ('b', 'd', 1, 'p', 'c', 'r', 1, 'x')"
    )
    conn.execute(
        "INSERT INTO inbox_triage(incident_id, review, assignee, verification, counting,"
        " exclusion) VALUES ('i1', 'done', 'Ana', 'corroborated', 'excluded', 'withdrawn')"
    )
    conn.execute("INSERT INTO inbox_triage(incident_id) VALUES ('i2')")
    conn.execute(
        "INSERT INTO inbox_originals VALUES ('b', 'blob', x'01', 3, 'h', 'file', NULL, 'f.age')"
    )
    triage = conn.execute("SELECT * FROM inbox_triage ORDER BY incident_id").fetchall()
    originals = conn.execute("SELECT * FROM inbox_originals").fetchall()

    assert database.migrate(conn, target=11) == 11
    assert conn.execute("SELECT * FROM inbox_triage ORDER BY incident_id").fetchall() == triage
    assert conn.execute("SELECT * FROM inbox_originals").fetchall() == originals
    for table in ("inbox_triage", "inbox_originals"):
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()
        assert " IN (" not in sql[0].upper()
    indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"inbox_triage_counting", "inbox_triage_review"} <= indexes
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []

    conn.execute(
        "INSERT INTO inbox_bundles(bundle_id, device_id, device_seq, profile_id, created_on,"
        " received_at, records, receipt_recipient) VALUES ('b2', 'd', 2, 'p', 'c', 'r', 1, 'x')"
    )
    conn.execute("INSERT INTO inbox_triage(incident_id, review) VALUES ('ok', 'in-review')")
    refused = [
        "INSERT INTO inbox_triage(incident_id, review) VALUES ('x', 'bogus')",
        "INSERT INTO inbox_triage(incident_id, verification) VALUES ('x', 'sure')",
        "INSERT INTO inbox_triage(incident_id, counting) VALUES ('x', 'maybe')",
        "INSERT INTO inbox_triage(incident_id, counting, exclusion) VALUES ('x', 'excluded', 'no')",
        "INSERT INTO inbox_triage(incident_id, counting) VALUES ('x', 'excluded')",
        "INSERT INTO inbox_triage(incident_id, exclusion) VALUES ('x', 'other')",
        "INSERT INTO inbox_originals VALUES ('b2', 'blob2', x'01', 3, 'h', 'usb', NULL, NULL)",
    ]
    for sql in refused:
        with pytest.raises(sqlcipher3.IntegrityError):
            conn.execute(sql)
    conn.close()

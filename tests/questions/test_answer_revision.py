"""An answer given as text only is a revision of its incident, written by the incident store.

The store is the one place that writes incidents and their revisions (its transaction keeps
record, index and history together); the questions code asks it for the revision in its own
transaction, so the answer and the revision are both there or neither is.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reporter.errors import NotFound
from reporter.vault.vault import Vault
from tests.sync.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]
_WRITES = re.compile(
    r"(INSERT\s+INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+(incidents|revisions)\b"
)


def test_only_the_incident_store_writes_incidents_and_revisions() -> None:
    store = ROOT / "reporter" / "vault" / "incident_store.py"
    writers = [
        path.relative_to(ROOT).as_posix()
        for path in sorted((ROOT / "reporter").rglob("*.py"))
        if path != store and _WRITES.search(path.read_text("utf-8"))
    ]
    assert writers == []
    assert _WRITES.search(store.read_text("utf-8"))  # the scan does find them


def test_a_revision_without_a_field_change_is_numbered_and_kept_in_the_history(
    tmp_path: Path,
) -> None:
    vault = Vault.create(tmp_path / "v", PASSPHRASE)
    try:
        iid = vault.incidents.add({"title": "Amenaza", "incident_types": ["HAR.THREAT"]})
        record = vault.incidents.get(iid)
        with vault.transaction() as conn:
            revision = vault.incidents.record_revision(
                conn, iid, "answered", ["answers"], {"question": "q" * 32}
            )
        assert revision == record["revision"] + 1
        after = vault.incidents.get(iid)
        assert after["revision"] == revision
        assert {k: v for k, v in after.items() if k not in ("revision", "updated_at")} == {
            k: v for k, v in record.items() if k not in ("revision", "updated_at")
        }
        last = vault.incidents.history(iid)[-1]
        assert (last["revision"], last["action"], last["fields"]) == (
            revision,
            "answered",
            ["answers"],
        )
        assert last["changes"] == {"question": "q" * 32}

        # An unknown incident: refused, and the transaction it was in writes nothing.
        def answer_an_unknown_incident() -> None:
            with vault.transaction() as conn:
                conn.execute("UPDATE incidents SET updated_at = 'x' WHERE id = ?", (iid,))
                vault.incidents.record_revision(conn, "0" * 32, "answered", ["answers"], {})

        with pytest.raises(NotFound):
            answer_an_unknown_incident()
        assert vault.incidents.get(iid)["updated_at"] == after["updated_at"]
    finally:
        vault.close()

"""The database the stores stand on: migrations split right, and the stores need no vault."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlcipher3

from reporter.errors import NotFound
from reporter.vault import database
from reporter.vault.attachment_store import AttachmentStore
from reporter.vault.database import Database
from reporter.vault.incident_store import IncidentStore
from reporter.vault.vault import Vault

PASSPHRASE = "correct horse battery staple 42"
RECORD = {"title": "Seguimiento en la colonia", "incident_types": ["HAR.THREAT"]}


def test_a_semicolon_in_a_comment_or_a_string_does_not_split_a_statement() -> None:
    sql = (
        "-- header; with a semicolon\n"
        "CREATE TABLE t (\n"
        "    a TEXT,            -- UTC hour; NULL while current\n"
        "    b TEXT DEFAULT 'x;y'\n"
        ");\n"
        "INSERT INTO t(a) VALUES ('one; two');  -- trailing; comment\n"
    )
    statements = database._split_sql(sql)
    assert len(statements) == 2
    conn = sqlcipher3.connect(":memory:", isolation_level=None)
    for statement in statements:
        conn.execute(statement)
    assert conn.execute("SELECT a, b FROM t").fetchall() == [("one; two", "x;y")]


def test_every_shipped_migration_applies(tmp_path: Path) -> None:
    conn = database.connect(tmp_path / "vault.db", bytes(32))
    assert database.migrate(conn) == database.migrations()[-1][0]
    conn.close()


def test_stores_work_on_a_bare_database(tmp_path: Path) -> None:
    # The stores are built on the database alone: no Vault, no key file, no lock file.
    conn = database.connect(tmp_path / "vault.db", bytes(32))
    database.migrate(conn)
    db = Database(tmp_path, conn)
    attachments = AttachmentStore(db)
    incidents = IncidentStore(db, attachments)
    incident_id = incidents.add(RECORD)
    attachment = attachments.add(incident_id, _file(tmp_path, b"evidence"), name="nota.txt")
    assert b"".join(attachments.chunks(attachment["id"])) == b"evidence"
    blobs = list((tmp_path / "blobs").iterdir())
    assert len(blobs) == 1
    incidents.delete(incident_id)  # takes its attachment's row and blob with it
    assert not (tmp_path / "blobs" / blobs[0].name).exists()
    with pytest.raises(NotFound):
        attachments.get(attachment["id"])
    assert [a["action"] for a in db.audit_trail()][:3] == [
        "incident_deleted",
        "attachment_added",
        "incident_created",
    ]
    db.disconnect()
    assert db.closed


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    with Vault.create(tmp_path / "vault", PASSPHRASE) as opened:
        yield opened


def test_attaching_to_an_unknown_incident_writes_no_blob(vault: Vault, tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        vault.attachments.add(vault.incidents.add(RECORD) + "x", _file(tmp_path, b"x"))
    assert list((vault.data_dir / "blobs").iterdir()) == []


def _file(folder: Path, data: bytes) -> Path:
    path = folder / "in.bin"
    path.write_bytes(data)
    return path

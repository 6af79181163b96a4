"""Small original bundles live in their encrypted inbox_originals row; large ones in a blob.

Creating a blob file per bundle was most of an import's cost, and most bundles are one
padded 64 KiB text report. Whichever way a bundle is kept, its original must come back byte
for byte (the evidence packet, a re-verification), and a vault whose originals are all blob
files (migration 0012 came after it) must still read them.
"""

from __future__ import annotations

import hashlib
import io
import os
import uuid
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlcipher3
from reporter.inbox.originals import SMALL_ORIGINAL

from reporter.age import parse_identity
from reporter.errors import TestigoError
from reporter.exports.base import ExportContext
from reporter.exports.run import run_export
from reporter.inbox.epochs import epoch_identities
from reporter.inbox.evidence import original, original_chunks
from reporter.inbox.group_commit import import_files
from reporter.inbox.inbox import ImportResult, Inbox
from reporter.inbox.query import ReportFilter
from reporter.share.bundle import OutgoingAttachment, read_bundle
from reporter.vault import database
from reporter.vault.blob_store import BlobStore
from reporter.vault.layout import BLOB_DIR
from reporter.vault.vault import Vault
from tests.share.conftest import PASSPHRASE, World, make_world
from tests.share.signed_bundles import good_record, new_device, profile_of, seal

BIG = os.urandom(SMALL_ORIGINAL + 4096)  # incompressible, so its bundle is over the line


@pytest.fixture
def x_world(tmp_path: Path) -> Iterator[World]:
    world = make_world(tmp_path, "x25519")
    yield world
    world.reporter.close()
    world.coordinator.close()


# inbox_originals as migration 0011 left it: every original a blob file.
OLD_ORIGINALS = """
CREATE TABLE inbox_originals (
    bundle_id    TEXT PRIMARY KEY REFERENCES inbox_bundles(bundle_id),
    blob         TEXT NOT NULL UNIQUE,
    blob_key     BLOB NOT NULL,
    size         INTEGER NOT NULL,
    sha256       TEXT NOT NULL,
    via          TEXT NOT NULL CHECK (via = 'relay' OR via = 'file'),
    upload_id    TEXT,
    file_name    TEXT
) WITHOUT ROWID
"""


def _small(world: World, seq: int) -> bytes:
    return seal(profile_of(world.reporter), new_device(), [good_record()], seq=seq)


def _large(world: World) -> bytes:
    record = good_record()
    entry = {
        "id": str(uuid.uuid4()),
        "incident_id": record["id"],
        "size": len(BIG),
        "media_type": "application/octet-stream",
        "sha256": hashlib.sha256(BIG).hexdigest(),
    }
    record["attachments"] = [{k: entry[k] for k in ("id", "size", "media_type", "sha256")}]
    return seal(
        profile_of(world.reporter),
        new_device(),
        [record],
        attachments=[OutgoingAttachment(entry, lambda: [BIG])],
    )


def _files(folder: Path, *data: bytes) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for n, content in enumerate(data):
        path = folder / f"{n:02d}.age"
        path.write_bytes(content)
        paths.append(path)
    return paths


def _blob_files(vault: Vault) -> set[str]:
    folder = vault.data_dir / BLOB_DIR
    return {p.name for p in folder.iterdir()} if folder.is_dir() else set()


def _packet_bundles(vault: Vault, out: Path) -> dict[str, bytes]:
    """bundle id -> the original as the evidence packet of every report holds it."""
    ids = tuple(r[0] for r in vault.query("SELECT incident_id FROM inbox_current"))
    run_export(
        vault, "packet", out, ExportContext(lang="en", coalition="Red"), ReportFilter(ids=ids)
    )
    with zipfile.ZipFile(out) as zf:
        return {
            n.removeprefix("bundles/").removesuffix(".age"): zf.read(n)
            for n in zf.namelist()
            if n.startswith("bundles/")
        }


def _reverifies(vault: Vault, data: bytes) -> None:
    identities = epoch_identities(vault, parse_identity)
    read_bundle(io.BytesIO(data), identities, lambda entry: io.BytesIO())


def test_small_originals_are_kept_in_their_row_and_large_ones_in_a_blob(
    x_world: World, tmp_path: Path
) -> None:
    vault = x_world.coordinator
    small, grouped, large = _small(x_world, 1), _small(x_world, 1), _large(x_world)
    assert len(small) <= SMALL_ORIGINAL < len(large)
    alone = Inbox(vault).import_file(_files(tmp_path / "a", small)[0])
    results = [o for _, o in import_files(Inbox(vault), _files(tmp_path / "b", grouped, large))]
    assert all(isinstance(r, ImportResult) for r in results)
    sent = {alone.bundle_id: small, results[0].bundle_id: grouped, results[1].bundle_id: large}  # type: ignore[union-attr]

    kept = dict(vault.query("SELECT bundle_id, blob FROM inbox_originals"))
    assert kept[alone.bundle_id] is None
    assert kept[results[0].bundle_id] is None  # type: ignore[union-attr]
    big_blob = kept[results[1].bundle_id]  # type: ignore[union-attr]
    assert big_blob in _blob_files(vault)
    attachment_blobs = {r[0] for r in vault.query("SELECT blob FROM inbox_attachments")}
    assert _blob_files(vault) == {big_blob} | attachment_blobs  # no file for a small one
    assert BlobStore(vault).collect_orphans(0) == 0
    for bundle_id, data in sent.items():
        assert b"".join(original_chunks(vault, bundle_id)) == data
        assert original(vault, bundle_id)["size"] == len(data)
        assert original(vault, bundle_id)["sha256"] == hashlib.sha256(data).hexdigest()
        _reverifies(vault, b"".join(original_chunks(vault, bundle_id)))
    assert _packet_bundles(vault, tmp_path / "packet.zip") == sent


def test_a_refused_small_bundle_keeps_nothing(x_world: World, tmp_path: Path) -> None:
    vault = x_world.coordinator
    data = bytearray(_small(x_world, 1))
    data[len(data) // 2] ^= 1
    (path,) = _files(tmp_path / "in", bytes(data))
    with pytest.raises(TestigoError):
        Inbox(vault).import_file(path)
    assert vault.query("SELECT 1 FROM inbox_originals") == []
    assert vault.query("SELECT 1 FROM inbox_bundles") == []
    assert len(vault.query("SELECT 1 FROM inbox_rejections")) == 1
    assert _blob_files(vault) == set()


def _to_old_layout(vault: Vault) -> None:
    """Rewrite the originals as a vault before migration 0012 held them: all blob files."""
    blobs = BlobStore(vault)
    rows = vault.query(
        "SELECT bundle_id, blob, blob_key, size, sha256, via, upload_id, file_name"
        " FROM inbox_originals"
    )
    old = []
    for row in rows:
        if row[1] is None:
            info = blobs.write(io.BytesIO(b"".join(original_chunks(vault, row[0]))))
            row = (row[0], info.name, info.key, *row[3:])
        old.append(row)
    with vault.transaction() as conn:
        conn.execute("DROP TABLE inbox_originals")
        conn.execute(OLD_ORIGINALS)
        conn.executemany("INSERT INTO inbox_originals VALUES (?, ?, ?, ?, ?, ?, ?, ?)", old)
        conn.execute("PRAGMA user_version = 11")


def test_a_vault_from_before_still_reads_its_blob_file_originals(
    x_world: World, tmp_path: Path
) -> None:
    vault = x_world.coordinator
    small, large = _small(x_world, 1), _large(x_world)
    outcomes = [o for _, o in import_files(Inbox(vault), _files(tmp_path / "in", small, large))]
    sent = {o.bundle_id: d for o, d in zip(outcomes, (small, large), strict=True)}  # type: ignore[union-attr]
    _to_old_layout(vault)
    home = vault.home
    vault.close()

    with Vault.open(home, PASSPHRASE) as reopened:  # migrates to 0012
        assert reopened.schema_version() >= 12
        kept = dict(reopened.query("SELECT bundle_id, blob FROM inbox_originals"))
        assert all(kept[b] in _blob_files(reopened) for b in sent)  # moved nowhere
        for bundle_id, data in sent.items():
            assert b"".join(original_chunks(reopened, bundle_id)) == data
        assert _packet_bundles(reopened, tmp_path / "packet.zip") == sent
        assert BlobStore(reopened).collect_orphans(0) == 0
        newer = _small(x_world, 2)  # and what comes in now is kept in its row
        result = Inbox(reopened).import_file(_files(tmp_path / "later", newer)[0])
        assert reopened.query(
            "SELECT blob FROM inbox_originals WHERE bundle_id = ?", (result.bundle_id,)
        ) == [(None,)]
        assert b"".join(original_chunks(reopened, result.bundle_id)) == newer
        assert reopened.integrity_check() == "ok"


def test_an_original_is_a_blob_or_bytes_never_both_nor_neither(tmp_path: Path) -> None:
    conn = database.connect(tmp_path / "v.db", b"\x07" * 32)
    database.migrate(conn)
    conn.execute(
        "INSERT INTO devices(device_id, public_key, fingerprint, first_seen, last_seen)"
        " VALUES ('d', x'00', 'f', 't', 't')"
    )
    for n in (1, 2, 3, 4):
        conn.execute(
            "INSERT INTO inbox_bundles(bundle_id, device_id, device_seq, profile_id, created_on,"
            " received_at, records, receipt_recipient) VALUES (?, 'd', ?, 'p', 'c', 'r', 1, 'x')",
            (f"b{n}", n),
        )
    insert = (
        "INSERT INTO inbox_originals(bundle_id, blob, blob_key, size, sha256, via, data)"
        " VALUES (?, ?, ?, 1, 'h', 'file', ?)"
    )
    conn.execute(insert, ("b1", "n", b"k", None))
    conn.execute(insert, ("b2", None, None, b"bytes"))
    for refused in (
        ("b3", None, None, None),
        ("b3", "m", b"k", b"bytes"),
        ("b3", "m", None, None),
        ("b3", None, b"k", b"bytes"),
        ("b3", "n", b"k", None),  # a blob kept twice
    ):
        with pytest.raises(sqlcipher3.IntegrityError):
            conn.execute(insert, refused)
    conn.close()

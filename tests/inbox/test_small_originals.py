"""Small original bundles share one blob file per group commit; large ones have their own.

Creating a blob file per bundle was most of an import's cost, and most bundles are one padded
64 KiB text report, so a batch's small originals are packed into one file, each its own
encrypted segment. Whichever way a bundle is kept, its original must come back byte for byte
(the evidence packet, a re-verification), a failure to make a pack durable must leave no row
pointing into it, and a vault whose originals are all whole blob files (migration 0012 came
after it) must still read them.
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

from reporter.age import parse_identity
from reporter.errors import StorageError, TestigoError
from reporter.exports.base import ExportContext
from reporter.exports.run import run_export
from reporter.inbox.epochs import epoch_identities
from reporter.inbox.evidence import original, original_chunks
from reporter.inbox.group_commit import import_files
from reporter.inbox.inbox import ImportResult, Inbox
from reporter.inbox.originals import SMALL_ORIGINAL
from reporter.inbox.query import ReportFilter
from reporter.share.bundle import OutgoingAttachment, read_bundle
from reporter.vault import database
from reporter.vault.blob_store import BlobStore
from reporter.vault.layout import BLOB_DIR
from reporter.vault.vault import Vault
from tests.inbox.test_blob_durability import _fsynced
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


def _kept(vault: Vault) -> dict[str, tuple[str, int | None]]:
    rows = vault.query("SELECT bundle_id, blob, packed_at FROM inbox_originals")
    return {r[0]: (r[1], r[2]) for r in rows}


def test_a_batch_packs_its_small_originals_into_one_file_and_each_reads_back_whole(
    x_world: World, tmp_path: Path
) -> None:
    vault = x_world.coordinator
    small = [_small(x_world, 1) for _ in range(6)]
    large = _large(x_world)
    assert max(len(s) for s in small) <= SMALL_ORIGINAL < len(large)
    paths = _files(tmp_path / "stick", *small[:3], large, *small[3:])
    results = [o for _, o in import_files(Inbox(vault), paths)]
    assert all(isinstance(r, ImportResult) for r in results)
    sent = {r.bundle_id: d for r, d in zip(results, [*small[:3], large, *small[3:]], strict=True)}  # type: ignore[union-attr]
    big_id = results[3].bundle_id  # type: ignore[union-attr]

    kept = _kept(vault)
    packs = {blob for b, (blob, at) in kept.items() if b != big_id}
    assert len(packs) == 1  # six small originals, one file
    assert sorted(at for b, (_, at) in kept.items() if b != big_id) == sorted(
        {at for b, (_, at) in kept.items() if b != big_id}  # type: ignore[type-var]
    )  # each its own segment
    assert kept[big_id][1] is None  # the large one is a blob of its own
    attachment_blobs = {r[0] for r in vault.query("SELECT blob FROM inbox_attachments")}
    assert _blob_files(vault) == packs | {kept[big_id][0]} | attachment_blobs
    assert BlobStore(vault).collect_orphans(0) == 0
    for bundle_id, data in sent.items():
        again = b"".join(original_chunks(vault, bundle_id))
        assert again == data
        assert original(vault, bundle_id)["size"] == len(data)
        assert original(vault, bundle_id)["sha256"] == hashlib.sha256(data).hexdigest()
        _reverifies(vault, again)
    assert _packet_bundles(vault, tmp_path / "packet.zip") == sent


def test_a_small_bundle_imported_alone_is_a_durable_blob_of_its_own(
    x_world: World, tmp_path: Path
) -> None:
    vault = x_world.coordinator
    data = _small(x_world, 1)
    result = Inbox(vault).import_file(_files(tmp_path / "in", data)[0])
    (blob, packed_at) = _kept(vault)[result.bundle_id]
    assert packed_at is None
    assert _blob_files(vault) == {blob}
    assert b"".join(original_chunks(vault, result.bundle_id)) == data


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="reads /proc/self/fd")
def test_a_pack_that_cannot_be_made_durable_leaves_no_row_pointing_into_it(
    x_world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = x_world.coordinator
    paths = _files(tmp_path / "stick", *(_small(x_world, 1) for _ in range(4)))
    _fsynced(monkeypatch, fail=(vault.data_dir / BLOB_DIR).resolve())

    outcomes = list(import_files(Inbox(vault), paths))

    assert all(isinstance(o, StorageError) for _, o in outcomes)
    assert vault.query("SELECT 1 FROM inbox_bundles") == []
    assert vault.query("SELECT 1 FROM inbox_originals") == []
    monkeypatch.undo()
    again = list(import_files(Inbox(vault), paths))
    assert [o.status for _, o in again if isinstance(o, ImportResult)] == ["imported"] * 4
    assert BlobStore(vault).collect_orphans(0) == 1  # the pack no row names
    assert len(_blob_files(vault)) == 1


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
    """Rewrite the originals as a vault before migration 0012 held them: whole blob files."""
    blobs = BlobStore(vault)
    rows = vault.query(
        "SELECT bundle_id, blob, blob_key, size, sha256, via, upload_id, file_name"
        " FROM inbox_originals"
    )
    old = []
    for row in rows:
        info = blobs.write(io.BytesIO(b"".join(original_chunks(vault, row[0]))))
        old.append((row[0], info.name, info.key, *row[3:]))
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
        kept = _kept(reopened)
        assert all(kept[b][1] is None for b in sent)  # each still its whole blob
        assert all(kept[b][0] in _blob_files(reopened) for b in sent)  # moved nowhere
        for bundle_id, data in sent.items():
            assert b"".join(original_chunks(reopened, bundle_id)) == data
        assert _packet_bundles(reopened, tmp_path / "packet.zip") == sent
        assert BlobStore(reopened).collect_orphans(0) == 0
        newer = [_small(x_world, 2), _small(x_world, 2)]  # and what comes in now is packed
        results = list(import_files(Inbox(reopened), _files(tmp_path / "later", *newer)))
        for (_, result), data in zip(results, newer, strict=True):
            assert isinstance(result, ImportResult)
            assert _kept(reopened)[result.bundle_id][1] is not None
            assert b"".join(original_chunks(reopened, result.bundle_id)) == data
        assert reopened.integrity_check() == "ok"


def test_a_whole_blob_is_one_original_and_a_pack_holds_many(tmp_path: Path) -> None:
    conn = database.connect(tmp_path / "v.db", b"\x07" * 32)
    database.migrate(conn)
    conn.execute(
        "INSERT INTO devices(device_id, public_key, fingerprint, first_seen, last_seen)"
        " VALUES ('d', x'00', 'f', 't', 't')"
    )
    for n in range(1, 7):
        conn.execute(
            "INSERT INTO inbox_bundles(bundle_id, device_id, device_seq, profile_id, created_on,"
            " received_at, records, receipt_recipient) VALUES (?, 'd', ?, 'p', 'c', 'r', 1, 'x')",
            (f"b{n}", n),
        )
    insert = (
        "INSERT INTO inbox_originals(bundle_id, blob, blob_key, size, sha256, via, packed_at)"
        " VALUES (?, ?, x'01', 1, 'h', 'file', ?)"
    )
    conn.execute(insert, ("b1", "whole", None))
    conn.execute(insert, ("b2", "pack", 0))
    conn.execute(insert, ("b3", "pack", 1000))
    for refused in (("b4", "whole", None), ("b4", "pack", -1)):
        with pytest.raises(sqlcipher3.IntegrityError):
            conn.execute(insert, refused)
    conn.close()

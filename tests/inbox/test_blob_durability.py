"""A group commit makes its blobs durable together, before the rows that name them.

Each kept original too large for its row (and received file) used to be fsynced alone, file
and folder, which was most of an import's time. Now a batch's blobs are fsynced at its commit,
concurrently, and their folder once; the rows naming them are committed only after that, so a
blob that could not be made durable leaves no row pointing at it.
"""

from __future__ import annotations

import errno
import hashlib
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from reporter.errors import StorageError
from reporter.inbox.group_commit import Limits, import_files
from reporter.inbox.inbox import ImportResult, Inbox
from reporter.inbox.originals import SMALL_ORIGINAL
from reporter.share.bundle import OutgoingAttachment
from reporter.vault.layout import BLOB_DIR
from tests.share.conftest import World, make_world
from tests.share.signed_bundles import good_record, new_device, profile_of, seal


@pytest.fixture
def x_world(tmp_path: Path) -> Iterator[World]:
    world = make_world(tmp_path, "x25519")
    yield world
    world.reporter.close()
    world.coordinator.close()


def _bundles(world: World, folder: Path, n: int) -> list[Path]:
    """Bundles over ``SMALL_ORIGINAL`` (an attachment), whose originals are blob files."""
    profile, device = profile_of(world.reporter), new_device()
    folder.mkdir()
    paths = []
    for seq in range(1, n + 1):
        record, content = good_record(), os.urandom(SMALL_ORIGINAL)
        entry = {
            "id": str(uuid.uuid4()),
            "incident_id": record["id"],
            "size": len(content),
            "media_type": "application/octet-stream",
            "sha256": hashlib.sha256(content).hexdigest(),
        }
        record["attachments"] = [{k: entry[k] for k in ("id", "size", "media_type", "sha256")}]
        attachment = OutgoingAttachment(entry, lambda content=content: [content])
        path = folder / f"{seq:02d}.age"
        path.write_bytes(seal(profile, device, [record], seq=seq, attachments=[attachment]))
        paths.append(path)
    return paths


def _fsynced(monkeypatch: pytest.MonkeyPatch, fail: Path | None = None) -> list[Path]:
    """Record the path of every ``os.fsync`` (the stdlib's, not ours); fail under ``fail``."""
    seen: list[Path] = []
    real = os.fsync

    def fsync(fd: int) -> None:
        path = Path(os.readlink(f"/proc/self/fd/{fd}"))
        seen.append(path)
        if fail is not None and path.parent == fail and path.is_file():
            raise OSError(errno.EIO, "injected")
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    return seen


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="reads /proc/self/fd")
def test_a_batch_fsyncs_its_blob_folder_once_and_every_blob_it_keeps(
    x_world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _bundles(x_world, tmp_path / "stick", 12)
    blobs = (x_world.coordinator.data_dir / BLOB_DIR).resolve()
    seen = _fsynced(monkeypatch)

    outcomes = list(import_files(Inbox(x_world.coordinator), paths, limits=Limits(seconds=60)))

    assert all(isinstance(o, ImportResult) for _, o in outcomes)
    kept = {r[0] for r in x_world.coordinator.query("SELECT blob FROM inbox_originals")}
    assert len(kept) == 12
    assert [p for p in seen if p == blobs] == [blobs]  # one folder fsync for the batch
    assert kept <= {p.name for p in seen if p.parent == blobs}  # and every kept blob's own


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="reads /proc/self/fd")
def test_a_blob_that_cannot_be_made_durable_leaves_no_row_pointing_at_it(
    x_world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _bundles(x_world, tmp_path / "stick", 4)
    blobs = (x_world.coordinator.data_dir / BLOB_DIR).resolve()
    _fsynced(monkeypatch, fail=blobs)

    outcomes = list(import_files(Inbox(x_world.coordinator), paths, limits=Limits(seconds=60)))

    assert [p for p, _ in outcomes] == paths
    assert all(isinstance(o, StorageError) for _, o in outcomes)
    vault = x_world.coordinator
    assert vault.query("SELECT 1 FROM inbox_bundles") == []
    assert vault.query("SELECT 1 FROM inbox_originals") == []
    monkeypatch.undo()
    again = list(import_files(Inbox(vault), paths))  # the disk is back: all of them come in
    assert [o.status for _, o in again if isinstance(o, ImportResult)] == ["imported"] * 4
    assert vault.integrity_check() == "ok"

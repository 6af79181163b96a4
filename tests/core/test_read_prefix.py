"""A viewer shows the first 2 MB of a text: only those are decrypted, in bounded memory.

Real vault files: a reporter's 5 MB attachment, and a coordinator's 5 MB received file
imported from a real sealed bundle. The prefix is exactly the first N bytes, the peak of
what Python allocates while reading it stays near N (never the whole file), and the rest
of the blob is never read: damaging the blob after the prefix does not stop it.
"""

from __future__ import annotations

import hashlib
import os
import tracemalloc
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reporter.age.stream import BATCH_CHUNKS, ENCRYPTED_CHUNK_SIZE
from reporter.errors import IntegrityError, NotFound
from reporter.vault.layout import BLOB_DIR
from reporter.vault.vault import Vault
from tests.share.conftest import World, make_world

SIZE = 5 * 1024 * 1024
CONTENT = os.urandom(SIZE)
PREFIX = 1_000_000
# What one read may hold besides the answer: the decryptor's read buffer and one chunk.
READ_ROOM = BATCH_CHUNKS * ENCRYPTED_CHUNK_SIZE + 2 * ENCRYPTED_CHUNK_SIZE + 64 * 1024


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    w = make_world(tmp_path, "x25519")
    yield w
    w.reporter.close()
    w.coordinator.close()


def _attachment(vault: Vault, tmp_path: Path) -> str:
    incident_id = vault.incidents.add({"title": "Largo", "incident_types": ["HAR.THREAT"]})
    source = tmp_path / "registro.log"
    source.write_bytes(CONTENT)
    return str(vault.attachments.add(incident_id, source)["id"])


def _received(world: World, tmp_path: Path) -> tuple[str, str]:
    """A real bundle carrying the 5 MB file, imported by the coordinator: (file id, blob)."""
    from reporter.inbox.inbox import Inbox
    from reporter.share.bundle import OutgoingAttachment
    from tests.share.signed_bundles import good_record, new_device, profile_of, seal

    record = good_record()
    entry = {
        "id": str(uuid.uuid4()),
        "incident_id": record["id"],
        "size": SIZE,
        "media_type": "text/plain",
        "sha256": hashlib.sha256(CONTENT).hexdigest(),
    }
    record["attachments"] = [{k: entry[k] for k in ("id", "size", "media_type", "sha256")}]
    data = seal(
        profile_of(world.reporter),
        new_device(),
        [record],
        attachments=[OutgoingAttachment(entry, lambda: [CONTENT])],
    )
    path = tmp_path / "bundle.age"
    path.write_bytes(data)
    Inbox(world.coordinator).import_file(path)
    (blob,) = world.coordinator.query(
        "SELECT blob FROM inbox_attachments WHERE id = ?", (entry["id"],)
    )[0]
    return entry["id"], blob


def _peak(read: Callable[[], bytes | bytearray]) -> tuple[bytes | bytearray, int]:
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        before = tracemalloc.get_traced_memory()[0]
        got = read()
        peak = tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()
    return got, peak


def _damage_the_end(vault: Vault, blob: str) -> None:
    """Flip the blob's last byte: the whole file no longer decrypts; its start still does."""
    path = vault.data_dir / BLOB_DIR / blob
    data = bytearray(path.read_bytes())
    data[-1] ^= 0xFF
    path.write_bytes(bytes(data))


def test_an_attachment_prefix_is_its_first_bytes_in_bounded_memory(
    tmp_path: Path, world: World
) -> None:
    vault = world.reporter
    attachment_id = _attachment(vault, tmp_path)
    got, peak = _peak(lambda: vault.attachments.read_prefix(attachment_id, PREFIX))
    assert bytes(got) == CONTENT[:PREFIX]
    assert peak < PREFIX + READ_ROOM, peak  # never the 5 MB file
    assert bytes(vault.attachments.read_prefix(attachment_id, 10 * SIZE)) == CONTENT
    assert bytes(vault.attachments.read_prefix(attachment_id, 0)) == b""
    (blob,) = vault.query("SELECT blob FROM attachments WHERE id = ?", (attachment_id,))[0]
    _damage_the_end(vault, blob)
    assert bytes(vault.attachments.read_prefix(attachment_id, PREFIX)) == CONTENT[:PREFIX]
    with pytest.raises(IntegrityError):
        vault.attachments.read_prefix(attachment_id, SIZE)  # the damaged chunk is read
    with pytest.raises(NotFound):
        vault.attachments.read_prefix(str(uuid.uuid4()), PREFIX)


def test_a_received_file_prefix_is_its_first_bytes_in_bounded_memory(
    tmp_path: Path, world: World
) -> None:
    from reporter.inbox.evidence import read_received_prefix

    vault = world.coordinator
    file_id, blob = _received(world, tmp_path)
    got, peak = _peak(lambda: read_received_prefix(vault, file_id, PREFIX))
    assert bytes(got) == CONTENT[:PREFIX]
    assert peak < PREFIX + READ_ROOM, peak
    assert bytes(read_received_prefix(vault, file_id.upper(), 10 * SIZE)) == CONTENT
    _damage_the_end(vault, blob)
    assert bytes(read_received_prefix(vault, file_id, PREFIX)) == CONTENT[:PREFIX]
    with pytest.raises(NotFound):
        read_received_prefix(vault, str(uuid.uuid4()), PREFIX)

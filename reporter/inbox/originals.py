"""A received bundle's original, kept as it arrived: in its row when small, else a blob file.

The original is the evidence (issue 14's packet carries it, the device's signature intact), so
it comes back byte for byte either way. Creating and syncing one blob file per bundle was
most of an import's cost; a bundle of at most ``SMALL_ORIGINAL`` bytes (every text-only
report: a bundle is padded to at least 64 KiB) is kept in its encrypted ``inbox_originals``
row instead (migration 0012). Larger ones, and every relay download (already in the blob
store when it is checked), stay blob files, read in bounded memory.
"""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from reporter.errors import NotFound
from reporter.vault.blob_store import READ_SIZE, BlobInfo, BlobSink, BlobStore
from reporter.vault.vault import Vault

# The smallest padded bundle is 64 KiB of plaintext plus age's header and tags, so the line
# is above it: 128 KiB holds every bundle without a sizeable attachment.
SMALL_ORIGINAL = 128 * 1024


@dataclass(frozen=True)
class Arrival:
    """How a bundle arrived; ``blob`` is its ciphertext already in the blob store, ``data``
    the bytes of a small one read whole (kept in its row).

    Whoever put the blob there removes it unless ``ImportResult.kept_original`` says the
    inbox keeps it as the bundle's evidentiary copy.
    """

    via: str  # relay | file
    upload_id: str | None = None
    file_name: str | None = None
    blob: BlobInfo | None = None
    data: bytes | None = None


def read_small(handle: BinaryIO) -> bytes | None:
    """The whole file if it holds at most ``SMALL_ORIGINAL`` bytes, else None (rewound)."""
    if os.fstat(handle.fileno()).st_size > SMALL_ORIGINAL:
        return None
    data = handle.read(SMALL_ORIGINAL + 1)
    if len(data) <= SMALL_ORIGINAL:
        return data
    handle.seek(0)  # it grew since: read again as a large one
    return None


class Tee(io.RawIOBase):
    """Reads a file and writes every byte read into a blob sink (the original, as received)."""

    def __init__(self, src: BinaryIO, sink: BlobSink) -> None:
        self._src, self._sink = src, sink

    def readable(self) -> bool:
        return True

    def readinto(self, target: Any) -> int:
        data = self._src.read(len(target))
        if not data:
            return 0
        target[: len(data)] = data
        self._sink.write(data)
        return len(data)

    def commit(self) -> BlobInfo:
        self.drain()
        return self._sink.commit()

    def abort(self) -> None:
        self._sink.abort()  # nothing once committed

    def drain(self) -> None:
        """Keep whatever the reader did not need, so the copy is the whole file."""
        while True:
            block = self._src.read(READ_SIZE)
            if not block:
                return
            self._sink.write(block)


def keep_original(conn: Any, bundle_id: str, arrival: Arrival | None) -> bool:
    """Link the bundle's ciphertext as received to its row: the evidentiary copy.

    True when the arrival's blob became that copy (its owner must not remove it); a small
    one's bytes go into the row itself.
    """
    if arrival is None:
        return False
    row: tuple[str | None, bytes | None, int, str]
    if arrival.data is not None:
        data, blob = arrival.data, None
        row = (None, None, len(data), hashlib.sha256(data).hexdigest())
    elif arrival.blob is not None:
        data, blob = None, arrival.blob
        row = (blob.name, blob.key, blob.size, blob.sha256)
    else:
        return False
    conn.execute(
        "INSERT INTO inbox_originals(bundle_id, blob, blob_key, size, sha256, via,"
        " upload_id, file_name, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (bundle_id, *row, arrival.via, arrival.upload_id, arrival.file_name, data),
    )
    return blob is not None


def original_chunks(vault: Vault, bundle_id: str) -> Iterator[bytes]:
    """The bundle's ciphertext as received, in chunks (a blob file in bounded memory)."""
    rows = vault.query(
        "SELECT blob, blob_key, data FROM inbox_originals WHERE bundle_id = ?", (bundle_id,)
    )
    if not rows:
        raise NotFound(what="original of that bundle")
    blob, key, data = rows[0]
    if data is not None:
        view = memoryview(bytes(data))
        for start in range(0, len(view), READ_SIZE):
            yield bytes(view[start : start + READ_SIZE])
        return
    yield from BlobStore(vault).chunks(blob, bytes(key))

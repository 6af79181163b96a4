"""A received bundle's original, kept as it arrived, in the blob store.

The original is the evidence (issue 14's packet carries it, the device's signature intact), so
it comes back byte for byte. Creating and syncing one blob file per bundle was most of an
import's cost, so a bundle of at most ``SMALL_ORIGINAL`` bytes (every text-only report: a
bundle is padded to at least 64 KiB) imported in a group commit is sealed into the batch's
pack (``reporter.vault.blob_store.Pack``: one file per batch, each original its own STREAM
under its own key, ``packed_at`` in its row, migration 0012). Keeping the bytes in the row
was measured and cost more: SQLCipher encrypts, logs and checkpoints every page of them.
Larger ones, and every relay download (already a blob when it is checked), are blobs of
their own, read in bounded memory.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from reporter.errors import NotFound
from reporter.vault.blob_store import READ_SIZE, BlobInfo, BlobSink, BlobStore, DeferredSync
from reporter.vault.vault import Vault

# The smallest padded bundle is 64 KiB of plaintext plus age's header and tags, so the line
# is above it: 128 KiB holds every bundle without a sizeable attachment.
SMALL_ORIGINAL = 128 * 1024


@dataclass(frozen=True)
class Arrival:
    """How a bundle arrived; ``blob`` is its ciphertext already in the blob store, ``data``
    the bytes of a small one read whole (``store_small`` puts them there once it passed).

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

    True when the arrival's blob (or pack segment) became that copy: nobody may remove it.
    """
    if arrival is None or arrival.blob is None:
        return False
    blob = arrival.blob
    conn.execute(
        "INSERT INTO inbox_originals(bundle_id, blob, blob_key, size, sha256, via,"
        " upload_id, file_name, packed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (bundle_id, blob.name, blob.key, blob.size, blob.sha256, arrival.via,
         arrival.upload_id, arrival.file_name, blob.packed_at),
    )  # fmt: skip
    return True


def store_small(blobs: BlobStore, deferred: DeferredSync | None, arrival: Arrival) -> Arrival:
    """The arrival with its small original's bytes in the blob store (read from ``data``).

    In a group commit they join the batch's pack (synced at its commit); alone, they are a
    durable blob of their own.
    """
    if arrival.data is None or arrival.blob is not None:
        return arrival
    if deferred is None:
        blob = blobs.write(io.BytesIO(arrival.data))
    else:
        blob = deferred.pack(blobs.directory).add(arrival.data)
    return Arrival(arrival.via, arrival.upload_id, arrival.file_name, blob)


def original_chunks(vault: Vault, bundle_id: str) -> Iterator[bytes]:
    """The bundle's ciphertext as received, in chunks (a blob file in bounded memory)."""
    rows = vault.query(
        "SELECT blob, blob_key, size, packed_at FROM inbox_originals WHERE bundle_id = ?",
        (bundle_id,),
    )
    if not rows:
        raise NotFound(what="original of that bundle")
    blob, key, size, packed_at = rows[0]
    segment = None if packed_at is None else (int(packed_at), int(size))
    yield from BlobStore(vault).chunks(blob, bytes(key), segment=segment)

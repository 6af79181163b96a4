"""Writing one upload's bytes: one writer at a time, and a hash provably of the bytes stored.

The lock (the store's: an ``flock`` on the upload's file, or a PostgreSQL advisory lock) is
taken without waiting and held for the whole request, so it holds across threads and across
relay processes on one store; a second writer is told ``busy`` and retries. The row's
``generation`` changes with every write, so a running hash is used only if it was taken at
the row's current generation.
"""

from __future__ import annotations

import hashlib
import os
from collections import OrderedDict
from collections.abc import AsyncIterator, Iterator
from typing import Any, BinaryIO

from starlette.concurrency import run_in_threadpool

MAX_CHUNK = 16 * 1024 * 1024


class RelayError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


BUSY = RelayError(409, "busy", "another request is writing this upload; retry")


class RunningHashes:
    """SHA-256 of each open upload as its bytes arrive, so finishing need not reread the file.

    Each hash is tagged with the position and row generation it covers; it is handed out
    only for exactly that state, and dropped when a request is interrupted (the next one
    then finishes by reading the file). Bounded: the oldest are forgotten.
    """

    def __init__(self, limit: int = 4096) -> None:
        self._items: OrderedDict[str, tuple[int, int, Any]] = OrderedDict()
        self._limit = limit

    def take(self, upload_id: str, offset: int, generation: int = 0) -> Any:
        position, at, digest = self._items.pop(upload_id, (0, 0, None))
        if offset == 0:
            return hashlib.sha256()
        in_step = digest is not None and position == offset and at == generation
        return digest if in_step else None

    def keep(self, upload_id: str, position: int, digest: Any, generation: int = 0) -> None:
        if digest is not None:
            self._items[upload_id] = (position, generation, digest)
            while len(self._items) > self._limit:
                self._items.popitem(last=False)

    def hexdigest(self, upload_id: str, size: int, generation: int = 0) -> str | None:
        position, at, digest = self._items.pop(upload_id, (0, 0, None))
        in_step = digest is not None and position == size and at == generation
        return digest.hexdigest() if in_step else None


async def write_piece(
    handle: BinaryIO, offset: int, size: int, body: AsyncIterator[bytes], digest: Any
) -> int:
    """Write the request body at ``offset``; durable (fsync) before the offset moves on."""
    handle.truncate(offset)  # a partial earlier attempt is cut off
    handle.seek(offset)
    position = offset
    async for part in body:
        if position + len(part) > size or position - offset + len(part) > MAX_CHUNK:
            handle.truncate(offset)
            raise RelayError(413, "too_large", "more bytes than the upload declared")
        handle.write(part)
        if digest is not None:
            digest.update(part)
        position += len(part)
    if position == offset and size > offset:
        raise RelayError(422, "empty_body", "no bytes in the request")
    handle.flush()
    await run_in_threadpool(os.fsync, handle.fileno())  # not on the event loop
    return position


def sha256_of(handle: BinaryIO, size: int) -> str | None:
    """The hash of the file's bytes, or None if the file does not hold exactly ``size``."""
    if os.fstat(handle.fileno()).st_size != size:
        return None
    digest = hashlib.sha256()
    handle.seek(0)
    while block := handle.read(1024 * 1024):
        digest.update(block)
    return digest.hexdigest()


def read_blocks(handle: BinaryIO) -> Iterator[bytes]:
    with handle:
        while block := handle.read(1024 * 1024):
            yield block

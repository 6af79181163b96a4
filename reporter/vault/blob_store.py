"""Encrypted blobs under ``blobs/``: attachments, outgoing bundles, received attachments.

Each blob is sealed with age's STREAM under its own random key, which lives only in the
encrypted database; losing the row destroys the key. A blob is written to a temp name,
fsynced and renamed, so a crash leaves either nothing or a whole blob no row points to
(collected later by ``collect_orphans``). A group commit defers the fsyncs of its batch's
blobs to one ``DeferredSync.flush`` before its database commit, and seals its small ones
one after another into a single file (``Pack``).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import secrets
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, BinaryIO, cast

from reporter.age.stream import CHUNK_SIZE, StreamWriter, decrypt_chunks, encrypted_size
from reporter.errors import Cancelled, IntegrityError, TestigoError
from reporter.fsutil import fsync_dir, restrict, storage_error
from reporter.vault.layout import BLOB_DIR

if TYPE_CHECKING:
    from reporter.vault.database import Database

Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]
READ_SIZE = 4 * CHUNK_SIZE
TMP_PREFIX = ".incoming-"
# Every table with a (blob) column: a blob named in none of them is an orphan.
BLOB_TABLES = ("attachments", "outbox", "inbox_attachments", "inbox_originals")


@dataclass(frozen=True)
class BlobInfo:
    name: str
    key: bytes
    size: int
    sha256: str
    head: bytes  # the first bytes of the plaintext, to sniff a media type
    packed_at: int | None = None  # where its segment starts in a ``Pack``; None: the whole file


def _fsync_file(path: Path) -> None:
    """fsync a closed file by name (Linux flushes the inode, whichever descriptor asks)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        return  # removed since (a duplicate, a refusal): nothing to make durable
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _new_private_file(path: Path, buffering: int = -1) -> BinaryIO:
    """A new file (never an existing one) for a blob or a pack, its folder made on the first.

    0600 whatever the umask: ciphertext, but nobody else's business either.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    try:
        try:
            fd = os.open(path, flags, 0o600)
        except FileNotFoundError:  # the first blob: its folder too
            path.parent.mkdir(mode=0o700, exist_ok=True)
            fd = os.open(path, flags, 0o600)
        restrict(fd, 0o600)
        return os.fdopen(fd, "wb", buffering=buffering)
    except OSError as exc:
        raise storage_error(exc) from None


class Pack:
    """Small blobs one after another in one file, each a STREAM under its own key.

    Creating a file costs more than sealing 64 KiB into an open one (~0.7 ms a file on ext4,
    against ~0.15 ms), so a batch's small originals share one. A segment is read back alone
    (``BlobStore.chunks`` with its ``packed_at``); the file is written under its final name,
    and until a committed row names it, it is an orphan like any other blob.
    """

    def __init__(self, directory: Path) -> None:
        self.name = secrets.token_hex(16)
        self.path = directory / self.name
        self._size = 0
        self.failed = False
        self._out = _new_private_file(self.path, buffering=READ_SIZE)

    def add(self, data: bytes) -> BlobInfo:
        """Seal ``data`` as the next segment (a failure fails the pack: see ``close``)."""
        if self.failed:
            raise storage_error(OSError("an earlier write to this pack failed"))
        key = secrets.token_bytes(32)
        start = self._size
        try:
            writer = StreamWriter(key, self._out)
            writer.write(data)
            writer.close()
        except OSError as exc:
            self.failed = True
            raise storage_error(exc) from None
        self._size += encrypted_size(len(data))
        digest = hashlib.sha256(data).hexdigest()
        return BlobInfo(self.name, key, len(data), digest, bytes(data[:64]), start)

    def close(self) -> None:
        """Write out what is buffered; raise if any segment could not be written."""
        try:
            self._out.close()
        except OSError as exc:
            self.failed = True
            raise storage_error(exc) from None
        if self.failed:
            raise storage_error(OSError("a write to this pack failed"))


class DeferredSync:
    """Blobs written without their fsyncs, made durable together by ``flush()``.

    An fsync of each blob's file and then of its folder cost ~2.5 ms a blob on ext4, most of
    an import's time. A batch's files are fsynced at once from a few threads (the journal
    commits them together: ~0.2 ms a file) and the folder once; whoever defers must flush
    before committing rows that name these blobs, so no committed row points at a blob whose
    bytes or directory entry may still be lost. The batch's small blobs share one ``Pack``,
    closed and synced by the same flush (a pack that lost a write fails it).
    """

    WORKERS = 16

    def __init__(self) -> None:
        self._files: list[Path] = []
        self._dirs: set[Path] = set()
        self._pool: ThreadPoolExecutor | None = None  # kept from flush to flush: threads cost
        self._pack: Pack | None = None  # the batch's small blobs, one file (see ``pack``)

    def add(self, path: Path) -> None:
        self._files.append(path)
        self._dirs.add(path.parent)

    def pack(self, directory: Path) -> Pack:
        """The batch's pack, opened at its first small blob; ``flush`` closes and syncs it."""
        if self._pack is None:
            self._pack = Pack(directory)
        return self._pack

    def flush(self) -> None:
        files, self._files = self._files, []
        dirs, self._dirs = self._dirs, set()
        pack, self._pack = self._pack, None
        if pack is not None:
            pack.close()  # raises if a segment was lost: the batch must not commit
            files.append(pack.path)
            dirs.add(pack.path.parent)
        try:
            if len(files) == 1:
                _fsync_file(files[0])
            elif files:
                if self._pool is None:
                    self._pool = ThreadPoolExecutor(self.WORKERS, "blob-fsync")
                for _ in self._pool.map(_fsync_file, files):
                    pass
            for directory in sorted(dirs):
                fsync_dir(directory)
        except OSError as exc:
            raise storage_error(exc) from None

    def close(self) -> None:
        """Forget what was not flushed (orphans now; an unflushed pack goes) and end threads."""
        self._files, self._dirs = [], set()
        pack, self._pack = self._pack, None
        if pack is not None:
            with contextlib.suppress(TestigoError):
                pack.close()
            with contextlib.suppress(OSError):
                pack.path.unlink()
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None


class BlobSink:
    """A writable stream into a new blob; ``commit()`` makes it durable, else it vanishes.

    With ``deferred``, ``commit()`` leaves the fsyncs to ``deferred.flush()``.
    """

    def __init__(self, directory: Path, deferred: DeferredSync | None = None) -> None:
        self._deferred = deferred
        self.name = secrets.token_hex(16)
        self._key = secrets.token_bytes(32)
        self._dir = directory
        self._tmp = directory / f"{TMP_PREFIX}{self.name}"
        self._sha = hashlib.sha256()
        self._size = 0
        self._head = b""
        self._out = _new_private_file(self._tmp)
        self._writer = StreamWriter(self._key, self._out)
        self._done = False

    def write(self, data: bytes | bytearray | memoryview) -> int:
        if not self._head:
            self._head = bytes(data[:64])
        self._sha.update(data)
        self._size += len(data)
        try:
            return self._writer.write(data)
        except OSError as exc:
            self.abort()
            raise storage_error(exc) from None

    @property
    def size(self) -> int:
        return self._size

    def commit(self) -> BlobInfo:
        try:
            self._writer.close()
            self._out.flush()
            if self._deferred is None:
                os.fsync(self._out.fileno())
            self._out.close()
            os.replace(self._tmp, self._dir / self.name)
            if self._deferred is None:
                fsync_dir(self._dir)
            else:
                self._deferred.add(self._dir / self.name)
        except OSError as exc:
            self.abort()
            raise storage_error(exc) from None
        self._done = True
        return BlobInfo(self.name, self._key, self._size, self._sha.hexdigest(), self._head)

    def abort(self) -> None:
        if self._done:
            return
        self._done = True
        with contextlib.suppress(OSError):
            self._out.close()
        with contextlib.suppress(OSError):
            self._tmp.unlink()

    def __enter__(self) -> BlobSink:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is not None:
            self.abort()


class _Window(io.RawIOBase):
    """The next ``size`` bytes of a file, then end of file: one segment of a pack."""

    def __init__(self, src: BinaryIO, size: int) -> None:
        self._src, self._left = src, size

    def readable(self) -> bool:
        return True

    def readinto(self, target: Any) -> int:
        if self._left <= 0:
            return 0
        data = self._src.read(min(len(target), self._left))
        target[: len(data)] = data
        self._left -= len(data)
        return len(data)


class BlobStore:
    """The blobs of one database (a vault's, or its decoy's): written, read, collected."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self.directory = db.data_dir / BLOB_DIR

    def sink(self, deferred: DeferredSync | None = None) -> BlobSink:
        return BlobSink(self.directory, deferred)

    def write(
        self,
        src: BinaryIO,
        total: int = -1,
        progress: Progress | None = None,
        cancel: CancelCheck | None = None,
    ) -> BlobInfo:
        """Stream ``src`` into a new blob, in bounded memory; durable when this returns."""
        with self.sink() as sink:
            while True:
                if cancel is not None and cancel():
                    raise Cancelled()
                try:
                    block = src.read(READ_SIZE)
                except OSError as exc:
                    raise storage_error(exc) from None
                if not block:
                    break
                sink.write(block)
                if progress is not None:
                    progress(sink.size, total)
            return sink.commit()

    def chunks(
        self, name: str, key: bytes, offset: int = 0, segment: tuple[int, int] | None = None
    ) -> Iterator[bytes]:
        """The plaintext from byte ``offset`` on, one chunk at a time.

        ``segment`` is (packed_at, size) of a blob packed with others (``Pack``): only its
        bytes are read and decrypted.
        """
        try:
            handle = (self.directory / name).open("rb")
        except FileNotFoundError:
            raise IntegrityError(reason="stored content is missing") from None
        except OSError as exc:
            raise storage_error(exc) from None
        skip = offset
        with handle:
            src: BinaryIO = handle
            if segment is not None:
                handle.seek(segment[0])
                src = cast(BinaryIO, _Window(handle, encrypted_size(segment[1])))
            for chunk in decrypt_chunks(bytes(key), src):
                if skip >= len(chunk):
                    skip -= len(chunk)
                    continue
                yield chunk[skip:] if skip else chunk
                skip = 0

    def remove(self, names: list[str]) -> None:
        for name in names:
            with contextlib.suppress(FileNotFoundError):
                (self.directory / name).unlink()

    def known(self) -> set[str]:
        tables = {
            r[0] for r in self._db.query("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        names: set[str] = set()
        for table in BLOB_TABLES:
            if table in tables:
                names |= {
                    r[0]
                    for r in self._db.query(
                        f"SELECT blob FROM {table} WHERE blob IS NOT NULL"  # noqa: S608
                    )
                }
        return names

    def collect_orphans(self, min_age_seconds: float = 900.0) -> int:
        """Remove blobs no row points to (a crash between writing a blob and committing it).

        Only old ones while another process may be writing one right now; the vault passes
        0 when it has the vault alone (reporter.vault.holder), so a killed import's partial
        ``.incoming-*`` file goes at the next open. Ciphertext whose key was never stored.
        """
        if not self.directory.is_dir():
            return 0
        known = self.known()
        removed = 0
        now = time.time()
        for entry in self.directory.iterdir():
            with contextlib.suppress(OSError):
                if now - entry.stat().st_mtime < min_age_seconds:
                    continue
            if entry.name not in known:
                with contextlib.suppress(OSError):
                    entry.unlink()
                    removed += 1
        return removed

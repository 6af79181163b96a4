"""Attachments: any file, any size, streamed into the vault encrypted, in bounded memory.

Each attachment is a blob under ``blobs/`` sealed with age's STREAM under its own random key;
the key, size, media type, SHA-256 and original name (private) live in the encrypted database.
Deleting the row destroys the key, so a deleted blob is noise even before it is unlinked.
Nothing is ever written in plaintext except by ``extract``, to a place the user chose.
"""

from __future__ import annotations

import builtins
import contextlib
import hashlib
import mimetypes
import os
import secrets
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from reporter.clock import utc_now
from reporter.errors import Cancelled, Conflict, IntegrityError, InvalidField, NotFound
from reporter.fsutil import open_regular, storage_error
from reporter.vault.blob_store import BlobStore, CancelCheck, Progress

if TYPE_CHECKING:
    from reporter.vault.database import Database


_MAGIC: list[tuple[bytes, int, str]] = [
    (b"\xff\xd8\xff", 0, "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", 0, "image/png"),
    (b"GIF87a", 0, "image/gif"),
    (b"GIF89a", 0, "image/gif"),
    (b"%PDF-", 0, "application/pdf"),
    (b"WEBP", 8, "image/webp"),
    (b"ftyp", 4, "video/mp4"),
    (b"OggS", 0, "audio/ogg"),
    (b"ID3", 0, "audio/mpeg"),
    (b"PK\x03\x04", 0, "application/zip"),
]


def sniff_media_type(head: bytes, name: str) -> str:
    for magic, offset, media_type in _MAGIC:
        if head[offset : offset + len(magic)] == magic:
            if media_type == "application/zip":
                return mimetypes.guess_type(name)[0] or media_type
            return media_type
    guessed = mimetypes.guess_type(name)[0]
    if guessed:
        return guessed
    if head and b"\x00" not in head:
        try:
            head.decode("utf-8")
            return "text/plain"
        except UnicodeDecodeError:
            pass
    return "application/octet-stream"


def prefix_of(chunks: Iterator[bytes], length: int) -> bytearray:
    """``length`` bytes from the start of ``chunks``, holding one chunk beside them at most.

    STREAM authenticates each chunk, so a prefix is the vault's content though the whole
    file's hash is not checked; the chunks after it are never read nor decrypted.
    """
    out = bytearray(max(length, 0))
    filled = 0
    try:
        for chunk in chunks:
            if filled >= length:
                break
            piece = memoryview(chunk)[: length - filled]
            out[filled : filled + len(piece)] = piece
            filled += len(piece)
    finally:
        close = getattr(chunks, "close", None)
        if close is not None:
            close()  # the blob's file, now
    if filled < length:
        raise IntegrityError(reason="stored content is shorter than recorded")
    return out


def _summary(row: Any) -> dict[str, Any]:
    return {
        "id": row[0],
        "incident_id": row[1],
        "size": row[2],
        "media_type": row[3],
        "sha256": row[4],
        "name": row[5],
        "added_at": row[6],
    }


_COLUMNS = "id, incident_id, size, media_type, sha256, original_name, added_at"


class AttachmentStore:
    def __init__(self, db: Database) -> None:
        self._db = db
        self.blobs = BlobStore(db)

    # -- adding ----------------------------------------------------------------------------
    def add(
        self,
        incident_id: str,
        source: Path | BinaryIO,
        name: str | None = None,
        progress: Progress | None = None,
        cancel: CancelCheck | None = None,
    ) -> dict[str, Any]:
        """Stream ``source`` into the vault; durable when this returns."""
        if not self._db.query("SELECT 1 FROM incidents WHERE id = ?", (incident_id,)):
            raise NotFound(what="incident")
        if isinstance(source, Path):
            if not source.is_file():
                raise NotFound(what="file to attach")
            try:
                handle: BinaryIO = open_regular(source)
            except OSError as exc:
                raise storage_error(exc) from None
            total = source.stat().st_size
            name = name if name is not None else source.name
        else:
            handle, total = source, -1
        display_name = (name or "attachment").replace("\x00", "")[:255]
        with contextlib.ExitStack() as stack:
            if isinstance(source, Path):
                stack.enter_context(handle)
            info = self.blobs.write(handle, total, progress, cancel)
        blob, key, size, digest, head = info.name, info.key, info.size, info.sha256, info.head
        media_type = sniff_media_type(head, display_name)
        attachment_id = str(uuid.uuid4())
        try:
            with self._db.transaction() as conn:
                conn.execute(
                    "INSERT INTO attachments(id, incident_id, size, media_type, sha256, blob,"
                    " blob_key, original_name, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        attachment_id,
                        incident_id,
                        size,
                        media_type,
                        digest,
                        blob,
                        key,
                        display_name,
                        utc_now(),
                    ),
                )
                self._db.audit("attachment_added", incident_id, conn)
        except BaseException:
            self.remove_blobs([blob])
            raise
        return self.get(attachment_id)

    # -- reading ---------------------------------------------------------------------------
    def list(self, incident_id: str) -> list[dict[str, Any]]:
        rows = self._db.query(
            f"SELECT {_COLUMNS} FROM attachments WHERE incident_id = ?"  # noqa: S608 - constant
            " ORDER BY added_at, id",
            (incident_id,),
        )
        return [_summary(r) for r in rows]

    def get(self, attachment_id: str) -> dict[str, Any]:
        rows = self._db.query(
            f"SELECT {_COLUMNS} FROM attachments WHERE id = ?",  # noqa: S608
            (attachment_id,),
        )
        if not rows:
            raise NotFound(what="attachment")
        return _summary(rows[0])

    def chunks(self, attachment_id: str) -> Iterator[bytes]:
        """Decrypted content, one chunk at a time (for viewing in memory and for bundles)."""
        rows = self._db.query(
            "SELECT blob, blob_key FROM attachments WHERE id = ?", (attachment_id,)
        )
        if not rows:
            raise NotFound(what="attachment")
        blob, key = rows[0]
        yield from self.blobs.chunks(blob, bytes(key))

    def read_prefix(self, attachment_id: str, limit: int) -> bytearray:
        """The first ``limit`` bytes only: showing 2 MB of a 500 MB log decrypts 2 MB."""
        rows = self._db.query(
            "SELECT blob, blob_key, size FROM attachments WHERE id = ?", (attachment_id,)
        )
        if not rows:
            raise NotFound(what="attachment")
        blob, key, size = rows[0]
        return prefix_of(self.blobs.chunks(blob, bytes(key)), min(limit, size))

    def read_bytes(self, attachment_id: str, limit: int = 64 * 1024 * 1024) -> bytes:
        """Whole content in memory, for the app's viewer; refuses what is larger than limit."""
        if self.get(attachment_id)["size"] > limit:
            raise InvalidField(field="attachment", reason="too large to show; extract it")
        return b"".join(self.chunks(attachment_id))

    def extract(
        self,
        attachment_id: str,
        dest: Path,
        overwrite: bool = False,
        progress: Progress | None = None,
        cancel: CancelCheck | None = None,
    ) -> Path:
        """Write the original content to ``dest`` (the one plaintext copy, where asked)."""
        meta = self.get(attachment_id)
        if dest.is_dir():
            raise InvalidField(field="destination", reason="is a directory; name a file")
        if dest.exists() and not overwrite:
            raise Conflict(reason="the destination file exists (use --force to replace it)")
        tmp = dest.with_name(f".{dest.name}.{secrets.token_hex(4)}.part")
        sha = hashlib.sha256()
        done = 0
        try:
            with tmp.open("xb") as out:
                for chunk in self.chunks(attachment_id):
                    if cancel is not None and cancel():
                        raise Cancelled()
                    sha.update(chunk)
                    out.write(chunk)
                    done += len(chunk)
                    if progress is not None:
                        progress(done, meta["size"])
                out.flush()
                os.fsync(out.fileno())
            if sha.hexdigest() != meta["sha256"]:
                raise IntegrityError(reason="attachment hash mismatch")
            os.replace(tmp, dest)
        except OSError as exc:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise storage_error(exc) from None
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
        self._db.audit("attachment_extracted", meta["incident_id"])
        return dest

    # -- removing --------------------------------------------------------------------------
    def delete(self, attachment_id: str) -> None:
        rows = self._db.query(
            "SELECT blob, incident_id FROM attachments WHERE id = ?", (attachment_id,)
        )
        if not rows:
            raise NotFound(what="attachment")
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM attachments WHERE id = ?", (attachment_id,))
            self._db.audit("attachment_deleted", rows[0][1], conn)
        self.remove_blobs([rows[0][0]])

    def blob_names(self, incident_id: str) -> builtins.list[str]:
        rows = self._db.query("SELECT blob FROM attachments WHERE incident_id = ?", (incident_id,))
        return [r[0] for r in rows]

    def remove_blobs(self, names: builtins.list[str]) -> None:
        self.blobs.remove(names)

    def collect_orphans(self, min_age_seconds: float = 900.0) -> int:
        return self.blobs.collect_orphans(min_age_seconds)

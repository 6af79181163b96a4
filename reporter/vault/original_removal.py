"""Import a file and delete the original: opt-in, and only once the vault's copy is proven.

The person's file is overwritten with zeros and unlinked only after three things agree: the
hash of the bytes streamed into the vault, the hash of the vault's copy read back (decrypted
from its blob), and the hash of the original read again (so a file that changed while it
was read is caught). Any disagreement removes the new attachment and keeps the original.
Overwriting helps on a plain hard disk; SSDs (wear levelling), copy-on-write file systems,
snapshots and backups may still keep the old blocks: the app and the CLI say so.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reporter.errors import NotFound, OriginalKept
from reporter.fsutil import open_regular, storage_error
from reporter.vault.blob_store import CancelCheck, Progress

if TYPE_CHECKING:
    from reporter.vault.vault import Vault

_BLOCK = 1024 * 1024


def _digest(chunks: Iterable[bytes]) -> tuple[str, int]:
    sha, size = hashlib.sha256(), 0
    for chunk in chunks:
        sha.update(chunk)
        size += len(chunk)
    return sha.hexdigest(), size


def _file_chunks(path: Path) -> Iterable[bytes]:
    with open_regular(path) as handle:
        while block := handle.read(_BLOCK):
            yield block


def attach_and_delete_original(
    vault: Vault,
    incident_id: str,
    path: Path,
    name: str | None = None,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> dict[str, Any]:
    """Attach ``path``; then, its copy verified, overwrite and remove the original."""
    if not path.is_file() or path.is_symlink():
        raise NotFound(what="file to attach")
    before = path.stat()
    meta = vault.attachments.add(incident_id, path, name=name, progress=progress, cancel=cancel)
    try:
        stored = _digest(vault.attachments.chunks(meta["id"]))
        again = _digest(_file_chunks(path))
        after = path.stat()
    except OSError as exc:
        vault.attachments.delete(meta["id"])
        raise storage_error(exc) from None
    except BaseException:
        vault.attachments.delete(meta["id"])
        raise
    expected = (meta["sha256"], meta["size"])
    if again != expected or after.st_mtime_ns != before.st_mtime_ns:
        vault.attachments.delete(meta["id"])
        raise OriginalKept(reason="it changed while it was being imported")
    if stored != expected:
        vault.attachments.delete(meta["id"])
        raise OriginalKept(reason="the vault's copy does not match it")
    try:
        _overwrite_and_unlink(path, after.st_size)
    except OSError as exc:
        raise storage_error(exc) from None
    return meta


def _overwrite_and_unlink(path: Path, size: int) -> None:
    zeros = bytes(_BLOCK)
    with path.open("r+b") as handle:
        done = 0
        while done < size:
            done += handle.write(zeros[: min(_BLOCK, size - done)])
        handle.flush()
        os.fsync(handle.fileno())
    path.unlink()
    with contextlib.suppress(OSError):  # make the unlink durable where the OS allows
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)

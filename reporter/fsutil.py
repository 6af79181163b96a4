"""File-system hygiene shared by every part of the core.

Everything Testigo writes is private to the user (umask 077, dirs 0700, files 0600), and every
small file that matters (key files, profiles) is replaced atomically: write, fsync, rename,
fsync the directory, so a crash leaves either the old or the new version, never half of one.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from reporter.errors import DiskFull, InvalidInput, ReadOnlyStorage, StorageError

PRIVATE_UMASK = 0o077


PR_SET_DUMPABLE = 4


def harden_process() -> None:
    """Called first by every entry point: private files, and no memory image on disk.

    A crash must not leave a core dump (it would hold decrypted records and the vault key),
    and on Linux the process is made non-dumpable, which also keeps other programs of the
    same user from reading its memory through ptrace or /proc (as KeePassXC does).
    """
    os.umask(PRIVATE_UMASK)
    with contextlib.suppress(ImportError, OSError, ValueError):
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)


def ensure_private_dir(path: Path) -> None:
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        restrict(path, 0o700)
    except OSError as exc:
        raise storage_error(exc) from None


def restrict(target: Path | int, mode: int) -> None:
    """chmod (or fchmod) to ``mode``. FAT and exFAT, what USB sticks come formatted with,
    keep no modes and refuse any change with EPERM even to the owner: there the stick's own
    mount options decide (doctor says so), and a portable vault still works."""
    try:
        if isinstance(target, int):
            os.fchmod(target, mode)
        else:
            os.chmod(target, mode)
    except PermissionError:
        owner = os.fstat(target).st_uid if isinstance(target, int) else os.stat(target).st_uid
        if not hasattr(os, "getuid") or owner != os.getuid():
            raise


def storage_error(exc: OSError) -> StorageError:
    """Map an OSError to a safe error: no path or content goes into the message."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return DiskFull()
    if exc.errno == errno.EROFS:
        return ReadOnlyStorage()
    reason = errno.errorcode.get(exc.errno or 0, "OSError")
    return StorageError(reason=reason)


# Below this much free space a failed write is the full disk's doing (SQLite reports ENOSPC
# on its shared-memory and log files as a generic I/O error).
LOW_SPACE = 1024 * 1024


def is_read_only(path: Path) -> bool:
    """True when ``path`` is on a read-only mount (or cannot be written for another reason)."""
    try:
        if os.statvfs(path).f_flag & os.ST_RDONLY:
            return True
    except OSError:
        return False
    return not os.access(path, os.W_OK)


def is_nearly_full(path: Path) -> bool:
    try:
        st = os.statvfs(path)
    except OSError:
        return False
    return st.f_bavail * st.f_frsize < LOW_SPACE or (st.f_files > 0 and st.f_favail == 0)


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def replacing(path: Path) -> Iterator[BinaryIO]:
    """A new file that takes ``path``'s place only if the block ends without an error.

    Written to a 0600 temp file beside it (never through a link), fsynced, renamed over
    ``path``, then the folder fsynced: a crash or an error leaves the old file or none.
    """
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    try:
        fd = os.open(
            tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600
        )
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except OSError as exc:
        raise storage_error(exc) from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()  # gone already once renamed


def atomic_write(path: Path, data: bytes) -> None:
    """Durably replace ``path`` with ``data`` (0600)."""
    with replacing(path) as handle:
        handle.write(data)


def destroy_file(path: Path) -> None:
    """Overwrite a small secret file with random bytes, fsync, then unlink it."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    try:
        fd = os.open(path, os.O_WRONLY)
        try:
            os.write(fd, secrets.token_bytes(max(size, 1)))
            os.fsync(fd)
        finally:
            os.close(fd)
        path.unlink()
        fsync_dir(path.parent)
    except OSError as exc:
        raise storage_error(exc) from None


def open_regular(path: Path) -> BinaryIO:
    """Open a file a person chose for reading, refusing anything but a regular file.

    A named pipe would block ``open()`` until some writer came, and a device may never end:
    either would hang a worker forever. The open does not wait (O_NONBLOCK) and the check is
    an fstat of the opened descriptor, so a file swapped after a check cannot slip through.
    A link to a regular file is followed: people pick those legitimately. OSError is raised
    as ``open`` raises it, so callers keep their own wording for an unreadable file.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise InvalidInput("not a regular file")
        if getattr(os, "O_NONBLOCK", 0):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: Path) -> bytes:
    """The whole of a small regular file a person chose (``open_regular``, then read)."""
    with open_regular(path) as handle:
        return handle.read()


def iter_chunks(stream: object, size: int) -> Iterator[bytes]:
    read = getattr(stream, "read")  # noqa: B009 - any binary file-like object
    while True:
        block = read(size)
        if not block:
            return
        yield block

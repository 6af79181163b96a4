"""Counting failed unlocks outside the encrypted database, durably, before each check.

The count is written and fsynced before the passphrase is tried, so killing the process
between the try and its verdict still spends the attempt; only a right passphrase resets it.
The file always exists and always has the same size whether wiping is on or off: its
presence says nothing about the setting (which the key file authenticates).
"""

from __future__ import annotations

import contextlib
import os
import struct
from pathlib import Path

from reporter.errors import StorageError
from reporter.fsutil import fsync_dir, storage_error
from reporter.vault.layout import STATE_FILE
from reporter.vault.wiping import wipe

_MAGIC = b"TGS1"
_SIZE = 16


def _encode(count: int) -> bytes:
    return _MAGIC + struct.pack(">I", count) + bytes(_SIZE - 8)


def read_count(home: Path) -> int:
    """Failed (or unfinished) attempts since the last right passphrase; a damaged file counts
    as many as a wipe needs, so truncating it cannot buy more tries."""
    try:
        with (home / STATE_FILE).open("rb") as handle:
            data = handle.read(_SIZE + 1)
    except FileNotFoundError:
        return 0
    except OSError as exc:
        raise storage_error(exc) from None
    if len(data) != _SIZE or not data.startswith(_MAGIC):
        return 1 << 31
    return int(struct.unpack(">I", data[4:8])[0])


def write_count(home: Path, count: int) -> None:
    """Durably record ``count`` (in place: 16 bytes, one sector)."""
    path = home / STATE_FILE
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            os.pwrite(fd, _encode(count), 0)
            os.ftruncate(fd, _SIZE)
            os.fsync(fd)
        finally:
            os.close(fd)
        fsync_dir(home)
    except OSError as exc:
        raise storage_error(exc) from None


class UnlockGuard:
    """One unlock attempt: ``begin()`` before checking, then ``failed()`` or ``succeeded()``."""

    def __init__(self, home: Path, wipe_after: int) -> None:
        self.home = home
        self.wipe_after = wipe_after
        self._count = 0

        self.exhausted = False

    def _over(self) -> bool:
        return self.wipe_after > 0 and self._count >= self.wipe_after

    def begin(self) -> None:
        """Spend one attempt on disk; spent already (a kill after the last) means wipe."""
        self._count = read_count(self.home)
        self.exhausted = self._over()
        if self.exhausted:
            return
        self._count = min(self._count + 1, 1 << 31)
        try:
            write_count(self.home, self._count)
        except StorageError:
            if self.wipe_after:
                raise  # without a durable count the limit could be dodged: refuse

    def failed(self) -> None:
        if self._over():
            wipe(self.home)

    def succeeded(self) -> None:
        with contextlib.suppress(StorageError):  # a read-only stick: nothing to reset
            write_count(self.home, 0)

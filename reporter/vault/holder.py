"""Who has a vault open: a shared flock on ``vault.lock`` for as long as a Vault is open.

Opening first tries the lock exclusively without waiting. Getting it means no other process
(and no other Vault in this one) has the vault open, so nothing can be half-way through an
attachment import and every leftover ``.incoming-*`` file is a killed import's: it can go
now, whatever its age. Then the lock becomes shared, for others to open the vault too.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no flock, leftovers wait for their age
    fcntl = None  # type: ignore[assignment]


class VaultHold:
    def __init__(self, fd: int | None, alone: bool) -> None:
        self._fd = fd
        self.alone = alone

    @classmethod
    def take(cls, path: Path, create: bool = True) -> VaultHold:
        """Open the lock file (made 0600 if ``create``) and try to hold it alone.

        A lock file that cannot be opened (read-only folder without one, full inode table)
        is no reason to refuse the vault: the hold is then simply never 'alone'.
        """
        flags = (os.O_RDWR | os.O_CREAT) if create else os.O_RDONLY
        try:
            fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0), 0o600)
        except OSError:
            return cls(None, False)
        if fcntl is None:
            return cls(fd, False)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fcntl.flock(fd, fcntl.LOCK_SH)
            return cls(fd, False)
        return cls(fd, True)

    def shared(self) -> None:
        """Let other processes open the vault too (after the leftovers are gone)."""
        if self._fd is not None and fcntl is not None and self.alone:
            fcntl.flock(self._fd, fcntl.LOCK_SH)
        self.alone = False

    def release(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None

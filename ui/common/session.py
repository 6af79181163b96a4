"""An unlocked vault and what runs against it; locking drops both.

A lock takes effect at once and never waits on the UI thread: the session counts as locked,
nothing new starts, late results are dropped and ``locked`` is emitted in the same turn. The
tasks still running are cancelled and waited for by a timer: the vault is closed (its key
leaves memory) the moment the last one ends, never under a thread still inside it (closing
SQLCipher's connection under a query can crash). ``settled`` says when whoever locked may go
on (the app executes itself afresh): once the vault is closed, or after ``GRACE_MS`` for
cooperative cancel, or, while a durable task (a save) runs, after ``DURABLE_MS``. What a task
still running past that point was doing is lost, as with a crash (SQLite's WAL keeps the
vault whole); a session that stays in this process keeps its vault until its tasks end.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, QObject, QTimer, Signal
from PySide6.QtGui import QClipboard
from PySide6.QtWidgets import QApplication

from ui.common.tasks import TaskRunner

if TYPE_CHECKING:
    from pathlib import Path

    from reporter.vault.vault import Vault

GRACE_MS = 1500  # a task that checks control.cancelled() ends well within it
DURABLE_MS = 30_000  # a save is short; this only bounds one that hangs
POLL_MS = 20

# Locked sessions whose tasks still run, kept after their window may be gone: a deleted
# runner's pool would wait for its threads in its destructor, on the UI thread. Each leaves
# as its vault closes, so none is left for the interpreter to tear down after Qt.
_closing: set[Session] = set()


class Session(QObject):
    locked = Signal()  # at once: views clear, nothing new starts
    closed = Signal()  # the vault is closed: no task runs against it any more
    settled = Signal()  # closed, or waited as long as a lock waits
    incidentsChanged = Signal(list)  # ids of incidents added, changed or deleted
    outboxChanged = Signal()

    def __init__(self, vault: Vault, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.vault: Vault | None = vault
        self.home: Path = vault.home
        self.runner = TaskRunner(vault, self)
        self._open: Vault | None = None  # locked, still open under a running task
        self._settled = False
        self._on_closed: list[Callable[[], object]] = []
        self._on_settled: list[Callable[[], object]] = []
        self._clock = QElapsedTimer()
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._check)

    @property
    def is_locked(self) -> bool:
        return self.vault is None

    @property
    def is_closed(self) -> bool:
        """Locked and its vault closed: nothing of it runs any more."""
        return self.vault is None and self._open is None

    @property
    def is_settled(self) -> bool:
        return self.vault is None and self._settled

    def lock(self) -> None:
        """Lock now; cancel work; close the vault once no task uses it (never blocks)."""
        if self.vault is None:
            return
        self._open, self.vault = self.vault, None
        self.runner.shut()
        _clear_clipboard()
        _closing.add(self)
        self._clock.start()
        self.runner.idle.connect(self._check)
        self.locked.emit()
        self._step()
        if self._open is None:
            self._release()
        else:
            self._poll.start()

    def after_closed(self, callback: Callable[[], object]) -> None:
        """``callback()`` once the vault is closed (now if it is)."""
        if self.is_closed:
            callback()
        else:
            self._on_closed.append(callback)

    def after_settled(self, callback: Callable[[], object]) -> None:
        """``callback()`` once the lock has waited as long as it waits (now if it has)."""
        if self.is_settled:
            callback()
        else:
            self._on_settled.append(callback)

    def finish(self, msecs: int | None = None) -> bool:
        """Blocking, for when no event loop runs any more (the app quits): wait, then close.

        It waits as a lock does (``GRACE_MS``, ``DURABLE_MS`` while a save runs) unless told.
        True if the vault is closed; else a task still runs inside it, and it stays open.
        """
        if msecs is None:
            msecs = DURABLE_MS if self.runner.durable_busy else GRACE_MS
        if self._open is not None and self.runner.pool.waitForDone(msecs):
            self._step(threads_done=True)  # their outcomes wait for a loop that is gone
            self._release()
        return self.is_closed

    def _check(self) -> None:
        """The poll's and the runner's slot: it must not drop the last reference to this
        session (its children's signals are being emitted), so the release comes next turn."""
        self._step()
        if self._open is None and self in _closing:
            QTimer.singleShot(0, self._release)

    def _release(self) -> None:
        self._poll.stop()
        _closing.discard(self)

    def _step(self, threads_done: bool = False) -> None:
        """Closed and settled as things stand, and only then told: a callback sees the
        whole state (the app quits on a wipe, and a window not yet settled refuses to close)."""
        closed_now = self._open is not None and (threads_done or not self.runner.busy)
        if closed_now:
            self._close_vault()
        elapsed = self._clock.elapsed()
        settled_now = not self._settled and (
            self._open is None
            or (elapsed >= GRACE_MS and not self.runner.durable_busy)
            or elapsed >= DURABLE_MS
        )
        if settled_now:
            self._settled = True
        if closed_now:
            self.closed.emit()
            _call_all(self._on_closed)
        if settled_now:
            self.settled.emit()
            _call_all(self._on_settled)

    def _close_vault(self) -> None:
        vault, self._open = self._open, None
        self._poll.stop()
        if vault is not None:
            vault.close()


def _call_all(callbacks: list[Callable[[], object]]) -> None:
    while callbacks:
        callbacks.pop(0)()


def _clear_clipboard() -> None:
    clipboard = QApplication.clipboard()
    if clipboard is None:
        return
    clipboard.clear()
    # X11's selection holds whatever text was last selected; macOS's find buffer what
    # was searched: both are readable by any program and outlive the lock otherwise.
    if clipboard.supportsSelection():
        clipboard.clear(QClipboard.Mode.Selection)
    if clipboard.supportsFindBuffer():
        clipboard.clear(QClipboard.Mode.FindBuffer)


def finish_all() -> None:
    """The process ends: every locked session still closing waits as a lock does, blocking."""
    for closing in list(_closing):
        closing.finish()


def still_running() -> bool:
    """A locked session's task still runs in this process, inside its open vault."""
    return bool(_closing)

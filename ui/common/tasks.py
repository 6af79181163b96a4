"""Work off the UI thread: vault, crypto and network calls run in a thread pool.

``runner.run(fn, on_done=…, on_error=…, on_progress=…)`` calls ``fn(vault, control)`` in a
worker and delivers the result on the UI thread. ``control.progress(done, total)`` and
``control.cancelled()`` are what the core's progress/cancel callbacks expect.

The thread rules, which keep Qt from crashing under load:

- A worker touches no Qt object. It posts its outcome to one mailbox QObject that lives on
  the UI thread for the whole process, so nothing a worker emits on can be deleted under it.
- Everything a task holds (its callbacks, ``fn`` and what its closure keeps alive, e.g. a
  widget) is released on the UI thread: the worker drops ``fn`` before it posts the outcome,
  and the runner keeps the task until the outcome is delivered.
- A callback runs only while the QObject it belongs to and the runner still exist.
- Results are plain data (ids, dicts) or a thread-safe core object (a ``Vault``: every call
  holds its lock, and its connection is opened with ``check_same_thread=False`` for that), never
  a Qt object (it would belong to the worker's thread) nor a live cursor.

An unexpected exception becomes ``InternalError`` for the person and a diagnostics entry
(type and frames, no values) for whoever helps them; with no ``on_error`` the error dialog shows.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThread, QThreadPool, Signal
from PySide6.QtWidgets import QApplication

from reporter import diagnostics
from reporter.errors import TestigoError
from ui.common.errors import InternalError, show_error

if TYPE_CHECKING:
    from reporter.vault.vault import Vault

# What runs in a worker: ``fn(vault, control)``. A runner made without a vault (the first
# run, the unlock screen) runs only tasks that do not use it: they are given None.
Task = Callable[["Vault", "TaskControl"], Any]
# What a result or an error is delivered to; what a callback returns is not used.
Done = Callable[[Any], object]
Failed = Callable[[TestigoError], object]

__all__ = ["InternalError", "TaskControl", "TaskHandle", "TaskRunner"]

_DONE, _FAILED, _PROGRESS = 0, 1, 2

_keys = itertools.count(1)


class _Mailbox(QObject):
    """The one object workers post to; it lives on the UI thread until the process ends."""

    posted = Signal(int, int, object)  # task key, kind, payload

    def __init__(self) -> None:
        super().__init__()
        self.tasks: dict[int, _Task] = {}
        self.posted.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def _deliver(self, key: int, kind: int, payload: Any) -> None:
        task = self.tasks.get(key)
        if task is None:
            return
        if kind != _PROGRESS:
            del self.tasks[key]  # released here, on the UI thread
        task.deliver(kind, payload)


@functools.cache
def _mailbox() -> _Mailbox:
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        raise RuntimeError("tasks are started from the UI thread")
    return _Mailbox()


class TaskControl:
    def __init__(self, key: int, mailbox: _Mailbox) -> None:
        self._key, self._mailbox = key, mailbox
        self._cancel = threading.Event()

    def progress(self, done: int, total: int) -> None:
        self._mailbox.posted.emit(self._key, _PROGRESS, (int(done), int(total)))

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


class TaskHandle:
    def __init__(self, control: TaskControl) -> None:
        self.control = control

    def cancel(self) -> None:
        self.control.cancel()


def _alive(callback: Callable[..., Any]) -> bool:
    """False once a QObject the callback belongs to or closes over has been deleted."""
    owners = [getattr(callback, "__self__", None)]
    for cell in getattr(callback, "__closure__", None) or ():
        with contextlib.suppress(ValueError):  # a cell not yet filled
            owners.append(cell.cell_contents)
    return all(shiboken6.isValid(owner) for owner in owners if isinstance(owner, QObject))


@dataclass
class _Task:
    runner: TaskRunner
    handle: TaskHandle
    fn: Task | None
    on_done: Done | None
    on_error: Failed
    on_progress: Callable[[int, int], object] | None

    def deliver(self, kind: int, payload: Any) -> None:
        runner_alive = shiboken6.isValid(self.runner)
        if runner_alive and kind != _PROGRESS:
            self.runner._finished(self.handle)
        if kind == _DONE and isinstance(payload, QObject):  # it belongs to a dead thread
            diagnostics.record(TypeError("a task returned a Qt object"))
            kind, payload = _FAILED, InternalError()
        callback: Callable[..., Any] | None = {
            _DONE: self.on_done,
            _FAILED: self.on_error,
            _PROGRESS: self.on_progress,
        }[kind]
        if not runner_alive or self.runner.closed or callback is None or not _alive(callback):
            if kind == _DONE:  # its window is gone or locked: nobody may see it
                _release(payload)
            return
        try:
            callback(*payload) if kind == _PROGRESS else callback(payload)
        except Exception as exc:  # a bug in a callback: tell the person, keep where it was
            diagnostics.record(exc)
            show_default_error(InternalError())


def _release(result: Any) -> None:
    """A result nobody takes is closed if it can be: an unlocked vault must not linger."""
    close = getattr(result, "close", None)
    if callable(close):
        try:
            close()
        except Exception as exc:  # closing what nobody uses must not become a dialog
            diagnostics.record(exc)


class _Worker(QRunnable):
    def __init__(
        self,
        key: int,
        fn: Task,
        vault: Vault | None,
        control: TaskControl,
        mailbox: _Mailbox,
    ) -> None:
        super().__init__()
        self._key, self._fn, self._vault = key, fn, vault
        self._control, self._mailbox = control, mailbox

    def run(self) -> None:
        fn = self._fn
        del self._fn
        kind, payload = _DONE, None
        try:
            payload = fn(cast("Vault", self._vault), self._control)
        except TestigoError as exc:
            diagnostics.record(exc)
            kind, payload = _FAILED, exc.with_traceback(None)
            payload.__cause__ = payload.__context__ = None  # frames would keep locals alive
        except BaseException as exc:  # never a traceback to a person; diagnostics keep frames
            diagnostics.record(exc)
            kind, payload = _FAILED, InternalError()
        del fn  # the UI thread's reference is the last one
        self._vault = None
        self._mailbox.posted.emit(self._key, kind, payload)


def show_default_error(exc: TestigoError) -> None:
    show_error(QApplication.activeWindow(), exc)


class TaskRunner(QObject):
    """Runs callables against one vault (or none) in a bounded pool."""

    idle = Signal()  # the last running task's outcome was delivered

    def __init__(self, vault: Vault | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(4)
        self._active: set[TaskHandle] = set()
        self._durable: set[TaskHandle] = set()
        self.closed = False

    def run(
        self,
        fn: Task,
        on_done: Done | None = None,
        on_error: Failed | None = None,
        on_progress: Callable[[int, int], object] | None = None,
        durable: bool = False,
    ) -> TaskHandle:
        """``durable``: what it writes must not be cut by a lock (a save): a lock waits longer."""
        mailbox = _mailbox()
        key = next(_keys)
        control = TaskControl(key, mailbox)
        handle = TaskHandle(control)
        if self.closed:  # a result arriving after a lock: never started
            control.cancel()
            return handle
        self._active.add(handle)
        if durable:
            self._durable.add(handle)
        mailbox.tasks[key] = _Task(
            self, handle, fn, on_done, on_error or show_default_error, on_progress
        )
        self.pool.start(_Worker(key, fn, self.vault, control, mailbox))
        return handle

    def _finished(self, handle: TaskHandle) -> None:
        self._durable.discard(handle)
        if handle in self._active:
            self._active.discard(handle)
            if not self._active:
                self.idle.emit()

    @property
    def busy(self) -> int:
        return len(self._active)

    @property
    def durable_busy(self) -> int:
        return len(self._durable)

    def cancel_all(self) -> None:
        for handle in list(self._active):
            handle.cancel()

    def wait(self, msecs: int = 30000) -> bool:
        return bool(self.pool.waitForDone(msecs))

    def shut(self) -> None:
        """Cancel what runs and drop every later result, without waiting (a lock).

        After a lock nothing may fill a view again with what the vault held, and a task
        started by a late result would find no vault. Each running task keeps its own
        reference to the vault until it ends; ``busy`` and ``idle`` say when that is.
        """
        self.closed = True
        self.cancel_all()
        self.vault = None

    def close(self, msecs: int = 30000) -> bool:
        """``shut``, then wait for what runs, blocking: for tests and the end of a process."""
        self.shut()
        return self.wait(msecs)

"""Work off the UI thread: vault, crypto and network calls run in a thread pool.

``runner.run(fn, on_done=…, on_error=…, on_progress=…)`` calls ``fn(vault, control)`` in a
worker and delivers the result on the UI thread. ``control.progress(done, total)`` and
``control.cancelled()`` are what the core's progress/cancel callbacks expect. Results are
plain data (ids, dicts), never live database objects.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from reporter.errors import TestigoError


class InternalError(TestigoError):
    code = "internal_error"
    en = "Something unexpected went wrong. Nothing was shown to keep your data private."
    es = "Algo inesperado falló. No se muestra nada más para proteger sus datos."


class TaskControl:
    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def progress(self, done: int, total: int) -> None:
        self._signals.progress.emit(int(done), int(total))

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)


class _Worker(QRunnable):
    def __init__(self, fn: Callable[[Any, TaskControl], Any], vault: Any,
                 signals: _Signals, control: TaskControl) -> None:
        super().__init__()
        self._fn, self._vault, self.signals, self.control = fn, vault, signals, control

    def run(self) -> None:
        try:
            result = self._fn(self._vault, self.control)
        except TestigoError as exc:
            self.signals.failed.emit(exc)
        except Exception:  # never a traceback to a person; the error class says enough
            self.signals.failed.emit(InternalError())
        else:
            self.signals.done.emit(result)


class TaskHandle:
    def __init__(self, control: TaskControl, signals: _Signals) -> None:
        self.control = control
        self.signals = signals

    def cancel(self) -> None:
        self.control.cancel()


class TaskRunner(QObject):
    """Runs callables against one vault (or none) in a bounded pool."""

    def __init__(self, vault: Any = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(4)
        self._active: set[TaskHandle] = set()

    def run(self, fn: Callable[[Any, TaskControl], Any],
            on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[TestigoError], None] | None = None,
            on_progress: Callable[[int, int], None] | None = None) -> TaskHandle:
        signals = _Signals()
        control = TaskControl(signals)
        handle = TaskHandle(control, signals)
        self._active.add(handle)

        def finish() -> None:
            self._active.discard(handle)

        if on_done is not None:
            signals.done.connect(on_done)
        if on_error is not None:
            signals.failed.connect(on_error)
        if on_progress is not None:
            signals.progress.connect(on_progress)
        signals.done.connect(finish)
        signals.failed.connect(finish)
        self.pool.start(_Worker(fn, self.vault, signals, control))
        return handle

    @property
    def busy(self) -> int:
        return len(self._active)

    def cancel_all(self) -> None:
        for handle in list(self._active):
            handle.cancel()

    def wait(self, msecs: int = 30000) -> bool:
        return bool(self.pool.waitForDone(msecs))

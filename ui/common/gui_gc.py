"""Python's cycle collector, run only on the UI thread.

The collector runs in whichever thread happens to allocate past its threshold. A widget, a
timer or a thread pool caught in a reference cycle is then destroyed in that thread, and Qt
objects must die in their own: under load the GUI tests crashed (SIGSEGV) with the collector
freeing a closed window's objects inside an attachment worker. So automatic collection is
off while the app runs, and a timer on the UI thread collects each generation once its
count passes the threshold Python would have used (the well-known pattern of pyqtgraph and
Spyder). Reference counting still frees everything that is not in a cycle at once.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500  # a worker's cyclic garbage waits at most this long


class UiThreadCollector(QObject):
    """Owns the collector while it exists; ``stop()`` gives it back to Python."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        self._threshold = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def check(self) -> int:
        """Collect the generations whose counts passed their thresholds; objects freed."""
        counts = gc.get_count()
        freed = 0
        for generation in (2, 1, 0):  # the oldest due one takes the younger ones with it
            if counts[generation] > self._threshold[generation]:
                freed = gc.collect(generation)
                break
        return freed

    def stop(self) -> None:
        """Collect everything here, on the UI thread, then let Python collect as before."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()


_installed: list[UiThreadCollector] = []  # the app's, alive as long as the process


def install(parent: QObject) -> UiThreadCollector:
    """The app's collector, for the life of ``parent`` (the QApplication)."""
    collector = UiThreadCollector(parent)
    _installed.append(collector)
    return collector

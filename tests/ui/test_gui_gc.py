"""Cycles are collected on the UI thread only: a Qt object caught in a cycle and collected in a
worker is destroyed in the wrong thread (the GUI tests crashed with SIGSEGV under load)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from typing import Any

import pytest

from ui.common.gui_gc import UiThreadCollector

pytestmark = pytest.mark.gui


class Node:
    def __init__(self, freed_on: list[str]) -> None:
        self.freed_on = freed_on
        self.other: Any = None

    def __del__(self) -> None:
        self.freed_on.append(threading.current_thread().name)


def cycle_then_allocate(freed_on: list[str]) -> None:
    """In a worker: a cycle becomes garbage, then enough allocations to start a collection."""
    a, b = Node(freed_on), Node(freed_on)
    a.other, b.other = b, a
    del a, b
    kept = [[] for _ in range(5 * gc.get_threshold()[0])]
    del kept


def in_a_worker(freed_on: list[str]) -> None:
    worker = threading.Thread(target=cycle_then_allocate, args=(freed_on,), name="worker")
    worker.start()
    worker.join(30)


def test_without_it_a_worker_collects_the_cycle() -> None:
    """The premise: Python's own collector runs in whichever thread allocates."""
    was = gc.isenabled()
    gc.enable()
    gc.collect()
    freed_on: list[str] = []
    try:
        in_a_worker(freed_on)
    finally:
        if not was:
            gc.disable()
    assert freed_on == ["worker", "worker"]


def test_with_it_the_cycle_is_freed_on_the_ui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    collector = UiThreadCollector(interval_ms=10)
    try:
        assert not gc.isenabled()
        freed_on: list[str] = []
        in_a_worker(freed_on)
        assert freed_on == []  # the worker allocated past the threshold and collected nothing
        kept = [[] for _ in range(2 * gc.get_threshold()[0])]  # the UI thread's turn
        qtbot.waitUntil(lambda: len(freed_on) == 2, timeout=5000)
        del kept
        assert freed_on == [threading.main_thread().name] * 2
    finally:
        collector.stop()


THE_APP = """
import gc, threading
from PySide6.QtCore import QTimer
from ui.app import create_app
from tests.ui.test_gui_gc import Node, in_a_worker

app = create_app(["testigo", "-platform", "offscreen"])
freed_on = []
in_a_worker(freed_on)
print("enabled", gc.isenabled(), "in the worker", len(freed_on), flush=True)
kept = [[] for _ in range(2 * gc.get_threshold()[0])]

def done():
    if len(freed_on) == 2:
        print("freed on", sorted(set(freed_on)), flush=True)
        app.quit()

poll = QTimer()
poll.timeout.connect(done)
poll.start(20)
QTimer.singleShot(20_000, app.quit)
app.exec()
"""


def test_the_app_collects_on_its_ui_thread(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """``testigo`` itself (create_app), not only the tests' fixture."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = {**os.environ, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    done = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", THE_APP],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "enabled False in the worker 0" in done.stdout, done.stdout + done.stderr[-2000:]
    assert "freed on ['MainThread']" in done.stdout, done.stdout + done.stderr[-2000:]


def _freed_without_the_collector(qtbot: Any, make: Callable[[], Any]) -> bool:
    """Made, locked, closed, deleted by Qt, then the last name dropped: is it gone at once?

    Nothing runs between the ``del`` and the check, so no collection can free it there: only
    reference counting can, and only if the window sits in no cycle. (Made here: a window
    passed in would stay referenced by the caller's frame until this returns.)"""
    window = make()
    import functools
    import weakref

    import shiboken6

    window.show()
    window.lock()
    qtbot.waitUntil(functools.partial(lambda w: w.session.is_settled, window), timeout=10_000)
    window.close()
    window.deleteLater()
    qtbot.waitUntil(functools.partial(lambda w: not shiboken6.isValid(w), window), timeout=10_000)
    gone = weakref.ref(window)
    del window
    return gone() is None


def test_a_closed_reporter_window_is_freed_at_once(qtbot, vault) -> None:  # type: ignore[no-untyped-def]
    """A window left in a cycle waited for the collector, which under load ran in a worker
    and destroyed its Qt objects there (SIGSEGV); found with gc.DEBUG_SAVEALL: the help menu
    and the evidence viewers held their window back."""
    from ui.common.session import Session
    from ui.reporter.main_window import MainWindow

    assert _freed_without_the_collector(qtbot, lambda: MainWindow(Session(vault)))


def test_a_closed_coordinator_window_is_freed_at_once(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Its coordination page's proxy getter closed over the window."""
    from reporter.vault.vault import Vault
    from tests.ui.conftest import PASSPHRASE
    from ui.common.session import Session
    from ui.coordinator.window import CoordinatorWindow

    vault = Vault.create(tmp_path / "coordinator", PASSPHRASE, role="coordinator")
    assert _freed_without_the_collector(qtbot, lambda: CoordinatorWindow(Session(vault)))

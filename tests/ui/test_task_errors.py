"""Background tasks: a failure is shown and kept for diagnostics; a task never outlives Qt."""

from __future__ import annotations

import threading
import time
import weakref
from typing import Any

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from reporter import diagnostics
from tests.ui.conftest import StallMeter
from ui.common.tasks import TaskControl, TaskRunner

SECRET = "CANARYTASK31 dirección de la testigo"


def error_dialogs() -> list[QMessageBox]:
    return [
        w
        for w in QApplication.allWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "errorDialog" and w.isVisible()
    ]


def failing_lookup(vault: Any, control: TaskControl) -> None:
    notes = SECRET  # a local holding content
    raise KeyError(f"no such record: {notes}")


def test_an_unexpected_error_without_on_error_shows_the_dialog_and_an_entry(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    diagnostics.clear()
    window.session.runner.run(failing_lookup)
    qtbot.waitUntil(lambda: len(error_dialogs()) == 1, timeout=10000)
    (box,) = error_dialogs()
    assert "unexpected" in box.text()
    assert SECRET not in box.text()
    (entry,) = diagnostics.entries()
    text = entry.text()
    assert entry.code == "internal_error"
    assert "KeyError" in text
    assert "tests/ui/test_task_errors.py:" in text
    assert ":failing_lookup" in text
    assert "CANARYTASK31" not in text
    assert "dirección" not in text
    box.done(0)
    qtbot.waitUntil(lambda: not error_dialogs(), timeout=5000)
    diagnostics.clear()


def test_our_errors_without_on_error_are_shown_in_the_persons_words(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from reporter.errors import NotFound

    def missing(vault: Any, control: TaskControl) -> None:
        raise NotFound(what="incident")

    diagnostics.clear()
    window.session.runner.run(missing)
    qtbot.waitUntil(lambda: len(error_dialogs()) == 1, timeout=10000)
    assert error_dialogs()[0].text().startswith(NotFound(what="incident").message("en"))
    assert [entry.code for entry in diagnostics.entries()] == ["not_found"]
    error_dialogs()[0].done(0)
    diagnostics.clear()


def test_a_callback_whose_widget_was_deleted_is_not_called(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    label = QLabel()
    release = threading.Event()

    def slow(vault: Any, control: TaskControl) -> str:
        release.wait(10)
        return "late"

    runner.run(slow, on_done=lambda text: label.setText(text))
    label.deleteLater()
    qtbot.waitUntil(lambda: not __import__("shiboken6").isValid(label), timeout=5000)
    release.set()
    qtbot.waitUntil(lambda: runner.busy == 0, timeout=10000)  # delivered, and dropped
    assert runner.wait(5000)


def test_what_a_task_holds_is_released_on_the_ui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A QObject freed on a worker thread is what crashed Qt under load."""
    runner = TaskRunner()
    released: list[int] = []

    def make_task() -> Any:
        holder = QObject()  # only the task's closure keeps it
        weakref.finalize(holder, lambda: released.append(threading.get_ident()))

        def task(vault: Any, control: TaskControl) -> str:
            return holder.objectName()

        return task

    results: list[str] = []
    for _ in range(20):
        runner.run(make_task(), on_done=results.append)
    qtbot.waitUntil(lambda: len(results) == 20 and len(released) == 20, timeout=20000)
    assert set(released) == {threading.main_thread().ident}
    assert runner.wait(5000)


def test_a_closed_window_leaves_no_application_filter_behind(qtbot, vault) -> None:  # type: ignore[no-untyped-def]
    """The idle watcher of a deleted window made the next key press crash (exit 139)."""
    import shiboken6
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit

    from ui.common.session import Session
    from ui.reporter.main_window import MainWindow

    window = MainWindow(Session(vault))
    watcher = window.idle
    window.show()
    window.lock()
    window.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(window), timeout=5000)
    assert not shiboken6.isValid(watcher)
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    qtbot.keyClick(field, Qt.Key.Key_A)  # through every application filter
    assert field.text() == "a"


def test_results_arriving_after_a_lock_are_dropped_and_nothing_new_starts(qtbot, vault) -> None:  # type: ignore[no-untyped-def]
    """A list reloaded after the lock would show what the vault held on the locked screen."""
    from ui.common.session import Session

    session = Session(vault)
    shown: list[Any] = []
    session.runner.run(lambda v, c: v.incidents.find(), on_done=shown.append)
    session.lock()
    late = session.runner.run(
        lambda v, c: v.incidents.find(), on_done=shown.append, on_error=shown.append
    )
    assert late.control.cancelled()
    later = TaskRunner()  # the mailbox delivers in order: after the others
    marks: list[int] = []
    later.run(lambda v, c: 1, on_done=marks.append)
    qtbot.waitUntil(lambda: marks == [1], timeout=10000)
    assert shown == []


def test_the_stall_meter_still_sees_the_ui_thread_blocked(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The load baseline must not excuse real work on the UI thread."""
    with StallMeter() as meter:
        qtbot.wait(100)
        end = time.perf_counter() + 0.4
        while time.perf_counter() < end:  # 400 ms of work on the UI thread
            pass
        qtbot.wait(100)
    assert meter.worst_stall_ms() >= 350
    with pytest.raises(AssertionError, match="event loop stalled"):
        meter.assert_responsive()


SLOT_BUG = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from reporter import diagnostics
from ui.app import create_app

app = create_app(["testigo", "-platform", "offscreen"])

def slot_with_a_bug():
    notes = sys.argv[-1]
    raise ValueError("leaked " + notes)

def report():
    boxes = [w for w in QApplication.allWidgets()
             if isinstance(w, QMessageBox) and w.objectName() == "errorDialog"]
    print("dialogs", len(boxes), "entries", len(diagnostics.entries()))
    print(diagnostics.text())
    app.quit()

QTimer.singleShot(0, slot_with_a_bug)
QTimer.singleShot(0, report)                # timers of equal delay run in order
app.exec()
"""


def test_an_exception_escaping_a_slot_is_shown_and_kept_never_printed(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Python prints it to stderr, message and all, where a desktop session may keep a file."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    done = subprocess.run(
        [sys.executable, "-c", SLOT_BUG, SECRET],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=dict(os.environ),
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "dialogs 1 entries 1" in done.stdout
    assert ":slot_with_a_bug" in done.stdout
    assert "CANARYTASK31" not in done.stdout + done.stderr
    assert "Traceback" not in done.stderr


def test_answered_dialogs_are_deleted_not_kept_by_the_window(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QInputDialog

    from reporter.errors import NotFound
    from ui.common.errors import show_error

    for _ in range(3):
        window.ask_wipe()
        (asking,) = [d for d in window.findChildren(QInputDialog, "wipeConfirm") if d.isVisible()]
        asking.reject()
        show_error(window, NotFound(what="incident")).done(0)
    qtbot.waitUntil(
        lambda: (
            not window.findChildren(QInputDialog, "wipeConfirm")
            and not window.findChildren(QMessageBox, "errorDialog")
        ),
        timeout=5000,
    )


def test_a_vault_opened_for_a_window_that_is_gone_is_closed(qtbot, vault, home) -> None:  # type: ignore[no-untyped-def]
    """Closing the unlock window while it unlocks must not leave an open vault behind."""
    import shiboken6

    from reporter.vault.vault import Vault
    from tests.ui.conftest import PASSPHRASE
    from ui.common.unlock import UnlockWindow

    vault.close()
    screen = UnlockWindow(home)
    opened: list[Vault] = []

    def open_vault(_: Any, control: TaskControl) -> Vault:
        opened.append(Vault.open(home, PASSPHRASE))
        return opened[-1]

    screen.runner.run(open_vault, on_done=screen._opened)
    shiboken6.delete(screen)  # its pool waits for the task; the result arrives after
    later = TaskRunner()
    marks: list[int] = []
    later.run(lambda v, c: 1, on_done=marks.append)
    qtbot.waitUntil(lambda: marks == [1], timeout=10000)
    assert len(opened) == 1
    assert opened[0].closed

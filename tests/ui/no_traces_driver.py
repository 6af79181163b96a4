"""A whole desktop session in its own process, for test_no_traces.py.

Run as ``python -m tests.ui.no_traces_driver EVIDENCE DESTINATION`` with HOME, the XDG
folders and TMPDIR pointing at fresh folders: it starts the app as ``testigo`` does, unlocks,
attaches EVIDENCE and extracts it to DESTINATION through the real file dialogs, views it,
changes preferences, then wipes, which quits the app. Exit 0 when every step happened.
A process of its own because Qt reads those variables once, when it first needs them.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Generator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLineEdit

from reporter.vault import keyfile

PASSPHRASE = "correct horse battery staple 42"
DEADLINE_S = 90.0
Step = Generator[Callable[[], Any], Any, None]


class Script:
    """Runs a generator of steps from the event loop: each yield waits for its condition.

    The condition is polled by a timer, so the steps also run inside a modal dialog's own
    event loop, which is how a test answers a file dialog the app opened with exec().
    """

    def __init__(self, steps: Step) -> None:
        self.steps = steps
        self.deadline = time.monotonic() + DEADLINE_S
        self.busy = False
        self.waiting: Callable[[], Any] = next(steps)
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def tick(self) -> None:
        if self.busy:
            return
        if time.monotonic() > self.deadline:
            print(f"timed out waiting in {self.steps.gi_frame}", file=sys.stderr)
            QCoreApplication.exit(3)
            return
        value = self.waiting()
        if not value:
            return
        self.busy = True
        try:
            self.waiting = self.steps.send(value)
        except StopIteration:
            self.timer.stop()
        finally:
            self.busy = False


def run_session(app: Any, steps: Step) -> int:
    """Run the app until it quits; 4 if it quit before the steps were done."""
    script = Script(steps)
    code = int(app.exec())
    if code == 0 and script.timer.isActive():
        print("the app quit before the session ended", file=sys.stderr)
        return 4
    return code


def file_dialog() -> QFileDialog | None:
    widget = QApplication.activeModalWidget()
    return widget if isinstance(widget, QFileDialog) and widget.isVisible() else None


def answer(dialog: QFileDialog, path: Path) -> None:
    """Go to the file's folder and type its name, as a person would, then press OK."""
    dialog.setDirectory(str(path.parent))
    edit = dialog.findChild(QLineEdit, "fileNameEdit")
    assert edit is not None
    edit.setText(path.name)
    dialog.accept()


def session(controller: Any, evidence: Path, destination: Path) -> Step:
    from ui.common.i18n import language

    unlock = yield lambda: controller.unlock
    unlock.field.setText(PASSPHRASE)
    unlock.button.click()
    window = yield lambda: controller.window
    incident_id = window.session.vault.incidents.add(
        {"title": "Vigilancia en la plaza", "incident_types": ["SURV.SPYWARE"]}
    )
    window.open_incident(incident_id)
    panel = window.editor.attachments
    yield lambda: panel.incident_id == incident_id and panel.isEnabled()
    QTimer.singleShot(0, panel.add_button.click)
    answer((yield file_dialog), evidence)
    yield lambda: panel.list.count() == 1 and panel.task is None
    panel.list.setCurrentRow(0)
    panel.view_button.click()
    viewer = yield lambda: panel.findChild(QDialog, "attachmentViewer")
    yield viewer.isVisible
    viewer.close()
    QTimer.singleShot(0, panel.extract_button.click)
    answer((yield file_dialog), destination)
    size = evidence.stat().st_size
    yield lambda: destination.exists() and destination.stat().st_size == size
    window.settings_page.autolock.setValue(7)  # preferences are written, as in real use
    language().set("en")
    window.wipe(True)  # the app quits when the wipe is done


def main(argv: list[str]) -> int:
    evidence, destination = Path(argv[1]), Path(argv[2])
    keyfile.FAST_KDF_FOR_TESTS = True  # throwaway vault: set in code, as tests do
    from reporter.places import locate
    from reporter.vault.vault import Vault
    from ui.app import Controller, create_app
    from ui.common.i18n import language

    app = create_app(["testigo", "-platform", "offscreen"])
    print(f"language at start: {language().code}", flush=True)
    home = locate().home
    Vault.create(home, PASSPHRASE).close()
    controller = Controller(home)
    controller.start()
    app.aboutToQuit.connect(lambda: controller.window and controller.window.lock())
    return run_session(app, session(controller, evidence, destination))


if __name__ == "__main__":
    sys.exit(main(sys.argv))

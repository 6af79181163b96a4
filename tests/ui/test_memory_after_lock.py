"""After lock, no incident text remains in the app's memory (issue 19, test 6).

A whole session runs in a child process (tests/ui/memory_driver.py): 30 incidents with
canaries in their titles, descriptions and private notes, each opened in the main window,
an edit left unsaved, then Ctrl+L. The process that shows the unlock screen afterwards reads
every readable map of its own memory. Before the lock the same scan finds the canaries (the
scan works); after it, none may be found, and unlocking again shows the unsaved edit kept.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from tests.ui.child_session import fresh_environment, run_driver

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/mem").exists(), reason="reads /proc/self/mem (Linux)"
)

LINE = re.compile(r"(before lock|after lock): pid=(\d+) canaries=(\d+) T=(\d+) D=(\d+) N=(\d+)")


def test_a_lock_leaves_no_incident_text_in_memory(tmp_path: Path) -> None:
    run = run_driver("tests.ui.memory_driver", fresh_environment(tmp_path), timeout=240)

    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-3000:]
    scans = {m[1]: m for m in LINE.finditer(run.stdout)}
    assert set(scans) == {"before lock", "after lock"}, run.stdout
    before, after = scans["before lock"], scans["after lock"]
    # Opened, all 30 are in memory: titles, descriptions and the notes never shown.
    assert all(int(before[k]) >= 30 for k in (4, 5, 6)), before[0]
    assert after[2] == before[2]  # the same process (PID), its whole address space new
    assert int(after[3]) == 0, f"{after[0]} (before the lock: {before[0]})"
    centres = [
        [int(v) for v in m.split(",")] for m in re.findall(r"centre: (-?\d+,-?\d+)", run.stdout)
    ]
    assert len(centres) == 2, run.stdout
    window, unlock = centres  # the unlock screen is where the window was (to a frame's edge)
    assert abs(window[0] - unlock[0]) <= 8, centres
    assert abs(window[1] - unlock[1]) <= 8, centres
    assert "unlock title: Notes" in run.stdout  # discreet mode survives the restart
    assert "process name: notes" in run.stdout  # and names the process neutrally
    assert "edits kept: 1" in run.stdout  # the unsaved edit was saved, not lost


def test_the_program_is_executed_again_as_it_was_started(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from ui.app import program

    script = tmp_path / "testigo"
    script.write_text("#!/usr/bin/python3\n", encoding="utf-8")
    script.chmod(0o700)
    monkeypatch.setattr(sys, "argv", [str(script), "--portable", "/media/usb"])
    monkeypatch.setattr(
        sys, "orig_argv", ["/usr/bin/python3", str(script), "--portable", "/media/usb"]
    )
    assert program() == (str(script), [str(script), "--portable", "/media/usb"])  # keeps its name
    monkeypatch.setattr(sys, "argv", ["/src/ui/app.py"])
    monkeypatch.setattr(sys, "orig_argv", ["python3", "-X", "dev", "-m", "ui.app"])
    assert program() == (sys.executable, ["python3", "-X", "dev", "-m", "ui.app"])


def test_the_unlock_screen_of_a_discreet_install_names_nothing(qtbot, home) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication

    from reporter.places import NEUTRAL_APP_NAME
    from ui.common.i18n import language
    from ui.common.unlock import UnlockWindow

    language().set("en")
    plain = UnlockWindow(home)
    qtbot.addWidget(plain)
    assert "Testigo" in plain.windowTitle() + plain.title.text()
    QCoreApplication.setApplicationName(NEUTRAL_APP_NAME)  # as create_app names a discreet one
    try:
        neutral = UnlockWindow(home)
        qtbot.addWidget(neutral)
        language().set("es")  # and after a language change
        assert neutral.windowTitle() == "Notas"
        assert "Testigo" not in neutral.windowTitle() + neutral.title.text()
    finally:
        QCoreApplication.setApplicationName("TestigoTests")

"""Locking empties the X11 selection too, not only the clipboard.

On X11 selecting text (an incident's description, say) puts it in the PRIMARY selection,
which any program may read and a middle click pastes, locked or not. The offscreen platform
has no selection, so this runs the session on a private Xvfb display in a child process.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ui.child_session import REPO, fresh_environment

pytestmark = pytest.mark.gui

SCRIPT = r"""
import sys
from PySide6.QtGui import QClipboard
from PySide6.QtWidgets import QApplication
from reporter.vault.vault import Vault
from ui.common.session import Session

app = QApplication([])
board = app.clipboard()
if not board.supportsSelection():
    print("no-selection")
    sys.exit(0)
from pathlib import Path
session = Session(Vault.create(Path(sys.argv[1]), "correct horse battery staple 42"))
board.setText("CANARYSELECTED", QClipboard.Mode.Selection)
board.setText("CANARYCOPIED", QClipboard.Mode.Clipboard)
session.lock()
print(repr(board.text(QClipboard.Mode.Selection)), repr(board.text(QClipboard.Mode.Clipboard)))
"""


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs xvfb-run (Xvfb)")
def test_locking_clears_the_primary_selection(tmp_path: Path) -> None:
    env = fresh_environment(tmp_path)
    env["QT_QPA_PLATFORM"] = "xcb"
    env["PYTHONPATH"] = str(REPO)
    done = subprocess.run(
        ["xvfb-run", "-a", sys.executable, "-c", SCRIPT, str(tmp_path / "vault")],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    last = done.stdout.strip().splitlines()[-1]
    if last == "no-selection":
        pytest.skip("this X server has no selection")
    assert last == "'' ''"

"""An attachment's name stays private: the viewer's title (what the task bar, the window
switcher and a shared screen show) says the app's shown name, never the file's."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.test_viewer_cleanup import open_viewer

pytestmark = pytest.mark.gui


def test_the_viewer_title_does_not_name_the_file(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ui.common.discretion import shown_name

    source = tmp_path / "amenaza-del-comandante-ruiz.txt"
    source.write_text("texto\n", encoding="utf-8")
    dialog = open_viewer(qtbot, window, source)
    try:
        assert "ruiz" not in dialog.windowTitle().lower()
        assert dialog.windowTitle() == shown_name()
    finally:
        dialog.close()

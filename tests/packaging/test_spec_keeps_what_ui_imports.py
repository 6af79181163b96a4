"""The build leaves out Qt modules the app does not use; never one the app imports.

The frozen app twice failed at its first main window on a module the spec excluded (QtNetwork
for automatic sync, QtSvgWidgets for the fingerprint's QR); this finds that without a build.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_no_qt_module_the_app_imports_is_excluded_from_the_build() -> None:
    spec = (ROOT / "packaging" / "testigo.spec").read_text(encoding="utf-8")
    block = re.search(r"UNUSED_QT = \[.*?\(\s*(.*?)\)\]", spec, re.S)
    assert block is not None
    excluded = set(re.findall(r'"(Qt[A-Za-z0-9]+)"', block.group(1)))
    assert "QtWebEngineCore" in excluded  # the list was read
    imported = {
        name
        for path in (ROOT / "ui").rglob("*.py")
        for name in re.findall(
            r"^\s*(?:from|import) PySide6\.(Qt\w+)", path.read_text("utf-8"), re.M
        )
    }
    assert "QtWidgets" in imported
    assert sorted(imported & excluded) == []

"""A received image opens inside the app from memory: no file appears outside the vault.

The bundle comes through the real relay on 127.0.0.1 (a device's signed bundle with a PNG
attached, pulled by the app); the canary is a string inside the image's bytes.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QLabel

from tests.ui.coordinator.received import open_received_file

pytestmark = pytest.mark.gui
CANARY = b"CANARY-evidencia-7f3a9c"


def _png() -> bytes:
    from PIL import Image, PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("note", CANARY.decode())
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(out, "PNG", pnginfo=info)
    return out.getvalue()


def _everything(root: Path, vault_home: Path) -> bytes:
    """Every file under root except the coordinator vault's own (checked by the core's test)."""
    found = b""
    for path in root.rglob("*"):
        if path.is_file() and vault_home not in path.parents:
            found += path.read_bytes()
    return found


def test_a_received_image_opens_from_memory(
    qtbot,
    tmp_path,
    mission,  # type: ignore[no-untyped-def]
    coordinator_window,
) -> None:
    window = coordinator_window
    report = open_received_file(qtbot, mission, window, _png(), "image/png")
    report.view_file()
    qtbot.waitUntil(lambda: bool(report.findChildren(QDialog, "receivedViewer")), timeout=10_000)
    (viewer,) = report.findChildren(QDialog, "receivedViewer")
    label = viewer.findChild(QLabel, "evidenceImage")  # the shared viewer's
    assert label.pixmap().width() == 40  # the real image, decoded in memory
    assert label.pixmap().height() == 30
    # Vaults, the relay's store and the private HOME/TMPDIR: the image's text is nowhere.
    assert CANARY not in _everything(tmp_path, mission.coordinator.home)
    window.lock()  # locking closes the viewer
    qtbot.waitUntil(lambda: not report.findChildren(QDialog, "receivedViewer"), timeout=5000)

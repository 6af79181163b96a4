"""Every file the person chooses goes through here: Qt's own dialog, remembering nothing.

An instance, not the static helpers, so it is destroyed the moment it is answered: Qt saves
its history and last folder in the destructor (sent nowhere by ``preferences.confine``). It
starts with no history and the default sidebar, whatever an older QtProject.conf holds, and
the native dialog is never used (GTK's records recent files in ``recently-used.xbel``).
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QDir, QUrl
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget


def open_file(parent: QWidget, title: str, name_filter: str = "") -> Path | None:
    dialog = _dialog(parent, title, name_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    return _ask(dialog)


def open_files(parent: QWidget, title: str, name_filter: str = "") -> list[Path]:
    dialog = _dialog(parent, title, name_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    return _ask_all(dialog)


def open_folder(parent: QWidget, title: str) -> Path | None:
    dialog = _dialog(parent, title)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    return _ask(dialog)


def save_file(
    parent: QWidget, title: str, suggested_name: str, name_filter: str = ""
) -> Path | None:
    dialog = _dialog(parent, title, name_filter)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.selectFile(suggested_name)
    return _ask(dialog)


def _dialog(parent: QWidget, title: str, name_filter: str = "") -> QFileDialog:
    dialog = QFileDialog(parent, title, "", name_filter)
    dialog.setObjectName("fileDialog")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # first: it builds the widgets
    dialog.setHistory([])
    dialog.setSidebarUrls([QUrl("file:"), QUrl.fromLocalFile(QDir.homePath())])
    return dialog


def _ask(dialog: QFileDialog) -> Path | None:
    chosen = _ask_all(dialog)
    return chosen[0] if chosen else None


def _ask_all(dialog: QFileDialog) -> list[Path]:
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return []
        return [Path(name) for name in dialog.selectedFiles()]
    finally:
        if shiboken6.isValid(dialog):
            shiboken6.delete(dialog)

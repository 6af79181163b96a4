"""The app's preferences, and that Qt's own remembered state is never written anywhere.

Qt widgets keep their state in ``QSettings(UserScope, "QtProject")``, always in NativeFormat:
the file dialog saves its history, last folder and sidebar there when it is destroyed
(``~/.config/QtProject.conf``), that is, the folders a person took evidence from, outside the
vault and untouched by a wipe. Qt offers no switch for it, and a setting path can only be
changed per format. So the app keeps its preferences in IniFormat, and NativeFormat's user
scope points at a path that cannot exist: Qt's write fails quietly and reaches no disk.
What earlier versions let Qt remember there is removed at start. Read and write preferences
with ``QSettings()`` only: the (organisation, application) constructors force NativeFormat,
which now leads nowhere.

The IniFormat file lives in the data folder (``reporter.places``: ``settings/``), so a
portable stick, a discreet install and a wipe all find it where the vault is; the files
earlier versions kept in ``~/.config/Testigo`` are adopted once, then removed.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from PySide6.QtCore import QSettings

from reporter import preferences as core_preferences
from reporter.places import APP_NAME, Place, legacy_settings_files, locate

# /dev/null is not a folder, so nothing below it can be created, not even by root.
NOWHERE = os.path.join(os.devnull, "testigo")
USER = QSettings.Scope.UserScope


_place: Place | None = None


def confine(place: Place | None = None) -> None:
    """Call once, after the application's name is set and before any setting or dialog."""
    global _place
    _place = place = place or locate()
    legacy = Path(QSettings().fileName())  # ~/.config/Testigo/Testigo.conf until now
    _scrub_file_dialog_state()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.NativeFormat, USER, NOWHERE)
    QSettings.setPath(QSettings.Format.IniFormat, USER, str(place.settings_dir))
    olds = {legacy, *legacy_settings_files()} if place.portable is None else set()
    if place.discreet:  # moved from the usual folder: no file under Testigo's name
        olds.add(place.settings_dir / APP_NAME / f"{APP_NAME}.ini")
    for old in olds:  # a stick leaves the host's files alone
        if old.suffix in (".conf", ".ini") and old.is_file():
            _adopt(old)
    _seed(place)


def current_place() -> Place | None:
    """Where this run keeps its data and settings (set by ``confine``)."""
    return _place


def _seed(place: Place) -> None:
    """What a trainer chose at provisioning (``reporter.preferences``) applies until changed."""
    settings = QSettings()
    chosen = core_preferences.read(place.home)
    if "language" in chosen and not settings.contains("language"):
        settings.setValue("language", chosen["language"])
    if "discreet" in chosen and not settings.contains("discreet"):
        settings.setValue("discreet", "true" if chosen["discreet"] else "false")


def _scrub_file_dialog_state() -> None:
    """Qt's file-dialog group (history, last folder, sidebar) goes; the file too if now empty.

    The group is shared with other Qt programs of the user, who lose their dialog history:
    a small price next to folder names of evidence surviving a wipe.
    """
    qt = QSettings(USER, "QtProject")
    qt.setFallbacksEnabled(False)  # /etc/xdg is not ours to count
    path = Path(qt.fileName())
    if not path.is_file() or "FileDialog" not in qt.childGroups():
        return
    qt.remove("FileDialog")
    qt.sync()
    empty = not qt.allKeys()
    del qt
    if empty:
        with contextlib.suppress(OSError):
            path.unlink()


def _adopt(legacy: Path) -> None:
    """Preferences saved before the move keep working; the old file then goes."""
    old, new = QSettings(str(legacy), QSettings.Format.IniFormat), QSettings()
    for key in old.allKeys():
        if not new.contains(key):
            new.setValue(key, old.value(key))
    new.sync()
    if new.status() == QSettings.Status.NoError:
        with contextlib.suppress(OSError):
            legacy.unlink()
        with contextlib.suppress(OSError):
            legacy.parent.rmdir()  # ~/.config/Testigo, when now empty


def forget() -> None:
    """After a wipe: the preferences file goes, and nothing later in this run writes it again.

    The main window saves its geometry when it closes, after the wipe; with every user-scope
    path pointing nowhere, that write and any other one fail instead of recreating the file.
    """
    settings = QSettings()
    path = Path(settings.fileName())
    settings.clear()
    settings.sync()
    del settings
    for form in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(form, USER, NOWHERE)
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    place = _place or locate()
    # Now empty: the folder Qt filed the file under, settings/, and the data folder itself.
    for folder in (path.parent, place.settings_dir, place.home):
        with contextlib.suppress(OSError):
            folder.rmdir()

"""A discreet menu entry for one user: "Notes" with a plain notes icon, and Testigo's hidden.

Linux desktops read ``$XDG_DATA_HOME/applications`` before the system's folder, and an entry
there with the same file name replaces the system's: ``testigo.desktop`` with ``Hidden=true``
takes Testigo out of this user's menu, ``private-notes.desktop`` puts the neutral one in.
Only for a packaged install (the program's path is known) and never from a stick (the host's
menu is not the stick's). The app names its windows ``private-notes`` in discreet mode so the
desktop matches them to this entry (its name and icon in the dock and task switcher).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from reporter.fsutil import atomic_write, storage_error

NEUTRAL_ENTRY = "private-notes"
NEUTRAL_ICON = "accessories-text-editor"  # in every common icon theme
USUAL_ENTRY = "testigo"


def applications_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "applications"


def program() -> Path | None:
    """The packaged app beside this packaged CLI; None from a source checkout."""
    if not getattr(sys, "frozen", False):
        return None
    app = Path(sys.executable).resolve().parent / "testigo"
    return app if app.is_file() else None


def neutral_entry(app: Path) -> str:
    quoted = str(app).replace("\\", "\\\\").replace('"', '\\"')
    return (
        "[Desktop Entry]\nType=Application\nVersion=1.5\nName=Notes\nName[es]=Notas\n"
        "GenericName=Notes\nGenericName[es]=Notas\nComment=Personal notes\n"
        f'Comment[es]=Notas personales\nExec="{quoted}"\nIcon={NEUTRAL_ICON}\n'
        "Terminal=false\nCategories=Utility;\nStartupNotify=true\n"
    )


def install_discreet(app: Path | None = None, folder: Path | None = None) -> Path | None:
    """Write both entries for this user; the neutral one's path, or None if not possible."""
    app = app or program()
    if app is None or not sys.platform.startswith("linux"):
        return None
    folder = folder or applications_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)  # the user's own, mode untouched
    except OSError as exc:
        raise storage_error(exc) from None
    atomic_write(
        folder / f"{USUAL_ENTRY}.desktop",
        b"[Desktop Entry]\nType=Application\nName=Testigo\nHidden=true\nNoDisplay=true\n",
    )
    atomic_write(folder / f"{NEUTRAL_ENTRY}.desktop", neutral_entry(app).encode("utf-8"))
    return folder / f"{NEUTRAL_ENTRY}.desktop"

"""Where this laptop's (or USB stick's) Testigo keeps everything: one answer for app and CLI.

Order: ``--portable DIR``, else ``--home DIR``, else a ``testigo-portable`` marker next to
a packaged executable, else ``$TESTIGO_HOME``, else the neutral ``notes`` folder when a
``notes-install`` marker sits next to the packaged executable (the discreet package: discreet
from its first start, and in any folder it is pointed at), else the platform's user data
folder: the
``testigo`` one if it holds a vault, else the neutral ``notes`` one of a discreet install if
that holds a vault, else another folder there the person named (``journal``) that holds a
vault and chose discreet mode, else ``testigo``. A discreet install is found by looking
(no pointer file that would name Testigo); only a folder holding ``vault.key`` counts, so
another program's ``notes`` folder is never taken for ours.

Portable: the data is ``DIR/data`` and the process's temp, cache, config and state folders
move inside ``DIR`` before anything (Qt, fontconfig, Python) can write to the host's.
The app's own preferences (Qt IniFormat) live in the data folder, ``settings/``, so a
wipe, a portable stick and a discreet install all hold them where their vault is.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from reporter import preferences
from reporter.errors import InvalidField
from reporter.fsutil import ensure_private_dir
from reporter.preferences import SETTINGS_DIR as SETTINGS_DIR

PORTABLE_MARKER = "testigo-portable"
DISCREET_MARKER = "notes-install"  # beside the programs of the discreet package
PORTABLE_DATA = "data"
DATA_NAME = "testigo"
NEUTRAL_NAME = "notes"  # a discreet install's data folder and app name
MAX_SCANNED = 10_000  # folders of the user data folder looked at for a chosen discreet vault
APP_NAME, NEUTRAL_APP_NAME = "Testigo", "Notes"
# Where the app kept its preferences before they moved into the data folder.
LEGACY_SETTINGS = ("Testigo.ini", "Testigo.conf")
_PORTABLE_ENV = {
    "XDG_CACHE_HOME": "cache",
    "XDG_CONFIG_HOME": "config",
    "XDG_DATA_HOME": "share",
    "XDG_STATE_HOME": "state",
    "TMPDIR": "tmp",
}


@dataclass(frozen=True)
class Place:
    home: Path  # the data folder: vault, preferences
    portable: Path | None = None  # the stick's folder, in portable mode
    discreet: bool = False  # the neutral folder of a discreet install

    @property
    def settings_dir(self) -> Path:
        return self.home / SETTINGS_DIR

    @property
    def app_name(self) -> str:
        """The name Qt files the app's preferences under: neutral in a discreet install."""
        return NEUTRAL_APP_NAME if self.discreet else APP_NAME


def _user_data_dir(name: str) -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(name, appauthor=False))


def default_home() -> Path:
    return _user_data_dir(DATA_NAME)


def discreet_home() -> Path:
    return _user_data_dir(NEUTRAL_NAME)


_FOLDER_NAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,39}")


def chosen_discreet_home(name: str) -> Path:
    """The folder a discreet vault is made in, by the name the person chose (``journal``):
    one plain name in the user data folder, where ``locate`` will look for it."""
    name = name.strip()
    if not _FOLDER_NAME.fullmatch(name) or name == DATA_NAME or ".." in name:
        raise InvalidField(
            field="folder", reason="one short name in lowercase letters, digits, '.', '_' or '-'"
        )
    return discreet_home().parent / name


def marker_root(executable: str | None = None, frozen: bool | None = None) -> Path | None:
    """The packaged program's folder when a ``testigo-portable`` file sits beside it.

    Only a packaged (frozen) program: from a source checkout the interpreter's folder is a
    virtualenv, not a stick.
    """
    frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    if not frozen:
        return None
    folder = Path(executable or sys.executable).resolve().parent
    return folder if (folder / PORTABLE_MARKER).is_file() else None


def discreet_install(executable: str | None = None, frozen: bool | None = None) -> bool:
    """Whether this is the discreet package's program (a ``notes-install`` file beside it)."""
    frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    folder = Path(executable or sys.executable).resolve().parent
    return frozen and (folder / DISCREET_MARKER).is_file()


def locate(
    home: str | os.PathLike[str] | None = None, portable: str | os.PathLike[str] | None = None
) -> Place:
    """The one resolution of the data folder both front ends use (see the module's order)."""
    if portable:
        return _chosen(portable_place(Path(portable).expanduser()))
    neutral_package = discreet_install()
    if home:
        return _chosen(Place(Path(home).expanduser(), discreet=neutral_package))
    root = marker_root()
    if root is not None:
        return _chosen(portable_place(root))
    env = os.environ.get("TESTIGO_HOME")
    if env:
        return _chosen(Place(Path(env).expanduser(), discreet=neutral_package))
    if neutral_package:
        return Place(discreet_home(), discreet=True)
    usual = default_home()
    if not (usual / "vault.key").exists():
        hidden = _discreet_vault(usual.parent)
        if hidden is not None:
            return Place(hidden, discreet=True)
    return _chosen(Place(usual))


def _discreet_vault(data_root: Path) -> Path | None:
    """A discreet vault in the user data folder: ``notes``, else a folder the person named
    (``journal``…) that holds a vault and chose discreet mode itself. Found by looking, so
    nothing anywhere points to it; at most MAX_SCANNED folders are looked at."""
    neutral = data_root / NEUTRAL_NAME
    if (neutral / "vault.key").exists():
        return neutral
    try:
        with os.scandir(data_root) as entries:
            names = sorted(e.name for _, e in zip(range(MAX_SCANNED), entries, strict=False))
    except OSError:
        return None
    for name in names:
        folder = data_root / name
        if name in (DATA_NAME, NEUTRAL_NAME) or not (folder / "vault.key").is_file():
            continue
        if preferences.read(folder).get("discreet"):
            return folder
    return None


def _chosen(place: Place) -> Place:
    """Discreet when a trainer chose it for this folder (a stick, a folder named on purpose,
    or the usual one until it moves at the next start)."""
    if preferences.read(place.home).get("discreet"):
        return Place(place.home, place.portable, discreet=True)
    return place


def portable_place(root: Path) -> Place:
    root = root.resolve() if root.exists() else root.absolute()
    return Place(root / PORTABLE_DATA, portable=root)


def enter_portable(place: Place) -> None:
    """Point this process's temp, cache, config and state folders inside the stick.

    Call before Qt or anything else that reads them starts; children inherit them. Python
    writes no bytecode either (a packaged program has none to write; a checkout would).
    """
    if place.portable is None:
        return
    ensure_private_dir(place.portable)
    for variable, name in _PORTABLE_ENV.items():
        folder = place.portable / name
        ensure_private_dir(folder)
        os.environ[variable] = str(folder)
    os.environ["PYTHONDONTWRITEBYTECODE"] = "1"
    sys.dont_write_bytecode = True
    tempfile.tempdir = None  # read TMPDIR again at the next temp file


def legacy_settings_files() -> list[Path]:
    """The app's preferences files from before they moved into the data folder."""
    from platformdirs import user_config_dir

    folder = Path(user_config_dir(APP_NAME, appauthor=False))
    return [folder / name for name in LEGACY_SETTINGS]


def app_settings_files(home: Path) -> list[Path]:
    """Every preferences file the app may have written for the vault in ``home``.

    Its own (under ``settings/``, whatever name Qt filed them under) and, for the vault the
    app itself would open in this environment, the old ones in the user's config folder.
    """
    found: list[Path] = []
    settings = home / SETTINGS_DIR
    if settings.is_dir():
        found += sorted(p for p in settings.rglob("*") if p.is_file() or p.is_symlink())
    if _the_apps_home(home):
        found += [p for p in legacy_settings_files() if p.is_file()]
    return found


def _the_apps_home(home: Path) -> bool:
    try:
        return locate().home.resolve() == home.resolve()
    except OSError:
        return False


def forget_app_settings(home: Path, files: list[Path]) -> None:
    """Remove ``files`` (from ``app_settings_files``, taken before the wipe destroyed the key
    that tells a discreet install), then the folders they leave empty."""
    for path in files:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
    settings = home / SETTINGS_DIR
    if settings.is_dir():
        for folder in sorted((p for p in settings.rglob("*") if p.is_dir()), reverse=True):
            with contextlib.suppress(OSError):
                folder.rmdir()
        with contextlib.suppress(OSError):
            settings.rmdir()
    for folder in {path.parent for path in files if SETTINGS_DIR not in path.parts}:
        with contextlib.suppress(OSError):
            folder.rmdir()  # ~/.config/Testigo, when now empty

"""The data folder's permissions, the free space beside it, and the program's own files."""

from __future__ import annotations

import hashlib
import os
import re
import stat
import sys
from pathlib import Path

from reporter.doctor.base import FAIL, OK, SKIPPED, WARN, Context, Result, Text

# What the packaged build writes next to the program (see the trainer guide): one line per
# file, "<sha256 hex>  <path relative to the program's folder>", like sha256sum's output.
MANIFEST = Path("_internal") / "testigo-files.sha256"
MAX_MANIFEST = 8 * 1024 * 1024
_LINE = re.compile(r"([0-9a-f]{64}) [ *]([^\x00-\x1f]+)")


def check_data_folder(ctx: Context) -> Result:
    """The folder and everything in it is the user's alone (0700 folders, 0600 files)."""
    rid = "data.permissions"
    if not ctx.home.is_dir():
        return Result(
            rid,
            SKIPPED,
            Text("There is no data folder yet.", "Todavía no hay carpeta de datos."),
            Text("Create the vault first.", "Cree primero la bóveda."),
        )
    uid = os.getuid() if hasattr(os, "getuid") else None
    open_to_others, foreign = [], []
    for path in [ctx.home, *ctx.home.rglob("*")]:
        try:
            info = path.lstat()
        except OSError:
            continue
        if stat.S_IMODE(info.st_mode) & 0o077 and not stat.S_ISLNK(info.st_mode):
            open_to_others.append(path)
        if uid is not None and info.st_uid != uid:
            foreign.append(path)
    if (open_to_others or foreign) and _keeps_no_modes(ctx):
        return Result(
            rid,
            WARN,
            Text(
                "The data folder is on a file system without permissions (FAT or exFAT, as USB "
                "sticks come): anyone with the stick can copy the vault, which stays encrypted.",
                "La carpeta de datos está en un sistema de archivos sin permisos (FAT o exFAT, "
                "como vienen las memorias USB): quien tenga la memoria puede copiar la bóveda, "
                "que sigue cifrada.",
            ),
            Text(
                "Keep the stick with you; for more protection format it as ext4 or keep the "
                "stick itself encrypted (LUKS, VeraCrypt).",
                "Lleve la memoria consigo; para más protección formatéela como ext4 o cifre la "
                "memoria entera (LUKS, VeraCrypt).",
            ),
        )
    if open_to_others or foreign:
        count = len(open_to_others) + len(foreign)
        return Result(
            rid,
            FAIL,
            Text(
                f"Other users of this computer can reach {count} item(s) in the data folder "
                f"{ctx.home}.",
                f"Otros usuarios de esta computadora pueden acceder a {count} elemento(s) de la "
                f"carpeta de datos {ctx.home}.",
            ),
            Text(
                f"Make it yours alone: chmod -R go-rwx '{ctx.home}' (and chown it to you).",
                f"Déjela solo para usted: chmod -R go-rwx '{ctx.home}' (y que sea suya, chown).",
            ),
        )
    return Result(
        rid,
        OK,
        Text("Only you can open the data folder.", "Solo usted puede abrir la carpeta de datos."),
    )


NO_MODES = ("vfat", "msdos", "exfat", "fuseblk", "ntfs3", "ntfs")


def _keeps_no_modes(ctx: Context) -> bool:
    from reporter.doctor.system import mount_of

    mount = mount_of(ctx, ctx.home)
    return mount is not None and mount[1] in NO_MODES


def _existing(path: Path) -> Path:
    while not path.exists() and path.parent != path:
        path = path.parent
    return path


def check_free_space(ctx: Context) -> Result:
    rid = "disk.free"
    try:
        st = os.statvfs(_existing(ctx.home))
    except (OSError, AttributeError):
        return Result(
            rid,
            SKIPPED,
            Text("The free space cannot be read here.", "No se puede leer el espacio libre aquí."),
        )
    free = st.f_bavail * st.f_frsize
    mib = free // (1024 * 1024)
    if free < ctx.low_disk // 4:
        status = FAIL
    elif free < ctx.low_disk:
        status = WARN
    else:
        return Result(
            rid,
            OK,
            Text(f"{mib} MiB free beside the data.", f"{mib} MiB libres junto a los datos."),
        )
    return Result(
        rid,
        status,
        Text(
            f"Only {mib} MiB free beside the data: saving incidents and attachments may fail.",
            f"Solo quedan {mib} MiB libres junto a los datos: guardar incidentes y adjuntos "
            "puede fallar.",
        ),
        Text(
            "Free some space (delete or move large files you do not need), then check again.",
            "Libere espacio (borre o mueva archivos grandes que no necesite) y vuelva a comprobar.",
        ),
    )


def program_dir() -> Path | None:
    """A packaged install's folder (PyInstaller sets sys.frozen); None from a checkout."""
    return Path(sys.executable).resolve().parent if getattr(sys, "frozen", False) else None


def check_package_files(ctx: Context) -> Result:
    rid = "package.checksums"
    folder = ctx.program_dir if ctx.program_dir is not None else program_dir()
    if folder is None:
        return Result(
            rid,
            SKIPPED,
            Text(
                "Not a packaged install (running from source): no list of files to compare.",
                "No es una instalación empaquetada (se ejecuta desde el código): no hay lista "
                "de archivos que comparar.",
            ),
        )
    manifest = folder / MANIFEST
    try:
        if manifest.stat().st_size > MAX_MANIFEST:
            raise ValueError
        lines = manifest.read_text(encoding="utf-8").splitlines()
    except (OSError, ValueError, UnicodeDecodeError):
        return Result(
            rid,
            FAIL,
            Text(
                f"The program's list of files ({MANIFEST}) is missing or unreadable.",
                f"Falta la lista de archivos del programa ({MANIFEST}) o no se puede leer.",
            ),
            _REINSTALL,
        )
    changed = _compare(folder, lines)
    if changed is None:
        return Result(
            rid,
            FAIL,
            Text(
                "The program's list of files is damaged.",
                "La lista de archivos del programa está dañada.",
            ),
            _REINSTALL,
        )
    if changed:
        return Result(
            rid,
            FAIL,
            Text(
                f"{len(changed)} of the program's files differ from the release, e.g. "
                f"{changed[0]}.",
                f"{len(changed)} archivos del programa no son los publicados, p. ej. {changed[0]}.",
            ),
            _REINSTALL,
        )
    planted = _unlisted(folder, lines)
    if planted:
        return Result(
            rid,
            FAIL,
            Text(
                f"{len(planted)} file(s) among the program's were not in the release, e.g. "
                f"{planted[0]}: something may have been planted.",
                f"{len(planted)} archivo(s) entre los del programa no venían en la publicación, "
                f"p. ej. {planted[0]}: alguien pudo haberlos puesto.",
            ),
            _REINSTALL,
        )
    return Result(
        rid,
        OK,
        Text(
            f"All {len(lines)} program files match the release.",
            f"Los {len(lines)} archivos del programa coinciden con los publicados.",
        ),
    )


_REINSTALL = Text(
    "Do not use this copy: install again from a verified download (verify-release).",
    "No use esta copia: instale de nuevo desde una descarga verificada (verify-release).",
)


def _unlisted(folder: Path, lines: list[str]) -> list[str]:
    """Files in the libraries' folder (where a planted library would be loaded from) that
    the release did not list. The folder beside the programs may hold a stick's data."""
    listed = {line[66:] for line in lines} | {MANIFEST.as_posix()}
    inside = folder / MANIFEST.parent
    found = (
        p.relative_to(folder).as_posix() for p in inside.rglob("*") if p.is_file() or p.is_symlink()
    )
    return sorted(name for name in found if name not in listed)


def _compare(folder: Path, lines: list[str]) -> list[str] | None:
    """The files that differ or are missing; None if a line is not a checksum line."""
    changed = []
    root = folder.resolve()
    for line in lines:
        match = _LINE.fullmatch(line)
        if match is None:
            return None
        expected, name = match.groups()
        path = (folder / name).resolve()
        if not path.is_relative_to(root):
            return None
        digest = hashlib.sha256()
        try:
            with path.open("rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):  # noqa: B023
                    digest.update(block)
        except OSError:
            changed.append(name)
            continue
        if digest.hexdigest() != expected:
            changed.append(name)
    return changed


CHECKS = [check_data_folder, check_free_space, check_package_files]

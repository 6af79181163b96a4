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
            Text("There is no data folder yet."),
            Text("Create the vault first."),
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
                "sticks come): anyone with the stick can copy the vault, which stays encrypted."
            ),
            Text(
                "Keep the stick with you; for more protection format it as ext4 or keep the "
                "stick itself encrypted (LUKS, VeraCrypt)."
            ),
        )
    if open_to_others or foreign:
        count = len(open_to_others) + len(foreign)
        return Result(
            rid,
            FAIL,
            Text(
                "Other users of this computer can reach {count} item(s) in the data folder {home}.",
                count=count,
                home=str(ctx.home),
            ),
            Text(
                "Make it yours alone: chmod -R go-rwx '{home}' (and chown it to you).",
                home=str(ctx.home),
            ),
        )
    return Result(
        rid,
        OK,
        Text("Only you can open the data folder."),
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
            Text("The free space cannot be read here."),
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
            Text("{mib} MiB free beside the data.", mib=mib),
        )
    return Result(
        rid,
        status,
        Text(
            "Only {mib} MiB free beside the data: saving incidents and attachments may fail.",
            mib=mib,
        ),
        Text("Free some space (delete or move large files you do not need), then check again."),
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
            Text("Not a packaged install (running from source): no list of files to compare."),
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
                "The program's list of files ({file}) is missing or unreadable.",
                file=MANIFEST,
            ),
            _REINSTALL,
        )
    changed = _compare(folder, lines)
    if changed is None:
        return Result(
            rid,
            FAIL,
            Text("The program's list of files is damaged."),
            _REINSTALL,
        )
    if changed:
        return Result(
            rid,
            FAIL,
            Text(
                "{count} of the program's files differ from the release, e.g. {file}.",
                count=len(changed),
                file=changed[0],
            ),
            _REINSTALL,
        )
    planted = _unlisted(folder, lines)
    if planted:
        return Result(
            rid,
            FAIL,
            Text(
                "{count} file(s) among the program's were not in the release, e.g. "
                "{file}: something may have been planted.",
                count=len(planted),
                file=planted[0],
            ),
            _REINSTALL,
        )
    return Result(
        rid,
        OK,
        Text(
            "All {count} program files match the release.",
            count=len(lines),
        ),
    )


_REINSTALL = Text("Do not use this copy: install again from a verified download (verify-release).")


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

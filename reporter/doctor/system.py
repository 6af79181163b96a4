"""What the operating system could leak: an unencrypted disk or swap, and crash dumps.

Linux is read from /proc and /sys (dm-crypt devices have a dm uuid starting ``CRYPT-``,
also under LVM); macOS asks ``fdesetup status`` and Windows ``manage-bde -status``.
Where the system cannot tell (a container, an unknown file system) the check says so.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from reporter.doctor.base import FAIL, OK, SKIPPED, WARN, Context, Result, Text

PR_GET_DUMPABLE = 3
_MEMORY_FS = ("tmpfs", "ramfs")


def _read(path: Path, limit: int = 1 << 20) -> str | None:
    try:
        with path.open("rb") as handle:
            return handle.read(limit).decode("utf-8", "replace")
    except OSError:
        return None


def mount_of(ctx: Context, path: Path) -> tuple[str, str] | None:
    """(major:minor, file system type) of the mount holding ``path``, from mountinfo."""
    text = _read(ctx.proc / "self" / "mountinfo")
    if text is None:
        return None
    while not path.exists() and path.parent != path:
        path = path.parent
    target = str(path.resolve())
    best: tuple[int, str, str] | None = None
    for line in text.splitlines():
        left, _, right = line.partition(" - ")
        fields, rest = left.split(), right.split()
        if len(fields) < 5 or not rest:
            continue
        point = fields[4].replace("\\040", " ")
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and (best is None or len(point) >= best[0]):
            best = (len(point), fields[2], rest[0])
    return (best[1], best[2]) if best else None


def _encrypted(ctx: Context, device: Path, depth: int = 0) -> bool:
    """dm-crypt at ``device`` (a /sys/.../block/X folder) or anywhere below it."""
    if depth > 8:
        return False
    uuid = _read(device / "dm" / "uuid")
    if uuid is not None and uuid.startswith("CRYPT-"):
        return True
    slaves = device / "slaves"
    with contextlib.suppress(OSError):
        return any(
            _encrypted(ctx, (slaves / name).resolve(), depth + 1) for name in os.listdir(slaves)
        )
    return False


def _linux_disk(ctx: Context, path: Path) -> bool | None | str:
    """True/False, 'memory' for a RAM file system, None when the system cannot tell."""
    mount = mount_of(ctx, path)
    if mount is None:
        return None
    numbers, fstype = mount
    if fstype in _MEMORY_FS:
        return "memory"
    if numbers.startswith("0:"):
        return None  # overlay, network, FUSE: no block device
    device = ctx.sys_root / "dev" / "block" / numbers
    if not device.exists():
        return None
    return _encrypted(ctx, device.resolve())


def _command(*argv: str) -> str | None:
    if shutil.which(argv[0]) is None:
        return None
    try:
        return subprocess.run(  # noqa: S603
            argv,
            capture_output=True,
            text=True,
            timeout=15,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None


_NOT_ENCRYPTED = Text(
    "Turn on full-disk encryption (LUKS when installing Linux, FileVault on macOS, "
    "BitLocker on Windows). The vault is encrypted anyway; the rest of the disk is not."
)


def check_disk_encryption(ctx: Context) -> Result:
    rid = "disk.encryption"
    if sys.platform == "darwin":
        out = _command("fdesetup", "status")
        found: bool | None | str = None if out is None else "FileVault is On" in out
    elif sys.platform == "win32":
        out = _command("manage-bde", "-status", os.environ.get("SYSTEMDRIVE", "C:"))
        found = None if out is None else ("Protection On" in out or "Protección activada" in out)
    else:
        found = _linux_disk(ctx, ctx.home)
    if found is None:
        return Result(
            rid,
            SKIPPED,
            Text("This system does not tell whether the disk is encrypted."),
            Text("Check it in the system's settings."),
        )
    if found == "memory":
        return Result(
            rid,
            OK,
            Text("The data is in memory only (tmpfs): gone at shutdown."),
        )
    if found:
        return Result(
            rid,
            OK,
            Text("The disk holding the data is encrypted."),
        )
    return Result(
        rid,
        WARN,
        Text("The disk holding the data is not encrypted."),
        _NOT_ENCRYPTED,
    )


def _process_core_settings() -> tuple[int, int | None]:
    limit = 0
    with contextlib.suppress(ImportError, OSError, ValueError):
        import resource

        limit = resource.getrlimit(resource.RLIMIT_CORE)[0]
    dumpable = None
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            import ctypes

            dumpable = int(ctypes.CDLL(None, use_errno=True).prctl(PR_GET_DUMPABLE, 0, 0, 0, 0))
    return limit, dumpable


def check_core_dumps(ctx: Context) -> Result:
    """A crash must leave no memory image (it would hold decrypted records and keys)."""
    rid = "core.dumps"
    limit, dumpable = _process_core_settings()
    limit = limit if ctx.core_limit is None else ctx.core_limit
    dumpable = dumpable if ctx.dumpable is None else ctx.dumpable
    pattern = (_read(ctx.proc / "sys" / "kernel" / "core_pattern") or "").strip()
    fix = Text(
        "Report this: Testigo should have turned crash dumps off. Meanwhile turn "
        "them off for the user (ulimit -c 0; on systemd: Storage=none in "
        "/etc/systemd/coredump.conf)."
    )
    if dumpable == 0:
        return Result(
            rid,
            OK,
            Text("A crash leaves no memory dump (the process is marked non-dumpable)."),
        )
    if limit == 0 and not pattern.startswith("|"):
        return Result(
            rid,
            OK,
            Text("A crash leaves no memory dump (core size limit 0)."),
        )
    if limit == 0:
        return Result(
            rid,
            WARN,
            Text(
                "The core size limit is 0, but crashes go to a collector program "
                "({collector}) that may keep them.",
                collector=pattern.split()[0][1:] if pattern[1:] else Text("unknown"),
            ),
            fix,
        )
    return Result(
        rid,
        FAIL,
        Text(
            "A crash would write the memory (decrypted records, keys) to disk: core dumps are on."
        ),
        fix,
    )


def check_swap(ctx: Context) -> Result:
    rid = "swap"
    if not sys.platform.startswith("linux"):
        return Result(rid, SKIPPED, Text("Checked on Linux only."))
    text = _read(ctx.proc / "swaps")
    if text is None:
        return Result(
            rid,
            SKIPPED,
            Text("The swap cannot be read here."),
        )
    plain = []
    for line in text.splitlines()[1:]:
        parts = line.split()
        if not parts:
            continue
        name = parts[0].replace("\\040", " ")
        kind = parts[1] if len(parts) > 1 else ""
        if name.startswith("/dev/zram"):
            continue  # compressed RAM, never on a disk
        if kind == "partition":
            device = ctx.sys_root / "class" / "block" / Path(name).name
            if device.exists() and _encrypted(ctx, device.resolve()):
                continue
        elif _linux_disk(ctx, Path(name)) is True:
            continue
        plain.append(name)
    if plain:
        return Result(
            rid,
            WARN,
            Text(
                "Swap on {count} device(s) is not encrypted: memory may be written to disk.",
                count=len(plain),
            ),
            Text("Encrypt the swap (or turn it off: swapoff -a and remove it from /etc/fstab)."),
        )
    return Result(rid, OK, Text("No unencrypted swap."))


CHECKS = [check_disk_encryption, check_core_dumps, check_swap]

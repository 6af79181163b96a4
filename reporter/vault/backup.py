"""One age file that holds a whole vault, and putting it back.

The backup is a tar stream of the vault's own files, already ciphertext (the key file, the
SQLCipher database and its log, the encrypted blobs, the decoy store), written straight into
an age writer: nothing decrypted is ever on disk and memory stays at a chunk or two. The age
file is for a passphrase (scrypt) or for the coalition's key (restored with its age
identity file). The snapshot is consistent: it
is read while this vault holds the database's write lock, so no commit lands in between.

Restoring reads into a private staging folder beside the home, checks the age file to its
last chunk (age authenticates every chunk: one changed byte fails) and only then moves the
files into place, replacing an existing vault only when asked to.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import tarfile
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import BinaryIO

from reporter.age import AgeReader, AgeWriter, Identity, Recipient, parse_identity_file
from reporter.age.keys import MAX_IDENTITY_FILE
from reporter.clock import utc_now
from reporter.errors import (
    BackupFailedVerification,
    Cancelled,
    FormatError,
    IntegrityError,
    InvalidInput,
    NoMatchingIdentity,
    VaultExists,
)
from reporter.fsutil import ensure_private_dir, fsync_dir, open_regular, replacing, storage_error
from reporter.vault.layout import (
    BLOB_DIR,
    DB_FILE,
    KEY_FILE,
    RESTORED_FILE,
    SPARE_DIR,
    STATE_FILE,
)
from reporter.vault.vault import Vault, vault_exists
from reporter.vault.wiping import wipe as wipe_vault

Progress = Callable[[int, int], None]
_TOP = (KEY_FILE, DB_FILE, f"{DB_FILE}-wal", STATE_FILE)
# Every name a backup may hold; anything else (../, links, devices) is refused.
_NAME = re.compile(
    r"(?:spare/)?(?:vault\.key|vault\.db|vault\.db-wal|vault\.state"
    r"|blobs/[A-Za-z0-9_.-]{1,128})"
)
_MAX_MEMBERS = 10_000_000
REMINDER_DAYS = 30
# Set in the database only while its copy is taken: a vault opened from a backup carries it
# (the time of the backup) and so knows it may be behind what it did after (a coordinator's
# own events on the relay: ``reporter.coordination.catchup``).
SNAPSHOT_META = "backup_snapshot_at"
# ``RESTORED_FILE`` is left beside the files by every restore, whatever the backup's age (one
# made before the mark above existed says nothing itself): the restored vault reads it once
# unlocked (``restored_mark``). Empty: a name, no content; a wipe removes it.


def _members(vault: Vault) -> Iterator[tuple[str, Path]]:
    home = vault.home
    for prefix, base in (("", home), (f"{SPARE_DIR}/", home / SPARE_DIR)):
        for name in _TOP:
            if (base / name).is_file() and (prefix == "" or name in (DB_FILE, f"{DB_FILE}-wal")):
                yield prefix + name, base / name
        blobs = base / BLOB_DIR
        if blobs.is_dir():
            for entry in sorted(blobs.iterdir()):
                if entry.is_file() and not entry.name.startswith("."):
                    yield f"{prefix}{BLOB_DIR}/{entry.name}", entry


def write_backup(
    vault: Vault, dst: BinaryIO, recipients: Sequence[Recipient], progress: Progress | None = None
) -> int:
    """Stream the vault into ``dst`` as one age file; the bytes of vault files it holds."""
    total = 0
    with vault.lock, _marked_as_copy(vault):
        vault.query("PRAGMA wal_checkpoint(TRUNCATE)")
        members = list(_members(vault))
        whole = sum(path.stat().st_size for _, path in members)
        with (
            vault.transaction(),
            AgeWriter(dst, recipients) as age,
            tarfile.open(fileobj=age, mode="w|", format=tarfile.PAX_FORMAT) as tar,  # type: ignore[call-overload]
        ):
            for name, path in members:
                try:
                    handle = path.open("rb")
                except FileNotFoundError:
                    continue  # an orphan blob collected meanwhile
                except OSError as exc:
                    raise storage_error(exc) from None
                with handle:
                    info = tarfile.TarInfo(name)
                    info.size = path.stat().st_size
                    info.mode = 0o600
                    tar.addfile(info, handle)
                total += info.size
                if progress is not None:
                    progress(total, whole)
    vault.set_meta("last_backup_at", utc_now())
    return total


@contextlib.contextmanager
def _marked_as_copy(vault: Vault) -> Iterator[None]:
    """``SNAPSHOT_META`` in the copy, as it was (usually absent) in the live vault after."""
    if vault.read_only:  # a backup off a full disk still works, only unmarked
        yield
        return
    before = vault.get_meta(SNAPSHOT_META)
    vault.set_meta(SNAPSHOT_META, utc_now())
    try:
        yield
    finally:
        with vault.transaction() as conn:
            if before is None:
                conn.execute("DELETE FROM meta WHERE key = ?", (SNAPSHOT_META,))
            else:
                conn.execute("UPDATE meta SET value = ? WHERE key = ?", (before, SNAPSHOT_META))


def restored_mark(vault: Vault) -> str | None:
    """When this vault's files came from a backup: its snapshot time, "" for a backup from
    before the snapshot mark, None for a vault that was not restored."""
    snapshot = vault.get_meta(SNAPSHOT_META)
    if snapshot is None and (vault.home / RESTORED_FILE).exists():
        return ""
    return snapshot


def forget_restored_mark(vault: Vault) -> None:
    """The restore was taken into the database: the file beside it goes."""
    with contextlib.suppress(FileNotFoundError):
        (vault.home / RESTORED_FILE).unlink()
    try:
        fsync_dir(vault.home)
    except OSError as exc:
        raise storage_error(exc) from None


def backup_to_file(
    vault: Vault, out: Path, recipients: Sequence[Recipient], progress: Progress | None = None
) -> int:
    """``write_backup`` into a new file, whole or not at all; an existing file is kept."""
    if out.exists():
        raise InvalidInput("the backup file exists already; choose another name")
    with replacing(out) as dst:
        size = write_backup(vault, dst, recipients, progress)
    return size


def backup_overdue(vault: Vault, days: int = REMINDER_DAYS) -> bool:
    """True when the last backup (or, without one, the vault itself) is older than ``days``."""
    last = vault.get_meta("last_backup_at") or vault.get_meta("created_at")
    if last is None:
        return True
    try:
        when = datetime.fromisoformat(last.replace("Z", "+00:00"))
    except ValueError:
        return True
    return datetime.now(UTC) - when > timedelta(days=days)


class _Plain(io.RawIOBase):
    """The age payload as a file, chunk by chunk."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        super().__init__()
        self._chunks = chunks
        self._rest = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._rest:
            nxt = next(self._chunks, None)
            if nxt is None:
                return 0
            self._rest = nxt
        size = min(len(buffer), len(self._rest))
        memoryview(buffer).cast("B")[:size] = self._rest[:size]
        self._rest = self._rest[size:]
        return size

    def drain(self) -> None:
        for _ in self._chunks:  # authenticates the last chunk too
            pass


def identities_from_file(path: Path) -> list[Identity]:
    """The age identity file a backup to the coalition opens with (``coalition
    export-identity``), read bounded: a wrong or huge file is an error, never a hang."""
    try:
        with open_regular(path) as src:
            data = src.read(MAX_IDENTITY_FILE + 1)
    except OSError:
        raise InvalidInput("cannot read the identity file") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise FormatError(what="age identity file", reason="not UTF-8 text") from None
    return list(parse_identity_file(text))


@contextlib.contextmanager
def _said_as_restore() -> Iterator[None]:
    """A changed or cut backup is refused as a restore ("nothing was changed"); a backup for
    other keys stays NoMatchingIdentity."""
    try:
        yield
    except NoMatchingIdentity:
        raise
    except IntegrityError as exc:
        raise BackupFailedVerification(reason=exc.params.get("reason", "")) from None


def restore_backup(
    src: BinaryIO,
    home: Path,
    identities: Sequence[Identity],
    replace: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Put a backup's vault in ``home``; files restored. Nothing changes unless it is whole.

    ``progress(read, size)`` counts the backup's bytes; ``cancelled()`` is asked at every read
    and stops with ``Cancelled`` before anything moves into ``home``. Replacing keeps the
    preferences (language, discreet mode): they belong to this install, not to the vault.
    """
    if vault_exists(home) and not replace:
        raise VaultExists()
    metered = _Metered(src, progress, cancelled)
    # Wrong passphrase, forged header, a changed or cut payload: nothing made, said as a restore.
    with _said_as_restore():
        reader = AgeReader(io.BufferedReader(metered, 64 * 1024), identities)
        staging = home.parent / f".{home.name}.restore"
        if staging.exists():
            shutil.rmtree(staging)
        ensure_private_dir(staging)
        try:
            plain = _Plain(reader.chunks())
            count = _unpack(io.BufferedReader(plain, 64 * 1024), staging)
            plain.drain()
            if not (staging / KEY_FILE).is_file() or not (staging / DB_FILE).is_file():
                raise FormatError(what="backup", reason="not a vault backup")
            metered.check()  # the last moment a cancel can leave everything as it was
            (staging / RESTORED_FILE).touch(mode=0o600)
            if vault_exists(home):
                wipe_vault(home, forget_settings=False)
            _move_into(staging, home)
        finally:
            with contextlib.suppress(OSError):
                shutil.rmtree(staging)
    return count


def restore_from_file(
    path: Path,
    home: Path,
    identities: Sequence[Identity],
    replace: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """``restore_backup`` from the backup file at ``path``: what the CLI and the app call."""
    try:
        src = open_regular(path)
    except OSError:
        raise InvalidInput("cannot read the backup file") from None
    with src:
        return restore_backup(src, home, identities, replace, progress, cancelled)


class _Metered(io.RawIOBase):
    """The backup file as read: counted for the progress bar, and where a cancel is heard."""

    def __init__(
        self, src: BinaryIO, progress: Progress | None, cancelled: Callable[[], bool] | None
    ) -> None:
        super().__init__()
        self._src, self._progress, self._cancelled = src, progress, cancelled
        self._read = 0
        try:
            self._size = os.fstat(src.fileno()).st_size
        except (OSError, AttributeError, io.UnsupportedOperation):
            self._size = 0

    def readable(self) -> bool:
        return True

    def check(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise Cancelled()

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        self.check()
        view = memoryview(buffer).cast("B")
        data = self._src.read(len(view))
        view[: len(data)] = data
        self._read += len(data)
        if self._progress is not None and data:
            self._progress(self._read, max(self._size, self._read))
        return len(data)


def _unpack(stream: BinaryIO, staging: Path) -> int:
    count = 0
    try:
        with tarfile.open(fileobj=stream, mode="r|") as tar:
            for info in tar:
                count += 1
                if count > _MAX_MEMBERS or not info.isfile() or not _NAME.fullmatch(info.name):
                    raise FormatError(what="backup", reason="not a vault backup")
                target = staging / info.name
                ensure_private_dir(target.parent)
                source = tar.extractfile(info)
                if source is None:
                    raise FormatError(what="backup", reason="not a vault backup")
                try:
                    with target.open("xb") as out:
                        shutil.copyfileobj(source, out, 64 * 1024)
                        out.flush()
                        os.fsync(out.fileno())
                except FileExistsError:
                    raise FormatError(what="backup", reason="not a vault backup") from None
                except OSError as exc:
                    raise storage_error(exc) from None
    except tarfile.TarError:
        raise FormatError(what="backup", reason="not a vault backup") from None
    return count


def _move_into(staging: Path, home: Path) -> None:
    try:
        ensure_private_dir(home)
        for sub in (SPARE_DIR, BLOB_DIR, f"{SPARE_DIR}/{BLOB_DIR}"):
            ensure_private_dir(home / sub)
        # The key file last: until it is there, the home is not a vault.
        paths = sorted(
            (p for p in staging.rglob("*") if p.is_file()), key=lambda p: p.name == KEY_FILE
        )
        for path in paths:
            rel = path.relative_to(staging)
            path.replace(home / rel)
            fsync_dir((home / rel).parent)
    except OSError as exc:
        raise storage_error(exc) from None

"""Opening the SQLCipher database with the right PRAGMAs, and running schema migrations.

Order matters: the key first, then memory security, temp store in memory (no temp files), secure
delete (freed pages are zeroed) and WAL with synchronous=FULL (a commit is on disk when it
returns; SQLCipher encrypts the WAL too).
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path
from typing import Any

import sqlcipher3

from reporter.errors import DiskFull, ReadOnlyStorage, StorageError, TestigoError, VaultCorrupt
from reporter.fsutil import is_nearly_full, is_read_only

_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")

Connection = Any  # sqlcipher3.dbapi2.Connection (untyped C extension)

# SQLite primary result codes (sqlite3.h) that say something about the disk or the file.
SQLITE_CORRUPT, SQLITE_FULL, SQLITE_NOTADB = 11, 13, 26
SQLITE_READONLY, SQLITE_IOERR, SQLITE_CANTOPEN = 8, 10, 14


def connect(path: Path, key: bytes, read_only: bool = False) -> Connection:
    """Open (or create) the database keyed with ``key``; raise VaultCorrupt if it is not ours.

    ``read_only`` opens an existing database on a disk that cannot be written: nothing is
    created (no -wal or -shm), so reading works on a read-only mount.
    """
    try:
        if read_only:
            conn = sqlcipher3.connect(
                _read_only_uri(path),
                uri=True,
                timeout=30,
                isolation_level=None,
                check_same_thread=False,
            )
        else:
            conn = sqlcipher3.connect(
                str(path), timeout=30, isolation_level=None, check_same_thread=False
            )
    except sqlcipher3.Error as exc:
        raise classify(exc, path) from None
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        # SQLCipher logs a failed HMAC check to stderr; errors reach users as one line of ours.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute("PRAGMA cipher_memory_security = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
        # Decrypted pages are cached in memory (wiped when freed, cipher_memory_security):
        # 64 MiB keeps a 100,000-incident index warm so search does not re-decrypt pages.
        conn.execute("PRAGMA cache_size = -65536")
        conn.execute("PRAGMA secure_delete = ON")
        # Reading the schema is the first access that needs the key: a wrong key or a file
        # that is not a SQLCipher database fails here, before anything is written.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if not read_only:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise VaultCorrupt(detail="cannot enable the write-ahead log")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlcipher3.Error as exc:
        conn.close()
        raise classify(exc, path) from None
    return conn


def _read_only_uri(path: Path) -> str:
    """``immutable`` unless a write-ahead log holds commits not yet in the database file.

    immutable=1 needs no lock and no -shm file, which a read-only folder cannot hold; a
    non-empty -wal (a crash before the last checkpoint) must be read through, so then the
    plain read-only mode is used (it needs the -shm file the crash left too).
    """
    wal = path.with_name(path.name + "-wal")
    try:
        pending = wal.stat().st_size > 0
    except OSError:
        pending = False
    return f"{path.absolute().as_uri()}?mode=ro" + ("" if pending else "&immutable=1")


def classify(exc: Exception, path: Path) -> TestigoError:
    """Say what a SQLite failure means: a damaged vault only when the file itself says so.

    A full or read-only disk makes SQLite fail too (often as a bare I/O error); calling that
    'damaged' could lead someone to wipe a healthy vault.
    """
    code = int(getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
    folder = path.parent
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return VaultCorrupt()
    if code == SQLITE_FULL:
        return DiskFull()
    if code == SQLITE_READONLY or is_read_only(folder):
        return ReadOnlyStorage()
    if is_nearly_full(folder):
        return DiskFull()
    name = str(getattr(exc, "sqlite_errorname", "") or type(exc).__name__)
    return StorageError(reason=name)


def migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) of every migration shipped in reporter/vault/schema, in order."""
    found = []
    for entry in resources.files("reporter.vault.schema").iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text("utf-8")))
    found.sort()
    versions = [v for v, _, _ in found]
    if versions != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migration numbers must be 1..n without gaps: {versions}")
    return found


def schema_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: Connection, target: int | None = None) -> int:
    """Apply pending migrations, each in its own transaction; return the new version."""
    current = schema_version(conn)
    available = migrations()
    latest = available[-1][0] if available else 0
    if current > latest:
        raise VaultCorrupt(detail="the vault was made by a newer Testigo")
    for version, _name, sql in available:
        if version <= current or (target is not None and version > target):
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _split_sql(sql):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version:d}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        current = version
    return current


def _split_sql(sql: str) -> list[str]:
    """Statements of a migration file; our migrations keep ';' out of string literals."""
    lines = [line for line in sql.splitlines() if not line.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]

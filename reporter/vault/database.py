"""The SQLCipher database: opening it with the right PRAGMAs, migrations, and ``Database``.

``Database`` is what the stores are built on (one connection, its lock, transactions,
queries, the audit trail), so they need nothing of the vault that opened it.

Opening, order matters: the key first, then temp store in memory (no temp files), secure
delete (freed pages are zeroed) and WAL with synchronous=FULL (a commit is on
disk when it returns; SQLCipher encrypts the WAL too).
"""

from __future__ import annotations

import contextlib
import re
import threading
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import sqlcipher3

from reporter.clock import utc_now
from reporter.errors import DiskFull, ReadOnlyStorage, StorageError, TestigoError, VaultCorrupt
from reporter.fsutil import is_nearly_full, is_read_only
from reporter.vault.layout import DB_FILE

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
        # Off, from measurement (docs/threat-model.md): a lock ends the app's process, so
        # wiping SQLite's buffers bought nothing after a lock and cost 2.8x per write.
        conn.execute("PRAGMA cipher_memory_security = OFF")
        conn.execute("PRAGMA temp_store = MEMORY")
        # Decrypted pages are cached in memory (gone with the process at lock):
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
    """Statements of a migration file, split where SQLite says one is complete.

    A ';' inside a comment or a string literal ends nothing; the caller runs them one by
    one inside its own transaction (``executescript`` would commit first).
    """
    statements: list[str] = []
    pending = ""
    for piece in sql.split(";"):
        pending += piece + ";"
        if sqlcipher3.complete_statement(pending):
            statements.append(pending)
            pending = ""
    statements.append(pending.removesuffix(";"))  # unfinished text fails loudly, not silently
    return [s for s in (_code_of(s) for s in statements) if s]


def _code_of(statement: str) -> str:
    """The statement without the whole-line comments before it, or '' if it is only those."""
    lines = statement.strip().splitlines()
    while lines and (not lines[0].strip() or lines[0].strip().startswith("--")):
        lines.pop(0)
    code = "\n".join(lines).strip()
    return "" if code == ";" else code


def db_error(exc: Exception, folder: Path, limit: type[StorageError] | None = None) -> TestigoError:
    """``classify`` for the database in ``folder``; ``limit`` is why it was opened read-only."""
    error = classify(exc, folder / DB_FILE)
    if limit is not None and isinstance(error, ReadOnlyStorage):
        return limit()  # opened read-only because the disk is full: say that, not read-only
    return error


class Database:
    """An open database and its lock. Thread-safe: every operation holds ``self.lock``.

    ``limit`` is set when it was opened read-only (a read-only or a full disk): writing
    raises that error, and the audit trail does not grow.
    """

    def __init__(
        self, data_dir: Path, conn: Connection, limit: type[StorageError] | None = None
    ) -> None:
        # Where the database and its blobs are: a vault's home, or its decoy's spare/.
        self.data_dir = data_dir
        self._conn: Connection | None = conn
        self._limit = limit
        self.lock = threading.RLock()

    @property
    def read_only(self) -> bool:
        return self._limit is not None

    @property
    def closed(self) -> bool:
        return self._conn is None

    @property
    def conn(self) -> Connection:
        if self._conn is None:
            raise VaultCorrupt(detail="the vault is locked")
        return self._conn

    def disconnect(self) -> None:
        """Checkpoint the write-ahead log into the database file and close the connection."""
        with self.lock:
            if self._conn is not None:
                with contextlib.suppress(sqlcipher3.Error):
                    self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                self._conn.close()
                self._conn = None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Connection]:
        """BEGIN IMMEDIATE .. COMMIT; the commit is durable (synchronous=FULL) on return."""
        with self.lock:
            conn = self.conn
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlcipher3.Error as exc:
                raise db_error(exc, self.data_dir, self._limit) from None
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException as exc:
                with contextlib.suppress(sqlcipher3.Error):
                    conn.execute("ROLLBACK")
                if isinstance(exc, sqlcipher3.Error):
                    raise db_error(exc, self.data_dir, self._limit) from None
                raise

    def query(self, sql: str, params: tuple[Any, ...] | list[Any] = ()) -> list[Any]:
        with self.lock:
            try:
                return list(self.conn.execute(sql, params).fetchall())
            except sqlcipher3.Error as exc:
                raise db_error(exc, self.data_dir, self._limit) from None

    def get_meta(self, key: str) -> str | None:
        rows = self.query("SELECT value FROM meta WHERE key = ?", (key,))
        return str(rows[0][0]) if rows else None

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    def audit(
        self, action: str, incident_id: str | None = None, conn: Connection | None = None
    ) -> None:
        sql = "INSERT INTO audit(at, action, incident_id) VALUES (?, ?, ?)"
        if conn is not None:
            conn.execute(sql, (utc_now(), action, incident_id))
        elif self.read_only:
            # Reading (an extract, an export) still works on a read-only disk; the trail
            # cannot grow there, and refusing the read for it would help no one.
            return
        else:
            with self.transaction() as c:
                c.execute(sql, (utc_now(), action, incident_id))

    def audit_trail(self, limit: int = 200) -> list[dict[str, Any]]:
        rows = self.query(
            "SELECT at, action, incident_id FROM audit ORDER BY seq DESC LIMIT ?", (limit,)
        )
        return [{"at": r[0], "action": r[1], "incident_id": r[2]} for r in rows]

    def integrity_check(self) -> str:
        return str(self.query("PRAGMA integrity_check")[0][0])

    def schema_version(self) -> int:
        with self.lock:
            return schema_version(self.conn)

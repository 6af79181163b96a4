"""Completions that arrive together share one transaction; each keeps its own outcome."""

from __future__ import annotations

import asyncio
import contextlib
import secrets
import sqlite3
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from reporter.relay.storage.base import QuotaUsed, Room
from reporter.relay.storage.batched import Batched
from reporter.relay.store import RelayStore

WAIT = 20.0  # seconds any wait below may take at most


def until(condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + WAIT
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        threading.Event().wait(0.005)


class Db:
    """A real SQLite file, a transaction as the relay's store opens it, batches counted."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("CREATE TABLE t (name TEXT PRIMARY KEY)")
        self.lock = threading.RLock()
        self.batches = 0
        self.fail_commit = False

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        with self.lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
                if self.fail_commit:
                    raise sqlite3.OperationalError("disk I/O error")
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise

    def counted(self) -> None:
        self.batches += 1

    def names(self) -> set[str]:
        return {row[0] for row in self.conn.execute("SELECT name FROM t")}


def insert(name: str, refuse: bool = False) -> Callable[[sqlite3.Connection], str]:
    def write(conn: sqlite3.Connection) -> str:
        conn.execute("INSERT INTO t VALUES (?)", (name,))
        if refuse:
            raise QuotaUsed  # after writing: its row must be undone, not the others'
        return name

    return write


def in_threads(
    batched: Batched, writes: list[Callable[[Any], Any]]
) -> tuple[list[threading.Thread], list[Any]]:
    outcomes: list[Any] = [None] * len(writes)

    def call(n: int) -> None:
        try:
            outcomes[n] = batched.run(writes[n])
        except Exception as exc:
            outcomes[n] = exc

    threads = [threading.Thread(target=call, args=(n,)) for n in range(len(writes))]
    for thread in threads:
        thread.start()
    return threads, outcomes


def held_first(db: Db, batched: Batched, later: list[Callable[[Any], Any]]) -> list[Any]:
    """A first write that waits until ``later`` are all queued behind it; their outcomes."""
    release = threading.Event()

    def first(conn: sqlite3.Connection) -> str:
        release.wait(WAIT)
        return insert("first")(conn)

    threads, outcomes = in_threads(batched, [first])
    until(lambda: db.batches == 1)  # the first batch is being written
    more, later_outcomes = in_threads(batched, later)
    until(lambda: batched.waiting == len(later))
    release.set()
    for thread in threads + more:
        thread.join(WAIT)
    assert outcomes == ["first"]
    return list(later_outcomes)


def test_writes_that_wait_together_share_one_batch(tmp_path: Path) -> None:
    db = Db(tmp_path / "t.sqlite")
    batched = Batched(db.transaction, db.counted)

    outcomes = held_first(db, batched, [insert(f"n{i}") for i in range(6)])

    assert sorted(outcomes) == [f"n{i}" for i in range(6)]  # each its own result
    assert db.batches == 2  # the held one, then all six at once
    assert db.names() == {"first", *(f"n{i}" for i in range(6))}


def test_a_refused_write_is_undone_alone(tmp_path: Path) -> None:
    db = Db(tmp_path / "t.sqlite")
    batched = Batched(db.transaction, db.counted)

    outcomes = held_first(db, batched, [insert("a"), insert("b", refuse=True), insert("c")])

    assert outcomes[0] == "a"
    assert outcomes[2] == "c"
    assert isinstance(outcomes[1], QuotaUsed)
    assert db.names() == {"first", "a", "c"}  # b's row went with its refusal
    assert db.batches == 2


def test_a_failed_commit_fails_every_write_of_its_batch(tmp_path: Path) -> None:
    db = Db(tmp_path / "t.sqlite")
    batched = Batched(db.transaction, db.counted)
    batched.run(insert("before"))
    db.fail_commit = True

    with pytest.raises(sqlite3.OperationalError):
        batched.run(insert("x"))
    db.fail_commit = False

    assert db.names() == {"before"}
    assert batched.run(insert("after")) == "after"  # the next batch is fine
    assert db.names() == {"before", "after"}


def test_a_batch_is_bounded_and_the_rest_follow(tmp_path: Path) -> None:
    db = Db(tmp_path / "t.sqlite")
    batched = Batched(db.transaction, db.counted, most=2)

    outcomes = held_first(db, batched, [insert(f"n{i}") for i in range(5)])

    assert sorted(outcomes) == [f"n{i}" for i in range(5)]
    assert db.batches == 1 + 3  # the held one, then 2 + 2 + 1


async def _body(data: bytes) -> AsyncIterator[bytes]:
    yield data


def test_concurrent_completions_keep_the_quota_and_distinct_cursors(tmp_path: Path) -> None:
    store = RelayStore(tmp_path / "relay")
    data = secrets.token_bytes(4096)
    room = Room(max_open_uploads=100, quota_bytes=3 * len(data))  # room for three
    staged = [asyncio.run(store.stage(len(data), _body(data))) for _ in range(8)]
    outcomes: list[Any] = [None] * len(staged)

    def complete(n: int) -> None:
        try:
            outcomes[n] = store.add_complete("owner", f"{n:064x}", staged[n], room)
        except QuotaUsed as exc:
            outcomes[n] = exc

    threads = [threading.Thread(target=complete, args=(n,)) for n in range(len(staged))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(WAIT)

    added = [o for o in outcomes if isinstance(o, tuple)]
    assert len(added) == 3
    assert sum(isinstance(o, QuotaUsed) for o in outcomes) == 5
    assert len({row["cursor"] for row, _ in added}) == 3
    assert all(created for _, created in added)
    rows = store.query("SELECT count(*) FROM uploads WHERE state = 'complete'")
    assert rows[0][0] == 3
    store.close()


def test_a_retry_that_lost_the_race_gets_the_winners_row(tmp_path: Path) -> None:
    store = RelayStore(tmp_path / "relay")
    data = secrets.token_bytes(1024)
    room = Room(max_open_uploads=100, quota_bytes=10**9)
    first, second = (asyncio.run(store.stage(len(data), _body(data))) for _ in range(2))

    won = store.add_complete("owner", "ab" * 32, first, room)
    lost = store.add_complete("owner", "ab" * 32, second, room)

    assert won[1] is True
    assert lost[1] is False
    assert lost[0]["id"] == won[0]["id"] == first.upload_id
    store.close()

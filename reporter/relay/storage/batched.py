"""Writes from concurrent requests that share one transaction, and so one fsync.

The relay's SQLite file takes one writer at a time, and each commit waits for its fsync
(synchronous = FULL): with several devices (or one device's several streams) finishing small
uploads at once, each waited behind the others' fsyncs in turn. Here the first caller to
find nobody writing becomes the leader: it takes every write queued so far, runs them in one
transaction (each inside its own savepoint, so one refused write leaves the others), commits
once, and hands each caller its own result or exception. Whoever queues meanwhile is in the
next batch. A caller alone waits for nothing: its batch is itself.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class _Queued(Generic[T]):
    def __init__(self, write: Callable[[Any], T]) -> None:
        self.write = write
        self.done = False
        self.value: Any = None
        self.error: BaseException | None = None

    def result(self) -> T:
        if self.error is not None:
            raise self.error
        return self.value  # type: ignore[no-any-return]


class Batched:
    """``run(write)`` runs ``write(conn)`` in a transaction it may share with others.

    ``transaction`` opens (and on leaving commits) the store's write transaction; ``before``
    runs once per batch before it (the folder's fsync that makes every staged file's name
    durable before a row names it).
    """

    def __init__(
        self,
        transaction: Callable[[], AbstractContextManager[Any]],
        before: Callable[[], None] = lambda: None,
        most: int = 256,
    ) -> None:
        self._transaction, self._before, self._most = transaction, before, most
        self._ready = threading.Condition()
        self._queue: list[_Queued[Any]] = []
        self._leading = False

    @property
    def waiting(self) -> int:
        """Writes queued for the next batch (the one being written is not counted)."""
        with self._ready:
            return len(self._queue)

    def run(self, write: Callable[[Any], T]) -> T:
        mine: _Queued[T] = _Queued(write)
        with self._ready:
            self._queue.append(mine)
        while True:
            with self._ready:
                while self._leading and not mine.done:
                    self._ready.wait()
                if mine.done:
                    return mine.result()
                self._leading = True
                batch, self._queue = self._queue[: self._most], self._queue[self._most :]
            try:
                self._write(batch)
            finally:
                with self._ready:
                    self._leading = False
                    self._ready.notify_all()

    def _write(self, batch: list[_Queued[Any]]) -> None:
        try:
            self._before()
            with self._transaction() as conn:
                for n, queued in enumerate(batch):
                    conn.execute(f"SAVEPOINT w{n}")
                    try:
                        queued.value = queued.write(conn)
                    except Exception as exc:  # its own refusal: undone, kept for its caller
                        queued.error = exc
                        conn.execute(f"ROLLBACK TO w{n}")
                    conn.execute(f"RELEASE w{n}")
        except BaseException as exc:
            for queued in batch:  # nothing of the batch was committed
                if queued.error is None:
                    queued.error, queued.value = exc, None
            if not isinstance(exc, Exception):
                raise
        finally:
            for queued in batch:
                queued.done = True

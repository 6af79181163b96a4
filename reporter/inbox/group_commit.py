"""Importing many bundle files in group commits: one durable transaction per batch.

A durable commit (the WAL's fsync, SQLCipher's page work on commit) cost about twenty times
a small bundle's own decrypt and verify, so a folder of 10,000 bundles spent its time
committing. Here several bundles share one transaction, bounded by count, bytes and time;
each bundle is a savepoint in it, so a refused bundle rolls back alone and never takes the
good ones of its batch with it. An outcome is handed out only once its batch is committed:
a crash before that loses nothing anyone was told, and the files still hold it all.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reporter.errors import TestigoError
from reporter.fsutil import storage_error
from reporter.inbox.inbox import ImportResult, Inbox
from reporter.vault.vault import Vault

Outcome = tuple[Path, "ImportResult | TestigoError"]


@dataclass(frozen=True)
class Limits:
    """When a batch commits. A file above ``alone`` bytes is imported on its own: its
    decryption dominates, and the vault (held by an open batch) should not wait for it."""

    bundles: int = 500
    bytes: int = 32 * 1024 * 1024
    seconds: float = 0.25
    alone: int = 4 * 1024 * 1024


class GroupCommit:
    """The batch's open transaction and the outcomes waiting for its commit."""

    def __init__(self, vault: Vault, limits: Limits) -> None:
        self._vault, self._limits = vault, limits
        self._stack: contextlib.ExitStack | None = None
        self._conn: Any = None
        self._started = 0.0
        self._bytes = 0
        self._waiting: list[Outcome] = []  # in order, refusals too
        self._ready: list[Outcome] = []

    def connection(self) -> Any:
        """The batch's connection, beginning its transaction (and holding the vault) if new."""
        if self._stack is None:
            stack = contextlib.ExitStack()
            self._conn = stack.enter_context(self._vault.transaction())
            self._stack, self._started, self._bytes = stack, time.monotonic(), 0
        return self._conn

    def due(self, size: int) -> bool:
        """Whether to commit before a file of ``size`` bytes joins the batch."""
        if self._stack is None:
            return False
        return (
            len(self._waiting) >= self._limits.bundles
            or self._bytes + size > self._limits.bytes
            or time.monotonic() - self._started >= self._limits.seconds
        )

    def add(self, outcome: Outcome, size: int) -> None:
        self._waiting.append(outcome)
        self._bytes += size

    def commit(self) -> None:
        """Make the batch durable; if that fails, none of its bundles was imported."""
        stack, self._stack, self._conn = self._stack, None, None
        waiting, self._waiting = self._waiting, []
        if stack is not None:
            try:
                stack.close()
            except TestigoError as exc:
                # Nothing of this batch is in the vault (its blobs are orphans, collected at
                # the next open); a refusal recorded earlier was committed on its own.
                waiting = [(p, exc if isinstance(r, ImportResult) else r) for p, r in waiting]
        self._ready += waiting

    def abandon(self) -> None:
        """Roll the open batch back (nothing of it was handed out)."""
        stack, self._stack, self._conn, self._waiting = self._stack, None, None, []
        if stack is not None:
            with contextlib.suppress(TestigoError):
                stack.__exit__(RuntimeError, RuntimeError("abandoned"), None)

    def take(self) -> list[Outcome]:
        ready, self._ready = self._ready, []
        return ready


def import_files(
    inbox: Inbox,
    files: list[Path],
    cancelled: Callable[[], bool] | None = None,
    limits: Limits | None = None,
) -> Iterator[Outcome]:
    """Import bundle files in group commits; each outcome comes once it is durable.

    Cancelling (or closing the iterator) stops before the next file, after committing what
    was imported so far.
    """
    limits = limits or Limits()
    group = GroupCommit(inbox.vault, limits)
    inbox.group = group
    try:
        for path in files:
            outcome: Outcome
            if cancelled is not None and cancelled():
                break
            try:
                size = path.stat().st_size
            except OSError as exc:
                size, outcome = 0, (path, storage_error(exc))
            else:
                alone = size > limits.alone
                if alone or group.due(size):
                    group.commit()
                    yield from group.take()
                inbox.group = None if alone else group
                try:
                    outcome = (path, inbox.import_file(path))
                except TestigoError as exc:
                    outcome = (path, exc)
                finally:
                    inbox.group = group
                if alone:  # durable already, in a transaction of its own
                    yield outcome
                    continue
            group.add(outcome, size)
        group.commit()
        yield from group.take()
    except BaseException:
        group.abandon()
        raise
    finally:
        inbox.group = None

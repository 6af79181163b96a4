"""Where the relay keeps what it keeps: a folder (SQLite + files) or PostgreSQL + S3."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reporter.relay.storage.base import RelayStorage, StorageConfig


def open_storage(config: StorageConfig | RelayStorage) -> RelayStorage:
    """The store a configuration names (a folder, or PostgreSQL + S3); a store as it is."""
    from pathlib import Path

    from reporter.relay.storage.base import PostgresS3

    if isinstance(config, Path):
        from reporter.relay.store import RelayStore

        return RelayStore(config)
    if isinstance(config, PostgresS3):
        from reporter.relay.storage.postgres_s3 import PostgresS3Store

        return PostgresS3Store(config)
    return config

"""What a test may look at in either relay store: rows, stored bytes, the write lock.

The relay suite runs on both engines (SQLite + files, PostgreSQL + S3); these helpers read
each one's own way, so a test states its promise once.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reporter.relay.storage import open_storage
from reporter.relay.storage.base import PostgresS3, StorageConfig


def rows(config: StorageConfig, sql: str) -> list[tuple[Any, ...]]:
    store = open_storage(config)
    try:
        return [tuple(row) for row in store.query(sql)]
    finally:
        store.close()


def _s3(config: PostgresS3) -> tuple[Any, str, str]:
    from reporter.relay.storage.s3objects import S3Objects

    objects = S3Objects(config.objects, config.s3_endpoint)
    return objects.client, objects.bucket, objects.prefix


def object_names(config: StorageConfig) -> list[str]:
    """Every object (file, or S3 key below the prefix) the store holds ciphertext in."""
    if isinstance(config, Path):
        return sorted(p.name for p in (config / "blobs").iterdir())
    client, bucket, prefix = _s3(config)
    pages = client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix)
    return sorted(item["Key"] for page in pages for item in page.get("Contents", []))


def stored_upload_ids(config: StorageConfig) -> list[str]:
    """The uploads whose bytes are stored (a file, or at least one piece object)."""
    if isinstance(config, Path):
        return object_names(config)
    return sorted({name.split("/")[-2] for name in object_names(config)})


def stored_bytes(config: StorageConfig, upload_id: str) -> bytes | None:
    """An upload's bytes as stored, or None if nothing is kept for it."""
    if isinstance(config, Path):
        path = config / "blobs" / upload_id
        return path.read_bytes() if path.exists() else None
    pieces = rows(
        config,
        f"SELECT object FROM pieces WHERE upload_id = '{upload_id}'"  # noqa: S608 - a hex id
        " ORDER BY start",
    )
    client, bucket, _ = _s3(config)
    if not pieces:
        left = [n for n in object_names(config) if f"/{upload_id}/" in n]
        return (
            None
            if not left
            else b"".join(client.get_object(Bucket=bucket, Key=n)["Body"].read() for n in left)
        )
    return b"".join(client.get_object(Bucket=bucket, Key=name)["Body"].read() for (name,) in pieces)


def everything_stored(config: StorageConfig) -> Iterator[tuple[str, bytes]]:
    """Every byte the relay keeps: files, or every table's rows and every object."""
    if isinstance(config, Path):
        for path in config.rglob("*"):
            if path.is_file():
                yield str(path), path.read_bytes()
        return
    for table in (
        "tokens",
        "credentials",
        "uploads",
        "pieces",
        "counters",
        "calls",
        "acks",
        "coordination",
        "messages",
        "profile",
    ):
        yield table, repr(rows(config, f"SELECT * FROM {table}")).encode()  # noqa: S608
    client, bucket, _ = _s3(config)
    for name in object_names(config):
        yield name, client.get_object(Bucket=bucket, Key=name)["Body"].read()


@contextlib.contextmanager
def write_lock_held(config: StorageConfig, upload_id: str) -> Iterator[None]:
    """The upload's write lock taken from outside the relay, as another process would."""
    if isinstance(config, Path):
        with (config / "blobs" / upload_id).open("r+b") as held:
            fcntl.flock(held.fileno(), fcntl.LOCK_EX)
            yield
        return
    import psycopg

    from reporter.relay.storage.postgres_s3 import _lock_key

    with psycopg.connect(config.database, autocommit=True) as conn:
        conn.execute("SELECT pg_advisory_lock(%s)", (_lock_key(upload_id),))
        yield


def is_postgres(config: StorageConfig) -> bool:
    return isinstance(config, PostgresS3)


def child_env() -> dict[str, str]:
    """The environment a relay subprocess needs to reach the test S3 (AWS_* variables)."""
    return dict(os.environ)


def store_flags(config: StorageConfig) -> list[str]:
    """The `relay serve` / `relay token create` flags that name this store."""
    if isinstance(config, Path):
        return ["--store", str(config)]
    flags = ["--database", config.database, "--objects", config.objects]
    return [*flags, "--s3-endpoint", config.s3_endpoint] if config.s3_endpoint else flags


def execute(config: StorageConfig, sql: str) -> None:
    """One statement on the store from outside the relay (as an operator's tool would)."""
    if isinstance(config, Path):
        import sqlite3

        conn = sqlite3.connect(config / "relay.sqlite")
        try:
            with conn:
                conn.execute(sql)
        finally:
            conn.close()
        return
    import psycopg

    with psycopg.connect(config.database, autocommit=True) as pg:
        pg.execute(sql)  # type: ignore[arg-type]

"""Ciphertext in an S3-compatible bucket: one object per piece an upload received.

A piece is never joined to the others: S3 multipart parts must be at least 5 MiB (pieces
may be smaller) and joining would mean reading every byte back. The database lists an
upload's pieces in order; a download streams them one after the other. A piece is spooled
to an unnamed file (nothing left on disk if the process dies) so its length is known
before the PUT, and memory stays one block per request whatever the piece's size.
"""

from __future__ import annotations

import contextlib
import re
import secrets
import tempfile
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from starlette.concurrency import run_in_threadpool

from reporter.errors import UsageError
from reporter.relay.uploads import MAX_CHUNK, RelayError

BLOCK = 1024 * 1024
_BUCKET = re.compile(r"[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")
_PREFIX = re.compile(r"[A-Za-z0-9._/-]{0,200}")


def parse_objects_url(url: str) -> tuple[str, str]:
    """``s3://bucket/prefix`` -> (bucket, "prefix/"); anything else is a usage error."""
    if not url.startswith("s3://"):
        raise UsageError("--objects must be s3://bucket/prefix")
    bucket, _, prefix = url[5:].partition("/")
    prefix = prefix.strip("/")
    if not _BUCKET.fullmatch(bucket) or not _PREFIX.fullmatch(prefix) or ".." in prefix:
        raise UsageError(
            "--objects must be s3://bucket/prefix (a bucket name, then a"
            " folder of letters, digits, '.', '_', '-' and '/')"
        )
    return bucket, f"{prefix}/" if prefix else ""


@dataclass(frozen=True)
class Spooled:
    length: int
    file: IO[bytes]


class S3Objects:
    def __init__(self, url: str, endpoint: str | None, spool: Path | None = None) -> None:
        import boto3
        from botocore.config import Config

        self.bucket, self.prefix = parse_objects_url(url)
        self.spool = spool
        region = boto3.session.Session().region_name or "us-east-1"
        self.client: Any = boto3.client(
            "s3",
            endpoint_url=endpoint,
            region_name=region,
            config=Config(
                retries={"max_attempts": 4, "mode": "standard"}, connect_timeout=10, read_timeout=60
            ),
        )

    def check(self) -> None:
        """The bucket is there and ours to use (asked once, at start)."""
        self.client.head_bucket(Bucket=self.bucket)

    def piece_name(self, upload_id: str, start: int) -> str:
        return f"{self.prefix}pieces/{upload_id}/{start:016x}-{secrets.token_hex(4)}"

    async def spool_body(
        self, body: AsyncIterator[bytes], start: int, size: int, digest: Any
    ) -> Spooled:
        """The request body to an unnamed file, with the same limits as a file store's."""
        file = tempfile.TemporaryFile(dir=self.spool)  # noqa: SIM115 - the caller closes it
        try:
            length = 0
            async for part in body:
                if start + length + len(part) > size or length + len(part) > MAX_CHUNK:
                    raise RelayError(413, "too_large", "more bytes than the upload declared")
                await run_in_threadpool(file.write, part)
                if digest is not None:
                    digest.update(part)
                length += len(part)
            if length == 0 and size > start:
                raise RelayError(422, "empty_body", "no bytes in the request")
            file.flush()
            file.seek(0)
            return Spooled(length, file)
        except BaseException:
            file.close()
            raise

    def put(self, name: str, spooled: Spooled) -> None:
        """Durable when S3 answers (the store's promise for a completed PUT)."""
        self.client.put_object(
            Bucket=self.bucket, Key=name, Body=spooled.file, ContentLength=spooled.length
        )

    def open(self, name: str) -> Any | None:
        """The object's body, being read; None if there is no such object (any more)."""
        try:
            return self.client.get_object(Bucket=self.bucket, Key=name)["Body"]
        except self.client.exceptions.NoSuchKey:
            return None

    def blocks(self, name: str, length: int, body: Any | None = None) -> Iterator[bytes]:
        """The object's bytes as blocks; an object of another length is an error, not data."""
        body = body or self.open(name)
        if body is None:
            raise OSError(f"object {name} is gone")
        seen = 0
        try:
            for block in body.iter_chunks(BLOCK):
                seen += len(block)
                if seen > length:
                    break
                yield block
        finally:
            body.close()
        if seen != length:
            raise OSError(f"object {name} holds {seen} bytes, not {length}")

    def delete(self, names: list[str]) -> None:
        """Best effort: what a failure leaves is an orphan, removed by the periodic job."""
        for first in range(0, len(names), 1000):
            batch = [{"Key": name} for name in names[first : first + 1000]]
            with contextlib.suppress(Exception):
                self.client.delete_objects(
                    Bucket=self.bucket, Delete={"Objects": batch, "Quiet": True}
                )

    def listing(self) -> Iterator[list[tuple[str, float]]]:
        """Every piece object, a page (at most 1,000) at a time, with its age as a time."""
        paginator = self.client.get_paginator("list_objects_v2")
        for page in paginator.paginate(Bucket=self.bucket, Prefix=f"{self.prefix}pieces/"):
            yield [
                (item["Key"], item["LastModified"].timestamp()) for item in page.get("Contents", [])
            ]

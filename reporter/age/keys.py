"""What a recipient and an identity are, and reading them from text and identity files.

Identity files use age's format (``# comment`` lines, one key per line), so a coordinator's
key file written by Testigo is read by the ``age`` command and the other way round.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Protocol

from reporter.age.header import Stanza
from reporter.age.hybrid import HybridIdentity, HybridRecipient
from reporter.age.x25519 import X25519Identity, X25519Recipient
from reporter.errors import FormatError

MAX_IDENTITY_FILE = 1024 * 1024


class Recipient(Protocol):
    """Wraps a file key for someone."""

    @property
    def stanza_type(self) -> str: ...

    def wrap(self, file_key: bytes) -> list[Stanza]: ...


class Identity(Protocol):
    """Unwraps a file key from a stanza meant for it: None if it is not (a wrong key)."""

    def unwrap(self, stanza: Stanza) -> bytes | None: ...


def parse_recipient(text: str) -> X25519Recipient | HybridRecipient:
    """``age1pq1...`` (post-quantum) or ``age1...`` (classical)."""
    text = text.strip()
    if text.startswith("age1pq1"):
        return HybridRecipient.from_string(text)
    if text.startswith("age1"):
        return X25519Recipient.from_string(text)
    raise FormatError(what="age key", reason="not an age recipient")


def parse_identity(text: str) -> X25519Identity | HybridIdentity:
    """``AGE-SECRET-KEY-PQ-1...`` (post-quantum) or ``AGE-SECRET-KEY-1...`` (classical)."""
    text = text.strip()
    if text.startswith("AGE-SECRET-KEY-PQ-1"):
        return HybridIdentity.from_string(text)
    if text.startswith("AGE-SECRET-KEY-1"):
        return X25519Identity.from_string(text)
    raise FormatError(what="age key", reason="not an age identity")


def parse_identity_file(text: str) -> list[X25519Identity | HybridIdentity]:
    """Every identity in an age identity file; comments and blank lines are skipped."""
    if len(text) > MAX_IDENTITY_FILE:
        raise FormatError(what="age identity file", reason="too large")
    identities = [
        parse_identity(line)
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    if not identities:
        raise FormatError(what="age identity file", reason="no identity in it")
    return identities


def format_identity_file(identities: Iterable[X25519Identity | HybridIdentity]) -> str:
    """An identity file as ``age-keygen`` writes it: created date, public key, secret key."""
    created = datetime.now(UTC).replace(microsecond=0).isoformat()
    blocks = [
        f"# created: {created}\n# public key: {identity.recipient().to_string()}\n"
        f"{identity.to_string()}\n"
        for identity in identities
    ]
    return "\n".join(blocks)

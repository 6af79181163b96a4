"""The one clock the vault's timestamps come from: UTC, whole seconds, ``...Z``.

A leaf (it imports nothing of ours) so every layer can stamp times without importing the
vault, and the timestamps in records, revisions, audit and outbox all compare as text.
"""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")

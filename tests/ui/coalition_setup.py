"""A device vault that has joined a coalition: its profile imported, as after first run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reporter.share.coalition import PROFILE_FILE, create_coalition
from reporter.share.profile import import_profile

KEYS = "frase de la coalición larga 1"  # the coalition keys' passphrase


def join_coalition(
    vault: Any, root: Path, relay: str = "https://relay.example.org", keys: str = KEYS
) -> Path:
    """Create a coalition (x25519) in ``root/co`` and import its profile into ``vault``."""
    co = root / "co"
    create_coalition(co, "Red", [relay], keys, "x25519")
    import_profile(vault, (co / PROFILE_FILE).read_bytes())
    return co

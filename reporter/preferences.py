"""Preferences both front ends read: the language and discreet mode a trainer chose.

A small JSON file in the data folder's ``settings/`` (beside the app's own Qt file, so a
wipe removes both). It holds choices only, never content or paths, and is read as hostile:
anything unexpected in it is ignored, never an error that keeps a person out.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from reporter.errors import InvalidField
from reporter.fsutil import atomic_write, ensure_private_dir

SETTINGS_DIR = "settings"  # in the data folder: this file and the app's IniFormat one
FILE = "preferences.json"
MAX_SIZE = 4096
LANGUAGES = ("es", "en")


def path(home: Path) -> Path:
    return home / SETTINGS_DIR / FILE


def read(home: Path) -> dict[str, Any]:
    """The saved preferences that are valid; an absent or damaged file is no preference."""
    try:
        with path(home).open("rb") as handle:
            data = handle.read(MAX_SIZE + 1)
        loaded = json.loads(data.decode("utf-8")) if len(data) <= MAX_SIZE else None
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return {}
    if not isinstance(loaded, dict):
        return {}
    valid: dict[str, Any] = {}
    if loaded.get("language") in LANGUAGES:
        valid["language"] = loaded["language"]
    if isinstance(loaded.get("discreet"), bool):
        valid["discreet"] = loaded["discreet"]
    return valid


def write(home: Path, *, language: str | None = None, discreet: bool | None = None) -> None:
    """Save the given choices (others stay), atomically, 0600."""
    if language is not None and language not in LANGUAGES:
        raise InvalidField(field="language", reason="one of es, en")
    current = read(home)
    if language is not None:
        current["language"] = language
    if discreet is not None:
        current["discreet"] = bool(discreet)
    ensure_private_dir(home)
    ensure_private_dir(home / SETTINGS_DIR)
    atomic_write(path(home), json.dumps(current, sort_keys=True).encode() + b"\n")

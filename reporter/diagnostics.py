"""What went wrong, kept in memory only, so a person can hand it to a trainer or developer.

An entry is the error's code, the exception's type and where it was raised: each frame as
file:line:function. Never an exception's message, never a variable's value: those may hold
incident text, names or passphrases. Files are named relative to the package they belong to,
so a path never shows the user's name. Nothing here writes anywhere; the app copies or saves
the text only when the person asks, and the CLI prints it only with TESTIGO_DEBUG=1.
"""

from __future__ import annotations

import sys
import threading
import traceback
from collections import deque
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import PurePath

from reporter.errors import TestigoError

MAX_ENTRIES = 50  # the oldest go first: memory stays bounded however long the app runs
MAX_FRAMES = 30  # the innermost frames, where the error was raised
MAX_CHAIN = 3  # causes followed ("during handling of…", "raise … from …")
_PACKAGES = ("reporter", "ui", "tests", "benchmarks")


@dataclass(frozen=True)
class Frame:
    file: str
    line: int
    function: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.function}"


@dataclass(frozen=True)
class Failure:
    """One exception of a chain: its type and frames, nothing it carried."""

    type: str
    frames: tuple[Frame, ...]


@dataclass(frozen=True)
class Entry:
    when: str
    code: str
    chain: tuple[Failure, ...]  # the exception first, then what caused it

    def text(self) -> str:
        lines = [f"{self.when} {self.code}"]
        for depth, failure in enumerate(self.chain):
            lines.append(("  " if depth == 0 else "  caused by ") + failure.type)
            lines.extend(f"    {frame}" for frame in failure.frames)
        return "\n".join(lines)


def short_file(filename: str) -> str:
    """A source path from its package on (``reporter/vault/vault.py``), or just its name."""
    parts = PurePath(filename).parts
    for index in range(len(parts) - 1, -1, -1):
        if parts[index] in ("site-packages", "dist-packages"):
            return "/".join(parts[index + 1 :])
    for index, part in enumerate(parts):
        if part in _PACKAGES:
            return "/".join(parts[index:])
    if filename.startswith("<"):  # <string>, <frozen importlib._bootstrap>
        return filename
    return PurePath(filename).name


def type_name(exc: BaseException) -> str:
    cls = type(exc)
    if cls.__module__ == "builtins":
        return cls.__qualname__
    return f"{cls.__module__}.{cls.__qualname__}"


def _failure(exc: BaseException) -> Failure:
    # walk_tb reads only code objects and line numbers: no locals, no source lines.
    frames = [
        Frame(short_file(frame.f_code.co_filename), line, frame.f_code.co_name)
        for frame, line in traceback.walk_tb(exc.__traceback__)
    ]
    return Failure(type_name(exc), tuple(frames[-MAX_FRAMES:]))


def describe(exc: BaseException) -> Entry:
    chain: list[Failure] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and len(chain) < MAX_CHAIN and id(current) not in seen:
        seen.add(id(current))
        chain.append(_failure(current))
        current = current.__cause__ or (
            None if current.__suppress_context__ else current.__context__
        )
    code = exc.code if isinstance(exc, TestigoError) else "internal_error"
    when = datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    return Entry(when, code, tuple(chain))


class Diagnostics:
    """A bounded ring of entries, safe to record into from any thread."""

    def __init__(self, limit: int = MAX_ENTRIES) -> None:
        self._entries: deque[Entry] = deque(maxlen=limit)
        self._lock = threading.Lock()

    def record(self, exc: BaseException) -> Entry:
        entry = describe(exc)
        with self._lock:
            self._entries.append(entry)
        return entry

    def entries(self) -> list[Entry]:
        with self._lock:
            return list(self._entries)

    def text(self) -> str:
        header = f"Testigo diagnostics, Python {sys.version.split()[0]}, {sys.platform}"
        return "\n\n".join([header, *(entry.text() for entry in self.entries())]) + "\n"

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


BUFFER = Diagnostics()  # the process's one buffer: the app's and the CLI's
record = BUFFER.record
entries = BUFFER.entries
text = BUFFER.text
clear = BUFFER.clear

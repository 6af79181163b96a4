"""The files an export writes beside its main one, and when an existing one may be replaced.

A codebook or an Uwazi template may have been annotated by hand, and the app's save dialog
asked only about the main file. So with ``force`` a companion that exists is replaced only
if it is what this export writes, or exactly what an earlier Testigo export wrote: that is
re-made from the stamp the file itself carries (its time, selection, language), so nothing
about the file or its path is kept anywhere. Any other companion is refused, kept, or
replaced, as the caller asked.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from reporter.errors import ExportCompanionsChanged, ExportFilesExist, InvalidInput
from reporter.exports.base import ExportContext
from reporter.exports.csv_export import codebook
from reporter.exports.uwazi import template
from reporter.fsutil import open_regular

Mode = Literal["refuse", "replace", "keep"]
MODES: tuple[Mode, ...] = ("refuse", "replace", "keep")
BOM = b"\xef\xbb\xbf"
SLACK = 1 << 20  # an earlier companion may be this much larger (another vocabulary's labels)


@dataclass(frozen=True)
class Companion:
    path: Path
    data: bytes
    ours: Callable[[bytes], bool]  # did an earlier Testigo export write exactly these bytes?


def codebook_file(path: Path, ctx: ExportContext, count: int, bom: bool) -> Companion:
    return Companion(path, codebook(ctx, count, bom=bom), lambda old: _earlier_codebook(old, ctx))


def template_bytes(ctx: ExportContext, count: int) -> bytes:
    doc = {"export": ctx.meta("uwazi", count), **template(ctx)}
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode()


def template_file(path: Path, ctx: ExportContext, count: int) -> Companion:
    return Companion(path, template_bytes(ctx, count), lambda old: _earlier_template(old, ctx))


def _stamped(ctx: ExportContext, selection: Any, generated_at: Any) -> ExportContext:
    """``ctx`` as an earlier export stamped it; ValueError if the stamp is not one we write."""
    if not (isinstance(selection, dict) and isinstance(generated_at, str)):
        raise ValueError("not a stamp")
    filters, counting = selection.get("filters"), selection.get("counting")
    if not isinstance(filters, dict) or counting not in ("all", "counted"):
        raise ValueError("not a stamp")
    return replace(ctx, filters=filters, include_all=counting == "all", generated_at=generated_at)


def _earlier_codebook(old: bytes, ctx: ExportContext) -> bool:
    """The codebook's last rows say when and from what; its language and notes are tried."""
    try:
        rows = csv.reader(io.StringIO(old.decode("utf-8-sig"), newline=""))
        stamp = {r[1]: r[2] for r in rows if len(r) >= 3 and r[0] == "#"}
        if stamp.get("vocabulary_version") != ctx.vocab.version:
            return False
        then = _stamped(ctx, json.loads(stamp["selection"]), stamp["generated_at"])
        count = int(stamp["reports"])
    except (ValueError, KeyError):
        return False
    bom = old.startswith(BOM)
    return any(
        codebook(replace(then, lang=lang, with_notes=notes), count, bom=bom) == old
        for lang in dict.fromkeys((ctx.lang, "es", "en"))
        for notes in (False, True)
    )


def _earlier_template(old: bytes, ctx: ExportContext) -> bool:
    """The template carries the export's whole account of itself: re-make it from that."""
    try:
        meta = json.loads(old.decode("utf-8"))["export"]
        then = _stamped(ctx, meta["selection"], meta["generated_at"])
        if meta["vocabulary_version"] != ctx.vocab.version or meta["language"] not in ("es", "en"):
            return False
        then = replace(
            then,
            lang=meta["language"],
            with_notes=meta["with_notes"] is True,
            coalition=str(meta["coalition"]),
        )
        count = meta["reports"]
        if not isinstance(count, int):
            return False
    except (ValueError, KeyError, TypeError):
        return False
    return template_bytes(then, count) == old


def _exists(path: Path) -> bool:
    return os.path.lexists(path)  # a dangling link is there too: never write through it


def _unchanged(companion: Companion) -> bool:
    """The file there is what we would write, or what an earlier export wrote, untouched."""
    limit = len(companion.data) + SLACK
    try:
        if companion.path.is_symlink():
            return False  # a link leads elsewhere: whatever it points at is not ours to judge
        with open_regular(companion.path) as handle:
            old = handle.read(limit + 1)
    except (OSError, InvalidInput):
        return False
    return len(old) <= limit and (old == companion.data or companion.ours(old))


def settle(
    main: Path, companions: list[Companion], *, force: bool, mode: Mode = "refuse"
) -> tuple[list[Companion], list[Path]]:
    """The companions to write and those kept; raises, before anything is written, if
    a file exists without ``force``, or a changed companion exists and ``mode`` is refuse."""
    there = [p for p in (main, *(c.path for c in companions)) if _exists(p)]
    if there and not force:
        raise ExportFilesExist(files=", ".join(map(str, there)))
    write: list[Companion] = []
    kept: list[Path] = []
    for companion in companions:
        if mode == "replace" or not _exists(companion.path) or _unchanged(companion):
            write.append(companion)
        else:
            kept.append(companion.path)
    if kept and mode == "refuse":
        names = tuple(map(str, kept))
        raise ExportCompanionsChanged(files=", ".join(names), paths=names)
    return write, kept

"""Timed metadata tracks in MP4 and MOV: where phones and action cameras keep the route.

An iPhone records where a video was taken as a track of its own (handler ``meta``, sample
entry ``mebx`` keyed ``com.apple.quicktime.location.ISO6709``); Android cameras write
``camm`` motion tracks and GoPros ``gpmd`` GPS. Their samples sit in ``mdat`` among the
video's, so blanking ``udta`` leaves them. Each such track's samples are located from its
sample tables and zeroed where they are, then the whole track becomes a ``free`` box of the
same size (its keys go with it): nothing moves, the other tracks' offsets stay right. Tables
whose counts do not add up or that point outside the media data are refused, as is a
fragmented recording (its fragments carry sample tables of their own).

Timed text goes the same way, whole: DJI drones and some dashcams write the position,
height and camera settings of every frame as subtitles (``tx3g``, QuickTime ``text``,
WebVTT, TTML, captions), and a chapter track is text too. A track is not kept on the
promise that no sample holds coordinates (a format of its own per maker): every subtitle
track is removed, and the share preview says so.

A kept track may name a removed one in its ``tref`` (a video's ``chap`` names its chapter
titles, ``subt`` or ``sbtl`` its subtitles, ``cdsc`` the track it describes): a reader would
look for a track that is gone. A reference box naming removed tracks only becomes ``free``
(and ``tref`` with it when nothing else is left in it); one that also names kept tracks has
each removed id replaced by the first kept one it names, so its size stays and nothing
moves. References are read, with the sample tables, before a byte changes.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator

from reporter.errors import CannotClean

# A track is metadata when its handler says so or its sample entry is a metadata format
# (some cameras label a GPS track "text" or "sbtl").
_HANDLERS = {b"meta", b"camm"}
_ENTRIES = {b"mebx", b"camm", b"gpmd", b"mett", b"metx", b"urim"}
# Timed text: subtitles, captions, QuickTime text and chapter titles.
_TEXT_HANDLERS = {b"text", b"sbtl", b"subt", b"clcp"}
_TEXT_ENTRIES = {b"tx3g", b"text", b"wvtt", b"stpp", b"sbtt", b"c608", b"c708"}
_TABLES = (b"stsz", b"stz2", b"stsc", b"stco", b"co64")
_BLOCK = 65536  # sample sizes read at once

Box = tuple[bytes, int, int, int]  # type, box start, payload start, box end
Span = tuple[int, int]  # [start, end) of an mdat's payload


def refuse(reason: str) -> CannotClean:
    return CannotClean(kind="MP4", reason=reason)


def boxes(data: bytearray, start: int, end: int) -> list[Box]:
    """(type, box start, payload start, box end) of each box in ``data[start:end]``."""
    out = []
    pos = start
    while pos + 8 <= end:
        size, kind = struct.unpack_from(">I4s", data, pos)
        header = 8
        if size == 1:
            if pos + 16 > end:
                raise refuse("a box is cut short")
            size = struct.unpack_from(">Q", data, pos + 8)[0]
            header = 16
        elif size == 0:
            size = end - pos
        if size < header or pos + size > end:
            raise refuse("a box's size is out of range")
        out.append((bytes(kind), pos, pos + header, pos + size))
        pos += size
    if pos != end:
        raise refuse("it ends inside a box")
    return out


def _child(data: bytearray, parent: Box, path: tuple[bytes, ...]) -> Box | None:
    found = parent
    for kind in path:
        inner = next((b for b in boxes(data, found[2], found[3]) if b[0] == kind), None)
        if inner is None:
            return None
        found = inner
    return found


def _entry_formats(data: bytearray, stsd: Box) -> set[bytes]:
    """The formats of a sample description's entries (a broken entry ends the list)."""
    _, _, pos, end = stsd
    formats: set[bytes] = set()
    if pos + 8 > end:
        return formats
    count = struct.unpack_from(">I", data, pos + 4)[0]
    pos += 8
    for _ in range(min(count, 64)):
        if pos + 8 > end:
            break
        size = struct.unpack_from(">I", data, pos)[0]
        formats.add(bytes(data[pos + 4 : pos + 8]))
        if size < 8:
            break
        pos += size
    return formats


def _timed_kind(data: bytearray, trak: Box) -> str | None:
    """``timed_metadata`` or ``subtitles`` for a track that goes whole, None for one that stays."""
    hdlr = _child(data, trak, (b"mdia", b"hdlr"))
    handler = b"" if hdlr is None else bytes(data[hdlr[2] + 8 : min(hdlr[2] + 12, hdlr[3])])
    stsd = _child(data, trak, (b"mdia", b"minf", b"stbl", b"stsd"))
    formats = set() if stsd is None else _entry_formats(data, stsd)
    if handler in _HANDLERS or formats & _ENTRIES:
        return "timed_metadata"
    if handler in _TEXT_HANDLERS or formats & _TEXT_ENTRIES:
        return "subtitles"
    return None


def _counted(data: bytearray, box: Box | None, skip: int, width: int) -> tuple[int, int]:
    """Where a table's entries start and how many there are, checked against its box."""
    if box is None:
        raise refuse("a metadata track has no sample table")
    _, _, payload, end = box
    if payload + skip + 4 > end:
        raise refuse("a sample table is cut short")
    count = struct.unpack_from(">I", data, payload + skip)[0]
    first = payload + skip + 4
    if count * width > end - first:
        raise refuse("a sample table counts more entries than it holds")
    return first, count


class _Sizes:
    """The sizes of a track's samples, taken chunk by chunk: ``stsz`` (one size for all, or
    one each) or ``stz2`` (4, 8 or 16 bits each). Work is bounded by the table's size."""

    def __init__(self, data: bytearray, stbl: dict[bytes, Box]) -> None:
        self.data, self.fixed, self.bits, self.next = data, 0, 32, 0
        if b"stsz" in stbl:
            _, _, payload, end = stbl[b"stsz"]
            if payload + 12 > end:
                raise refuse("a sample table is cut short")
            self.fixed, self.count = struct.unpack_from(">II", data, payload + 4)
            if not self.fixed:
                self.first, self.count = _counted(data, stbl[b"stsz"], 8, 4)
            return
        box = stbl.get(b"stz2")
        if box is None or box[2] + 8 > box[3]:
            raise refuse("a metadata track has no sample table")
        self.bits = data[box[2] + 7]
        if self.bits not in (4, 8, 16):
            raise refuse("a sample table is damaged")
        self.first, self.count = _counted(data, box, 8, 0)
        if (self.count * self.bits + 7) // 8 > box[3] - self.first:
            raise refuse("a sample table counts more entries than it holds")

    def _total(self, start: int, stop: int) -> int:
        """The sum of the sizes of samples ``start`` to ``stop``, read a block at a time."""
        if self.bits == 8:
            return sum(self.data[self.first + start : self.first + stop])
        if self.bits == 4:
            return sum(
                self.data[self.first + i // 2] >> (0 if i % 2 else 4) & 0x0F
                for i in range(start, stop)
            )
        width, code = (4, "I") if self.bits == 32 else (2, "H")
        total = 0
        for block in range(start, stop, _BLOCK):
            n = min(_BLOCK, stop - block)
            total += sum(struct.unpack_from(f">{n}{code}", self.data, self.first + width * block))
        return total

    def take(self, n: int) -> int:
        """The bytes the next ``n`` samples fill."""
        if n > self.count - self.next:
            raise refuse("a sample table counts more samples than the file has")
        start, self.next = self.next, self.next + n
        return n * self.fixed if self.fixed else self._total(start, self.next)


def _chunks(data: bytearray, stbl: dict[bytes, Box]) -> Iterator[Span]:
    """The byte range of each chunk of a track's samples, its tables checked as they go."""
    wide = b"co64" in stbl
    width = 8 if wide else 4
    offsets, chunk_count = _counted(data, stbl.get(b"co64" if wide else b"stco"), 4, width)
    runs, run_count = _counted(data, stbl.get(b"stsc"), 4, 12)
    sizes = _Sizes(data, stbl)

    def first_chunk(run: int) -> int:
        return int(struct.unpack_from(">I", data, runs + 12 * run)[0]) if run < run_count else 0

    if chunk_count and first_chunk(0) != 1:
        raise refuse("a sample table is damaged")
    run, per_chunk, next_first = -1, 0, 1
    for chunk in range(1, chunk_count + 1):
        if next_first == chunk:  # the next run of chunks begins here
            run += 1
            per_chunk = struct.unpack_from(">I", data, runs + 12 * run + 4)[0]
            next_first = first_chunk(run + 1) or chunk_count + 1
            if next_first <= chunk:
                raise refuse("a sample table is damaged")
        start = struct.unpack_from(">Q" if wide else ">I", data, offsets + width * (chunk - 1))[0]
        yield start, start + sizes.take(per_chunk)


def _inside(span: Span, media: list[Span]) -> bool:
    return span[0] == span[1] or any(lo <= span[0] and span[1] <= hi for lo, hi in media)


def _tables(data: bytearray, trak: Box) -> dict[bytes, Box]:
    stbl = _child(data, trak, (b"mdia", b"minf", b"stbl"))
    if stbl is None:
        raise refuse("a metadata track has no sample table")
    return {b[0]: b for b in boxes(data, stbl[2], stbl[3]) if b[0] in _TABLES}


def _track_id(data: bytearray, trak: Box) -> int:
    """The id other tracks name it by (0, which none may name, for a track without one)."""
    tkhd = _child(data, trak, (b"tkhd",))
    if tkhd is None:
        return 0
    at = tkhd[2] + (20 if data[tkhd[2]] == 1 else 12)
    if at + 4 > tkhd[3]:
        raise refuse("a box's size is out of range")
    return int(struct.unpack_from(">I", data, at)[0])


def _reference_edits(data: bytearray, trak: Box, gone: set[int]) -> list[tuple[Box, bytes]]:
    """What a kept track's ``tref`` must become so it names no removed track: (box, its new
    payload, or b"" for a box turned into free space)."""
    tref = _child(data, trak, (b"tref",))
    if tref is None:
        return []
    edits: list[tuple[Box, bytes]] = []
    references = boxes(data, tref[2], tref[3])
    for box in references:
        if (box[3] - box[2]) % 4:
            raise refuse("a box's size is out of range")
        ids = struct.unpack_from(f">{(box[3] - box[2]) // 4}I", data, box[2])
        kept = [i for i in ids if i not in gone]
        if len(kept) == len(ids):
            continue
        if not kept:
            edits.append((box, b""))
            continue
        edits.append(
            (box, struct.pack(f">{len(ids)}I", *(kept[0] if i in gone else i for i in ids)))
        )
    if references and sum(1 for _, p in edits if not p) == len(references):
        return [(tref, b"")]  # only references to removed tracks: the tref goes whole
    return edits


def _free(data: bytearray, box: Box) -> None:
    data[box[1] + 4 : box[1] + 8] = b"free"
    data[box[2] : box[3]] = bytes(box[3] - box[2])


def clear_metadata_tracks(data: bytearray, top: list[Box], removed: set[str]) -> None:
    """Zeroes every timed metadata and timed text track's samples and turns the track into
    free space."""
    media = [(b[2], b[3]) for b in top if b[0] == b"mdat"]
    fragmented = any(b[0] == b"moof" for b in top)
    found = [
        (trak, kind)
        for moov in top
        if moov[0] == b"moov"
        for trak in boxes(data, moov[2], moov[3])
        if trak[0] == b"trak" and (kind := _timed_kind(data, trak)) is not None
    ]
    if fragmented and any(kind == "timed_metadata" for _, kind in found):
        raise refuse(
            "it is a fragmented recording with a location or motion track,"
            " which Testigo cannot remove"
        )
    if fragmented and found:
        raise refuse(
            "it is a fragmented recording with a subtitle track, which Testigo cannot remove"
        )
    tables = [_tables(data, trak) for trak, _ in found]
    for stbl in tables:  # every table checked before a byte changes
        for span in _chunks(data, stbl):
            if not _inside(span, media):
                raise refuse("a sample lies outside the file's media data")
    gone = {_track_id(data, trak) for trak, _ in found} - {0}
    removing = {trak for trak, _ in found}
    references = [
        edit
        for moov in top
        if moov[0] == b"moov" and gone
        for trak in boxes(data, moov[2], moov[3])
        if trak[0] == b"trak" and trak not in removing
        for edit in _reference_edits(data, trak, gone)
    ]
    for (trak, kind), stbl in zip(found, tables, strict=True):
        for start, end in _chunks(data, stbl):
            data[start:end] = bytes(end - start)
        _free(data, trak)
        removed.add(kind)
    for box, payload in references:
        if payload:
            data[box[2] : box[3]] = payload
        else:
            _free(data, box)

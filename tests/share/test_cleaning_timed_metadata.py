"""A phone's location as a timed metadata track: its samples sit in ``mdat`` among the
video's, out of reach of blanking ``udta``/``meta``. Cleaning zeroes them where they are and
removes the track, leaving every video byte where it was."""

from __future__ import annotations

import io
import shutil
import struct
import subprocess
from dataclasses import dataclass

import mutagen
import pytest

from reporter.errors import CannotClean
from reporter.share.cleaning import clean

LOCATION = b"+19.4326-099.1332+2240.000/"
KEY = b"com.apple.quicktime.location.ISO6709"


def _box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def _full(kind: bytes, payload: bytes) -> bytes:
    return _box(kind, b"\x00\x00\x00\x00" + payload)


@dataclass
class Track:
    handler: bytes
    entry: bytes  # the sample entry: its format and contents
    chunks: list[list[bytes]]  # each chunk's samples


def _tables(track: Track, offsets: list[int], co64: bool, stz2: bool) -> bytes:
    sizes = [len(s) for chunk in track.chunks for s in chunk]
    stsc = b"".join(struct.pack(">III", i + 1, len(c), 1) for i, c in enumerate(track.chunks))
    if stz2:
        width = 16 if max(sizes) > 255 else 8
        packed = b"".join(struct.pack(">H" if width == 16 else ">B", s) for s in sizes)
        sample_sizes = _full(
            b"stz2", bytes(3) + bytes([width]) + struct.pack(">I", len(sizes)) + packed
        )
    else:
        sample_sizes = _full(
            b"stsz",
            struct.pack(">II", 0, len(sizes)) + b"".join(struct.pack(">I", s) for s in sizes),
        )
    chunk_offsets = (
        _full(
            b"co64",
            struct.pack(">I", len(offsets)) + b"".join(struct.pack(">Q", o) for o in offsets),
        )
        if co64
        else _full(
            b"stco",
            struct.pack(">I", len(offsets)) + b"".join(struct.pack(">I", o) for o in offsets),
        )
    )
    return (
        _full(b"stsd", struct.pack(">I", 1) + track.entry)
        + _full(b"stts", struct.pack(">III", 1, len(sizes), 100))
        + _full(b"stsc", struct.pack(">I", len(track.chunks)) + stsc)
        + sample_sizes
        + chunk_offsets
    )


def _trak(track_id: int, track: Track, offsets: list[int], co64: bool, stz2: bool) -> bytes:
    tkhd = _full(b"tkhd", struct.pack(">IIII", 0, 0, track_id, 0) + bytes(64))
    hdlr = _full(b"hdlr", bytes(4) + track.handler + bytes(12) + b"\x00")
    mdhd = _full(b"mdhd", struct.pack(">IIII", 0, 0, 600, 0) + bytes(4))
    stbl = _box(b"stbl", _tables(track, offsets, co64, stz2))
    return _box(b"trak", tkhd + _box(b"mdia", mdhd + hdlr + _box(b"minf", stbl)))


def _mebx() -> bytes:
    """An Apple metadata sample entry whose key table names the location key."""
    keyd = _box(b"keyd", b"mdta" + KEY)
    keys = _box(b"keys", _box(struct.pack(">I", 1), keyd))
    return _box(b"mebx", bytes(6) + struct.pack(">H", 1) + keys)


def _location_sample(n: int) -> bytes:
    return struct.pack(">I", 8 + len(LOCATION)) + struct.pack(">I", 1) + LOCATION + bytes(n)


VIDEO = Track(
    b"vide",
    _box(b"avc1", bytes(6) + struct.pack(">H", 1) + bytes(70)),
    [[b"VIDEOFRAME-A" * 9, b"VIDEOFRAME-B" * 5], [b"VIDEOFRAME-C" * 7], [b"VIDEOFRAME-D" * 3]],
)
ENTRIES = {
    "mebx": _mebx(),
    "gpmd": _box(b"gpmd", bytes(6) + struct.pack(">H", 1)),
    "camm": _box(b"camm", bytes(6) + struct.pack(">H", 1)),
}


def make_mov(
    handler: bytes = b"meta",
    entry: str = "mebx",
    co64: bool = False,
    stz2: bool = False,
    fragmented: bool = False,
    pad: int = 3,
) -> tuple[bytes, list[tuple[int, bytes]]]:
    """A MOV with a video track and a location track interleaved in one ``mdat``, and where
    each video sample lies (offset, bytes)."""
    meta = Track(handler, ENTRIES[entry], [[_location_sample(pad)], [_location_sample(0)] * 2])
    ftyp = _box(b"ftyp", b"qt  \x00\x00\x00\x00qt  ")
    mvhd = _full(b"mvhd", struct.pack(">IIII", 0, 0, 600, 0) + bytes(80))

    def layout(start: int) -> tuple[bytes, list[int], list[int], list[tuple[int, bytes]]]:
        body, video_at, meta_at, frames = b"", [], [], []
        order = [(VIDEO, 0), (meta, 0), (VIDEO, 1), (meta, 1), (VIDEO, 2)]
        for track, index in order:
            (video_at if track is VIDEO else meta_at).append(start + len(body))
            for sample in track.chunks[index]:
                if track is VIDEO:
                    frames.append((start + len(body), sample))
                body += sample
        return body, video_at, meta_at, frames

    def moov(video_at: list[int], meta_at: list[int]) -> bytes:
        traks = _trak(1, VIDEO, video_at, co64, stz2) + _trak(2, meta, meta_at, co64, stz2)
        mvex = _box(b"mvex", _full(b"trex", struct.pack(">IIIII", 2, 1, 0, 0, 0)))
        return _box(b"moov", mvhd + traks + (mvex if fragmented else b""))

    placeholder = moov([0] * 3, [0] * 2)
    body, video_at, meta_at, frames = layout(len(ftyp) + len(placeholder) + 8)
    data = ftyp + moov(video_at, meta_at) + _box(b"mdat", body)
    if fragmented:
        data += _box(b"moof", _full(b"mfhd", struct.pack(">I", 1)))
    assert len(moov(video_at, meta_at)) == len(placeholder)
    return data, frames


def _tree(data: bytes, start: int, end: int) -> list[tuple[bytes, int, int]]:
    """Every box, walked the way a player does: (type, payload start, end)."""
    found, pos = [], start
    while pos < end:
        size, kind = struct.unpack(">I4s", data[pos : pos + 8])
        assert 8 <= size <= end - pos, "a box runs past its parent"
        found.append((kind, pos + 8, pos + size))
        if kind in (b"moov", b"trak", b"mdia", b"minf", b"stbl"):
            found += _tree(data, pos + 8, pos + size)
        pos += size
    return found


def _exiftool_samples(data: bytes) -> list[str]:
    """The metadata samples exiftool (if installed) extracts from the file's tracks."""
    tool = shutil.which("exiftool")
    if tool is None:
        return []
    shown = subprocess.run(
        [tool, "-ee", "-v3", "-"], input=data, capture_output=True, check=False, timeout=60
    ).stdout.decode("utf-8", "replace")
    return [line for line in shown.splitlines() if line.startswith("Track2 Type=")]


@pytest.mark.parametrize(
    ("handler", "entry", "co64", "stz2", "pad"),
    [
        (b"meta", "mebx", False, False, 3),  # an iPhone's location track
        (b"meta", "mebx", True, True, 3),  # 64-bit chunk offsets, 8-bit sample sizes
        (b"meta", "gpmd", False, True, 300),  # a GoPro's GPS, 16-bit sample sizes
        (b"camm", "camm", True, False, 3),  # an Android camera's motion track
        (b"text", "mebx", False, False, 3),  # metadata in a track that says it is text
    ],
)
def test_a_location_track_is_zeroed_and_the_video_stays_byte_identical(
    handler: bytes, entry: str, co64: bool, stz2: bool, pad: int
) -> None:
    original, frames = make_mov(handler, entry, co64, stz2, pad=pad)
    assert original.count(LOCATION) == 3
    if shutil.which("exiftool") and handler == b"meta":  # an independent reader finds them
        assert len(_exiftool_samples(original)) == 3
    cleaned = clean("video/quicktime", [original])
    assert cleaned.data is not None
    out = bytes(cleaned.data)
    assert LOCATION not in out
    assert b"ISO6709" not in out
    assert b"19.4326" not in out
    assert entry.encode() not in out  # no sample entry says a metadata track was here
    assert len(out) == len(original)
    for offset, sample in frames:  # nothing moved: every video sample where its table says
        assert out[offset : offset + len(sample)] == sample
    assert "timed_metadata" in cleaned.removed
    tree = _tree(out, 0, len(out))
    assert [k for k, *_ in tree].count(b"trak") == 1  # the video's; the other is free space
    assert [k for k, *_ in tree].count(b"stco" if not co64 else b"co64") == 1
    assert mutagen.File(io.BytesIO(out)) is not None  # a reader still parses it
    assert _exiftool_samples(out) == []


def test_a_file_without_a_metadata_track_keeps_every_track() -> None:
    original, _ = make_mov(handler=b"soun", entry="camm")  # only the entry name says camm
    cleaned = clean("video/mp4", [original])
    assert cleaned.data is not None
    assert LOCATION not in bytes(cleaned.data)  # a camm entry is metadata, whatever the handler
    plain, _ = make_mov()
    plain = plain.replace(b"meta", b"soun").replace(b"mebx", b"mp4a")
    kept = clean("video/mp4", [plain])
    assert kept.data is not None
    assert "timed_metadata" not in kept.removed
    assert bytes(kept.data).count(LOCATION) == 3  # an audio track's samples are not touched


def _patched(data: bytes, table: bytes, index: int, value: bytes) -> bytes:
    """``data`` with the metadata track's (the second) ``table`` changed at entry ``index``."""
    at = data.index(table, data.index(table) + 4)
    return data[: at + 8 + index] + value + data[at + 8 + index + len(value) :]


@pytest.mark.parametrize(
    ("table", "index", "value"),
    [
        (b"stco", 4, struct.pack(">I", 0x7FFF_FFFF)),  # a chunk past the end of the file
        (b"stco", 4, struct.pack(">I", 40)),  # a chunk inside the movie's own boxes
        (b"stco", 0, struct.pack(">I", 0x4000_0000)),  # more chunks than the table holds
        (b"stsc", 8, struct.pack(">I", 0xFFFF_FFFF)),  # more samples per chunk than exist
        (b"stsz", 4, struct.pack(">I", 0x3FFF_FFFF)),  # a sample count the table cannot hold
        (b"stsz", 8, struct.pack(">I", 0x7FFF_FFF0)),  # a sample larger than the file
    ],
)
def test_a_malformed_sample_table_is_refused_and_changes_nothing(
    table: bytes, index: int, value: bytes
) -> None:
    original, _ = make_mov()
    broken = _patched(original, table, index, value)
    assert broken != original
    assert len(broken) == len(original)
    kept = bytes(broken)
    with pytest.raises(CannotClean) as caught:
        clean("video/quicktime", [broken])
    assert caught.value.params["kind"] == "MP4"
    assert "No se compartió nada" in caught.value.message("es")
    assert broken == kept


def test_a_fragmented_recording_with_a_location_track_is_refused() -> None:
    """Fragments carry their own sample tables, which cleaning does not follow: refused."""
    original, _ = make_mov(fragmented=True)
    with pytest.raises(CannotClean) as caught:
        clean("video/mp4", [original])
    assert "fragment" in caught.value.message("en")
    assert "fragment" in caught.value.message("es")

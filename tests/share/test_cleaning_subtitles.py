"""DJI drones and some dashcams write their position, height and camera settings as subtitle
text, one line a frame. Every timed-text track goes whole (samples zeroed, the track turned
into free space of the same size) and the share preview says so; the video stays where it was."""

from __future__ import annotations

import io
import shutil
import struct
import subprocess

import mutagen
import pytest

from reporter.errors import CannotClean
from reporter.share import sharing
from reporter.share.cleaning import clean, removed_labels
from tests.share.conftest import World
from tests.share.test_cleaning import _received
from tests.share.test_cleaning_timed_metadata import VIDEO, Track, _box, _full, _trak, _tree

GPS_LINE = b"F/2.8, SS 320, ISO 100, EV 0, GPS (-99.1332, 19.4326, 18), D 30.5m, H 20.1m"


def _tx3g_sample(n: int) -> bytes:
    text = GPS_LINE + b" #%d" % n
    return struct.pack(">H", len(text)) + text


def _entry(fmt: bytes) -> bytes:
    if fmt == b"tx3g":  # display flags, justification, colour, box, style record
        return _box(b"tx3g", bytes(6) + struct.pack(">H", 1) + bytes(30))
    return _box(fmt, bytes(6) + struct.pack(">H", 1) + bytes(8))


def make_subtitled_mov(
    handler: bytes = b"sbtl", fmt: bytes = b"tx3g", fragmented: bool = False
) -> tuple[bytes, list[tuple[int, bytes]]]:
    """A MOV whose video and subtitle samples alternate in one ``mdat``."""
    text = Track(handler, _entry(fmt), [[_tx3g_sample(1), _tx3g_sample(2)], [_tx3g_sample(3)]])
    ftyp = _box(b"ftyp", b"qt  \x00\x00\x00\x00qt  ")
    mvhd = _full(b"mvhd", struct.pack(">IIII", 0, 0, 600, 0) + bytes(80))
    order = [(VIDEO, 0), (text, 0), (VIDEO, 1), (text, 1), (VIDEO, 2)]

    def moov(video_at: list[int], text_at: list[int]) -> bytes:
        traks = _trak(1, VIDEO, video_at, False, False) + _trak(2, text, text_at, False, False)
        mvex = _box(b"mvex", _full(b"trex", struct.pack(">IIIII", 2, 1, 0, 0, 0)))
        return _box(b"moov", mvhd + traks + (mvex if fragmented else b""))

    start = len(ftyp) + len(moov([0] * 3, [0] * 2)) + 8
    body, video_at, text_at, frames = b"", [], [], []
    for track, index in order:
        (video_at if track is VIDEO else text_at).append(start + len(body))
        for sample in track.chunks[index]:
            if track is VIDEO:
                frames.append((start + len(body), sample))
            body += sample
    data = ftyp + moov(video_at, text_at) + _box(b"mdat", body)
    if fragmented:
        data += _box(b"moof", _full(b"mfhd", struct.pack(">I", 1)))
    return data, frames


def _exiftool_texts(data: bytes) -> list[str]:
    """The subtitle lines exiftool (if installed), an independent reader, extracts."""
    tool = shutil.which("exiftool")
    if tool is None:
        return []
    shown = subprocess.run(
        [tool, "-ee", "-G3", "-"], input=data, capture_output=True, check=False, timeout=60
    ).stdout.decode("utf-8", "replace")
    return [line for line in shown.splitlines() if line.startswith("[Doc") and "Text" in line]


@pytest.mark.parametrize(
    ("handler", "fmt"),
    [
        (b"sbtl", b"tx3g"),  # a DJI drone's flight record
        (b"text", b"text"),  # QuickTime text, as some dashcams write it
        (b"subt", b"wvtt"),  # WebVTT in MP4
        (b"vide", b"tx3g"),  # a text sample entry, whatever the handler says
    ],
)
def test_a_subtitle_track_with_the_drones_position_does_not_leave(
    handler: bytes, fmt: bytes
) -> None:
    original, frames = make_subtitled_mov(handler, fmt)
    assert original.count(b"19.4326") == 3
    if shutil.which("exiftool") and handler == b"sbtl":  # as exiftool reads a DJI file
        assert len(_exiftool_texts(original)) == 3
    cleaned = clean("video/quicktime", [original])
    assert cleaned.data is not None
    out = bytes(cleaned.data)
    assert b"19.4326" not in out
    assert b"GPS (" not in out
    assert fmt not in out  # no sample entry says a text track was here
    assert len(out) == len(original)
    for offset, sample in frames:  # nothing moved
        assert out[offset : offset + len(sample)] == sample
    kinds = [k for k, *_ in _tree(out, 0, len(out))]
    assert kinds.count(b"trak") == 1  # the video's; the subtitles are free space
    assert mutagen.File(io.BytesIO(out)) is not None
    assert _exiftool_texts(out) == []
    assert "subtitles" in cleaned.removed
    assert "timed_metadata" not in cleaned.removed
    labels = removed_labels(cleaned.removed, "es")
    assert any("subtítulos" in label for label in labels)
    assert any("subtitle" in label for label in removed_labels(cleaned.removed, "en"))


def test_a_video_without_subtitles_keeps_its_sound_track() -> None:
    original, _ = make_subtitled_mov(handler=b"soun", fmt=b"mp4a")
    cleaned = clean("video/mp4", [original])
    assert cleaned.data is not None
    assert "subtitles" not in cleaned.removed
    assert bytes(cleaned.data).count(b"19.4326") == 3  # an audio track's samples stay


def test_a_fragmented_recording_with_subtitles_is_refused_unchanged() -> None:
    original, _ = make_subtitled_mov(fragmented=True)
    kept = bytearray(original)
    with pytest.raises(CannotClean) as caught:
        clean("video/mp4", [kept])
    assert "subtitle" in caught.value.message("en")
    assert "subtítulos" in caught.value.message("es")
    assert bytes(kept) == original


def test_a_shared_drone_video_reaches_the_coordinator_without_its_flight_record(
    x_world: World,
) -> None:
    """Through the vault, a bundle and the coordinator's inbox; the share screen says what went."""
    from reporter.share.comparison import compare

    original, frames = make_subtitled_mov()
    got, removed = _received(x_world, original, "DJI_0001.MOV")
    assert b"19.4326" not in got
    assert all(got[o : o + len(s)] == s for o, s in frames)
    assert "subtitles" in removed
    iid = x_world.reporter.incidents.add({"title": "Dron", "incident_types": ["HAR.THREAT"]})
    video = x_world.reporter.attachments.add(iid, io.BytesIO(original), "DJI_0002.MOV")
    shared, cleaning = sharing.preview_and_cleaning(
        x_world.reporter, iid, [video["id"]], ["share_attachments"]
    )
    files = x_world.reporter.attachments.list(iid)
    record = x_world.reporter.incidents.get(iid)
    [row] = [
        r
        for r in compare(record, shared, "es", files, removed=cleaning)
        if r.field == "attachments"
    ]
    assert "pistas de subtítulos y de texto" in row.shared


def _with_tref(trak: bytes, tref: bytes) -> bytes:
    """The track with a ``tref`` box after its header."""
    tkhd_end = 8 + struct.unpack(">I", trak[8:12])[0]
    body = trak[8:tkhd_end] + tref + trak[tkhd_end:]
    return struct.pack(">I", 8 + len(body)) + b"trak" + body


def _refs(*entries: tuple[bytes, list[int]]) -> bytes:
    return _box(b"tref", b"".join(_box(k, struct.pack(f">{len(i)}I", *i)) for k, i in entries))


def make_chaptered_mov(tref: bytes) -> tuple[bytes, list[tuple[int, bytes]]]:
    """A MOV: a video (track 1, whose ``tref`` is given), its chapter titles as a text track
    (2) and a second camera angle (3), samples interleaved in one ``mdat``."""
    text = Track(b"text", _entry(b"text"), [[_tx3g_sample(1)], [_tx3g_sample(2)]])
    angle = Track(b"vide", VIDEO.entry, [[b"ANGLE-A" * 4], [b"ANGLE-B" * 4]])
    ftyp = _box(b"ftyp", b"qt  \x00\x00\x00\x00qt  ")
    mvhd = _full(b"mvhd", struct.pack(">IIII", 0, 0, 600, 0) + bytes(80))
    order = [(VIDEO, 0), (text, 0), (angle, 0), (VIDEO, 1), (text, 1), (angle, 1), (VIDEO, 2)]

    def moov(at: dict[int, list[int]]) -> bytes:
        video = _with_tref(_trak(1, VIDEO, at[1], False, False), tref)
        others = _trak(2, text, at[2], False, False) + _trak(3, angle, at[3], False, False)
        return _box(b"moov", mvhd + video + others)

    start = len(ftyp) + len(moov({1: [0] * 3, 2: [0] * 2, 3: [0] * 2})) + 8
    body, at, frames = b"", {1: [], 2: [], 3: []}, []
    for track, index in order:
        number = 1 if track is VIDEO else 2 if track is text else 3
        at[number].append(start + len(body))
        for sample in track.chunks[index]:
            if track is not text:
                frames.append((start + len(body), sample))
            body += sample
    return ftyp + moov(at) + _box(b"mdat", body), frames


def _track_references(data: bytes) -> list[tuple[bytes, list[int]]]:
    """Each reference a kept track's ``tref`` makes, as a reader walks them."""
    found = []
    for kind, start, end in _tree(data, 0, len(data)):
        if kind != b"trak":
            continue
        for inner, payload, inner_end in _tree(data, start, end):
            if inner != b"tref":
                continue
            for ref, ids_at, ref_end in _tree(data, payload, inner_end):
                ids = list(struct.unpack(f">{(ref_end - ids_at) // 4}I", data[ids_at:ref_end]))
                found.append((ref, ids))
    return found


def test_no_track_reference_names_the_removed_chapter_track() -> None:
    """A video's ``tref/chap`` named the text track that went: a reader would look for it.
    A reference to removed tracks only goes (free space); one that also names a kept track
    names only kept tracks; one to kept tracks stays as it was."""
    original, frames = make_chaptered_mov(_refs((b"chap", [2]), (b"subt", [2, 3]), (b"sync", [3])))
    assert _track_references(original) == [
        (b"chap", [2]),
        (b"subt", [2, 3]),
        (b"sync", [3]),
    ]
    cleaned = clean("video/quicktime", [original])
    assert cleaned.data is not None
    out = bytes(cleaned.data)
    assert len(out) == len(original)
    assert all(out[o : o + len(s)] == s for o, s in frames)  # both videos untouched
    references = _track_references(out)
    assert references == [(b"free", [0]), (b"subt", [3, 3]), (b"sync", [3])]
    assert [k for k, *_ in _tree(out, 0, len(out))].count(b"trak") == 2
    assert mutagen.File(io.BytesIO(out)) is not None
    assert "subtitles" in cleaned.removed


def test_a_reference_only_to_the_removed_track_takes_its_tref_with_it() -> None:
    original, _ = make_chaptered_mov(_refs((b"chap", [2])))
    cleaned = clean("video/quicktime", [original])
    assert cleaned.data is not None
    out = bytes(cleaned.data)
    assert _track_references(out) == []
    assert b"tref" not in out
    assert b"chap" not in out
    assert mutagen.File(io.BytesIO(out)) is not None


def test_a_reference_to_kept_tracks_stays_as_it_was() -> None:
    tref = _refs((b"sync", [3]))
    original, _ = make_chaptered_mov(tref)
    cleaned = clean("video/quicktime", [original])
    assert cleaned.data is not None
    assert bytes(cleaned.data).count(tref) == 1


def test_a_damaged_track_reference_refuses_the_video_unchanged() -> None:
    original, _ = make_chaptered_mov(_box(b"tref", _box(b"chap", b"\x00\x00\x00\x02\x00")))
    kept = bytearray(original)
    with pytest.raises(CannotClean):
        clean("video/quicktime", [kept])
    assert bytes(kept) == original

"""Audio and video: tags, cover pictures, location (©xyz) and recording times.

MP4, M4A and MOV are walked box by box here rather than re-saved by mutagen: Apple devices
keep the place of a recording in ``moov/udta/©xyz`` and ``moov/meta`` (outside the iTunes
tags mutagen edits), iPhones and action cameras a location track in ``mdat``, drones and
dashcams their position as subtitles (``media_tracks`` zeroes both). Every ``udta``,
``meta`` and XMP ``uuid`` box is turned into a ``free`` box of the same size with zeros
inside, and the creation and modification times of the movie, its tracks and media are
zeroed: nothing moves, so the sample offsets stay right and the media data is copied
untouched. MP3, Ogg and FLAC tags are removed with mutagen.
"""

from __future__ import annotations

import io

import mutagen
from mutagen.flac import FLAC

from reporter.errors import CannotClean
from reporter.share.cleaning.media_tracks import boxes as _boxes
from reporter.share.cleaning.media_tracks import clear_metadata_tracks

MAX_MEDIA = 256 * 1024 * 1024
_CONTAINERS = {b"moov", b"trak", b"mdia", b"minf", b"stbl", b"edts", b"dinf"}
_METADATA = {b"udta": "tags", b"meta": "tags", b"uuid": "xmp"}
_TIMED = {b"mvhd", b"tkhd", b"mdhd"}  # version, flags, creation and modification time
_XMP_UUID = bytes.fromhex("be7acfcb97a942e89c71999491e3afac")
_UNCLEANABLE_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"mif1", b"msf1", b"avif"}


def _refuse(kind: str, reason: str) -> CannotClean:
    return CannotClean(kind=kind, reason=reason)


def _blank(data: bytearray, start: int, payload: int, end: int) -> None:
    data[start + 4 : start + 8] = b"free"
    data[payload:end] = bytes(end - payload)


def _walk(data: bytearray, start: int, end: int, removed: set[str], depth: int) -> None:
    if depth > 12:
        raise _refuse("MP4", "boxes are nested too deep")
    for kind, box, payload, box_end in _boxes(data, start, end):
        if kind in _METADATA and (
            kind != b"uuid" or data[payload : payload + 16] == _XMP_UUID or depth > 0
        ):
            _blank(data, box, payload, box_end)
            removed.add(_METADATA[kind])
        elif kind in _CONTAINERS:
            _walk(data, payload, box_end, removed, depth + 1)
        elif kind in _TIMED and payload + 4 <= box_end:
            width = 8 if data[payload] == 1 else 4
            times = slice(payload + 4, payload + 4 + 2 * width)
            if times.stop <= box_end and any(data[times]):
                data[times] = bytes(2 * width)
                removed.add("timestamp")


def clean_mp4(data: bytearray, removed: set[str]) -> bytearray:
    """Cleans ``data`` in place (one buffer of the file's size) and returns it."""
    if len(data) > MAX_MEDIA:
        raise _refuse("MP4", "larger than 256 MiB, the most Testigo cleans")
    out = data
    top = _boxes(out, 0, len(out))
    if not top or top[0][0] != b"ftyp":
        raise _refuse("MP4", "it does not start with a file type box")
    brand = bytes(out[top[0][2] : top[0][2] + 4])
    if brand in _UNCLEANABLE_BRANDS:
        raise _refuse("HEIF", "Testigo cannot remove its metadata; convert it to JPEG or PNG first")
    clear_metadata_tracks(out, top, removed)
    _walk(out, 0, len(out), removed, 0)
    return out


def clean_tagged_audio(data: bytes, kind: str, removed: set[str]) -> bytes:
    """MP3 (ID3v1, ID3v2, APEv2), Ogg (Vorbis, Opus comments) and FLAC (comments, pictures)."""
    if len(data) > MAX_MEDIA:
        raise _refuse(kind, "larger than 256 MiB, the most Testigo cleans")
    buffer = io.BytesIO(data)
    try:
        audio = mutagen.File(buffer)
        if audio is None:
            raise _refuse(kind, "it is damaged or of a kind Testigo does not know")
        if audio.tags:
            removed.add("tags")
        buffer.seek(0)
        audio.delete(buffer)
        if isinstance(audio, FLAC) and audio.pictures:
            audio.clear_pictures()  # type: ignore[no-untyped-call]
            removed.add("pictures")
            buffer.seek(0)
            audio.save(buffer)
        if kind == "MP3":
            from mutagen.apev2 import delete as delete_ape

            buffer.seek(0)
            delete_ape(buffer)
    except mutagen.MutagenError:
        raise _refuse(kind, "it is damaged or of a kind Testigo does not know") from None
    return buffer.getvalue()

"""Metadata cleaning for every file that can leave the device, or a refusal saying why.

The family is decided by the file's own bytes, not by its name or stored media type, so a
PDF called ``notes.bin`` is cleaned as a PDF. Plain text and bytes of no format Testigo
knows leave as recorded (they have no metadata container); a format that has metadata but
that Testigo cannot clean (GIF, TIFF, HEIC, EMF, WMF, SVG, WAV, AVI, Matroska, old Office
files, other zip archives) is refused with a reason, never sent dirty. Cleaning happens in
memory, within a limit per family, on the decrypted chunks of the vault's blob: no plaintext
temp file.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from reporter.errors import CannotClean
from reporter.i18n import N_, translator
from reporter.share.cleaning.image import strip_metadata
from reporter.share.cleaning.media import MAX_MEDIA, clean_mp4, clean_tagged_audio
from reporter.share.cleaning.office import MAX_OFFICE, clean_office, is_office
from reporter.share.cleaning.pdf import MAX_PDF, clean_pdf
from reporter.share.cleaning.picture_formats import uncleanable

MAX_CLEANED = max(MAX_MEDIA, MAX_OFFICE, MAX_PDF)
_HEAD = 1024  # what the family is told from: an SVG's root may follow a comment
# What was removed, by code, as the share preview says it (msgids: translated where shown).
REMOVED: dict[str, str] = {
    "exif": N_("EXIF data (camera, date, GPS location)"),
    "xmp": N_("XMP metadata"),
    "iptc": N_("IPTC data (author, captions)"),
    "comment": N_("comments"),
    "text": N_("embedded text fields"),
    "timestamp": N_("creation and modification times"),
    "doc_info": N_("document information (author, title, program, dates)"),
    "doc_props": N_("document properties (author, last editor, company, dates)"),
    "custom_props": N_("custom properties"),
    "thumbnails": N_("embedded thumbnails"),
    "piece_info": N_("private data of the program that made it"),
    "scripts": N_("scripts and automatic actions"),
    "tags": N_("tags (title, artist, device, location)"),
    "pictures": N_("embedded pictures"),
    "timed_metadata": N_("location and motion tracks recorded with the video"),
    "subtitles": N_("subtitles and text tracks (drones and dashcams write their position there)"),
    "revision_ids": N_("editing session ids (they link documents edited on one computer)"),
    "custom_xml": N_("custom XML data (document server fields, authors)"),
    "file_path": N_("the folder it was saved in (with the account's name)"),
    "printer": N_("the printer it was set up for"),
    "file_links": N_("the folders of linked files and templates (with the account's name)"),
    "other": N_("other metadata"),
}


@dataclass(frozen=True)
class CleanResult:
    data: bytes | bytearray | None  # None: leaves as recorded, streamed from the vault
    removed: list[str]  # codes of REMOVED, in a stable order

    def labels(self, lang: str) -> list[str]:
        return removed_labels(self.removed, lang)


def removed_labels(codes: Iterable[str], lang: str) -> list[str]:
    tr = translator(lang)
    return [tr(REMOVED[c]) for c in codes]


def _family(head: bytes, media_type: str) -> str:
    """What the bytes are, by their signature."""
    signatures = [
        (b"\xff\xd8\xff", 0, "image/jpeg"),
        (b"\x89PNG\r\n\x1a\n", 0, "image/png"),
        (b"WEBP", 8, "image/webp"),
        (b"%PDF-", 0, "pdf"),
        (b"PK\x03\x04", 0, "zip"),
        (b"ftyp", 4, "mp4"),
        (b"ID3", 0, "MP3"),
        (b"OggS", 0, "Ogg"),
        (b"fLaC", 0, "FLAC"),
        (b"GIF8", 0, "GIF"),
        (b"II*\x00", 0, "TIFF"),
        (b"MM\x00*", 0, "TIFF"),
        (b"RIFF", 0, "RIFF"),
        (b"\x1aE\xdf\xa3", 0, "Matroska"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "Office 97-2003"),
        (b"Rar!", 0, "RAR"),
        (b"7z\xbc\xaf'\x1c", 0, "7z"),
    ]
    for magic, offset, family in signatures:
        if head[offset : offset + len(magic)] == magic:
            return family
    if media_type == "audio/mpeg" and head[:1] == b"\xff" and head[1:2] >= b"\xe0":
        return "MP3"  # an MPEG audio frame: ID3v1 or APE tags may follow
    return uncleanable(head, "") or ""  # a metafile or SVG is not plain text


def _gather(first: bytes, chunks: Iterator[bytes], limit: int) -> bytearray:
    """The whole file in one buffer (which MP4 cleaning then edits in place)."""
    data = bytearray(first)
    for chunk in chunks:
        if len(data) + len(chunk) > limit:
            raise CannotClean(kind="large", reason="larger than 256 MiB, the most Testigo cleans")
        data += chunk
    return data


def clean(media_type: str, chunks: Iterable[bytes]) -> CleanResult:
    """The file as it may leave, and what was removed; refuses what it cannot clean."""
    stream = iter(chunks)
    first = b""
    while len(first) < _HEAD:
        chunk = next(stream, None)
        if chunk is None:
            break
        first += chunk
    family = _family(first[:_HEAD], media_type)
    if not family:  # plain text or no known format: nothing to remove
        return CleanResult(None, [])
    data = _gather(first, stream, MAX_CLEANED)
    removed: set[str] = set()
    if family == "mp4":  # edited in place: one buffer of the file's size
        return CleanResult(clean_mp4(data, removed), [c for c in REMOVED if c in removed])
    whole = bytes(data)
    del data
    out: bytes
    if family.startswith("image/"):
        out = strip_metadata(whole, family, removed)
    elif family == "pdf":
        out = clean_pdf(whole, removed)
    elif family == "zip":
        if not is_office(whole):
            raise CannotClean(
                kind="ZIP",
                reason="the files inside may carry metadata"
                " Testigo cannot see; attach them one by one",
            )
        out = clean_office(whole, removed)
    elif family in ("MP3", "Ogg", "FLAC"):
        out = clean_tagged_audio(whole, family, removed)
    else:
        raise CannotClean(kind=family, reason="Testigo cannot remove its metadata")
    return CleanResult(out, [c for c in REMOVED if c in removed])

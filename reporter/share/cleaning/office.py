"""Office documents (DOCX, XLSX, PPTX and OpenDocument): the properties parts, rewritten.

These are zip files. The properties (author, last editor, company, template, editing time,
dates, custom fields) are rewritten as empty documents rather than dropped, so every
reference to them stays valid and the file opens without a repair prompt; thumbnails go;
every zip entry gets the same neutral time and loses its extra fields (owner ids, times) and
the archive its comment. Word's, PowerPoint's and Excel's editing-session ids and custom XML
parts go too (``office_ids``), and so does the printer's settings part with every reference
to it; a document with macros is refused (``office_parts``). An OpenDocument's embedded
objects (``Object 1/``) have properties and settings of their own, cleaned as the main
document's are. Pictures inside (a pasted photo keeps its EXIF and GPS) are cleaned as
pictures (GIF and TIFF too), a video or song in a presentation as media; a picture in a
format Testigo cannot clean (EMF, WMF, HEIC, SVG) or any other file among the media makes
the document refused. An embedded Office package (a chart's workbook) is cleaned in turn,
any other embedded file refused, as is an OpenDocument's object from another program (a
compound file). Links to files keep only the file's name and object previews go
(``office_links``). Comments and tracked changes carry their authors' names inside the
content, which Testigo does not rewrite: such a document is refused, saying so.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile

from reporter.errors import CannotClean
from reporter.share.cleaning.image import strip_metadata
from reporter.share.cleaning.media import clean_mp4, clean_tagged_audio
from reporter.share.cleaning.office_ids import (
    empty_custom_xml,
    strip_printer,
    strip_revision_ids,
    strip_session_ids,
    strip_workbook_path,
)
from reporter.share.cleaning.office_links import (
    is_preview,
    neutral_links,
    neutral_odf_links,
    refuse_data_links,
    strip_mail_merge,
    unlink_previews,
)
from reporter.share.cleaning.office_parts import prepare, unlink_part
from reporter.share.cleaning.picture_formats import uncleanable

MAX_OFFICE = 128 * 1024 * 1024  # the whole document, unpacked
MAX_ENTRIES = 10_000
_NEUTRAL_TIME = (1980, 1, 1, 0, 0, 0)
_OOXML_CORE = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
    b'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"/>'
)
_OOXML_APP = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'extended-properties"/>'
)
_OOXML_CUSTOM = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'custom-properties"/>'
)
_ODF_META = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:'
    b'office:1.0" office:version="1.2"><office:meta/></office:document-meta>'
)
_REWRITE = {
    "docProps/core.xml": ("doc_props", _OOXML_CORE),
    "docProps/app.xml": ("doc_props", _OOXML_APP),
    "docProps/custom.xml": ("custom_props", _OOXML_CUSTOM),
    "meta.xml": ("doc_props", _ODF_META),
}
# Parts whose content names people: comments, their authors, tracked changes.
_PEOPLE_PARTS = re.compile(
    r"^(word/(comments|people|commentsExtended)\w*\.xml|"
    r"xl/(comments\d*\.xml|persons/.*|threadedComments/.*)|"
    r"ppt/(commentAuthors\.xml|comments/.*|authors\.xml))$"
)
_AUTHORED = re.compile(rb"w:author=|<dc:creator>|<office:annotation[ >]")
# References to a dropped thumbnail, so no reader finds a dangling part and offers a repair.
_THUMBNAIL_REFERENCE = re.compile(
    rb'<Relationship [^>]*Target="/?docProps/thumbnail[^"]*"[^>]*/>|'
    rb'<manifest:file-entry [^>]*manifest:full-path="Thumbnails/[^"]*"[^>]*/>'
)
_REFERENCING = ("_rels/.rels", "META-INF/manifest.xml")


def _refuse(reason: str) -> CannotClean:
    return CannotClean(kind="Office", reason=reason)


def is_office(data: bytes) -> bool:
    """An OOXML or OpenDocument package, as opposed to any other zip."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        return False
    return "[Content_Types].xml" in names or "mimetype" in names and "content.xml" in names


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: list[int]) -> bytes:
    """One entry, counting what it unpacks to against the whole document's limit."""
    parts = []
    with archive.open(info) as handle:
        while block := handle.read(1024 * 1024):
            budget[0] -= len(block)
            if budget[0] < 0:
                raise _refuse("larger than 128 MiB unpacked, the most Testigo cleans")
            parts.append(block)
    return b"".join(parts)


# Objects embedded in a document (a chart's workbook, a pasted spreadsheet or PDF): files
# with metadata of their own. An Office package is cleaned in turn; anything else refused.
_EMBEDDED = re.compile(r"^(word|xl|ppt)/embeddings/")
_PICTURES = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
)
# Where documents keep their pictures and sounds: each must be a format cleaned here.
_MEDIA = re.compile(r"^((word|xl|ppt)/media|Pictures)/")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a compound file: an OpenDocument's foreign object


def _picture(body: bytes) -> str | None:
    """A JPEG, PNG, WebP, GIF or TIFF part (a pasted photo keeps its camera's EXIF and GPS)."""
    if body[:4] == b"RIFF" and body[8:12] == b"WEBP":
        return "image/webp"
    return next((kind for magic, kind in _PICTURES if body.startswith(magic)), None)


def _other_media(name: str, body: bytes, removed: set[str]) -> bytes:
    """A part that is no picture cleaned here: left as it is, cleaned as media, or refused."""
    if (found := uncleanable(body, name)) is not None:
        raise CannotClean(
            kind="Office",
            reason="it contains a picture in a format Testigo cannot clean ({format});"
            " replace it with a JPEG or PNG picture",
            format=found,
        )
    if body.startswith(_OLE):  # another program's object, with its own summary (author)
        raise _refuse("it carries files inside it; extract and attach them one by one")
    if not _MEDIA.match(name) or body[:2] == b"BM":  # a bitmap has no metadata to carry
        return body
    if body[4:8] == b"ftyp":
        return bytes(clean_mp4(bytearray(body), removed))
    for magic, kind in ((b"ID3", "MP3"), (b"OggS", "Ogg"), (b"fLaC", "FLAC")):
        if body.startswith(magic):
            return clean_tagged_audio(body, kind, removed)
    raise _refuse("it contains a media file Testigo cannot clean; remove it first")


def _embedded(body: bytes, removed: set[str], budget: list[int], depth: int) -> bytes:
    if depth == 0 and is_office(body):
        return clean_office(body, removed, budget, depth + 1)
    raise _refuse("it carries files inside it; extract and attach them one by one")


def clean_office(
    data: bytes, removed: set[str], budget: list[int] | None = None, depth: int = 0
) -> bytes:
    """The document without its properties; ``budget`` is shared with the one embedding it."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise _refuse("it is damaged") from None
    out = io.BytesIO()
    budget = [MAX_OFFICE] if budget is None else budget

    def read(info: zipfile.ZipInfo) -> bytes:
        try:
            return _read(archive, info, budget)
        except (zipfile.BadZipFile, ValueError, OSError, EOFError):
            raise _refuse("it is damaged") from None

    with archive, zipfile.ZipFile(out, "w") as target:
        infos = archive.infolist()
        if len(infos) > MAX_ENTRIES:
            raise _refuse("it holds too many parts")
        if archive.comment:
            removed.add("other")
        if any(info.flag_bits & 0x1 for info in infos):
            raise _refuse("it is protected by a password")
        names = [info.filename for info in infos]
        odf = "mimetype" in names and "[Content_Types].xml" not in names
        dropped, edited, unlinked = prepare(names, lambda name: read(archive.getinfo(name)))
        for info in infos:
            name = info.filename
            if _PEOPLE_PARTS.match(name):
                raise _refuse("it has comments naming their authors; remove them first")
            if name.startswith(("docProps/thumbnail", "Thumbnails/")) or odf and is_preview(name):
                removed.add("thumbnails")
                continue
            if name in dropped:
                removed.add("printer")
                continue
            body = edited[name] if name in edited else read(info)
            if _EMBEDDED.match(name):
                body = _embedded(body, removed, budget, depth)
            elif (kind := _picture(body)) is not None:
                body = strip_metadata(body, kind, removed)
            elif _MEDIA.match(name) or not name.endswith((".xml", ".rels")):
                body = _other_media(name, body, removed)
            elif name in _REWRITE or odf and posixpath.basename(name) == "meta.xml":
                label, body = _REWRITE.get(name, _REWRITE["meta.xml"])
                removed.add(label)
            elif name in _REFERENCING:
                body = _THUMBNAIL_REFERENCE.sub(b"", body)
                if odf:
                    body = unlink_previews(body, manifest=True)
            elif name.startswith("customXml/") and name.endswith(".xml"):
                body = empty_custom_xml(body, removed)
            elif name.endswith(".xml"):
                refuse_data_links(names, name, body)
                body = _clean_part(name, body, odf, removed, unlinked.get(name))
            if name.endswith(".rels"):
                body = neutral_links(body, removed)
            if info.date_time != _NEUTRAL_TIME or info.extra:
                removed.add("timestamp")
            entry = zipfile.ZipInfo(name, _NEUTRAL_TIME)
            # ODF wants its mimetype first and stored; everything else is deflated.
            entry.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, body)
    return out.getvalue()


def _clean_part(
    name: str, body: bytes, odf: bool, removed: set[str], unlinked: set[str] | None
) -> bytes:
    """An XML part of the content: session ids, saved paths, printers and references out."""
    if _AUTHORED.search(body):
        raise _refuse(
            "it has comments or tracked changes naming their authors; accept or remove them first"
        )
    if name == "word/settings.xml":
        body = strip_mail_merge(body, removed)
    if name.startswith("word/"):
        body = strip_revision_ids(body, removed)
    elif name == "xl/workbook.xml":
        body = strip_workbook_path(body, removed)
    elif odf and posixpath.basename(name) == "settings.xml":
        body = strip_printer(body, removed)
    if odf:
        body = neutral_odf_links(unlink_previews(body, manifest=False), removed)
    if name.startswith(("word/", "xl/", "ppt/")):
        body = strip_session_ids(body, removed)
    if unlinked:
        body = unlink_part(body, unlinked)
    return body

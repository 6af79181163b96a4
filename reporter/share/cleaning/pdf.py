"""PDF: the document information (author, title, producer, dates), XMP, thumbnails, scripts,
comments' authors and the EXIF of the photos inside.

qpdf (through pikepdf) rewrites the file from its objects, so what no page refers to any more
is gone from the output, not merely unlinked. Text and images on the pages stay: they are the
evidence. A PDF that carries files inside it is refused rather than emptied: those files are
evidence too, with metadata of their own; extract them and attach each one.
"""

from __future__ import annotations

import io

import pikepdf

from reporter.errors import CannotClean, FormatError
from reporter.share.cleaning.image import strip_jpeg

MAX_PDF = 128 * 1024 * 1024
KIND = "PDF"
# Keys of a page (and of the document catalog) that hold metadata or behaviour, not content.
_PAGE_KEYS = {
    "/Metadata": "xmp",
    "/PieceInfo": "piece_info",
    "/Thumb": "thumbnails",
    "/AA": "scripts",
}
_CATALOG_KEYS = {
    "/Metadata": "xmp",
    "/PieceInfo": "piece_info",
    "/OpenAction": "scripts",
    "/AA": "scripts",
    "/SpiderInfo": "other",
    "/Perms": "other",
}

# Annotations that hold files (with metadata of their own) rather than marks on the page.
_FILE_ANNOTATIONS = (pikepdf.Name.FileAttachment, pikepdf.Name.RichMedia)


def _refuse(reason: str) -> CannotClean:
    return CannotClean(kind=KIND, reason=reason)


def clean_pdf(data: bytes, removed: set[str]) -> bytes:
    if len(data) > MAX_PDF:
        raise _refuse("larger than 128 MiB, the most Testigo cleans")
    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PasswordError:
        raise _refuse("it is protected by a password") from None
    except pikepdf.PdfError:
        raise _refuse("it is damaged or not a PDF") from None
    with pdf:
        if pdf.attachments:
            raise _refuse("it carries files inside it; extract and attach them one by one")
        root = pdf.Root
        if "/Info" in pdf.trailer:
            del pdf.trailer["/Info"]
            removed.add("doc_info")
        for key, label in _CATALOG_KEYS.items():
            if key in root:
                del root[key]
                removed.add(label)
        names = root.get("/Names")
        if isinstance(names, pikepdf.Dictionary) and "/JavaScript" in names:
            del names["/JavaScript"]
            removed.add("scripts")
        for page in pdf.pages:
            if _carries_files(page.obj):
                raise _refuse("it carries files inside it; extract and attach them one by one")
            for key, label in _PAGE_KEYS.items():
                if key in page.obj:
                    del page.obj[key]
                    removed.add(label)
            _drop_link_scripts(page.obj, removed)
            _drop_annotation_authors(page.obj, removed)
        _clean_photos(pdf, removed)
        out = io.BytesIO()
        # No /ID from the original (it can link copies of one file), no XMP written back.
        pdf.save(out, static_id=True, fix_metadata_version=False, deterministic_id=False)
    return out.getvalue()


def _carries_files(page: pikepdf.Dictionary) -> bool:
    """A file attached to a page, not listed among the document's attachments."""
    return any(
        isinstance(annot, pikepdf.Dictionary) and annot.get("/Subtype") in _FILE_ANNOTATIONS
        for annot in page.get("/Annots") or []
    )


def _drop_link_scripts(page: pikepdf.Dictionary, removed: set[str]) -> None:
    """A link's JavaScript action could call home when the coordinator opens the file."""
    for annot in page.get("/Annots") or []:
        if not isinstance(annot, pikepdf.Dictionary):
            continue
        action = annot.get("/A")
        if isinstance(action, pikepdf.Dictionary) and action.get("/S") in (
            pikepdf.Name.JavaScript,
            pikepdf.Name.Launch,
            pikepdf.Name.SubmitForm,
        ):
            del annot["/A"]
            removed.add("scripts")
        if "/AA" in annot:
            del annot["/AA"]
            removed.add("scripts")


def _drop_annotation_authors(page: pikepdf.Dictionary, removed: set[str]) -> None:
    """A comment's words are evidence; its author (/T, the reader's account name) and its
    times are not. A form field's /T is the field's name, which the form needs."""
    for annot in page.get("/Annots") or []:
        if not isinstance(annot, pikepdf.Dictionary):
            continue
        keys = ["/M", "/CreationDate"]
        if annot.get("/Subtype") != pikepdf.Name.Widget:
            keys.append("/T")
        for key in keys:
            if key in annot:
                del annot[key]
                removed.add("other")


def _clean_photos(pdf: pikepdf.Pdf, removed: set[str]) -> None:
    """A JPEG image stream is the camera's file as it came (scanner and phone apps put it in
    whole, EXIF and GPS included): cleaned as the picture alone would be, pixels untouched."""
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Stream) or obj.get("/Subtype") != pikepdf.Name.Image:
            continue
        if obj.get("/Filter") != pikepdf.Name.DCTDecode:  # alone, not after another filter
            continue
        raw = obj.read_raw_bytes()
        try:
            cleaned = strip_jpeg(raw, removed)
        except FormatError:
            raise _refuse("it is damaged or not a PDF") from None
        if cleaned != raw:
            parms = obj.get("/DecodeParms")  # /ColorTransform, kept
            kept = parms if isinstance(parms, pikepdf.Dictionary) else None
            obj.write(cleaned, filter=pikepdf.Name.DCTDecode, decode_parms=kept)

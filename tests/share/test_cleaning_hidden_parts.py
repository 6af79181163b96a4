"""Metadata that hides where a format's main structure does not point: after a JPEG's end,
in a PDF page's file attachment annotation. Cleaning must not let either leave."""

from __future__ import annotations

import io

import pikepdf
import pytest
from PIL import Image

from reporter.errors import CannotClean
from reporter.share.cleaning import clean
from reporter.share.cleaning.image import strip_jpeg


def _jpeg(progressive: bool = False, with_exif: bool = False) -> bytes:
    image = Image.effect_noise((64, 48), 60).convert("RGB")
    exif = Image.Exif()
    exif[0x010F] = "CANARYMAKE"
    exif[0x8825] = {1: "N", 2: (19.0, 25.0, 0.0), 3: "W", 4: (99.0, 8.0, 0.0)}
    buffer = io.BytesIO()
    extra = {"exif": exif.tobytes()} if with_exif else {}
    image.save(buffer, "JPEG", progressive=progressive, quality=95, **extra)
    return buffer.getvalue()


@pytest.mark.parametrize("progressive", [False, True])
def test_a_second_image_after_the_end_of_a_jpeg_does_not_leave(progressive: bool) -> None:
    """Phones append images (MPF), video (motion photos) or trailers after the first EOI, each
    with its own EXIF and GPS: the cleaned file ends at the end of the first image."""
    first = _jpeg(progressive)
    original = first + _jpeg(with_exif=True) + b"SEFHCANARYTRAILER"
    assert b"CANARY" in original
    cleaned = clean("image/jpeg", [original])
    assert cleaned.data is not None
    assert b"CANARY" not in cleaned.data
    assert bytes(cleaned.data).endswith(b"\xff\xd9")
    assert "other" in cleaned.removed  # the preview says something was removed
    shown = Image.open(io.BytesIO(bytes(cleaned.data)))
    assert shown.tobytes() == Image.open(io.BytesIO(first)).tobytes()  # same pixels


def test_metadata_between_the_scans_of_a_progressive_jpeg_goes() -> None:
    """A segment after the first scan is parsed like the ones before it, not copied."""
    data = _jpeg(progressive=True)
    scan = data.index(b"\xff\xda")
    second = data.index(b"\xff\xda", scan + 2)  # the second scan's header
    comment = b"\xff\xfe" + (2 + 13).to_bytes(2, "big") + b"CANARYCOMMENT"
    hidden = data[:second] + comment + data[second:]
    cleaned = strip_jpeg(hidden)
    assert b"CANARY" not in cleaned
    assert cleaned == strip_jpeg(data)


def _pdf_with_attachment_annotation() -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    embedded = pikepdf.Stream(pdf, b"CANARYEMBEDDEDFILE")
    embedded["/Type"] = pikepdf.Name.EmbeddedFile
    spec = pikepdf.Dictionary(
        Type=pikepdf.Name.Filespec,
        F=pikepdf.String("photo.jpg"),
        EF=pikepdf.Dictionary(F=embedded),
    )
    annot = pikepdf.Dictionary(
        Type=pikepdf.Name.Annot,
        Subtype=pikepdf.Name.FileAttachment,
        Rect=pikepdf.Array([10, 10, 30, 30]),
        FS=spec,
    )
    pdf.pages[0].obj["/Annots"] = pdf.make_indirect(pikepdf.Array([pdf.make_indirect(annot)]))
    out = io.BytesIO()
    pdf.save(out, compress_streams=False)
    return out.getvalue()


def test_a_pdf_carrying_a_file_in_an_annotation_is_refused() -> None:
    """A file attached to a page (not in the document's list of attachments) is a file inside
    the PDF all the same, with its own metadata: refused, not sent along."""
    data = _pdf_with_attachment_annotation()
    assert b"CANARYEMBEDDEDFILE" in data
    with pytest.raises(CannotClean) as refused:
        clean("application/pdf", [data])
    assert "files inside it" in refused.value.message("en")


def _riff_chunk(kind: bytes, payload: bytes) -> bytes:
    return kind + len(payload).to_bytes(4, "little") + payload + b"\x00" * (len(payload) & 1)


def test_a_webp_keeps_only_the_chunks_an_image_is_made_of() -> None:
    """Like PNG: a chunk Testigo does not know (or bytes after the RIFF container) may be
    anyone's metadata, so it goes; the pixels stay."""
    image = Image.effect_noise((32, 24), 60).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, "WEBP", lossless=True)
    plain = buffer.getvalue()
    body = plain[12:] + _riff_chunk(b"CNRY", b"CANARYCHUNK")
    hidden = b"RIFF" + (4 + len(body)).to_bytes(4, "little") + b"WEBP" + body
    hidden += _riff_chunk(b"XTRA", b"CANARYAFTER")  # outside the RIFF container
    cleaned = clean("image/webp", [hidden])
    assert cleaned.data is not None
    assert b"CANARY" not in cleaned.data
    assert "other" in cleaned.removed
    shown = Image.open(io.BytesIO(bytes(cleaned.data)))
    assert shown.tobytes() == image.tobytes()


def test_a_documents_template_path_does_not_name_the_persons_account() -> None:
    """Word keeps the template a document was made from as a path, usually under the
    person's account (C:\\Users\\<name>\\…): only the template's file name leaves."""
    import zipfile

    from tests.share.test_cleaning import make_docx

    source = io.BytesIO(make_docx())
    with zipfile.ZipFile(source, "a") as z:
        z.writestr(
            "word/_rels/settings.xml.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" '
            'Target="file:///C:\\Users\\CANARYUSER\\AppData\\Roaming\\Microsoft\\Templates\\'
            'Normal.dotm" TargetMode="External"/></Relationships>',
        )
    cleaned = clean("application/octet-stream", [source.getvalue()])
    assert cleaned.data is not None
    with zipfile.ZipFile(io.BytesIO(bytes(cleaned.data))) as z:
        rels = z.read("word/_rels/settings.xml.rels")
        everything = b"".join(z.read(name) for name in z.namelist())
    assert b"CANARY" not in everything
    assert b'Target="Normal.dotm"' in rels


def test_a_pdf_comment_keeps_its_words_but_not_its_authors_name_or_times() -> None:
    """A PDF reader signs each comment with the account's name (/T) and times it: the words
    are evidence and stay, the name and the times go."""
    pdf = pikepdf.new()
    pdf.add_blank_page()
    note = pikepdf.Dictionary(
        Type=pikepdf.Name.Annot,
        Subtype=pikepdf.Name.Text,
        Rect=pikepdf.Array([10, 10, 30, 30]),
        Contents=pikepdf.String("placas ABC-123"),
        T=pikepdf.String("CANARYAUTHOR"),
        M=pikepdf.String("D:20260102CANARYTIME"),
        CreationDate=pikepdf.String("D:20260101CANARYTIME"),
    )
    field = pikepdf.Dictionary(  # a form field's /T is its name, not a person's
        Type=pikepdf.Name.Annot,
        Subtype=pikepdf.Name.Widget,
        Rect=pikepdf.Array([40, 40, 60, 60]),
        T=pikepdf.String("nombre_del_campo"),
    )
    widget = pdf.make_indirect(field)
    pdf.pages[0].obj["/Annots"] = pikepdf.Array([pdf.make_indirect(note), widget])
    pdf.Root["/AcroForm"] = pikepdf.Dictionary(Fields=pikepdf.Array([widget]))
    out = io.BytesIO()
    pdf.save(out, compress_streams=False)
    cleaned = clean("application/pdf", [out.getvalue()])
    assert cleaned.data is not None
    with pikepdf.open(io.BytesIO(bytes(cleaned.data))) as result:
        kept_note, kept_field = result.pages[0].obj["/Annots"]
        assert str(kept_note["/Contents"]) == "placas ABC-123"
        assert not {"/T", "/M", "/CreationDate"} & set(kept_note.keys())
        assert str(kept_field["/T"]) == "nombre_del_campo"
    assert "other" in cleaned.removed


def test_a_jfif_extension_thumbnail_does_not_leave() -> None:
    """An APP0 segment is the JFIF header (kept) or a JFXX extension holding a thumbnail,
    which can show the picture before it was cropped: that one goes."""
    data = _jpeg()
    payload = b"JFXX\x00\x10" + b"\xff\xd8CANARYTHUMB\xff\xd9"
    jfxx = b"\xff\xe0" + (2 + len(payload)).to_bytes(2, "big") + payload
    end_of_jfif = 2 + 2 + int.from_bytes(data[4:6], "big")  # SOI, then the APP0 JFIF segment
    assert data[6:11] == b"JFIF\x00"
    hidden = data[:end_of_jfif] + jfxx + data[end_of_jfif:]
    cleaned = clean("image/jpeg", [hidden])
    assert cleaned.data is not None
    assert b"CANARY" not in cleaned.data
    assert b"JFIF\x00" in cleaned.data  # the header a decoder wants stays
    assert "thumbnails" in cleaned.removed


def test_a_thumbnail_inside_the_jfif_header_does_not_leave() -> None:
    data = _jpeg()
    length = int.from_bytes(data[4:6], "big")
    header = data[6 : 4 + length - 2]  # JFIF\0, version, units, densities (no thumbnail)
    thumb = b"CANARYRGB" * 3  # 3 x 3 pixels of RGB
    app0 = b"JFIF\x00" + header[5:12] + b"\x03\x03" + thumb
    hidden = data[:2] + b"\xff\xe0" + (2 + len(app0)).to_bytes(2, "big") + app0
    hidden += data[4 + length :]
    cleaned = clean("image/jpeg", [hidden])
    assert cleaned.data is not None
    assert b"CANARY" not in cleaned.data
    assert cleaned.data[:20] == data[:20]  # the plain JFIF header, as PIL wrote it
    assert "thumbnails" in cleaned.removed
    shown = Image.open(io.BytesIO(bytes(cleaned.data)))
    assert shown.tobytes() == Image.open(io.BytesIO(data)).tobytes()


def _docx_with(name: str, body: bytes) -> bytes:
    import zipfile

    from tests.share.test_cleaning import make_docx

    source = io.BytesIO(make_docx())
    with zipfile.ZipFile(source, "a") as z:
        z.writestr(name, body)
    return source.getvalue()


def test_a_photo_pasted_into_a_document_leaves_without_its_exif() -> None:
    """Word keeps a pasted photo as it came, with the camera's EXIF and GPS: each picture
    inside an Office document is cleaned as the picture alone would be."""
    import zipfile

    photo = _jpeg(with_exif=True)
    cleaned = clean("application/octet-stream", [_docx_with("word/media/image1.jpeg", photo)])
    assert cleaned.data is not None
    with zipfile.ZipFile(io.BytesIO(bytes(cleaned.data))) as z:
        inside = z.read("word/media/image1.jpeg")
    assert b"CANARY" not in inside
    assert Image.open(io.BytesIO(inside)).tobytes() == Image.open(io.BytesIO(photo)).tobytes()
    assert "exif" in cleaned.removed


def test_a_document_with_an_embedded_file_is_refused() -> None:
    """An embedded object (a spreadsheet, a PDF inside a DOCX) is a file with metadata of its
    own, as a PDF's attachments are: refused, not sent along."""
    data = _docx_with("word/embeddings/oleObject1.bin", b"\xd0\xcf\x11\xe0CANARYOLE")
    with pytest.raises(CannotClean) as refused:
        clean("application/octet-stream", [data])
    assert "files inside it" in refused.value.message("en")


def test_a_charts_embedded_workbook_is_cleaned_like_the_document() -> None:
    """A chart in a DOCX embeds its workbook, an Office package with an author of its own."""
    import zipfile

    from tests.share.test_cleaning import make_docx

    inner = make_docx()
    assert b"CANARYCREATOR" in zipfile.ZipFile(io.BytesIO(inner)).read("docProps/core.xml")
    name = "word/embeddings/Microsoft_Excel_Worksheet.xlsx"
    cleaned = clean("application/octet-stream", [_docx_with(name, inner)])
    assert cleaned.data is not None
    with zipfile.ZipFile(io.BytesIO(bytes(cleaned.data))) as outer:
        workbook = zipfile.ZipFile(io.BytesIO(outer.read(name)))
        everything = b"".join(workbook.read(n) for n in workbook.namelist())
    assert b"CANARY" not in everything


def test_a_photo_inside_a_pdf_leaves_without_its_exif() -> None:
    """Scanner and phone apps put the camera's JPEG into the PDF as it is, EXIF and GPS
    included: a JPEG image stream is cleaned as the picture alone would be."""
    photo = _jpeg(with_exif=True)
    pdf = pikepdf.new()
    pdf.add_blank_page()
    image = pikepdf.Stream(pdf, photo)
    image.update(
        {
            "/Type": pikepdf.Name.XObject,
            "/Subtype": pikepdf.Name.Image,
            "/Width": 64,
            "/Height": 48,
            "/ColorSpace": pikepdf.Name.DeviceRGB,
            "/BitsPerComponent": 8,
            "/Filter": pikepdf.Name.DCTDecode,
        }
    )
    pdf.pages[0].obj["/Resources"] = pikepdf.Dictionary(
        XObject=pikepdf.Dictionary(Im0=pdf.make_indirect(image))
    )
    out = io.BytesIO()
    pdf.save(out)
    assert b"CANARY" in out.getvalue()
    cleaned = clean("application/pdf", [out.getvalue()])
    assert cleaned.data is not None
    assert b"CANARY" not in cleaned.data
    assert "exif" in cleaned.removed
    with pikepdf.open(io.BytesIO(bytes(cleaned.data))) as result:
        kept = result.pages[0].obj["/Resources"]["/XObject"]["/Im0"]
        assert kept.read_raw_bytes() == strip_jpeg(photo)

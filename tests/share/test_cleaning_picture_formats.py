"""Pictures inside documents in formats beyond JPEG, PNG and WebP: a TIFF keeps EXIF and GPS
like a JPEG, a GIF hides XMP and comments in its extension blocks. Those two are cleaned;
pictures Testigo cannot clean (EMF, WMF, HEIC, SVG) make the document refused, saying so."""

from __future__ import annotations

import io
import struct
import zipfile

import pytest
from PIL import Image, ImageSequence, TiffImagePlugin

from reporter.errors import CannotClean
from reporter.share.cleaning import clean

TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"/>'
)


# Make, description, software, artist, XMP, copyright, IPTC, EXIF and GPS directories.
METADATA_TAGS = {271, 270, 305, 315, 700, 33432, 33723, 34665, 34853}


def make_tiff(pages: int = 1) -> bytes:
    """A TIFF the way a scanner or camera writes one: EXIF with GPS, XMP, IPTC, author."""
    frames = [Image.effect_noise((40, 30), 50 + 10 * i).convert("RGB") for i in range(pages)]
    info = TiffImagePlugin.ImageFileDirectory_v2()
    info[271] = "CANARYMAKE"
    info[0x8825] = {1: "N", 2: (19.0, 25.0, 0.0), 3: "W", 4: (99.0, 8.0, 0.0)}  # GPS
    info[270] = "CANARYDESCRIPTION"
    info[315] = "CANARYARTIST"
    info[305] = "CANARYSOFTWARE"
    info[700] = b'<x:xmpmeta xmlns:x="adobe:ns:meta/">CANARYXMP</x:xmpmeta>'
    info[33432] = "CANARYCOPYRIGHT"
    buffer = io.BytesIO()
    frames[0].save(
        buffer,
        "TIFF",
        tiffinfo=info,
        save_all=True,
        append_images=frames[1:],
    )
    return buffer.getvalue()


def _gif_blocks(payload: bytes) -> bytes:
    """``payload`` as GIF data sub-blocks, ended."""
    chunks = [payload[i : i + 255] for i in range(0, len(payload), 255)]
    return b"".join(bytes([len(c)]) + c for c in chunks) + b"\x00"


def make_gif() -> bytes:
    """An animated GIF with a comment, an XMP packet and a plain-text block, each a canary."""
    frames = [Image.effect_noise((32, 24), 40 + 20 * i).convert("P") for i in range(3)]
    buffer = io.BytesIO()
    frames[0].save(
        buffer, "GIF", save_all=True, append_images=frames[1:], duration=[80, 120, 200], loop=0
    )
    data = buffer.getvalue()
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/">CANARYXMPGIF</x:xmpmeta>'
    magic_trailer = b"\x01" + bytes(range(0xFF, -1, -1)) + b"\x00"
    hidden = (
        b"\x21\xfe" + _gif_blocks(b"CANARYCOMMENT")
        + b"\x21\xff\x0bXMP DataXMP" + xmp + magic_trailer
        + b"\x21\x01" + _gif_blocks(bytes(12) + b"CANARYPLAINTEXT")
    )  # fmt: skip
    trailer = data.rindex(b"\x3b")
    return data[:trailer] + hidden + data[trailer:]


def _docx(*media: tuple[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", TYPES)
        z.writestr("word/document.xml", "<w:document><w:body>evidencia</w:body></w:document>")
        for name, body in media:
            z.writestr(f"word/media/{name}", body)
    return out.getvalue()


def _media(cleaned: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(cleaned)) as z:
        return {n.rpartition("/")[2]: z.read(n) for n in z.namelist() if "/media/" in n}


def _frames(data: bytes) -> list[bytes]:
    with Image.open(io.BytesIO(data)) as image:
        return [frame.convert("RGBA").tobytes() for frame in ImageSequence.Iterator(image)]


@pytest.mark.parametrize("pages", [1, 3])
def test_a_tiff_in_a_document_leaves_without_exif_gps_or_xmp(pages: int) -> None:
    tiff = make_tiff(pages)
    assert tiff.count(b"CANARY") >= 5
    cleaned = clean("application/octet-stream", [_docx(("image1.tiff", tiff))])
    assert cleaned.data is not None
    picture = _media(bytes(cleaned.data))["image1.tiff"]
    assert b"CANARY" not in picture
    with Image.open(io.BytesIO(picture)) as shown:
        assert shown.format == "TIFF"
        assert not shown.getexif().get_ifd(0x8825)  # no GPS
        assert set(shown.tag_v2).isdisjoint(METADATA_TAGS)
    assert _frames(picture) == _frames(tiff)  # every page, the same pixels
    assert {"exif", "xmp"} <= set(cleaned.removed)


def test_a_gif_in_a_document_leaves_without_comments_or_xmp_and_still_animates() -> None:
    gif = make_gif()
    assert gif.count(b"CANARY") == 3
    cleaned = clean("application/octet-stream", [_docx(("image2.gif", gif))])
    assert cleaned.data is not None
    picture = _media(bytes(cleaned.data))["image2.gif"]
    assert b"CANARY" not in picture
    assert _frames(picture) == _frames(gif)  # lossless: every frame's pixels as they were
    with Image.open(io.BytesIO(picture)) as shown:
        assert shown.info.get("loop") == 0
        assert [f.info["duration"] for f in ImageSequence.Iterator(shown)] == [80, 120, 200]
    assert {"comment", "xmp"} <= set(cleaned.removed)


def _emf() -> bytes:
    header = struct.pack("<II", 1, 108) + bytes(32) + b" EMF" + bytes(64)
    return header + b"CANARYEMFDESCRIPTION"


def _heic() -> bytes:
    return struct.pack(">I", 24) + b"ftypheic" + bytes(4) + b"mif1heic" + b"CANARYHEIC"


@pytest.mark.parametrize(
    ("name", "body", "kind"),
    [
        ("image3.emf", _emf(), "EMF"),
        ("image4.wmf", b"\xd7\xcd\xc6\x9a" + bytes(18) + b"CANARYWMF", "WMF"),
        ("image5.wmf", b"\x01\x00\x09\x00\x00\x03" + bytes(12) + b"CANARYWMF", "WMF"),
        ("image6.heic", _heic(), "HEIC"),
        ("image7.svg", b'<svg xmlns="http://www.w3.org/2000/svg" sodipodi:docname="C"/>', "SVG"),
    ],
)
def test_a_document_with_a_picture_testigo_cannot_clean_is_refused(
    name: str, body: bytes, kind: str
) -> None:
    with pytest.raises(CannotClean) as caught:
        clean("application/octet-stream", [_docx(("image1.bmp", b"BM" + bytes(60)), (name, body))])
    assert caught.value.params["kind"] == "Office"
    assert caught.value.params["format"] == kind
    assert "a picture in a format Testigo cannot clean" in caught.value.message("en")
    assert "No se compartió nada" in caught.value.message("es")
    assert "Testigo no puede limpiar" in caught.value.message("es")


def test_an_unknown_file_among_a_documents_media_is_refused() -> None:
    with pytest.raises(CannotClean, match="media"):
        clean("application/octet-stream", [_docx(("sound1.wav", b"RIFF\x00\x00\x00\x00WAVE"))])


def test_a_bmp_has_no_metadata_and_leaves_as_it_is() -> None:
    bmp = io.BytesIO()
    Image.effect_noise((8, 8), 30).convert("RGB").save(bmp, "BMP")
    cleaned = clean("application/octet-stream", [_docx(("image8.bmp", bmp.getvalue()))])
    assert cleaned.data is not None
    assert _media(bytes(cleaned.data))["image8.bmp"] == bmp.getvalue()


def test_a_damaged_tiff_or_gif_in_a_document_is_refused() -> None:
    for name, body in [("a.tiff", b"II*\x00" + bytes(12)), ("b.gif", b"GIF89a" + bytes(9))]:
        with pytest.raises(CannotClean) as caught:
            clean("application/octet-stream", [_docx((name, body))])
        assert "No se compartió nada" in caught.value.message("es")


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        (_emf(), "EMF"),
        (b"\xd7\xcd\xc6\x9a" + bytes(18) + b"CANARYWMF", "WMF"),
        (b'<?xml version="1.0"?>\n<!-- Inkscape -->\n<svg sodipodi:docname="C"/>', "SVG"),
        (b"II\xbc\x01" + bytes(28), "JPEG XR"),
    ],
    ids=["emf", "wmf", "svg", "jpeg-xr"],
)
def test_a_standalone_picture_testigo_cannot_clean_is_refused_not_sent_as_recorded(
    body: bytes, kind: str
) -> None:
    """A metafile keeps its program's description, an SVG its editor's file paths: not
    plain text, so they do not leave as recorded."""
    with pytest.raises(CannotClean) as caught:
        clean("application/octet-stream", [body[:10], body[10:]])
    assert caught.value.params["kind"] == kind
    assert "no puede quitar" in caught.value.message("es")


def test_a_tiff_too_large_to_decode_is_refused_before_it_is_decoded() -> None:
    """A few kilobytes of compressed TIFF can unpack to gigabytes: the pages' sizes are
    checked against the budget before any pixel is decoded."""
    buffer = io.BytesIO()
    Image.new("1", (6000, 5100)).save(buffer, "TIFF", compression="packbits")
    assert len(buffer.getvalue()) < 2_000_000
    with pytest.raises(CannotClean) as caught:
        clean("application/octet-stream", [_docx(("scan.tiff", buffer.getvalue()))])
    assert caught.value.params["limit"] == 30
    assert "30 megapíxeles" in caught.value.message("es")

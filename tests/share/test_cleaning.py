"""What leaves carries no metadata: PDF, MP4/M4A and DOCX through the real share flow.

Each file is made here with the libraries that read it back (pikepdf, mutagen, zipfile),
attached to an incident, sealed into a bundle, imported by the coordinator, and the file the
coordinator received is read again: author, XMP, tags, location and properties are gone.
"""

from __future__ import annotations

import io
import shutil
import struct
import subprocess
import zipfile
from pathlib import Path

import mutagen.mp4
import pikepdf
import pytest

from reporter.errors import CannotClean
from reporter.inbox.received import read_received_file
from reporter.share import sharing
from reporter.share.cleaning import clean, removed_labels
from tests.share.conftest import World

LOCATION = "+19.4326-099.1332/"


def _box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def make_mp4() -> bytes:
    """A tiny MP4 an iPhone could have written: times, ©xyz in udta, iTunes tags by mutagen."""
    mvhd = _box(
        b"mvhd",
        b"\x00\x00\x00\x00"
        + struct.pack(">II", 3_800_000_000, 3_800_000_001)
        + struct.pack(">II", 1000, 0)
        + bytes(80),
    )
    tkhd = _box(
        b"tkhd", b"\x00\x00\x00\x03" + struct.pack(">II", 3_800_000_000, 3_800_000_001) + bytes(72)
    )
    mdhd = _box(
        b"mdhd",
        b"\x00\x00\x00\x00"
        + struct.pack(">II", 3_800_000_000, 3_800_000_001)
        + struct.pack(">II", 1000, 0)
        + bytes(4),
    )
    hdlr = _box(b"hdlr", bytes(8) + b"soun" + bytes(12) + b"\x00")
    trak = _box(b"trak", tkhd + _box(b"mdia", mdhd + hdlr))
    xyz = _box(b"\xa9xyz", struct.pack(">HH", len(LOCATION), 0x15C7) + LOCATION.encode())
    moov = _box(b"moov", mvhd + trak + _box(b"udta", xyz))
    data = _box(b"ftyp", b"M4A \x00\x00\x00\x00M4A isom") + moov + _box(b"mdat", b"\x11" * 512)
    buffer = io.BytesIO(data)
    tagged = mutagen.mp4.MP4(buffer)
    tagged.add_tags()
    assert tagged.tags is not None
    tagged.tags["\xa9nam"] = ["CANARYTITLE"]
    tagged.tags["\xa9ART"] = ["CANARYARTIST"]
    tagged.tags["\xa9xyz"] = [LOCATION]
    buffer.seek(0)
    tagged.save(buffer)
    return buffer.getvalue()


def make_pdf() -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        meta["dc:creator"] = ["CANARYXMP"]
    pdf.docinfo["/Author"] = "CANARYAUTHOR"
    pdf.docinfo["/Producer"] = "CANARYPRODUCER"
    pdf.pages[0].obj["/PieceInfo"] = pikepdf.Dictionary(
        {"/App": pikepdf.Dictionary({"/Private": pikepdf.String("CANARYPIECE")})}
    )
    out = io.BytesIO()
    pdf.save(out, compress_streams=False)
    return out.getvalue()


def make_docx(with_comments: bool = False) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.'
            'openxmlformats.org/package/2006/content-types"/>',
        )
        z.writestr("word/document.xml", "<w:document><w:body>evidencia</w:body></w:document>")
        z.writestr(
            "docProps/core.xml",
            '<cp:coreProperties xmlns:cp="http://schemas.'
            'openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://'
            'purl.org/dc/elements/1.1/"><dc:creator>CANARYCREATOR</dc:creator>'
            "<cp:lastModifiedBy>CANARYEDITOR</cp:lastModifiedBy></cp:coreProperties>",
        )
        z.writestr(
            "docProps/app.xml",
            '<Properties xmlns="http://schemas.openxmlformats.org/'
            'officeDocument/2006/extended-properties"><Company>CANARYCOMPANY</Company>'
            "</Properties>",
        )
        z.writestr(
            "docProps/custom.xml", "<Properties><property>CANARYCUSTOM</property></Properties>"
        )
        z.writestr(
            "_rels/.rels",
            '<Relationships><Relationship Id="rId1" Type="t" '
            'Target="word/document.xml"/><Relationship Id="rId2" Type="thumb" '
            'Target="docProps/thumbnail.jpeg"/></Relationships>',
        )
        z.writestr("docProps/thumbnail.jpeg", b"\xff\xd8\xff\xe0CANARYTHUMB")
        if with_comments:
            z.writestr(
                "word/comments.xml", '<w:comments><w:comment w:author="CANARYPERSON"/></w:comments>'
            )
    return out.getvalue()


def _received(world: World, data: bytes, name: str) -> tuple[bytes, list[str]]:
    """Share ``data`` as an attachment; the file the coordinator got and the preview's list."""
    iid = world.reporter.incidents.add({"title": "Archivo", "incident_types": ["HAR.THREAT"]})
    attachment = world.reporter.attachments.add(iid, io.BytesIO(data), name)["id"]
    removed = sharing.preview_and_cleaning(world.reporter, iid, [attachment])[1][attachment]
    bundle_id = sharing.share_incidents(world.reporter, [iid], [attachment], ["share_attachments"])
    assert world.import_bytes(world.ciphertext(bundle_id)).status == "imported"
    [report] = world.inbox.list()
    [entry] = world.inbox.show(report["record"]["id"])["attachments"]
    return read_received_file(world.coordinator, entry["id"]), removed


def _exiftool_finds(
    data: bytes, *canaries: str, suffix: str = ".bin", where: Path | None = None
) -> list[str]:
    """What exiftool (if installed) still reads in the file (synthetic test data only)."""
    tool = shutil.which("exiftool")
    if tool is None:
        return []
    if where is None:  # on standard input: enough for PDF and MP4
        shown = subprocess.run(
            [tool, "-a", "-u", "-G1", "-"], input=data, capture_output=True, check=False, timeout=60
        ).stdout.decode("utf-8", "replace")
    else:  # a DOCX is told from a plain zip only in a file it can seek
        path = where / f"probe{suffix}"
        path.write_bytes(data)
        shown = subprocess.run(
            [tool, "-a", "-u", "-G1", str(path)], capture_output=True, check=False, timeout=60
        ).stdout.decode("utf-8", "replace")
        path.unlink()
    return [c for c in canaries if c in shown]


def test_a_shared_pdf_leaves_without_author_xmp_or_private_data(x_world: World) -> None:
    original = make_pdf()
    assert _exiftool_finds(original, "CANARYAUTHOR", "CANARYXMP") in (
        [],
        ["CANARYAUTHOR", "CANARYXMP"],
    )  # [] only without exiftool
    with pikepdf.open(io.BytesIO(original)) as pdf:
        assert str(pdf.docinfo["/Author"]) == "CANARYAUTHOR"
        assert "CANARYXMP" in str(pdf.open_metadata())
    got, removed = _received(x_world, original, "informe.pdf")
    for canary in (b"CANARYXMP", b"CANARYPIECE"):
        assert canary in original
        assert canary not in got
    with pikepdf.open(io.BytesIO(got)) as pdf:
        assert "CANARY" not in repr(pdf.docinfo)
        assert "CANARY" not in str(pdf.open_metadata())
        assert "/Info" not in pdf.trailer or not dict(pdf.docinfo)
        assert "/Metadata" not in pdf.Root
        assert "/PieceInfo" not in pdf.pages[0].obj
        assert len(pdf.pages) == 1  # the content is still there
    assert {"doc_info", "xmp", "piece_info"} <= set(removed)
    assert _exiftool_finds(got, "CANARYAUTHOR", "CANARYXMP") == []


def test_a_shared_m4a_leaves_without_tags_location_or_times(x_world: World) -> None:
    original = make_mp4()
    if shutil.which("exiftool"):  # it reads them in the original
        assert _exiftool_finds(original, "CANARYTITLE", "19 deg") == ["CANARYTITLE", "19 deg"]
    tags = mutagen.mp4.MP4(io.BytesIO(original)).tags
    assert tags is not None
    assert tags["\xa9xyz"] == [LOCATION]
    assert original.count(LOCATION.encode()) == 2  # the tag and Apple's udta atom
    got, removed = _received(x_world, original, "audio.m4a")
    assert len(got) == len(original)  # nothing moved: offsets stay right
    for canary in (LOCATION.encode(), b"CANARYTITLE", b"CANARYARTIST"):
        assert canary not in got
    assert got.endswith(b"\x11" * 512)  # the media data, untouched
    assert not mutagen.mp4.MP4(io.BytesIO(got)).tags
    assert struct.pack(">I", 3_800_000_000) not in got  # recording times zeroed
    assert removed == ["timestamp", "tags"]
    assert _exiftool_finds(got, "CANARYTITLE", "19.4326", "19 deg") == []


def test_a_shared_docx_leaves_without_its_properties(x_world: World, tmp_path: Path) -> None:
    original = make_docx()
    if shutil.which("exiftool"):  # it reads them in the original
        assert _exiftool_finds(
            original, "CANARYCREATOR", "CANARYCOMPANY", suffix=".docx", where=tmp_path
        ) == ["CANARYCREATOR", "CANARYCOMPANY"]
    got, removed = _received(x_world, original, "carta.docx")
    for canary in (
        b"CANARYCREATOR",
        b"CANARYEDITOR",
        b"CANARYCOMPANY",
        b"CANARYCUSTOM",
        b"CANARYTHUMB",
    ):
        assert canary not in got
    with zipfile.ZipFile(io.BytesIO(got)) as z:
        assert z.read("word/document.xml").endswith(b"evidencia</w:body></w:document>")
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = z.read("docProps/core.xml")
        assert b"thumbnail" not in z.read("_rels/.rels")  # no dangling reference
        assert b"word/document.xml" in z.read("_rels/.rels")
    assert b"creator" not in core
    assert removed == ["timestamp", "doc_props", "custom_props", "thumbnails"]
    assert removed_labels(removed, "es")[1].startswith("propiedades del documento")
    assert (
        _exiftool_finds(got, "CANARYCREATOR", "CANARYCOMPANY", suffix=".docx", where=tmp_path) == []
    )


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"GIF89a" + bytes(40), "GIF"),
        (b"RIFF\x00\x00\x00\x00WAVEfmt " + bytes(40), "RIFF"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(40), "Office 97-2003"),
    ],
)
def test_a_type_that_cannot_be_cleaned_is_refused_with_a_reason(
    x_world: World, data: bytes, kind: str
) -> None:
    iid = x_world.reporter.incidents.add({"title": "x", "incident_types": ["HAR.THREAT"]})
    attachment = x_world.reporter.attachments.add(iid, io.BytesIO(data), "archivo.bin")["id"]
    with pytest.raises(CannotClean) as caught:
        sharing.share_incidents(x_world.reporter, [iid], [attachment], ["share_attachments"])
    assert caught.value.params["kind"] == kind
    assert "cannot remove" in caught.value.message("en")
    assert "No se compartió nada" in caught.value.message("es")
    assert "no puede quitar" in caught.value.message("es")
    from reporter.share.outbox_store import OutboxStore

    assert OutboxStore(x_world.reporter).list() == []  # nothing sealed, nothing queued


def test_documents_that_name_people_in_comments_and_other_zips_are_refused() -> None:
    with pytest.raises(CannotClean, match="comments"):
        clean("application/octet-stream", [make_docx(with_comments=True)])
    plain_zip = io.BytesIO()
    with zipfile.ZipFile(plain_zip, "w") as z:
        z.writestr("foto.jpg", b"\xff\xd8\xff\xe1CANARY")
    with pytest.raises(CannotClean, match="attach them one by one"):
        clean("application/zip", [plain_zip.getvalue()])


def test_text_and_unknown_bytes_leave_as_recorded_streamed() -> None:
    assert clean("text/plain", iter([b"notas de campo\n"] * 3)).data is None
    assert clean("application/octet-stream", [bytes(range(7, 200))]).data is None


def test_share_preview_in_the_cli_says_what_is_removed_in_both_languages(tmp_path: Path) -> None:
    from tests.share.test_cli_share import out, run

    co, rep = tmp_path / "co", tmp_path / "rep"
    run(
        None,
        "coalition",
        "create",
        "--name",
        "Red",
        "--relay",
        "https://relay.example.org",
        "--recipients",
        "x25519",
        "--out",
        str(co),
    )
    run(rep, "init")
    run(rep, "profile", "import", str(co / "coalition.testigo-profile"))
    iid = out(run(rep, "add", "--title", "x", "--type", "HAR.THREAT", "--json"))["id"]
    pdf = tmp_path / "informe.pdf"
    pdf.write_bytes(make_pdf())
    attachment = out(run(rep, "attach", iid, str(pdf), "--json"))["id"]
    english = run(
        rep,
        "share",
        iid,
        "--attach",
        attachment,
        "--consent",
        "share_attachments",
        "--preview",
        "--json",
    )
    assert out(english)["attachments"][0]["media_type"] == "application/pdf"
    assert f"Attachment {attachment}, removed: XMP metadata; document information" in english.stderr
    spanish = run(
        rep,
        "--lang",
        "es",
        "share",
        iid,
        "--attach",
        attachment,
        "--consent",
        "share_attachments",
        "--preview",
    )
    assert (
        f"Adjunto {attachment}, se quitó: metadatos XMP; información del documento"
        in spanish.stderr
    )
    gif = tmp_path / "animacion.gif"
    gif.write_bytes(b"GIF89a" + bytes(40))
    refused_id = out(run(rep, "attach", iid, str(gif), "--json"))["id"]
    refused = run(
        rep,
        "share",
        iid,
        "--attach",
        refused_id,
        "--consent",
        "share_attachments",
        "--yes",
        check=False,
    )
    assert refused.returncode != 0
    assert refused.stderr.count("\n") == 1
    assert "GIF" in refused.stderr
    assert "Traceback" not in refused.stderr


def test_the_share_screens_comparison_says_what_was_removed_per_file(x_world: World) -> None:
    from reporter.share.comparison import compare

    iid = x_world.reporter.incidents.add({"title": "x", "incident_types": ["HAR.THREAT"]})
    pdf = x_world.reporter.attachments.add(iid, io.BytesIO(make_pdf()), "informe.pdf")
    text = x_world.reporter.attachments.add(iid, io.BytesIO(b"notas"), "notas.txt")
    chosen = [pdf["id"], text["id"]]
    shared, removed = sharing.preview_and_cleaning(
        x_world.reporter, iid, chosen, ["share_attachments"]
    )
    files = x_world.reporter.attachments.list(iid)
    record = x_world.reporter.incidents.get(iid)
    [row] = [
        r for r in compare(record, shared, "es", files, removed=removed) if r.field == "attachments"
    ]
    pdf_line, text_line = row.shared.splitlines()
    assert "se quitó: metadatos XMP; información del documento" in pdf_line
    assert text_line.endswith("sin metadatos que quitar")
    [row] = [
        r for r in compare(record, shared, "en", files, removed=removed) if r.field == "attachments"
    ]
    assert "removed: XMP metadata; document information" in row.shared.splitlines()[0]

"""What Office documents still carried after their properties went: the printer's settings
(its name and driver data, often the office's network printer), PowerPoint's and Excel's
session ids, macros, and the properties of OpenDocument's embedded objects. Each cleaned
document still opens: every part parses, no relationship, override or r:id points at a part
or relationship that is gone."""

from __future__ import annotations

import io
import posixpath
import re
import zipfile

import pytest

from reporter.errors import CannotClean
from reporter.share.cleaning import clean
from tests.share.ooxml import HEAD, R, assert_opens, package, parts_of, rels, xml

P14 = "http://schemas.microsoft.com/office/powerpoint/2010/main"
A16 = "http://schemas.microsoft.com/office/drawing/2014/main"
XR = "http://schemas.microsoft.com/office/spreadsheetml/2014/revision"
XR3 = "http://schemas.microsoft.com/office/spreadsheetml/2016/revision3"
PRINTER = b"\\\\CANARYSERVER\\HP-LaserJet-Oficina\x00" + bytes(64) + b"CANARYDRIVER"
PRINTER_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"


def _types(*overrides: tuple[str, str], default_bin: bool = True) -> str:
    return (
        HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        + (f'<Default Extension="bin" ContentType="{PRINTER_TYPE}"/>' if default_bin else "")
        + "".join(f'<Override PartName="/{p}" ContentType="{t}"/>' for p, t in overrides)
        + "</Types>"
    )


def _assert_no_dangling_ids(parts: dict[str, bytes]) -> None:
    """Every r:id in a part names a relationship its .rels file still has."""
    for name, body in parts.items():
        if not name.endswith(".xml") or name.startswith("[") or "_rels/" in name:
            continue
        rels_name = posixpath.join(
            posixpath.dirname(name), "_rels", posixpath.basename(name) + ".rels"
        )
        ids = {rel.get("Id") for rel in xml(parts[rels_name])} if rels_name in parts else set()
        for element in xml(body).iter():
            for key, value in element.attrib.items():
                if key.startswith(f"{{{R}}}"):
                    assert value in ids, f"{name}: {key}={value} names no relationship"


def make_printing_xlsx() -> bytes:
    sheet_ct = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
    return package(
        {
            "[Content_Types].xml": _types(
                (
                    "xl/workbook.xml",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                ),
                ("xl/worksheets/sheet1.xml", sheet_ct),
                ("xl/printerSettings/printerSettings1.bin", PRINTER_TYPE),
            ),
            "_rels/.rels": rels(("officeDocument", "xl/workbook.xml")),
            "xl/workbook.xml": HEAD + '<workbook xmlns="http://schemas.openxmlformats.org/'
            f'spreadsheetml/2006/main" xmlns:r="{R}"><sheets><sheet name="Hoja1" sheetId="1" '
            'r:id="rId1"/></sheets></workbook>',
            "xl/_rels/workbook.xml.rels": rels(("worksheet", "worksheets/sheet1.xml")),
            "xl/worksheets/sheet1.xml": HEAD + '<worksheet xmlns="http://schemas.openxml'
            f'formats.org/spreadsheetml/2006/main" xmlns:r="{R}"><sheetData/><pageSetup '
            'paperSize="9" orientation="portrait" r:id="rId1"/></worksheet>',
            "xl/worksheets/_rels/sheet1.xml.rels": rels(
                ("printerSettings", "../printerSettings/printerSettings1.bin")
            ),
            "xl/printerSettings/printerSettings1.bin": PRINTER,
        }
    )


def make_printing_docx() -> bytes:
    ct = "application/vnd.openxmlformats-officedocument.wordprocessingml.printerSettings"
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    return package(
        {
            "[Content_Types].xml": _types(
                (
                    "word/document.xml",
                    "application/vnd.openxmlformats-officedocument."
                    "wordprocessingml.document.main+xml",
                ),
                ("word/printerSettings/printerSettings1.bin", ct),
                default_bin=False,
            ),
            "_rels/.rels": rels(("officeDocument", "word/document.xml")),
            "word/document.xml": HEAD + f'<w:document xmlns:w="{w}" xmlns:r="{R}"><w:body>'
            '<w:p><w:r><w:t>evidencia</w:t></w:r></w:p><w:sectPr><w:pgSz w:w="11906" '
            'w:h="16838"/><w:printerSettings r:id="rId2"/></w:sectPr></w:body></w:document>',
            "word/_rels/document.xml.rels": rels(
                ("styles", "styles.xml"),
                ("printerSettings", "printerSettings/printerSettings1.bin"),
            ),
            "word/styles.xml": HEAD + f'<w:styles xmlns:w="{w}"/>',
            "word/printerSettings/printerSettings1.bin": PRINTER,
        }
    )


def _slide(creation_id: str = "3141592653", doctype: str = "") -> str:
    return (
        HEAD + doctype + '<p:sld xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        f'xmlns:r="{R}" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main">'
        '<p:cSld><p:spTree><p:sp><p:nvSpPr><p:cNvPr id="2" name="Título 1"><a:extLst>'
        '<a:ext uri="{FF2B5EF4-FFF2-40B4-BE49-F238E27FC236}">'
        f'<a16:creationId xmlns:a16="{A16}" id="{{CA11AB1E-0000-4000-8000-00000000CAFE}}"/>'
        "</a:ext></a:extLst></p:cNvPr><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:txBody><a:p><a:r>"
        "<a:t>p14:creationId en el texto</a:t></a:r></a:p></p:txBody></p:sp></p:spTree>"
        '</p:cSld><p:extLst><p:ext uri="{BB962C8B-B14F-4D97-AF65-F5344CB8AC3E}">'
        f'<p14:creationId xmlns:p14="{P14}" val="{creation_id}"/></p:ext></p:extLst></p:sld>'
    )


def make_pptx(doctype: str = "") -> bytes:
    ct = "application/vnd.openxmlformats-officedocument.presentationml.printerSettings"
    return package(
        {
            "[Content_Types].xml": _types(
                (
                    "ppt/presentation.xml",
                    "application/vnd.openxmlformats-officedocument."
                    "presentationml.presentation.main+xml",
                ),
                (
                    "ppt/slides/slide1.xml",
                    "application/vnd.openxmlformats-officedocument.presentationml.slide+xml",
                ),
                ("ppt/printerSettings/printerSettings1.bin", ct),
                default_bin=False,
            ),
            "_rels/.rels": rels(("officeDocument", "ppt/presentation.xml")),
            "ppt/presentation.xml": HEAD + '<p:presentation xmlns:p="http://schemas.openxml'
            f'formats.org/presentationml/2006/main" xmlns:r="{R}"><p:sldIdLst><p:sldId id="256"'
            ' r:id="rId1"/></p:sldIdLst></p:presentation>',
            "ppt/_rels/presentation.xml.rels": rels(
                ("slide", "slides/slide1.xml"),
                ("printerSettings", "printerSettings/printerSettings1.bin"),
            ),
            "ppt/slides/slide1.xml": _slide(doctype=doctype),
            "ppt/printerSettings/printerSettings1.bin": PRINTER,
        }
    )


@pytest.mark.parametrize("make", [make_printing_xlsx, make_printing_docx, make_pptx])
def test_the_printers_settings_part_leaves_with_every_reference_to_it(make: object) -> None:
    assert callable(make)
    original = make()
    assert any("printerSettings" in name for name in parts_of(original))
    cleaned = clean("application/octet-stream", [original])
    assert cleaned.data is not None
    parts = parts_of(bytes(cleaned.data))
    assert not [name for name in parts if "printerSettings" in name]
    assert all(b"CANARY" not in body for body in parts.values())
    assert_opens(parts)  # no relationship or override names the dropped part
    _assert_no_dangling_ids(parts)  # no pageSetup or sectPr names its relationship
    assert all(b"printerSettings" not in body for body in parts.values())
    assert "printer" in cleaned.removed
    if "xl/worksheets/sheet1.xml" in parts:  # the page setup itself stays
        assert (
            b'<pageSetup paperSize="9" orientation="portrait"/>'
            in parts["xl/worksheets/sheet1.xml"]
        )
    if "word/document.xml" in parts:
        assert b'<w:pgSz w:w="11906" w:h="16838"/></w:sectPr>' in parts["word/document.xml"]


def _session_ids(body: bytes) -> list[str]:
    found = []
    for element in xml(body).iter():
        if element.tag in (f"{{{P14}}}creationId", f"{{{A16}}}creationId"):
            found.append(element.tag)
        found += [k for k in element.attrib if k in (f"{{{XR}}}uid", f"{{{XR3}}}uid")]
    return found


def test_a_slides_creation_ids_do_not_leave() -> None:
    original = parts_of(make_pptx())
    assert len(_session_ids(original["ppt/slides/slide1.xml"])) == 2
    cleaned = clean("application/octet-stream", [make_pptx()])
    assert cleaned.data is not None
    parts = parts_of(bytes(cleaned.data))
    assert_opens(parts)
    slide = parts["ppt/slides/slide1.xml"]
    assert _session_ids(slide) == []
    assert b"3141592653" not in slide
    assert b"CA11AB1E" not in slide
    assert b"<a:t>p14:creationId en el texto</a:t>" in slide  # the words stay
    assert b'<p:cNvPr id="2" name="T\xc3\xadtulo 1">' in slide
    assert "revision_ids" in cleaned.removed


def test_a_workbooks_sheet_table_and_pivot_ids_do_not_leave() -> None:
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    ns = (
        f'xmlns="{main}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        f'mc:Ignorable="xr xr3" xmlns:xr="{XR}" xmlns:xr3="{XR3}"'
    )
    uid = "{00C0FFEE-1234-4567-89AB-0123456789AB}"
    data = package(
        {
            "[Content_Types].xml": _types(),
            "_rels/.rels": rels(("officeDocument", "xl/workbook.xml")),
            "xl/workbook.xml": HEAD + f'<workbook xmlns="{main}"/>',
            "xl/worksheets/sheet1.xml": HEAD + f'<worksheet {ns} xr:uid="{uid}"><sheetData/>'
            "</worksheet>",
            "xl/tables/table1.xml": HEAD + f'<table {ns} id="1" name="Tabla1" ref="A1:B2" '
            f'xr:uid="{uid}"><autoFilter ref="A1:B2" xr:uid="{uid}"/><tableColumns count="1">'
            f'<tableColumn id="1" xr3:uid="{uid}" name="xr:uid"/></tableColumns></table>',
            "xl/pivotCache/pivotCacheDefinition1.xml": HEAD + f"<pivotCacheDefinition {ns} "
            f'xr:uid="{uid}" recordCount="0"/>',
        }
    )
    cleaned = clean("application/octet-stream", [data])
    assert cleaned.data is not None
    parts = parts_of(bytes(cleaned.data))
    assert_opens(parts)
    for name, body in parts.items():
        assert b"00C0FFEE" not in body, name
        if name.endswith(".xml") and not name.startswith("["):
            assert _session_ids(body) == [], name
    assert b'name="xr:uid"/>' in parts["xl/tables/table1.xml"]  # a value is not an id
    assert b'mc:Ignorable="xr xr3"' in parts["xl/tables/table1.xml"]
    assert "revision_ids" in cleaned.removed


def test_a_slide_with_a_doctype_is_refused_unexpanded() -> None:
    bomb = '<!DOCTYPE p:sld [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
    with pytest.raises(CannotClean) as caught:
        clean("application/octet-stream", [make_pptx(doctype=bomb)])
    assert "entities" in caught.value.message("en")


def _with_macros(kind: str) -> bytes:
    parts: dict[str, str | bytes] = {
        "_rels/.rels": rels(("officeDocument", "word/document.xml")),
        "word/document.xml": HEAD + '<w:document xmlns:w="http://schemas.openxmlformats.org/'
        'wordprocessingml/2006/main"/>',
    }
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    if kind == "vbaProject":
        parts["word/vbaProject.bin"] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500)
    elif kind == "content type":
        main = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
    else:
        parts["word/vbaData.xml"] = (
            HEAD + '<wne:vbaSuppData xmlns:wne="http://schemas.microsoft.com/office/word/2006/'
            'wordml"/>'
        )
    parts["[Content_Types].xml"] = _types(("word/document.xml", main))
    return package(parts)


@pytest.mark.parametrize("kind", ["vbaProject", "content type", "vbaData"])
def test_a_document_with_macros_is_refused_saying_how_to_attach_it(kind: str) -> None:
    with pytest.raises(CannotClean) as caught:
        clean("application/octet-stream", [_with_macros(kind)])
    assert "macros" in caught.value.message("en")
    assert ".docx" in caught.value.message("en")
    assert "guárdelo sin macros" in caught.value.message("es")
    assert "No se compartió nada" in caught.value.message("es")


@pytest.mark.parametrize(
    ("name", "refused"),
    [
        ("Basic/Standard/Module1.xml", True),  # a Basic module
        ("Scripts/python/informe.py", True),  # a Python script
        ("Basic/Standard/script-lb.xml", False),  # an empty library's index alone
    ],
)
def test_an_open_document_with_macros_is_refused(name: str, refused: bool) -> None:
    data = package(
        {
            "mimetype": "application/vnd.oasis.opendocument.text",
            "content.xml": "<office:document-content/>",
            name: '<?xml version="1.0" encoding="UTF-8"?>\n<library/>',
        }
    )
    if not refused:
        assert clean("application/octet-stream", [data]).data is not None
        return
    with pytest.raises(CannotClean) as caught:
        clean("application/octet-stream", [data])
    assert "macros" in caught.value.message("en")
    assert "Tools > Macros" in caught.value.message("en")
    assert "Herramientas > Macros" in caught.value.message("es")


ODF_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0"'
)


def test_an_open_documents_embedded_objects_lose_their_author_and_printer() -> None:
    meta = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta {ODF_NS} '
        'office:version="1.3"><office:meta><meta:initial-creator>CANARYAUTHOR'
        "</meta:initial-creator><dc:date>2026-03-04T10:11:12</dc:date><meta:generator>"
        "CANARYGENERATOR</meta:generator></office:meta></office:document-meta>"
    )
    settings = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-settings {ODF_NS}>'
        '<office:settings><config:config-item-set config:name="ooo:configuration-settings">'
        '<config:config-item config:name="PrinterName" config:type="string">CANARYPRINTER'
        '</config:config-item><config:config-item config:name="PrinterSetup" config:type='
        '"base64Binary">Q0FOQVJZ</config:config-item></config:config-item-set>'
        "</office:settings></office:document-settings>"
    )
    data = package(
        {
            "mimetype": "application/vnd.oasis.opendocument.text",
            "content.xml": f"<office:document-content {ODF_NS}/>",
            "Object 1/content.xml": f"<office:document-content {ODF_NS}/>",
            "Object 1/meta.xml": meta,
            "Object 1/settings.xml": settings,
            "Object 2/meta.xml": meta,
        }
    )
    cleaned = clean("application/octet-stream", [data])
    assert cleaned.data is not None
    parts = parts_of(bytes(cleaned.data))
    for name in ("Object 1/meta.xml", "Object 1/settings.xml", "Object 2/meta.xml"):
        root = xml(parts[name])  # parses, same root
        assert root.tag == xml(data_part(data, name)).tag
        assert b"CANARY" not in parts[name], name
        assert b"2026-03-04" not in parts[name], name
    assert re.search(
        rb'config:name="PrinterName" config:type="string"><', parts["Object 1/settings.xml"]
    )
    assert {"doc_props", "printer"} <= set(cleaned.removed)


def data_part(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(name)


def _edited(data: bytes, name: str, old: bytes, new: bytes) -> bytes:
    parts = parts_of(data)
    assert old in parts[name]
    parts[name] = parts[name].replace(old, new)
    return package(dict(parts))


def test_a_printer_part_named_by_an_absolute_target_goes_too() -> None:
    data = _edited(
        make_printing_xlsx(),
        "xl/worksheets/_rels/sheet1.xml.rels",
        b'Target="../printerSettings/',
        b'Target="/xl/printerSettings/',
    )
    cleaned = clean("application/octet-stream", [data])
    assert cleaned.data is not None
    parts = parts_of(bytes(cleaned.data))
    assert_opens(parts)
    _assert_no_dangling_ids(parts)
    assert all(b"printerSettings" not in body for body in parts.values())


def test_an_external_link_that_looks_like_a_printer_part_is_kept() -> None:
    """Only a relationship to a part inside the package that is dropped goes."""
    link = (
        b'<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/hyperlink" Target="../printerSettings/printerSettings1.bin" '
        b'TargetMode="External"/></Relationships>'
    )
    data = _edited(
        make_printing_xlsx(), "xl/worksheets/_rels/sheet1.xml.rels", b"</Relationships>", link
    )
    cleaned = clean("application/octet-stream", [data])
    assert cleaned.data is not None
    rels = parts_of(bytes(cleaned.data))["xl/worksheets/_rels/sheet1.xml.rels"]
    assert [rel.get("Id") for rel in xml(rels)] == ["rId9"]


@pytest.mark.parametrize(
    ("name", "old", "new"),
    [  # a reference written with a character reference: the edit cannot see it
        ("xl/worksheets/sheet1.xml", b'r:id="rId1"', b'r:id="rId&#49;"'),
        # a relationships file that declares entities
        (
            "xl/worksheets/_rels/sheet1.xml.rels",
            b"<Relationships",
            b"<!DOCTYPE x []><Relationships",
        ),
    ],
)
def test_a_printer_reference_that_cannot_be_removed_refuses_the_document(
    name: str, old: bytes, new: bytes
) -> None:
    data = _edited(make_printing_xlsx(), name, old, new)
    kept = bytes(data)
    with pytest.raises(CannotClean) as caught:
        clean("application/octet-stream", [data])
    assert caught.value.params["kind"] == "Office"
    assert "No se compartió nada" in caught.value.message("es")
    assert data == kept

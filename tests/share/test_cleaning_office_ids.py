"""Word's editing-session ids (``w:rsid*``) link documents edited on the same computer, and a
document server's custom XML parts name authors and server paths: neither leaves, and the
document still opens (every part parses, every relationship and content type points at a
part that is there)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from reporter.errors import CannotClean
from reporter.share.cleaning import clean
from tests.share.ooxml import assert_opens, parts_of, rels, xml

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
ITEM_ID = "{6E1F4A2B-93C1-4D7A-8B55-0F2E6C9D1A34}"
NS = (
    f'xmlns:w="{W}" xmlns:w14="{W14}" xmlns:w15="{W15}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'mc:Ignorable="w14 w15"'
)
# Text about Word's own markup: a document's words, which cleaning must leave alone.
LITERAL = 'el atributo w:rsidR="00C0FFEE" &amp; &lt;w:rsids&gt;'

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/{main}" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.customXmlProperties+xml"/></Types>'
)


def _custom_xml(z: zipfile.ZipFile) -> None:
    z.writestr(
        "customXml/item1.xml",
        '<?xml version="1.0" encoding="utf-8"?><p:properties xmlns:p="http://schemas.'
        'microsoft.com/office/2006/metadata/properties" xmlns:xsi="http://www.w3.org/2001/'
        'XMLSchema-instance"><documentManagement><Author>CANARYSHAREPOINTAUTHOR</Author>'
        "<Path>\\\\CANARYSERVER\\casos\\2026</Path></documentManagement></p:properties>",
    )
    z.writestr(
        "customXml/itemProps1.xml",
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem '
        f'ds:itemID="{ITEM_ID}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/'
        '2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="http://CANARYSCHEMA.example/'
        'contentType"/></ds:schemaRefs></ds:datastoreItem>',
    )
    z.writestr("customXml/_rels/item1.xml.rels", rels(("customXmlProps", "itemProps1.xml")))


def make_docx(doctype: str = "") -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES.format(main="word/document.xml"))
        z.writestr("_rels/.rels", rels(("officeDocument", "word/document.xml")))
        z.writestr(
            "word/document.xml",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{doctype}'
            f'<w:document {NS}><w:body><w:p w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3" '
            'w:rsidP="00D4E5F6" w14:paraId="1A2B3C4D"><w:r w:rsidRPr="00112233">'
            f"<w:t>evidencia {LITERAL}</w:t></w:r><w:del w:id=\"1\" w:rsidDel='00445566'/>"
            '</w:p><w:tbl><w:tr w:rsidR="00778899" w:rsidTr="00778899"><w:tc><w:p/></w:tc>'
            '</w:tr></w:tbl><w:sectPr w:rsidR="00A1B2C3" w:rsidSect="00A1B2C3"/>'
            "</w:body></w:document>",
        )
        z.writestr(
            "word/settings.xml",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings {NS}>'
            '<w:zoom w:percent="100"/><w:rsids><w:rsidRoot w:val="00A1B2C3"/>'
            '<w:rsid w:val="00A1B2C3"/><w:rsid w:val="00D4E5F6"/></w:rsids>'
            '<w14:docId w14:val="5C1D2E3F"/><w15:docId w15:val="{3F2E1D5C-0000-4A4A-9B9B-'
            '123456789ABC}"/></w:settings>',
        )
        z.writestr(
            "word/styles.xml",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles {NS}>'
            '<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/>'
            '<w:rsid w:val="00A1B2C3"/></w:style></w:styles>',
        )
        z.writestr(
            "word/_rels/document.xml.rels",
            rels(
                ("settings", "settings.xml"),
                ("styles", "styles.xml"),
                ("customXml", "../customXml/item1.xml"),
            ),
        )
        _custom_xml(z)
    return out.getvalue()


def make_xlsx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES.format(main="xl/workbook.xml"))
        z.writestr("_rels/.rels", rels(("officeDocument", "xl/workbook.xml")))
        z.writestr(
            "xl/workbook.xml",
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
        )
        z.writestr("xl/_rels/workbook.xml.rels", rels(("customXml", "../customXml/item1.xml")))
        _custom_xml(z)
    return out.getvalue()


def _word_ids(body: bytes) -> list[str]:
    found = []
    for element in xml(body).iter():
        if element.tag in (f"{{{W}}}rsids", f"{{{W}}}rsid", f"{{{W14}}}docId", f"{{{W15}}}docId"):
            found.append(element.tag)
        found += [a for a in element.attrib if a.startswith(f"{{{W}}}rsid")]
    return found


def test_editing_session_ids_and_custom_xml_do_not_leave_a_docx() -> None:
    original = parts_of(make_docx())
    assert _word_ids(original["word/document.xml"])  # the fixture carries them
    assert _word_ids(original["word/settings.xml"])
    assert _word_ids(original["word/styles.xml"])
    cleaned = clean("application/octet-stream", [make_docx()])
    assert cleaned.data is not None
    parts = parts_of(bytes(cleaned.data))
    assert_opens(parts)
    for name, body in parts.items():
        if name.startswith("word/") and name.endswith(".xml"):
            assert _word_ids(body) == [], name
        assert b"CANARY" not in body, name
        assert b"00A1B2C3" not in body, name
    document = parts["word/document.xml"]
    # The words stay as written, and so do the namespaces mc:Ignorable names.
    assert LITERAL.encode() in document
    assert b'xmlns:w14="' in document
    assert b'w14:paraId="1A2B3C4D"' in document
    assert b'<w:zoom w:percent="100"/>' in parts["word/settings.xml"]
    item = xml(parts["customXml/item1.xml"])
    assert item.tag == "{http://schemas.microsoft.com/office/2006/metadata/properties}properties"
    assert len(item) == 0
    props = xml(parts["customXml/itemProps1.xml"])
    assert (
        props.get("{http://schemas.openxmlformats.org/officeDocument/2006/customXml}itemID")
        == ITEM_ID
    )
    assert {"revision_ids", "custom_xml"} <= set(cleaned.removed)


def test_custom_xml_does_not_leave_a_workbook() -> None:
    cleaned = clean("application/octet-stream", [make_xlsx()])
    assert cleaned.data is not None
    parts = parts_of(bytes(cleaned.data))
    assert_opens(parts)
    assert all(b"CANARY" not in body for body in parts.values())
    assert "custom_xml" in cleaned.removed
    assert "revision_ids" not in cleaned.removed


def test_a_part_with_a_doctype_is_refused_unexpanded() -> None:
    """Entities are where XML hides a billion laughs: a document part never needs them."""
    bomb = '<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
    with pytest.raises(CannotClean) as caught:
        clean("application/octet-stream", [make_docx(doctype=bomb)])
    assert caught.value.params["kind"] == "Office"
    assert "No se compartió nada" in caught.value.message("es")


def test_the_cleaned_document_converts_in_libreoffice(tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed: the zip and XML checks above stand alone")
    cleaned = clean("application/octet-stream", [make_docx()])
    assert cleaned.data is not None
    source = tmp_path / "limpio.docx"
    source.write_bytes(bytes(cleaned.data))
    subprocess.run(
        [soffice, "--headless", "--convert-to", "txt:Text", "--outdir", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    text = (tmp_path / "limpio.txt").read_text("utf-8-sig")
    assert re.search(r"evidencia", text)


AC = "http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"
XR = "http://schemas.microsoft.com/office/spreadsheetml/2014/revision"


def make_saved_workbook() -> bytes:
    """A workbook as Excel saves it: the folder it was saved in (under the person's account)
    and the cloud document's id."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES.format(main="xl/workbook.xml"))
        z.writestr("_rels/.rels", rels(("officeDocument", "xl/workbook.xml")))
        z.writestr(
            "xl/workbook.xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://'
            'schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:mc="http://schemas.'
            'openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15 xr xr6 xr10" '
            'xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" '
            f'xmlns:xr="{XR}" xmlns:xr6="http://schemas.microsoft.com/office/spreadsheetml/2016/'
            'revision6" xmlns:xr10="http://schemas.microsoft.com/office/spreadsheetml/2016/'
            'revision10"><fileVersion appName="xl" lastEdited="7"/><workbookPr/>'
            '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-'
            'compatibility/2006"><mc:Choice Requires="x15"><x15ac:absPath url="C:\\Users\\'
            f'CANARYUSER\\Documents\\casos\\" xmlns:x15ac="{AC}"/></mc:Choice>'
            '</mc:AlternateContent><xr:revisionPtr revIDLastSave="0" documentId="8_{CANARY'
            '0000-1111}" xr6:coauthVersionLast="47" xr10:uidLastSave="{00000000-0000-0000-0000-'
            '000000000000}"/><sheets><sheet name="Hoja1" sheetId="1"/></sheets></workbook>',
        )
        _custom_xml(z)  # its content types name an item: the part is there
    return out.getvalue()


def test_the_folder_a_workbook_was_saved_in_and_its_cloud_id_do_not_leave() -> None:
    cleaned = clean("application/octet-stream", [make_saved_workbook()])
    assert cleaned.data is not None
    parts = parts_of(bytes(cleaned.data))
    assert_opens(parts)
    workbook = parts["xl/workbook.xml"]
    assert b"CANARY" not in workbook
    names = {element.tag for element in xml(workbook).iter()}
    assert f"{{{AC}}}absPath" not in names
    assert f"{{{XR}}}revisionPtr" not in names
    assert b'<sheet name="Hoja1" sheetId="1"/>' in workbook
    assert b'mc:Ignorable="x15 xr xr6 xr10"' in workbook  # its namespaces all still declared
    assert "file_path" in cleaned.removed


def test_the_printer_an_open_document_was_set_up_for_does_not_leave() -> None:
    """LibreOffice keeps the printer's name and its driver's settings (the office's printer
    on the network) in settings.xml."""
    setup = "Q0FOQVJZRFJJVkVSOlxcXFxvZmljaW5hXFxocA=="
    settings = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<office:document-settings xmlns:office="urn:'
        'oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:config="urn:oasis:names:tc:'
        'opendocument:xmlns:config:1.0"><office:settings><config:config-item-set config:name='
        '"ooo:configuration-settings"><config:config-item config:name="PrinterName" config:type'
        '="string">CANARYPRINTER</config:config-item><config:config-item config:name='
        f'"PrinterSetup" config:type="base64Binary">{setup}</config:config-item>'
        '<config:config-item config:name="PrintTables" config:type="boolean">true'
        "</config:config-item></config:config-item-set></office:settings>"
        "</office:document-settings>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", "<office:document-content/>")
        z.writestr("settings.xml", settings)
    cleaned = clean("application/octet-stream", [out.getvalue()])
    assert cleaned.data is not None
    parts = parts_of(bytes(cleaned.data))
    xml(parts["settings.xml"])
    assert b"CANARYPRINTER" not in parts["settings.xml"]
    assert setup.encode() not in parts["settings.xml"]
    assert b'config:name="PrintTables" config:type="boolean">true<' in parts["settings.xml"]
    assert "printer" in cleaned.removed

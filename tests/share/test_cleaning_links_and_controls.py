"""What Office documents still said about the computer they were made on: the folders of the
files they link to (an Excel workbook's external links, Word's linked pictures and template,
PowerPoint's linked media, C:\\Users\\<name>\\... or \\\\server\\share\\...), the state of
their ActiveX form controls, and an OpenDocument's object previews. Links to files keep only
the file's name, web links stay (they are content), form controls refuse the document, and
previews go with their manifest entries and references."""

from __future__ import annotations

import io
import posixpath
import zipfile

import pytest

from reporter.errors import CannotClean
from reporter.share.cleaning import clean, removed_labels
from tests.share.ooxml import HEAD, PKG, R, assert_opens, package, parts_of, rels, xml

XL = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
TYPES = (
    HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Default Extension="bin" ContentType="application/vnd.ms-office.activeX"/></Types>'
)
WEB = "https://example.org/informe?id=7&amp;p=2"


def make_linked_workbook(path: str) -> bytes:
    """A workbook whose formulas read another workbook, by its path on this computer."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    return package(
        {
            "[Content_Types].xml": TYPES,
            "_rels/.rels": rels(("officeDocument", "xl/workbook.xml", False)),
            "xl/workbook.xml": f'<workbook xmlns="{main}" xmlns:r="{R}"><externalReferences>'
            '<externalReference r:id="rId1"/></externalReferences></workbook>',
            "xl/_rels/workbook.xml.rels": rels(
                ("externalLink", "externalLinks/externalLink1.xml", False)
            ),
            "xl/externalLinks/externalLink1.xml": f'<externalLink xmlns="{main}" '
            f'xmlns:r="{R}"><externalBook r:id="rId1"><sheetNames><sheetName val="Casos"/>'
            "</sheetNames></externalBook></externalLink>",
            "xl/externalLinks/_rels/externalLink1.xml.rels": rels(
                ("externalLinkPath", path, True), ("hyperlink", WEB, True)
            ),
        }
    )


def _every_byte(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return b"".join(z.read(name) for name in z.namelist())


@pytest.mark.parametrize(
    "path",
    [
        "file:///C:\\Users\\CANARYUSER\\Documents\\Casos\\registro.xlsx",
        "file:///C:/Users/CANARYUSER/Documents/Casos/registro.xlsx",
        "\\\\CANARYSERVER\\compartido\\CANARYUSER\\registro.xlsx",
        "C:\\Users\\CANARYUSER\\Documents\\registro.xlsx",
        "../../CANARYUSER/Documents/registro.xlsx",
        "file:///home/CANARYUSER/casos/registro.xlsx",
        "file:///C:%5CUsers%5CCANARYUSER%5Cregistro.xlsx",  # backslashes, percent-encoded
        "C:&#92;Users&#92;CANARYUSER&#92;registro.xlsx",  # backslashes, as character references
        "smb://CANARYSERVER/compartido/registro.xlsx",
    ],
)
def test_an_excel_external_link_keeps_only_the_linked_files_name(path: str) -> None:
    original = make_linked_workbook(path)
    assert b"CANARY" in _every_byte(original)
    cleaned = clean("application/octet-stream", [original])
    assert cleaned.data is not None
    parts = parts_of(bytes(cleaned.data))
    assert_opens(parts)
    assert b"CANARY" not in _every_byte(bytes(cleaned.data))
    rels = xml(parts["xl/externalLinks/_rels/externalLink1.xml.rels"])
    assert [(r.get("Id"), r.get("Target"), r.get("TargetMode")) for r in rels] == [
        ("rId1", "registro.xlsx", "External"),
        ("rId2", WEB.replace("&amp;", "&"), "External"),  # a web link is content: it stays
    ]
    assert b"sheetName" in parts["xl/externalLinks/externalLink1.xml"]  # the link itself stays
    assert "file_links" in cleaned.removed
    assert any("vinculados" in label for label in removed_labels(cleaned.removed, "es"))
    assert any("linked" in label for label in removed_labels(cleaned.removed, "en"))


def test_a_workbook_linking_only_to_the_web_keeps_its_links_and_reports_nothing() -> None:
    original = make_linked_workbook("http://example.org/datos/registro.xlsx")
    cleaned = clean("application/octet-stream", [original])
    assert cleaned.data is not None
    rels = xml(parts_of(bytes(cleaned.data))["xl/externalLinks/_rels/externalLink1.xml.rels"])
    assert [r.get("Target") for r in rels] == [
        "http://example.org/datos/registro.xlsx",
        WEB.replace("&amp;", "&"),
    ]
    assert "file_links" not in cleaned.removed


def test_words_linked_picture_and_template_and_powerpoints_linked_video_lose_their_folders() -> (
    None
):
    user = "C:\\Users\\CANARYUSER"
    docx = package(
        {
            "[Content_Types].xml": TYPES,
            "_rels/.rels": rels(("officeDocument", "word/document.xml", False)),
            "word/document.xml": '<w:document xmlns:w="http://schemas.openxmlformats.org/'
            'wordprocessingml/2006/main"/>',
            "word/settings.xml": '<w:settings xmlns:w="http://schemas.openxmlformats.org/'
            f'wordprocessingml/2006/main" xmlns:r="{R}"><w:attachedTemplate r:id="rId1"/>'
            "</w:settings>",
            "word/_rels/document.xml.rels": rels(
                ("settings", "settings.xml", False),
                ("image", f"file:///{user}\\Pictures\\marcha.jpg", True),
                ("hyperlink", WEB, True),
            ),
            "word/_rels/settings.xml.rels": rels(
                ("attachedTemplate", f"file:///{user}\\AppData\\Roaming\\Normal.dotm", True)
            ),
        }
    )
    pptx = package(
        {
            "[Content_Types].xml": TYPES,
            "_rels/.rels": rels(("officeDocument", "ppt/presentation.xml", False)),
            "ppt/presentation.xml": f'<p:presentation xmlns:p="{R}"/>',
            "ppt/slides/slide1.xml": f'<p:sld xmlns:p="{R}"/>',
            "ppt/slides/_rels/slide1.xml.rels": rels(
                ("video", "file:///\\\\CANARYSERVER\\videos\\desalojo.mp4", True),
                ("hyperlink", "mailto:prensa@example.org", True),
            ),
        }
    )
    expected = {
        "word/_rels/document.xml.rels": ["settings.xml", "marcha.jpg", WEB.replace("&amp;", "&")],
        "word/_rels/settings.xml.rels": ["Normal.dotm"],
        "ppt/slides/_rels/slide1.xml.rels": ["desalojo.mp4", "mailto:prensa@example.org"],
    }
    for original in (docx, pptx):
        cleaned = clean("application/octet-stream", [original])
        assert cleaned.data is not None
        parts = parts_of(bytes(cleaned.data))
        assert_opens(parts)
        assert b"CANARY" not in _every_byte(bytes(cleaned.data))
        for name, targets in expected.items():
            if name in parts:
                assert [r.get("Target") for r in xml(parts[name])] == targets, name
        assert "file_links" in cleaned.removed


@pytest.mark.parametrize(
    "body",
    [
        f'<!DOCTYPE r [<!ENTITY p "C:\\Users\\CANARYUSER">]><Relationships xmlns="{PKG}">'
        f'<Relationship Id="rId1" Type="{R}/externalLinkPath" Target="&p;\\registro.xlsx" '
        'TargetMode="External"/></Relationships>',
        f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{R}/externalLinkPath" '
        'Target="C:\\Users\\CANARYUSER\\registro.xlsx" TargetMode="External"/>',  # cut short
    ],
)
def test_links_that_cannot_be_read_safely_refuse_the_workbook_unchanged(body: str) -> None:
    parts = parts_of(make_linked_workbook("registro.xlsx"))
    parts["xl/externalLinks/_rels/externalLink1.xml.rels"] = body.encode()
    original = package(dict(parts.items()))
    kept = bytes(original)
    with pytest.raises(CannotClean) as caught:
        clean("application/octet-stream", [original])
    assert caught.value.params["kind"] == "Office"
    assert "No se compartió nada" in caught.value.message("es")
    assert original == kept


@pytest.mark.parametrize("folder", ["word", "xl", "ppt"])
def test_a_document_with_activex_form_controls_is_refused(folder: str) -> None:
    """A control's typed text and ticks live in a binary Testigo cannot read."""
    original = package(
        {
            "[Content_Types].xml": TYPES,
            "_rels/.rels": rels(("officeDocument", f"{folder}/main.xml", False)),
            f"{folder}/main.xml": "<main/>",
            f"{folder}/activeX/activeX1.xml": '<ax:ocx xmlns:ax="http://schemas.microsoft.com/'
            f'office/2006/activeX" ax:classid="{{8BD21D10-EC42-11CE-9E0D-00AA006002F3}}" '
            f'ax:persistence="persistStorage" r:id="rId1" xmlns:r="{R}"/>',
            f"{folder}/activeX/_rels/activeX1.xml.rels": rels(
                ("activeXControlBinary", "activeX1.bin", False)
            ),
            f"{folder}/activeX/activeX1.bin": b"\xd0\xcf\x11\xe0CANARY typed by the witness",
        }
    )
    with pytest.raises(CannotClean) as caught:
        clean("application/octet-stream", [original])
    assert "ActiveX" in caught.value.message("en")
    assert "controles de formulario" in caught.value.message("es")


ODF = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink"'
)
MANIFEST = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
SVM = b"VCLMTF\x01\x00" + bytes(40) + b"CANARYFONT CANARYPRINTER" + bytes(20)


def _manifest(*paths: tuple[str, str]) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest='
        f'"{MANIFEST}" manifest:version="1.3">'
        + "".join(
            f'<manifest:file-entry manifest:full-path="{p}" manifest:media-type="{t}"/>'
            for p, t in paths
        )
        + "</manifest:manifest>"
    )


def make_odt_with_chart() -> bytes:
    frame = (
        '<draw:frame draw:name="Gráfico 1"><draw:object xlink:href="./Object 1" '
        'xlink:type="simple"/><draw:image xlink:href="./ObjectReplacements/Object 1" '
        'xlink:type="simple"/></draw:frame>'
    )
    return package(
        {
            "mimetype": "application/vnd.oasis.opendocument.text",
            "content.xml": f"<office:document-content {ODF}><office:body><office:text>"
            f"<text:p>{frame}</text:p><text:p>{frame.replace('1', '2')}</text:p>"
            "</office:text></office:body></office:document-content>",
            "Object 1/content.xml": f"<office:document-content {ODF}/>",
            "Object 2/content.xml": f"<office:document-content {ODF}/>",
            "ObjectReplacements/Object 1": SVM,
            "ObjectReplacements/Object 2": SVM,
            "META-INF/manifest.xml": _manifest(
                ("/", "application/vnd.oasis.opendocument.text"),
                ("content.xml", "text/xml"),
                ("Object 1/content.xml", "text/xml"),
                ("Object 1/", "application/vnd.oasis.opendocument.chart"),
                ("Object 2/content.xml", "text/xml"),
                ("Object 2/", "application/vnd.oasis.opendocument.chart"),
                ("ObjectReplacements/Object 1", "application/x-openoffice-gdimetafile"),
                ("ObjectReplacements/Object 2", "application/x-openoffice-gdimetafile"),
            ),
        }
    )


def test_an_open_documents_object_previews_go_with_their_manifest_entries() -> None:
    """A chart's preview is a StarView metafile (fonts, printer) Testigo cannot read; the
    chart itself stays and LibreOffice draws it again from its own content."""
    cleaned = clean("application/octet-stream", [make_odt_with_chart()])
    assert cleaned.data is not None
    parts = parts_of(bytes(cleaned.data))
    assert not [name for name in parts if name.startswith("ObjectReplacements/")]
    assert b"CANARY" not in _every_byte(bytes(cleaned.data))
    for name in ("content.xml", "META-INF/manifest.xml"):
        xml(parts[name])
        assert b"ObjectReplacements" not in parts[name], name
    listed = [e.get(f"{{{MANIFEST}}}full-path") for e in xml(parts["META-INF/manifest.xml"])]
    for path in listed:  # every entry names a part or a folder that is there
        assert path == "/" or path in parts or any(n.startswith(path) for n in parts), path
    assert {posixpath.dirname(n) + "/" for n in parts if n.startswith("Object ")} <= set(listed)
    content = parts["content.xml"]
    assert content.count(b'<draw:object xlink:href="./Object 1"') == 1  # the chart stays
    assert b"draw:frame" in content
    assert "thumbnails" in cleaned.removed


def test_an_object_preview_still_named_where_it_cannot_be_removed_refuses_the_document() -> None:
    parts = parts_of(make_odt_with_chart())
    # written with a prefix of its own: the edit does not see it as a preview's frame image
    parts["content.xml"] = parts["content.xml"].replace(
        b"<draw:image ",
        b'<d:image xmlns:d="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" ',
        1,
    )
    with pytest.raises(CannotClean) as caught:
        clean("application/octet-stream", [package(dict(parts.items()))])
    assert "No se compartió nada" in caught.value.message("es")


def test_an_open_document_with_a_foreign_ole_object_is_refused() -> None:
    """An object from another program (``draw:object-ole``) is a compound file with its own
    summary (author, program) that Testigo cannot read, like Office's embeddings."""
    parts = parts_of(make_odt_with_chart())
    del parts["Object 2/content.xml"]
    parts["Object 2"] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64) + b"CANARYAUTHOR"
    with pytest.raises(CannotClean) as caught:
        clean("application/octet-stream", [package(dict(parts.items()))])
    assert "extráigalos" in caught.value.message("es")


def test_a_link_the_edit_cannot_see_refuses_the_workbook() -> None:
    """A relationship written with a namespace prefix still names the folder after the edit:
    the parsed result says so and the document is refused."""
    parts = parts_of(make_linked_workbook("registro.xlsx"))
    parts["xl/externalLinks/_rels/externalLink1.xml.rels"] = (
        f'<p:Relationships xmlns:p="{PKG}"><p:Relationship Id="rId1" Type="{R}/'
        'externalLinkPath" Target="C:\\Users\\CANARYUSER\\registro.xlsx" '
        'TargetMode="External"/></p:Relationships>'
    ).encode()
    with pytest.raises(CannotClean) as caught:
        clean("application/octet-stream", [package(dict(parts.items()))])
    assert "carpetas" in caught.value.message("es")


def _png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (2, 2)).save(out, "PNG")
    return out.getvalue()


def make_odt_with_links(*hrefs: str) -> bytes:
    images = "".join(
        f'<draw:frame><draw:image xlink:href="{h}" xlink:type="simple"/></draw:frame>'
        for h in hrefs
    )
    return package(
        {
            "mimetype": "application/vnd.oasis.opendocument.text",
            "content.xml": f"<office:document-content {ODF}><office:body><office:text>"
            f'<text:p>xlink:href="../CANARYTEXT/citado.png" {images}</text:p>'
            '<text:section text:name="S"><text:section-source xlink:href="file:///home/'
            'CANARYUSER/actas/acta.odt" xlink:type="simple"/></text:section>'
            "</office:text></office:body></office:document-content>",
            "Pictures/foto.png": _png(),
            "META-INF/manifest.xml": _manifest(
                ("/", "application/vnd.oasis.opendocument.text"),
                ("content.xml", "text/xml"),
            ),
        }
    )


def test_an_open_documents_links_to_files_keep_only_the_files_name() -> None:
    """LibreOffice links pictures and sections by their path (absolute, or relative with
    ``../`` out of the package): they stay links outside it, by the file's name only."""
    original = make_odt_with_links(
        "file:///C:/Users/CANARYUSER/Pictures/marcha.jpg",
        "../../../CANARYUSER/Pictures/desalojo.jpg",
        "/home/CANARYUSER/fotos/cartel.png",
        "Pictures/foto.png",  # a picture inside the package: as it was
        "https://example.org/mapa.png",
    )
    cleaned = clean("application/octet-stream", [original])
    assert cleaned.data is not None
    content = parts_of(bytes(cleaned.data))["content.xml"]
    hrefs = [
        e.get("{http://www.w3.org/1999/xlink}href")
        for e in xml(content).iter()
        if "{http://www.w3.org/1999/xlink}href" in e.attrib
    ]
    assert hrefs == [
        "../marcha.jpg",
        "../desalojo.jpg",
        "../cartel.png",
        "Pictures/foto.png",
        "https://example.org/mapa.png",
        "../acta.odt",
    ]
    assert b'xlink:href="../CANARYTEXT/citado.png"' in content  # the words stay as written
    assert content.count(b"CANARY") == 1
    assert "file_links" in cleaned.removed


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def test_a_mail_merge_letter_loses_its_data_sources_path_and_query() -> None:
    """Word keeps a mail merge's data source as a query and a connection string naming the
    file (C:\\Users\\<name>\\...): the merge settings go, the letter's words stay."""
    merge = (
        '<w:mailMerge><w:mainDocumentType w:val="formLetters"/><w:linkToQuery/>'
        '<w:dataType w:val="native"/><w:connectString w:val="Provider=Microsoft.ACE.OLEDB.'
        '12.0;User ID=CANARYADMIN;Data Source=C:\\Users\\CANARYUSER\\testigos.xlsx;"/>'
        '<w:query w:val="SELECT * FROM `C:\\Users\\CANARYUSER\\testigos.xlsx`.`Hoja1$`"/>'
        '<w:dataSource r:id="rId1"/><w:odso><w:udl w:val="Data Source=C:\\Users\\'
        'CANARYUSER\\testigos.xlsx"/><w:src r:id="rId2"/></w:odso></w:mailMerge>'
    )
    original = package(
        {
            "[Content_Types].xml": TYPES,
            "_rels/.rels": rels(("officeDocument", "word/document.xml", False)),
            "word/document.xml": f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>'
            "Estimada persona testigo</w:t></w:r></w:p></w:body></w:document>",
            "word/settings.xml": f'<w:settings xmlns:w="{W}" xmlns:r="{R}"><w:zoom '
            f'w:percent="100"/>{merge}<w:defaultTabStop w:val="708"/></w:settings>',
            "word/_rels/document.xml.rels": rels(("settings", "settings.xml", False)),
            "word/_rels/settings.xml.rels": rels(
                ("mailMergeSource", "file:///C:\\Users\\CANARYUSER\\testigos.xlsx", True),
                ("recipientData", "file:///C:\\Users\\CANARYUSER\\testigos.xlsx", True),
            ),
        }
    )
    cleaned = clean("application/octet-stream", [original])
    assert cleaned.data is not None
    parts = parts_of(bytes(cleaned.data))
    assert_opens(parts)
    assert b"CANARY" not in _every_byte(bytes(cleaned.data))
    settings = xml(parts["word/settings.xml"])
    assert [e.tag.rpartition("}")[2] for e in settings] == ["zoom", "defaultTabStop"]
    assert b"Estimada persona testigo" in parts["word/document.xml"]
    assert "file_links" in cleaned.removed


@pytest.mark.parametrize(
    ("name", "body"),
    [
        (
            "xl/connections.xml",
            f'<connections xmlns="{XL}"><connection id="1" name="casos" type="1" '
            'sourceFile="C:\\Users\\CANARYUSER\\casos.accdb"><dbPr connection="Provider='
            "Microsoft.ACE.OLEDB.12.0;Password=CANARYSECRET;Data Source=C:\\Users\\"
            'CANARYUSER\\casos.accdb" command="casos"/></connection></connections>',
        ),
        (
            "xl/externalLinks/externalLink1.xml",
            f'<externalLink xmlns="{XL}"><ddeLink ddeService="Excel" ddeTopic="C:\\Users\\'
            'CANARYUSER\\[registro.xls]Hoja1"/></externalLink>',
        ),
    ],
)
def test_a_workbook_reading_a_database_or_a_dde_link_is_refused(name: str, body: str) -> None:
    """A data connection names its file or server, often its account and at times its
    password; a DDE link its workbook's path: in markup of their own Testigo does not rewrite."""
    parts = parts_of(make_linked_workbook("registro.xlsx"))
    parts[name] = body.encode()
    with pytest.raises(CannotClean) as caught:
        clean("application/octet-stream", [package(dict(parts.items()))])
    assert "Data > Connections" in caught.value.message("en")
    assert "Datos > Conexiones" in caught.value.message("es")

"""Word's editing-session ids and a document server's custom XML, out of Office documents.

Word stamps every paragraph, run, row and section with the id of the editing session that
touched it (``w:rsidR``, ``w:rsidRPr``...) and lists them in ``settings.xml`` (``w:rsids``),
beside the document's own ids (``w14:docId``, ``w15:docId``): they link documents edited on
the same computer. They are cut from the markup text rather than by re-serialising a parsed
tree, which would rename prefixes and drop the namespace declarations ``mc:Ignorable``
needs; only start tags are edited (comments, CDATA and the document's words are not), and
the result is parsed again: a part that is not well-formed, or that still has an id, is
refused. ``customXml/`` parts (SharePoint and document-server fields: authors, server
paths) become an empty root of the same name, keeping every reference to them valid, and
a workbook loses the folder it was saved in (``x15ac:absPath``) and its cloud id, an
OpenDocument the printer it was set up for. PowerPoint's and Excel's ids do the same work as
Word's: ``p14:creationId`` on a slide and ``a16:creationId`` on every shape or picture go
with the extension element holding them, Excel's ``xr:uid`` (``xr3:uid``...) on sheets,
tables, filters and pivot caches as attributes.
A part with a DOCTYPE is refused before anything is parsed: no entity is ever expanded.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from xml.parsers import expat
from xml.sax.saxutils import quoteattr

from reporter.errors import CannotClean

_W = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",  # the strict flavour
)
_DOC_IDS = (
    "http://schemas.microsoft.com/office/word/2010/wordml docId",
    "http://schemas.microsoft.com/office/word/2012/wordml docId",
)
# Elements holding ids: the session list, a style's session, the document's own ids.
_ID_ELEMENTS = re.compile(
    rb"<w:rsids(?:\s[^<>]*)?/>|<w:rsids(?:\s[^<>]*)?>.*?</w:rsids\s*>"
    rb"|<w:rsid(?:\s[^<>]*)?/>|<w:rsid(?:\s[^<>]*)?>[^<]*</w:rsid\s*>"
    rb"|<w1[45]:docId(?:\s[^<>]*)?/>",
    re.S,
)
# Excel keeps the folder a workbook was saved in (C:\\Users\\<name>\\...) in an absPath
# wrapped in markup-compatibility blocks, and the cloud document's id in revisionPtr.
_WORKBOOK_ELEMENTS = re.compile(
    rb"<mc:AlternateContent(?:\s[^<>]*)?>\s*<mc:Choice(?:\s[^<>]*)?>\s*"
    rb"<x15ac:absPath(?:\s[^<>]*)?/>\s*</mc:Choice\s*>\s*</mc:AlternateContent\s*>"
    rb"|<x15ac:absPath(?:\s[^<>]*)?/>|<xr:revisionPtr(?:\s[^<>]*)?/>"
)
_WORKBOOK_IDS = (
    "http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac absPath",
    "http://schemas.microsoft.com/office/spreadsheetml/2014/revision revisionPtr",
)
# LibreOffice keeps the printer a document was set up for, and its driver's settings.
_PRINTER = re.compile(
    rb"(<config:config-item\s[^<>]*config:name=\"Printer(?:Name|Setup)\"[^<>]*>)[^<]+"
    rb"(</config:config-item\s*>)"
)
# Markup that is not a start tag is matched first so that it is passed over as it is.
_MARKUP = re.compile(
    rb"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|</[^>]*>"
    rb"|(<[A-Za-z_](?:[^\"'<>]|\"[^\"<]*\"|'[^'<]*')*>)",
    re.S,
)
_ID_ATTRIBUTE = re.compile(rb"\s+w:rsid[A-Za-z]*\s*=\s*(?:\"[^\"]*\"|'[^']*')")
_GUID = re.compile(r"^\{[0-9A-Fa-f]{8}(?:-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}\}$")
_XML_HEAD = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def _refuse(reason: str) -> CannotClean:
    return CannotClean(kind="Office", reason=reason)


class _Stop(Exception):
    """Ends a parse early: a DOCTYPE, or the root element was all that was wanted."""


def _parser(namespaces: bool) -> expat.XMLParserType:
    parser = expat.ParserCreate(namespace_separator=" " if namespaces else None)
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def doctype(*_: object) -> None:
        raise _Stop("doctype")

    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = doctype
    return parser


def xml_parser(namespaces: bool) -> expat.XMLParserType:
    """A parser that refuses a DOCTYPE (with its handlers set, it is also a check)."""
    return _parser(namespaces)


def check_xml(body: bytes, parser: expat.XMLParserType | None = None) -> None:
    """Refuses a part that is not well-formed or declares a DOCTYPE."""
    _parse(_parser(namespaces=False) if parser is None else parser, body)


def _parse(parser: expat.XMLParserType, body: bytes) -> None:
    try:
        parser.Parse(body, True)
    except expat.ExpatError:
        raise _refuse("it is damaged") from None
    except _Stop as stop:
        if stop.args == ("doctype",):
            raise _refuse("a part of it declares entities, which Testigo does not read") from None
        raise


def _word_id(name: str, attributes: dict[str, str]) -> bool:
    uri, _, local = name.rpartition(" ")
    if uri in _W and local in ("rsids", "rsid") or name in _DOC_IDS:
        return True
    return any(
        k.rpartition(" ")[0] in _W and k.rpartition(" ")[2].startswith("rsid") for k in attributes
    )


def _workbook_id(name: str, attributes: dict[str, str]) -> bool:
    return name in _WORKBOOK_IDS


def _left(body: bytes, test: Callable[[str, dict[str, str]], bool]) -> bool:
    """Whether the part, parsed, still has an element or attribute ``test`` finds."""
    found = []
    parser = _parser(namespaces=True)

    def start(name: str, attributes: dict[str, str]) -> None:
        if test(name, attributes):
            found.append(name)

    parser.StartElementHandler = start
    _parse(parser, body)
    return bool(found)


def _start_tag(found: re.Match[bytes]) -> bytes:
    tag = found[1]
    return found[0] if tag is None else _ID_ATTRIBUTE.sub(b"", tag)


def _cut(
    body: bytes,
    removed: set[str],
    markers: tuple[bytes, ...],
    edit: Callable[[bytes], bytes],
    left: Callable[[str, dict[str, str]], bool],
    refusal: str,
    label: str,
) -> bytes:
    """Edit the markup text, then parse it again: a part that still has an id is refused."""
    _parse(_parser(namespaces=False), body)  # refuses a DOCTYPE before any edit
    if not any(marker in body for marker in markers):
        return body
    out = edit(body)
    if _left(out, left):
        raise _refuse(refusal)
    if out != body:
        removed.add(label)
    return out


def strip_revision_ids(body: bytes, removed: set[str]) -> bytes:
    """A WordprocessingML part without session ids and document ids."""
    return _cut(
        body,
        removed,
        (b"rsid", b"docId"),
        lambda text: _MARKUP.sub(_start_tag, _ID_ELEMENTS.sub(b"", text)),
        _word_id,
        "it has editing session ids Testigo cannot remove",
        "revision_ids",
    )


def strip_workbook_path(body: bytes, removed: set[str]) -> bytes:
    """A workbook without the folder it was saved in and its cloud document's id."""
    return _cut(
        body,
        removed,
        (b"absPath", b"revisionPtr"),
        lambda text: _WORKBOOK_ELEMENTS.sub(b"", text),
        _workbook_id,
        "it names the folder it was saved in, which Testigo cannot remove",
        "file_path",
    )


def strip_printer(body: bytes, removed: set[str]) -> bytes:
    """OpenDocument settings without the printer's name and its driver's settings."""
    _parse(_parser(namespaces=False), body)  # refuses a DOCTYPE before any edit
    out = _PRINTER.sub(rb"\1\2", body)
    if out != body:
        removed.add("printer")
    return out


def empty_custom_xml(body: bytes, removed: set[str]) -> bytes:
    """A custom XML part's root element alone: its name, namespaces and item id."""
    parser = _parser(namespaces=False)
    root: list[tuple[str, dict[str, str]]] = []

    def start(name: str, attributes: dict[str, str]) -> None:
        root.append((name, attributes))
        raise _Stop("root")

    parser.StartElementHandler = start
    with contextlib.suppress(_Stop):  # the root was found
        _parse(parser, body)
    if not root:
        raise _refuse("it is damaged")
    name, attributes = root[0]
    kept = [
        f" {key}={quoteattr(value)}"
        for key, value in attributes.items()
        if key == "xmlns"
        or key.startswith("xmlns:")
        or key.rpartition(":")[2] == "itemID"
        and _GUID.match(value)
    ]
    out = _XML_HEAD + f"<{name}{''.join(kept)}/>".encode()
    if out != body:
        removed.add("custom_xml")
    return out


# A slide's, shape's or picture's creation id, alone in the extension that holds it.
_CREATION_EXTENSION = re.compile(
    rb"<([A-Za-z_][\w.-]*):ext(?:\s[^<>]*)?>\s*<[A-Za-z_][\w.-]*:creationId(?:\s[^<>]*)?/>"
    rb"\s*</\1:ext\s*>"
)
_CREATION_IDS = (
    "http://schemas.microsoft.com/office/powerpoint/2010/main creationId",
    "http://schemas.microsoft.com/office/drawing/2014/main creationId",
)
_REVISION = re.compile(r"^http://schemas\.microsoft\.com/office/spreadsheetml/20\d\d/revision\d*$")
_DECLARATION = re.compile(rb"xmlns:([A-Za-z_][\w.-]*)\s*=\s*[\"']([^\"']*)[\"']")


def _session_id(name: str, attributes: dict[str, str]) -> bool:
    if name in _CREATION_IDS:
        return True
    for key in attributes:
        uri, _, local = key.rpartition(" ")
        if local.startswith("uid") and _REVISION.match(uri):
            return True
    return False


def strip_session_ids(body: bytes, removed: set[str]) -> bytes:
    """A PowerPoint, Excel or drawing part without creation ids and Excel's ``xr:uid``."""
    return _cut(
        body,
        removed,
        (b"creationId", b"uid"),
        _without_session_ids,
        _session_id,
        "it has editing session ids Testigo cannot remove",
        "revision_ids",
    )


def _without_session_ids(body: bytes) -> bytes:
    out = _CREATION_EXTENSION.sub(b"", body)
    prefixes = [
        re.escape(prefix)
        for prefix, uri in _DECLARATION.findall(out)
        if _REVISION.match(uri.decode("utf-8", "replace"))
    ]
    if not prefixes:
        return out
    attribute = rb"\s+(?:" + b"|".join(prefixes) + rb"):uid\w*\s*=\s*(?:\"[^\"]*\"|'[^']*')"
    # Only the start tags that hold one are edited: the others are passed over by the
    # regex engine itself, not one call each (a sheet has millions of tags).
    inner = rb"(?:[^\"'<>]|\"[^\"<]*\"|'[^'<]*')*"
    tagged = re.compile(
        rb"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>"
        rb"|(<[A-Za-z_]" + inner + attribute + inner + rb">)",
        re.S,
    )
    uid = re.compile(attribute)

    def start_tag(found: re.Match[bytes]) -> bytes:
        return found[0] if found[1] is None else uid.sub(b"", found[1])

    return tagged.sub(start_tag, out)

"""Links to files on the computer a document was made on, and OpenDocument object previews.

An External relationship (``TargetMode="External"``) points outside the package: an Excel
workbook's external links (``xl/externalLinks/_rels``), Word's linked pictures and the
template it was made from, PowerPoint's linked video and sound, OLE links. When its target
is a path (``C:\\Users\\<name>\\...``, ``\\\\server\\share\\...``, a relative path) or a
``file:`` or file-share URL, it names the account and the folders: only the file's name
stays (percent-encoding and character references decoded first, so no folder survives in
another spelling). Web and mail links are content and stay as written. Each relationship is
read by the XML parser, not guessed from its bytes; a relationships part with a DOCTYPE, not
well-formed, or still naming a folder after the edit refuses the document.

An OpenDocument keeps a preview of each embedded object (a chart, a formula) in
``ObjectReplacements/``, in StarView metafile (SVM) format, WMF or PNG: a drawing by the
program, with its fonts and printer, that Testigo cannot read. Previews are optional, the
object itself stays and LibreOffice draws it again from its own content, so they go, with
their manifest entries and the ``draw:image`` that named them; a reference still left
refuses the document.

An OpenDocument links pictures, sections and objects by ``xlink:href``: a path out of the
package (``../``, absolute, a drive, a share) or a ``file:`` URL becomes ``../`` and the
file's name, still a link outside the package; a part inside it (``Pictures/...``) and web
links stay. Only start tags are edited, never the document's words, and the part is parsed
again: a link left with its folders refuses the document.

A Word mail merge keeps its data source's path, query and connection string (with the
account's name, at times a user id) in ``w:mailMerge``: the merge settings go, the letter
stays. An Excel data connection (``xl/connections.xml``) or DDE link names its file or server
and at times a password, in markup Testigo does not rewrite: such a workbook is refused.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import unquote
from xml.sax.saxutils import quoteattr

from reporter.errors import CannotClean
from reporter.share.cleaning.office_ids import check_xml, xml_parser

_RELATIONSHIP = re.compile(rb"<Relationship\s[^<>]*?(?:/>|>\s*</Relationship\s*>)")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+):")  # two letters at least: C: is a drive
_FILE_SCHEMES = {"file", "smb", "cifs", "nfs", "afp"}
_SEPARATORS = re.compile(r"[/\\:]")
_ATTRIBUTE_ESCAPES = {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}
_PREVIEW_IMAGE = re.compile(
    rb"<draw:image\s[^<>]*?xlink:href=\"[^\"]*ObjectReplacements/[^\"]*\"[^<>]*?"
    rb"(?:/>|>(?:(?!<draw:image[\s/>]).)*?</draw:image\s*>)",
    re.S,
)
_PREVIEW_ENTRY = re.compile(
    rb"<manifest:file-entry\s[^<>]*manifest:full-path=\"(?:[^\"]*/)?ObjectReplacements/"
    rb"[^\"]*\"[^<>]*?(?:/>|>\s*</manifest:file-entry\s*>)"
)


def _refuse(reason: str) -> CannotClean:
    return CannotClean(kind="Office", reason=reason)


def _local(target: str) -> bool:
    """A path or a URL of a file on a disk or a share (not a web or mail address)."""
    found = _SCHEME.match(target)
    return found is None or found[1].lower() in _FILE_SCHEMES


def file_name(target: str) -> str:
    """The last segment of a path, decoded until no encoded separator can hide in it."""
    for _ in range(8):
        decoded = unquote(target)
        if decoded == target:
            break
        target = decoded
    return _SEPARATORS.split(target)[-1]


def _attributes(tag: bytes) -> dict[str, str]:
    parser = xml_parser(namespaces=False)
    found: dict[str, str] = {}
    parser.StartElementHandler = lambda _, attributes: found.update(attributes)
    if not tag.endswith(b"/>"):  # <Relationship ...></Relationship>: the start tag alone
        tag = re.sub(rb">\s*</Relationship\s*>$", b"/>", tag)
    check_xml(tag, parser)
    return found


def _named_by_folder(attributes: dict[str, str]) -> bool:
    target = attributes.get("Target", "")
    external = attributes.get("TargetMode", "").lower() == "external"
    return external and _local(target) and file_name(target) != target


def neutral_links(body: bytes, removed: set[str]) -> bytes:
    """A relationships part whose links to local files name the file only."""
    check_xml(body)  # a DOCTYPE or a part that does not parse refuses before any edit

    def neutral(found: re.Match[bytes]) -> bytes:
        attributes = _attributes(found[0])
        if not _named_by_folder(attributes):
            return found[0]
        attributes["Target"] = file_name(attributes["Target"])
        pairs = "".join(
            f" {key}={quoteattr(value, _ATTRIBUTE_ESCAPES)}" for key, value in attributes.items()
        )
        return f"<Relationship{pairs}/>".encode()

    out = _RELATIONSHIP.sub(neutral, body) if b"xternal" in body else body
    return _checked(
        body,
        out,
        removed,
        lambda name, attributes: (
            name.rpartition(" ")[2] == "Relationship" and _named_by_folder(attributes)
        ),
    )


def _checked(
    body: bytes, out: bytes, removed: set[str], still_names: Callable[[str, dict[str, str]], bool]
) -> bytes:
    """``out`` parsed again: refused if an element still names a folder, else kept."""
    left: list[bool] = []
    parser = xml_parser(namespaces=True)

    def start(name: str, attributes: dict[str, str]) -> None:
        if still_names(name, attributes):
            left.append(True)

    parser.StartElementHandler = start
    check_xml(out, parser)
    if left:
        raise _refuse("it links to files by their folders in a way Testigo cannot remove")
    if out != body:
        removed.add("file_links")
    return out


_INNER = rb"(?:[^\"'<>]|\"[^\"<]*\"|'[^'<]*')*"
_HREF = rb"\sxlink:href\s*=\s*(?:\"[^\"]*\"|'[^']*')"
_LINKING_TAG = re.compile(
    rb"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|(<[A-Za-z_]" + _INNER + _HREF + _INNER + rb">)",
    re.S,
)
_HREF_VALUE = re.compile(rb"(\sxlink:href\s*=\s*)(\"[^\"]*\"|'[^']*')")
_XLINK_HREF = "http://www.w3.org/1999/xlink href"


def _outside(href: str) -> bool:
    """A link to a file outside the package, by a path or a ``file:`` URL."""
    if _SCHEME.match(href):
        return _local(href)
    return href.startswith(("../", "..\\", "/", "\\")) or re.match(r"^[A-Za-z]:", href) is not None


def _odf_neutral(href: str) -> str:
    return "../" + file_name(href) if _outside(href) else href


def _value(quoted: bytes) -> str:
    parser = xml_parser(namespaces=False)
    found: dict[str, str] = {}
    parser.StartElementHandler = lambda _, attributes: found.update(attributes)
    check_xml(b"<a v=" + quoted + b"/>", parser)
    return found["v"]


def neutral_odf_links(body: bytes, removed: set[str]) -> bytes:
    """An OpenDocument part whose links to files outside it name the file only."""
    check_xml(body)  # refuses a DOCTYPE before any edit
    if b"href" not in body:
        return body

    def href(found: re.Match[bytes]) -> bytes:
        value = _value(found[2])
        neutral = _odf_neutral(value)
        if neutral == value:
            return found[0]
        return found[1] + quoteattr(neutral, _ATTRIBUTE_ESCAPES).encode()

    def start_tag(found: re.Match[bytes]) -> bytes:
        return found[0] if found[1] is None else _HREF_VALUE.sub(href, found[1])

    out = _LINKING_TAG.sub(start_tag, body) if b"xlink:href" in body else body

    def still_names(_: str, attributes: dict[str, str]) -> bool:
        value = attributes.get(_XLINK_HREF)
        return value is not None and _odf_neutral(value) != value

    return _checked(body, out, removed, still_names)


def is_preview(name: str) -> bool:
    """An OpenDocument object's preview picture (``ObjectReplacements/Object 1``)."""
    return name.startswith("ObjectReplacements/") or "/ObjectReplacements/" in name


def _refuse_left_previews(body: bytes) -> None:
    parser = xml_parser(namespaces=True)

    def start(_: str, attributes: dict[str, str]) -> None:
        if any("ObjectReplacements/" in value for value in attributes.values()):
            raise _refuse("it refers to an object's preview in a way Testigo cannot remove")

    parser.StartElementHandler = start
    check_xml(body, parser)


def unlink_previews(body: bytes, manifest: bool) -> bytes:
    """An OpenDocument part without the images (or, in the manifest, the entries) that
    named the dropped previews."""
    check_xml(body)
    if b"ObjectReplacements/" not in body:
        return body
    out = (_PREVIEW_ENTRY if manifest else _PREVIEW_IMAGE).sub(b"", body)
    _refuse_left_previews(out)
    return out


_W = {
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",  # the strict flavour
}
_MAIL_MERGE = re.compile(
    rb"<w:mailMerge(?:\s[^<>]*)?/>|<w:mailMerge(?:\s[^<>]*)?>.*?</w:mailMerge\s*>", re.S
)


def strip_mail_merge(body: bytes, removed: set[str]) -> bytes:
    """Word's settings without a mail merge's data source, query and connection string."""
    check_xml(body)  # refuses a DOCTYPE before any edit
    if b"mailMerge" not in body:
        return body
    out = _MAIL_MERGE.sub(b"", body)
    parser = xml_parser(namespaces=True)

    def start(name: str, _: dict[str, str]) -> None:
        uri, _space, local = name.rpartition(" ")
        if uri in _W and local == "mailMerge":
            raise _refuse("it links to files by their folders in a way Testigo cannot remove")

    parser.StartElementHandler = start
    check_xml(out, parser)
    if out != body:
        removed.add("file_links")
    return out


def refuse_data_links(names: list[str], name: str, body: bytes) -> None:
    """Refuses a workbook with data connections, or an external link that is a DDE link."""
    if (
        "xl/connections.xml" in names
        or name.startswith("xl/externalLinks/")
        and (b"ddeLink" in body)
    ):
        raise _refuse(
            "it reads data from other files or databases (connections, DDE links) whose paths,"
            " and at times passwords, Testigo cannot clean; remove them (Data > Connections,"
            " Edit Links) and attach it again"
        )

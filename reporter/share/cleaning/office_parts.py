"""Office parts that leave with nothing worth keeping, and documents that do not leave.

A printer's settings part (``printerSettings*.bin`` under ``word/``, ``xl/`` or ``ppt/``)
is the driver's own data: the printer's name (often the office's, on its network) and its
setup. It is dropped together with everything that names it, so the package stays whole:
its relationships, its content-type override and the ``r:id`` a sheet's ``pageSetup`` or a
Word section's ``printerSettings`` element gave it (an element that was only that reference
goes with it). Every edited part is parsed again; a reference left behind refuses the
document. Macros (``vbaProject.bin``, ``vbaData.xml``, a macro-enabled content type, an
OpenDocument's ``Basic/`` modules or ``Scripts/``) carry their author's names and paths and
can run code: such a document is refused, saying how to save it without them. So is one
with ActiveX form controls (``activeX/`` under ``word/``, ``xl/`` or ``ppt/``): their state
(the text typed in, the boxes ticked, at times the author) is a binary Testigo cannot read.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable

from reporter.errors import CannotClean
from reporter.share.cleaning.office_ids import check_xml, xml_parser

_PRINTER_PART = re.compile(r"^(word|xl|ppt)/printerSettings/[^/]+$")
_MACRO_PART = re.compile(r"(^|/)(vbaProject\.bin|vbaProjectSignature\w*\.bin|vbaData\.xml)$", re.I)
_MACRO_TYPE = re.compile(rb"macroEnabled|vnd\.ms-office\.vbaProject", re.I)
# An OpenDocument's Basic modules (beside their library's index) and its other scripts.
_ODF_MACRO = re.compile(r"^(Basic/[^/]+/(?!script-lb\.xml$|dialog-lb\.xml$)[^/]+|Scripts/.+)$")
_CONTROL_PART = re.compile(r"^(word|xl|ppt)/activeX/", re.I)
_RELATIONSHIP = re.compile(rb"<Relationship\s[^<>]*?(?:/>|>\s*</Relationship\s*>)")
_TYPE = re.compile(rb"<(?:Override|Default)\s[^<>]*?(?:/>|>\s*</(?:Override|Default)\s*>)")
_R = (
    b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    b"http://purl.oclc.org/ooxml/officeDocument/relationships",  # the strict flavour
)
_R_PREFIX = re.compile(rb"xmlns:([A-Za-z_][\w.-]*)\s*=\s*[\"']([^\"']*)[\"']")


def _refuse(reason: str) -> CannotClean:
    return CannotClean(kind="Office", reason=reason)


def _attribute(tag: bytes, name: bytes) -> str | None:
    found = re.search(rb"\s" + re.escape(name) + rb"\s*=\s*(?:\"([^\"]*)\"|'([^']*)')", tag)
    if found is None:
        return None
    return (found[1] if found[1] is not None else found[2]).decode("utf-8", "replace")


def refuse_macros(names: Iterable[str], content_types: bytes) -> None:
    """Refuses a document with macros (parts of a VBA project or a macro-enabled type, an
    OpenDocument's Basic modules or scripts) or with ActiveX controls."""
    names = list(names)
    if any(_MACRO_PART.search(name) for name in names) or _MACRO_TYPE.search(content_types):
        raise _refuse(
            "it contains macros, which can carry the author's names and paths and run code;"
            " save it without macros (as .docx, .xlsx or .pptx) and attach it again"
        )
    if any(_CONTROL_PART.match(name) for name in names):
        raise _refuse(
            "it contains form controls (ActiveX) whose contents Testigo cannot clean;"
            " delete them or attach a PDF copy instead"
        )
    if any(_ODF_MACRO.match(name) for name in names):
        raise _refuse(
            "it contains macros, which can carry the author's names and paths and run code;"
            " delete them (Tools > Macros) and attach it again"
        )


def printer_parts(names: Iterable[str]) -> set[str]:
    return {name for name in names if _PRINTER_PART.match(name)}


def _served(rels_name: str) -> str:
    """The part a relationships file serves: ``x/_rels/y.xml.rels`` serves ``x/y.xml``."""
    folder, file = posixpath.split(rels_name)
    return posixpath.join(posixpath.dirname(folder), file.removesuffix(".rels"))


def _target(rels_name: str, target: str) -> str:
    if target.startswith("/"):
        return posixpath.normpath(target[1:])
    base = posixpath.dirname(_served(rels_name))
    return posixpath.normpath(posixpath.join(base, target))


def unlink_relationships(name: str, body: bytes, dropped: set[str]) -> tuple[bytes, set[str]]:
    """The relationships without those pointing at a dropped part, and the ids they had."""
    check_xml(body)
    ids: set[str] = set()

    def keep(found: re.Match[bytes]) -> bytes:
        tag = found[0]
        target = _attribute(tag, b"Target")
        if _attribute(tag, b"TargetMode") == "External" or target is None:
            return tag
        if _target(name, target) not in dropped:
            return tag
        ids.add(_attribute(tag, b"Id") or "")
        return b""

    out = _RELATIONSHIP.sub(keep, body)
    check_xml(out)
    return out, ids


def unlink_content_types(body: bytes, dropped: set[str], names: set[str]) -> bytes:
    """``[Content_Types].xml`` without the overrides of dropped parts, nor a printer's
    default type for an extension no part that stays has."""
    check_xml(body)
    left = {posixpath.splitext(name)[1].lstrip(".").lower() for name in names - dropped}

    def keep(found: re.Match[bytes]) -> bytes:
        tag = found[0]
        if tag.startswith(b"<Override"):
            part = _attribute(tag, b"PartName") or ""
            return b"" if posixpath.normpath(part.lstrip("/")) in dropped else tag
        extension = (_attribute(tag, b"Extension") or "").lower()
        printer = (_attribute(tag, b"ContentType") or "").endswith(".printerSettings")
        return b"" if printer and extension not in left else tag

    out = _TYPE.sub(keep, body)
    check_xml(out)
    return out


def unlink_part(body: bytes, ids: set[str]) -> bytes:
    """A part without the ``r:id`` references to relationships that were removed."""
    check_xml(body)
    prefixes = [re.escape(p) for p, uri in _R_PREFIX.findall(body) if uri in _R]
    wanted = b"|".join(re.escape(i.encode()) for i in sorted(ids) if i)
    if not prefixes or not wanted:
        return body
    reference = rb"(?:" + b"|".join(prefixes) + rb"):id\s*=\s*(?:\"(?:" + wanted + rb")\"|'(?:"
    reference += wanted + rb")')"
    # An element that was only the reference (Word's <w:printerSettings r:id=".."/>) goes.
    out = re.sub(rb"<[A-Za-z_][\w.-]*:?[\w.-]*\s+" + reference + rb"\s*/>", b"", body)
    out = re.sub(rb"\s+" + reference, b"", out)
    _refuse_left(out, ids)
    return out


def _refuse_left(body: bytes, ids: set[str]) -> None:
    parser = xml_parser(namespaces=True)
    uris = {uri.decode() for uri in _R}

    def start(_: str, attributes: dict[str, str]) -> None:
        for key, value in attributes.items():
            if key.rpartition(" ")[0] in uris and value in ids:
                raise _refuse("it names its printer in a way Testigo cannot remove")

    parser.StartElementHandler = start
    check_xml(body, parser)


def prepare(
    names: list[str], read: Callable[[str], bytes]
) -> tuple[set[str], dict[str, bytes], dict[str, set[str]]]:
    """Refuses macros, then finds the printer parts to drop: the edited relationships and
    content types (read here once, by ``read``) and the ids each part must lose."""
    present = set(names)
    types = read("[Content_Types].xml") if "[Content_Types].xml" in present else b""
    refuse_macros(names, types)
    dropped = printer_parts(names)
    if not dropped:
        return dropped, {}, {}
    edited: dict[str, bytes] = {}
    if types:
        edited["[Content_Types].xml"] = unlink_content_types(types, dropped, present)
    unlinked: dict[str, set[str]] = {}
    for name in names:
        if name.endswith(".rels"):
            edited[name], ids = unlink_relationships(name, read(name), dropped)
            if ids:
                unlinked[_served(name)] = ids
    return dropped, edited, unlinked

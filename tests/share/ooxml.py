"""Minimal Office Open XML packages for the cleaning tests, and the checks that one still opens.

Built by hand, part by part, so each test shows exactly what a document carries; the checks
are what a reader needs: every part parses, every relationship and override names a part.
"""

from __future__ import annotations

import io
import posixpath
import xml.etree.ElementTree as ET
import zipfile

PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def rels(*links: tuple[str, str] | tuple[str, str, bool]) -> str:
    """A relationships part: (type, target) or (type, target, external)."""
    return (
        HEAD
        + f'<Relationships xmlns="{PKG}">'
        + "".join(
            f'<Relationship Id="rId{i}" Type="{R}/{link[0]}" Target="{link[1]}"'
            + (' TargetMode="External"' if len(link) > 2 and link[2] else "")
            + "/>"
            for i, link in enumerate(links, 1)
        )
        + "</Relationships>"
    )


def package(parts: dict[str, str | bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, body in parts.items():
            z.writestr(name, body)
    return out.getvalue()


def xml(body: bytes) -> ET.Element:
    return ET.fromstring(body)  # noqa: S314 - the tests' own fixtures, cleaned


def parts_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.testzip() is None
        return {name: z.read(name) for name in z.namelist()}


def assert_opens(parts: dict[str, bytes]) -> None:
    """Every XML part parses; every internal relationship and override names a real part."""
    for name, body in parts.items():
        if name.endswith((".xml", ".rels")):
            xml(body)  # raises on a part that is not well-formed
    for name, body in parts.items():
        if not name.endswith(".rels"):
            continue
        base = posixpath.dirname(posixpath.dirname(name))  # the folder of the part they serve
        for rel in xml(body):
            if rel.get("TargetMode") != "External":
                target = posixpath.normpath(posixpath.join(base, rel.get("Target", "")))
                assert target in parts, f"{name} points at a missing {target}"
    types = xml(parts["[Content_Types].xml"])
    for override in types:
        if override.tag.endswith("Override"):
            assert override.get("PartName", "").lstrip("/") in parts

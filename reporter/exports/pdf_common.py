"""What the summary PDF and the packet's case PDFs share: fonts, styles, page numbers.

Text is set in DejaVu Sans (shipped with matplotlib, embedded in the file), so accents, ñ
and ``[…]`` are real, extractable characters in any reader; nothing needs a display.
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

import matplotlib
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, StyleSheet1, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

from reporter.i18n import fill, translator

FONT = "TestigoSans"
BOLD = "TestigoSans-Bold"
INK = colors.HexColor("#1f2a36")
ACCENT = colors.HexColor("#2b5d8a")


@lru_cache(maxsize=1)
def register_fonts() -> None:
    folder = os.path.join(matplotlib.get_data_path(), "fonts", "ttf")
    pdfmetrics.registerFont(TTFont(FONT, os.path.join(folder, "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, os.path.join(folder, "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)


@lru_cache(maxsize=1)
def styles() -> StyleSheet1:
    register_fonts()
    sheet = getSampleStyleSheet()
    for name in ("Normal", "BodyText", "Title", "Heading1", "Heading2", "Heading3"):
        sheet[name].fontName = BOLD if name != "Normal" and name != "BodyText" else FONT
        sheet[name].textColor = INK
    sheet["Title"].fontSize = 18
    sheet["Heading2"].textColor = ACCENT
    sheet.add(
        ParagraphStyle(
            "Small",
            parent=sheet["Normal"],
            fontSize=8,
            leading=10,
            textColor=colors.HexColor("#4a5561"),
        )
    )
    sheet.add(ParagraphStyle("Cell", parent=sheet["Normal"], fontSize=8.5, leading=10.5))
    sheet.add(ParagraphStyle("CellRight", parent=sheet["Cell"], alignment=TA_RIGHT))
    return sheet


def para(text: str, style: str = "BodyText") -> Paragraph:
    """A paragraph of plain text (never markup: a title from a bundle is data)."""
    return Paragraph(escape(text), styles()[style])


def table(
    rows: Sequence[Sequence[str]], widths: Sequence[float], numeric_last: bool = True
) -> Table:
    last = len(rows[0]) - 1 if rows else 0
    cells = [
        [
            para(str(c), "CellRight" if numeric_last and i == last else "Cell")
            for i, c in enumerate(r)
        ]
        for r in rows
    ]
    t = Table(cells, colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    style: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6edf3")),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, ACCENT),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#c9d3dc")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if numeric_last:
        style.append(("ALIGN", (-1, 0), (-1, -1), "RIGHT"))
    t.setStyle(TableStyle(style))
    return t


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Draws "page N of M" once the page count is known (two passes over saved pages)."""

    page_of = "Page {page} of {total}"
    footer = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self.setFont(FONT, 8)
            self.setFillColor(colors.HexColor("#4a5561"))
            number = fill(self.page_of, {"page": self._pageNumber, "total": total})
            self.drawRightString(A4[0] - 2 * cm, 1.2 * cm, number)
            self.drawString(2 * cm, 1.2 * cm, self.footer)
            super().showPage()
        super().save()


def build_pdf(story: list[Flowable], *, title: str, lang: str, footer: str) -> bytes:
    """Lay ``story`` out on A4 in memory (no file is written until the caller says where)."""
    register_fonts()
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        title=title,
        author="Testigo",
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=1.8 * cm,
        bottomMargin=2 * cm,
        invariant=1,
        lang=lang,
    )
    page_of = translator(lang)("Page {page} of {total}")
    canvas_class = type("PageCanvas", (_NumberedCanvas,), {"page_of": page_of, "footer": footer})
    doc.build(story, canvasmaker=canvas_class)
    return out.getvalue()

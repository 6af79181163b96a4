"""Build the guides' PDFs from their Markdown, one PDF per guide and language, in one command:

    .venv/bin/python packaging/build_docs.py [--out DIR] [GUIDE.md ...]

The guides hold both languages in one file, English first: the Spanish half starts at a
heading "Guía en español" or "Español" (the English half may open with a heading "English").
Each half becomes ``<guide>-en.pdf`` / ``<guide>-es.pdf`` in DIR (default ``build/docs``); a
file with no Spanish heading becomes ``<guide>.pdf``. Text is real and in DejaVu (embedded, the
same fonts and page numbers as the app's PDF exports), so accents and ñ survive copying and
searching. A missing image stops the build with the file and the link, so a guide never ships
with a hole where a screenshot was.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from markdown_it import MarkdownIt  # noqa: E402
from markdown_it.token import Token  # noqa: E402
from reportlab import rl_config  # noqa: E402
from reportlab.lib import colors  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import cm  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.platypus import (  # noqa: E402
    CondPageBreak,
    Flowable,
    HRFlowable,
    Image,
    KeepTogether,
    Paragraph,
    Preformatted,
    Spacer,
    Table,
    TableStyle,
)

from reporter.exports import pdf_common  # noqa: E402

GUIDES = ("docs/user-guide.md", "docs/trainer-guide.md", "docs/coordinator-guide.md")
MONO = "TestigoMono"
ITALIC, BOLD_ITALIC = "TestigoSans-Oblique", "TestigoSans-BoldOblique"
WIDTH = A4[0] - 4 * cm  # pdf_common's margins: 2 cm each side
MAX_IMAGE_HEIGHT = 11 * cm
_SPANISH = re.compile(r"^#{1,2}\s+(guía en español|español)\s*$", re.IGNORECASE)
_ENGLISH = re.compile(r"^#{1,2}\s+english\s*$", re.IGNORECASE)
_FENCE = re.compile(r"^\s*(```|~~~)")


class DocsError(Exception):
    """A guide that cannot be built as written; the message names the file and the place."""


@dataclass(frozen=True)
class Part:
    lang: str  # "en", "es", or "" for a file in one language
    text: str


def split_languages(text: str) -> list[Part]:
    """The English and Spanish halves, each opening with the guide's title."""
    lines = text.splitlines()
    fenced, start = False, None
    for i, line in enumerate(lines):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced and _SPANISH.match(line):
            start = i
            break
    if start is None:
        return [Part("", text)]
    english = [line for line in lines[:start] if not _ENGLISH.match(line)]
    while english and english[-1].strip() in ("", "---", "***"):
        english.pop()
    spanish = lines[start:]
    if spanish[0].startswith("## ") and lines and lines[0].startswith("# "):
        spanish = [lines[0], "", *spanish]  # "## Español" under the guide's own title
    return [Part("en", "\n".join(english) + "\n"), Part("es", "\n".join(spanish) + "\n")]


def _styles() -> dict[str, ParagraphStyle]:
    pdf_common.register_fonts()
    import matplotlib

    fonts = os.path.join(matplotlib.get_data_path(), "fonts", "ttf")
    if MONO not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(MONO, os.path.join(fonts, "DejaVuSansMono.ttf")))
        for name, file in (
            (ITALIC, "DejaVuSans-Oblique.ttf"),
            (BOLD_ITALIC, "DejaVuSans-BoldOblique.ttf"),
        ):
            pdfmetrics.registerFont(TTFont(name, os.path.join(fonts, file)))
        # the guides' *emphasis* is real italics (the exports have none and map it upright)
        pdfmetrics.registerFontFamily(
            pdf_common.FONT,
            normal=pdf_common.FONT,
            bold=pdf_common.BOLD,
            italic=ITALIC,
            boldItalic=BOLD_ITALIC,
        )
    # a canvas starts in Helvetica, which a PDF names but never embeds: start in DejaVu
    rl_config.canvas_basefontname = pdf_common.FONT
    base = pdf_common.styles()
    body = ParagraphStyle(
        "GuideBody", parent=base["BodyText"], fontSize=10, leading=13.5, spaceAfter=5
    )
    return {
        "body": body,
        "h1": ParagraphStyle("GuideH1", parent=base["Title"], alignment=0, spaceAfter=10),
        "h2": ParagraphStyle(
            "GuideH2",
            parent=base["Heading2"],
            fontSize=13.5,
            leading=17,
            spaceBefore=10,
            spaceAfter=5,
        ),
        "h3": ParagraphStyle(
            "GuideH3", parent=base["Heading3"], fontSize=11, leading=14, spaceBefore=6, spaceAfter=3
        ),
        "item": ParagraphStyle(
            "GuideItem", parent=body, spaceAfter=2, bulletFontName=pdf_common.FONT
        ),  # not the unembedded Helvetica
        "cell": ParagraphStyle("GuideCell", parent=base["Cell"], fontSize=8.5, leading=10.5),
        "caption": ParagraphStyle("GuideCaption", parent=base["Small"], alignment=1, spaceAfter=8),
        "code": ParagraphStyle(
            "GuideCode",
            fontName=MONO,
            fontSize=7.6,
            leading=9.6,
            textColor=pdf_common.INK,
            backColor=colors.HexColor("#f1f4f7"),
            borderPadding=4,
            spaceBefore=3,
            spaceAfter=8,
        ),
    }


def _inline(children: list[Token] | None) -> str:
    """reportlab's paragraph markup for one inline run: text escaped, emphasis, code, links."""
    out: list[str] = []
    links: list[str] = []  # the closing tag of each open link
    for tok in children or []:
        kind = tok.type
        if kind == "text":
            out.append(escape(tok.content))
        elif kind == "code_inline":
            out.append(f'<font name="{MONO}" size="9">{escape(tok.content)}</font>')
        elif kind == "softbreak":
            out.append(" ")
        elif kind == "hardbreak":
            out.append("<br/>")
        elif kind == "strong_open":
            out.append("<b>")
        elif kind == "strong_close":
            out.append("</b>")
        elif kind == "em_open":
            out.append("<i>")
        elif kind == "em_close":
            out.append("</i>")
        elif kind == "link_open":
            href = str(tok.attrs.get("href", ""))
            if href.startswith(("http://", "https://", "mailto:")):  # a reader can follow it
                out.append(f'<link href="{escape(href)}" color="#2b5d8a">')
                links.append("</link>")
            else:  # another guide or a section: shown only
                out.append('<font color="#2b5d8a">')
                links.append("</font>")
        elif kind == "link_close":
            out.append(links.pop() if links else "")
        elif kind in ("html_inline", "image"):  # shown as the text it is / its alt text
            out.append(escape(tok.content))
    return "".join(out)


def _image(tok: Token, folder: Path, source: Path, style: ParagraphStyle) -> list[Flowable]:
    src = str(tok.attrs.get("src", ""))
    path = (folder / src).resolve()
    if not path.is_file():
        raise DocsError(f"{source}: image not found: {src}")
    img = Image(str(path))
    scale = min(
        1.0, WIDTH * 0.92 / img.imageWidth, MAX_IMAGE_HEIGHT / img.imageHeight, 0.6
    )  # screenshots are 96 dpi: 0.6 prints them about their size on screen
    img.drawWidth, img.drawHeight = img.imageWidth * scale, img.imageHeight * scale
    framed = Table([[img]], hAlign="CENTER")  # a light screenshot needs an edge on paper
    framed.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.5, colors.HexColor("#9aa5b1")),
                ("FONTNAME", (0, 0), (-1, -1), pdf_common.FONT),  # not Helvetica
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    caption = tok.content.strip()
    parts: list[Flowable] = [Spacer(1, 4), framed]
    if caption:
        parts.append(Paragraph(escape(caption), style))
    return [KeepTogether(parts)]


def _code(text: str, style: ParagraphStyle) -> Preformatted:
    """A code block whose long lines wrap inside the page instead of running off it."""
    per_line = int(WIDTH / pdfmetrics.stringWidth("m", MONO, style.fontSize)) - 2
    lines: list[str] = []
    for line in text.rstrip("\n").split("\n"):
        while len(line) > per_line:
            lines.append(line[:per_line])
            line = "    " + line[per_line:]
        lines.append(line)
    return Preformatted("\n".join(lines), style)


def _table(tokens: list[Token], i: int, st: dict[str, ParagraphStyle]) -> tuple[Table, int]:
    rows: list[list[Paragraph]] = []
    row: list[Paragraph] = []
    while tokens[i].type != "table_close":
        tok = tokens[i]
        if tok.type == "tr_open":
            row = []
        elif tok.type == "inline":
            markup = _inline(tok.children)
            row.append(
                Paragraph(
                    f"<b>{markup}</b>" if tokens[i - 1].type == "th_open" else markup, st["cell"]
                )
            )
        elif tok.type == "tr_close":
            rows.append(row)
        i += 1
    columns = max(len(r) for r in rows)
    table = Table(rows, colWidths=[WIDTH / columns] * columns, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6edf3")),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, pdf_common.ACCENT),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#c9d3dc")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), pdf_common.FONT),  # a table's own default: Helvetica
            ]
        )
    )
    return table, i


def story(text: str, folder: Path, source: Path) -> tuple[list[Flowable], str]:
    """The flowables of one language's Markdown, and its first heading (the PDF's title)."""
    st = _styles()
    md = MarkdownIt("commonmark").enable("table")
    tokens = md.parse(text)
    flow: list[Flowable] = []
    title = ""
    lists: list[dict[str, Any]] = []  # the open lists: kind and the next number
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        kind = tok.type
        if kind == "heading_open":
            level = min(int(tok.tag[1]), 3)
            markup = _inline(tokens[i + 1].children)
            title = title or re.sub(r"<[^>]+>", "", markup)
            if level > 1:
                flow.append(CondPageBreak(3 * cm))  # a heading never ends a page alone
            flow.append(Paragraph(markup, st[f"h{level}"]))
            i += 2
        elif kind in ("bullet_list_open", "ordered_list_open"):
            lists.append(
                {"ordered": kind == "ordered_list_open", "n": int(tok.attrs.get("start", 1) or 1)}
            )
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
            if not lists:
                flow.append(Spacer(1, 4))
        elif kind == "list_item_open":
            lists[-1]["first"] = True
        elif kind == "paragraph_open":
            inline = tokens[i + 1]
            images = [c for c in inline.children or [] if c.type == "image"]
            if images:
                for image in images:
                    flow += _image(image, folder, source, st["caption"])
                rest = [c for c in inline.children or [] if c.type != "image"]
                markup = _inline(rest).strip()
            else:
                markup = _inline(inline.children)
            if markup and lists:
                depth = len(lists)
                bullet = ""
                if lists[-1].get("first"):
                    bullet = f"{lists[-1]['n']}." if lists[-1]["ordered"] else "•"
                    lists[-1]["n"] += 1
                    lists[-1]["first"] = False
                style = ParagraphStyle(
                    f"item{depth}",
                    parent=st["item"],
                    leftIndent=16 * depth,
                    bulletIndent=16 * depth - 12,
                )
                flow.append(Paragraph(markup, style, bulletText=bullet or None))
            elif markup:
                flow.append(Paragraph(markup, st["body"]))
            i += 2
        elif kind in ("fence", "code_block"):
            style = st["code"]
            if lists:  # a command that belongs to a list item
                style = ParagraphStyle(
                    f"code{len(lists)}", parent=style, leftIndent=16 * len(lists)
                )
            flow.append(_code(tok.content, style))
        elif kind == "table_open":
            table, i = _table(tokens, i, st)
            flow += [table, Spacer(1, 8)]
        elif kind == "hr":
            flow.append(
                HRFlowable(
                    width="100%", thickness=0.5, color=colors.grey, spaceBefore=4, spaceAfter=8
                )
            )
        elif kind == "html_block":
            flow.append(Paragraph(escape(tok.content), st["body"]))
        i += 1
    return flow, title


def _title(text: str, lang: str) -> str:
    """The guide's title in one language: "Trainer guide / Guía ..." is two titles."""
    heading = next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")), "")
    names = [name.strip() for name in heading.split(" / ")]
    if lang and len(names) == 2:
        return names[lang == "es"]
    return heading


def render(guide: Path, out: Path) -> list[tuple[Path, bytes]]:
    """The PDFs of one guide and where each goes, in memory: a failure writes nothing."""
    try:
        text = guide.read_text(encoding="utf-8")
    except OSError as exc:
        raise DocsError(f"{guide}: cannot read it ({exc.strerror})") from None
    pdfs: list[tuple[Path, bytes]] = []
    for part in split_languages(text):
        flow, first = story(part.text, guide.parent, guide)
        title = _title(text, part.lang) or first or guide.stem
        pdf = pdf_common.build_pdf(flow, title=title, lang=part.lang or "en", footer=title)
        name = f"{guide.stem}-{part.lang}.pdf" if part.lang else f"{guide.stem}.pdf"
        pdfs.append((out / name, pdf))
    return pdfs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the guides' PDFs (one per language).")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "docs")
    parser.add_argument("guides", nargs="*", type=Path)
    args = parser.parse_args(argv)
    guides = args.guides or [ROOT / g for g in GUIDES]
    try:
        pdfs = [pdf for guide in guides for pdf in render(guide, args.out)]
    except DocsError as exc:
        print(f"build_docs: {exc}", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    for target, pdf in pdfs:
        partial = target.with_name(target.name + ".part")
        partial.write_bytes(pdf)
        partial.replace(target)
        print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())

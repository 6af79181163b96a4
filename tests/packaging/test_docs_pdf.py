"""The guides' PDFs (issue 15): one command builds one PDF per guide and language.

The text poppler extracts from each PDF must hold every heading of that language's half of
the Markdown, with its accents and ñ as typed (real text in embedded fonts, not pictures or
look-alike glyphs), and not the other half; the screenshots are in the PDF; a broken image
link stops the build with the file and link named and writes nothing.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "build_docs.py"
GUIDES = ("user-guide", "trainer-guide", "coordinator-guide")

pytestmark = pytest.mark.skipif(
    not shutil.which("pdftotext"), reason="needs poppler-utils (pdftotext)"
)


def build(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=ROOT,
    )


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def blocks(markdown: str, kind: str) -> list[str]:
    """The plain text of each heading or paragraph, as a reader sees it (no markup)."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    return [
        flat(
            "".join(
                c.content if c.type != "softbreak" else " "
                for c in tokens[i + 1].children or []
                if c.type in ("text", "code_inline", "softbreak")
            )
        )
        for i, tok in enumerate(tokens)
        if tok.type == f"{kind}_open"
    ]


def headings(markdown: str) -> list[str]:
    return blocks(markdown, "heading")


def halves(markdown: str) -> dict[str, str]:
    """The guide's English and Spanish halves, cut where the guides say (their layout)."""
    cut = re.search(r"^#{1,2} (Guía en español|Español)$", markdown, re.MULTILINE)
    assert cut, "every guide holds both languages"
    return {"en": markdown[: cut.start()], "es": markdown[cut.start() :]}


def pdf_text(pdf: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return flat(done.stdout)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("docs")
    done = build("--out", str(out))
    assert done.returncode == 0, done.stderr
    return out


@pytest.mark.parametrize("guide", GUIDES)
def test_each_language_of_each_guide_is_a_pdf_with_every_heading(built: Path, guide: str) -> None:
    parts = halves((ROOT / "docs" / f"{guide}.md").read_text(encoding="utf-8"))
    for lang, markdown in parts.items():
        text = pdf_text(built / f"{guide}-{lang}.pdf")
        wanted = [h for h in headings(markdown) if h not in ("English",)]
        assert wanted
        assert [h for h in wanted if h not in text] == [], (guide, lang)
        other = parts["es" if lang == "en" else "en"]
        # each PDF is one language: the other half's own text is not in it
        only_other = [
            p for p in blocks(other, "paragraph") if len(p) > 40 and p not in flat(markdown)
        ][:5]
        assert only_other
        assert [p for p in only_other if p in text] == [], (guide, lang)
    spanish = pdf_text(built / f"{guide}-es.pdf")
    accented = set(re.findall(r"\w*[áéíóúñ]\w*", flat(parts["es"]).lower()))
    assert accented
    assert {w for w in accented if w not in spanish.lower()} == set()


def test_fonts_are_embedded_and_the_screenshots_are_in_the_user_guide(built: Path) -> None:
    pdf = built / "user-guide-es.pdf"
    fonts = subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, text=True, timeout=60, check=True
    ).stdout.splitlines()[2:]
    assert fonts
    assert all(line.split()[-5] == "yes" for line in fonts), fonts  # the "emb" column
    markdown = halves((ROOT / "docs" / "user-guide.md").read_text(encoding="utf-8"))["es"]
    shots = re.findall(r"!\[[^\]]*\]\((screenshots/[^)]+)\)", markdown)
    assert shots
    assert all(s.startswith("screenshots/es-") for s in shots)  # the Spanish screens
    images = subprocess.run(
        ["pdfimages", "-list", str(pdf)], capture_output=True, text=True, timeout=60, check=True
    ).stdout.splitlines()[2:]
    assert len([line for line in images if " image " in line]) == len(shots)


def test_a_broken_image_link_fails_the_build_and_writes_nothing(tmp_path: Path) -> None:
    guide = tmp_path / "guide.md"
    # the English half builds; the Spanish one cannot: neither is written
    guide.write_text(
        "# Guide / Guía\n\n## Start\n\nText.\n\n# Guía en español\n\n"
        "## Empezar\n\n![La ventana](screenshots/gone.png)\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    done = build("--out", str(out), str(guide))
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1
    assert "guide.md" in done.stderr
    assert "screenshots/gone.png" in done.stderr
    assert "Traceback" not in done.stderr
    assert not out.exists()

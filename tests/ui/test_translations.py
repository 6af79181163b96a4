"""Every user-facing string exists in Spanish and English, and the .ts files are current."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ui import build_translations

I18N = build_translations.I18N


def _messages(path: Path) -> list[tuple[str, str | None, str | None]]:
    root = ET.parse(path).getroot()  # noqa: S314 - our own committed file
    out = []
    for message in root.iter("message"):
        translation = message.find("translation")
        assert translation is not None
        out.append((message.findtext("source") or "", translation.text, translation.get("type")))
    return out


@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_string_is_translated(lang: str) -> None:
    messages = _messages(I18N / f"testigo_{lang}.ts")
    assert len(messages) > 100
    bad = [src for src, text, kind in messages if not text or kind is not None]
    assert bad == [], f"unfinished or missing in {lang}: {bad[:5]}"


@pytest.mark.parametrize("lang", ["es", "en"])
def test_no_tr_string_is_missing_from_the_ts_files(tmp_path: Path, lang: str) -> None:
    copy = tmp_path / f"testigo_{lang}.ts"
    shutil.copy(I18N / f"testigo_{lang}.ts", copy)
    build_translations.update([copy])  # lupdate adds any new tr() string
    before = {src for src, _, _ in _messages(I18N / f"testigo_{lang}.ts")}
    after = _messages(copy)
    new = [src for src, text, kind in after if src not in before or kind == "unfinished"]
    assert new == [], f"strings without a {lang} translation: {new[:5]}"


def test_spanish_differs_where_it_should() -> None:
    es = {src: text for src, text, _ in _messages(I18N / "testigo_es.ts")}
    assert es["Lock"] == "Bloquear"
    assert es["Wrong passphrase."] == "Frase de paso incorrecta."

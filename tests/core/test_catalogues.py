"""The core's catalogues are whole: every message the code asks for exists in every language,
with the same placeholders, and the .po reader takes what gettext tools write (issue 18)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from reporter.i18n import SOURCE_LANGUAGE, catalogue, languages, po_text, translator
from reporter.i18n.po import parse_po

ROOT = Path(__file__).resolve().parents[2]
# The calls whose first argument is a msgid: tr("…"), ctx.tr("…"), N_("…"), Text("…").
MSGID_CALLS = {"tr", "N_", "Text"}
PLACEHOLDER = re.compile(r"\{\w*\}|%\(\w+\)[sdr]|%[sdr]")


def msgids_in_code() -> set[str]:
    found = set()
    for path in (ROOT / "reporter").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            first = node.args[0]
            # reporter.doctor's own Text(en, es) says both itself (two arguments)
            one_msgid = name in MSGID_CALLS and (name != "Text" or len(node.args) == 1)
            if one_msgid and isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.add(first.value)
    return found


def translated_languages() -> list[str]:
    return [lang for lang in languages() if lang != SOURCE_LANGUAGE]


def test_there_is_a_language_besides_english() -> None:
    assert "es" in translated_languages()


def test_every_message_the_code_asks_for_is_in_every_catalogue() -> None:
    wanted = msgids_in_code()
    assert len(wanted) > 100  # the scan really found them
    for lang in translated_languages():
        missing = sorted(m for m in wanted if m not in catalogue(lang).entries)
        assert missing == [], lang


def test_every_catalogue_has_every_message_of_the_others() -> None:
    every = set().union(*(catalogue(lang).entries for lang in translated_languages()))
    for lang in translated_languages():
        assert sorted(every - set(catalogue(lang).entries)) == [], lang


@pytest.mark.parametrize("lang", ["es"])
def test_translations_keep_every_placeholder(lang: str) -> None:
    wrong = [
        (english, text)
        for english, text in catalogue(lang).entries.items()
        if sorted(PLACEHOLDER.findall(english)) != sorted(PLACEHOLDER.findall(text))
    ]
    assert wrong == []


def test_no_entry_is_left_untranslated_or_fuzzy() -> None:
    for lang in translated_languages():
        text = po_text(lang)
        assert "#, fuzzy" not in text
        blocks = text.count("\nmsgid ") + text.startswith("msgid ")
        entries, plurals = parse_po(text)
        plural_ids = {msgid for msgid, _ in plurals}
        assert blocks == len(entries) + len(plural_ids) + 1  # + the header


def test_the_reader_takes_continued_strings_plurals_and_skips_fuzzy() -> None:
    entries, plurals = parse_po(
        'msgid ""\nmsgstr "Language: xx\\n"\n\n'
        '# a comment\nmsgid "one "\n"two"\nmsgstr "uno "\n"dos"\n\n'
        '#, fuzzy\nmsgid "guess"\nmsgstr "adivinanza"\n\n'
        'msgid "%s file"\nmsgid_plural "%s files"\nmsgstr[0] "%s archivo"\n'
        'msgstr[1] "%s archivos"\n\nmsgid "quote \\" tab\\t"\nmsgstr "comilla \\" tab\\t"\n'
    )
    assert entries == {"one two": "uno dos", 'quote " tab\t': 'comilla " tab\t'}
    assert plurals == {("%s file", 0): "%s archivo", ("%s file", 1): "%s archivos"}


@pytest.mark.parametrize("bad", ['msgid "open\nmsgstr "x"\n', 'msgid "a"\nnonsense\n'])
def test_a_malformed_catalogue_is_refused_with_its_line(bad: str) -> None:
    with pytest.raises(ValueError, match="line"):
        parse_po(bad)


def test_english_is_the_source_and_an_unknown_language_falls_back_to_it() -> None:
    assert translator("en")("the outbox is empty") == "the outbox is empty"
    assert translator("xx")("the outbox is empty") == "the outbox is empty"
    assert translator("es")("the outbox is empty") == "la bandeja de salida está vacía"
    assert catalogue("es").ngettext("expected %s argument", "expected %s arguments", 2) == (
        "se esperaban %s argumentos"
    )

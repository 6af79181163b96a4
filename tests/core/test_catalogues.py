"""The core's catalogues are whole: every message the code asks for exists in every language,
with the same placeholders, and the .po reader takes what gettext tools write (issue 18)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from reporter.errors import EXIT_USAGE, NotFound, TestigoError, UsageError, VaultNotFound
from reporter.i18n import SOURCE_LANGUAGE, catalogue, languages, po_text, translator
from reporter.i18n.po import parse_po

ROOT = Path(__file__).resolve().parents[2]
# The calls whose first argument is a msgid: tr("…"), ctx.tr("…"), N_("…"), Text("…").
MSGID_CALLS = {"tr", "N_", "Text"}
PLACEHOLDER = re.compile(r"\{\w*\}|%\(\w+\)[sdr]|%[sdr]")


def placeholders(text: str) -> list[str]:
    """Its placeholders; a param's Spanish twin ({reason_es}) stands for the param itself."""
    return sorted(p.replace("_es}", "}") for p in PLACEHOLDER.findall(text))


def msgids_in_code() -> set[str]:
    found = set()
    for path in (ROOT / "reporter").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            first = node.args[0]
            if (
                name in MSGID_CALLS
                and isinstance(first, ast.Constant)
                and isinstance(first.value, str)
            ):
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
        if placeholders(english) != placeholders(text)
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


def test_the_reader_takes_every_escape_gettext_writes() -> None:
    entries, _ = parse_po('msgid "a\\\\b \\101\\x42 \\r\\a ñ"\nmsgstr "ok"\n')
    assert entries == {"a\\b AB \r\a ñ": "ok"}


def test_reading_a_catalogue_leaves_no_cyclic_garbage() -> None:
    """The app collects cycles only on its UI thread (ui.common.gui_gc); the catalogue is
    read in workers too, and ast.literal_eval left ~32,000 objects in cycles per read."""
    import gc

    text = (ROOT / "resources" / "locale" / "es" / "LC_MESSAGES" / "testigo.po").read_text("utf-8")
    was = gc.isenabled()
    gc.disable()
    try:
        gc.collect()
        entries, _ = parse_po(text)
        assert len(entries) > 1000
        assert gc.collect() == 0
    finally:
        if was:
            gc.enable()


@pytest.mark.parametrize(
    "bad",
    [
        'msgid "open\nmsgstr "x"\n',
        'msgid "a"\nnonsense\n',
        'msgid "\\q"\nmsgstr "x"\n',
        'msgid "a" "b"\nmsgstr "x"\n',
    ],
)
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


def error_classes() -> list[type[TestigoError]]:
    """The core's errors (the app's own, e.g. ui.common.errors.InternalError, are the app's:
    they exist only once the suite has imported the app, so they must not decide this test)."""
    found, todo = [], [TestigoError]
    while todo:
        cls = todo.pop()
        if cls.__module__.startswith("reporter"):
            found.append(cls)
        todo.extend(cls.__subclasses__())
    return found


def test_every_error_message_is_in_every_catalogue() -> None:
    messages = {cls.en for cls in error_classes()}
    assert len(messages) > 30
    for lang in translated_languages():
        assert sorted(m for m in messages if m not in catalogue(lang).entries) == [], lang


def literal_details() -> set[str]:
    """The English details raised with an error: UsageError("…"), InvalidInput("…"), …"""
    names = {cls.__name__ for cls in error_classes()}
    found = set()
    for path in (ROOT / "reporter").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in names:
                first = node.args[0] if node.args else None
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    found.add(first.value)
    return found


def test_every_literal_detail_of_an_error_is_in_every_catalogue() -> None:
    details = literal_details()
    assert len(details) > 30
    for lang in translated_languages():
        assert sorted(d for d in details if d not in catalogue(lang).entries) == [], lang


def test_an_error_says_its_message_and_detail_from_the_catalogue() -> None:
    error = UsageError("confirm deletion with --yes")
    assert error.message("es") == "Uso no válido. (confirme el borrado con --yes)"
    assert error.message("en") == "Invalid usage. (confirm deletion with --yes)"
    assert error.code == "usage"
    assert error.exit_code == EXIT_USAGE
    missing = VaultNotFound()
    assert missing.message("es") == catalogue("es").gettext(missing.en) != missing.en


def test_what_was_not_found_is_said_in_the_readers_language() -> None:
    whats = set()
    for path in (ROOT / "reporter").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "NotFound":
                for keyword in node.keywords:
                    value = keyword.value
                    if keyword.arg == "what" and isinstance(value, ast.Constant):
                        whats.add(value.value)
    assert len(whats) > 10
    assert sorted(w for w in whats if w not in catalogue("es").entries) == []
    assert NotFound(what="incident").message("es") == "No encontrado: el incidente."
    assert NotFound(what="incident").message("en") == "Not found: incident."

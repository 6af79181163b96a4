"""The CLI says everything in the reader's language: every command's --help, argparse's own
words and its usage errors (issue 19), from the one catalogue of the core (issue 18)."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

import pytest

from reporter.cli.commands import use_language
from reporter.cli.main import build_parser, main
from reporter.i18n import catalogue
from reporter.i18n.cli_texts import help_texts, parsers

# Texts that are the same in both languages (none today: add one only if it truly is).
SAME_IN_BOTH: set[str] = set()
ARGPARSE_ENGLISH = ("usage:", "options:", "positional arguments", "show this help", "example:")


@pytest.fixture
def spanish_parser() -> Iterator[argparse.ArgumentParser]:
    use_language("es")
    try:
        yield build_parser()
    finally:
        use_language("en")


def test_every_help_text_of_every_command_has_its_spanish() -> None:
    use_language("en")
    spanish = catalogue("es")
    seen, missing = 0, []
    for path, parser in parsers(build_parser()):
        for text in help_texts(parser) - SAME_IN_BOTH:
            seen += 1
            if spanish.gettext(text) == text:
                missing.append((" ".join(path), text))
    assert seen > 300  # the walk really reached every subcommand
    assert missing == []


def test_every_help_page_is_spanish(spanish_parser: argparse.ArgumentParser) -> None:
    pages = 0
    for path, parser in parsers(spanish_parser):
        page = parser.format_help()
        pages += 1
        leftovers = [word for word in ARGPARSE_ENGLISH if word in page]
        assert leftovers == [], (path, leftovers)
        assert "uso: testigo-cli" in page
        if path:  # each command's page has its Spanish description and example
            assert "ejemplo:" in page or "COMMAND" in page, path
    assert pages > 80


@pytest.mark.parametrize("how", ["flag", "env"])
def test_help_follows_lang_and_testigo_lang(
    how: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["share", "--help"]
    if how == "flag":
        argv.insert(0, "--lang=es")
    else:
        monkeypatch.setenv("TESTIGO_LANG", "es")
    with pytest.raises(SystemExit) as done:
        main(argv)
    assert done.value.code == 0
    page = capsys.readouterr().out
    assert "sellar incidentes en un paquete para la coalición" in page
    assert "mostrar este mensaje de ayuda y salir" in page
    assert "show this help" not in page


def test_usage_errors_are_spanish(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TESTIGO_LANG", "es")
    assert main(["show"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("testigo-cli: error de uso: faltan estos argumentos obligatorios: id")
    monkeypatch.setenv("TESTIGO_LANG", "en")
    assert main(["show"]) == 2
    assert "usage error: the following arguments are required: id" in capsys.readouterr().err

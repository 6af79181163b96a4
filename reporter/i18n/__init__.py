"""The core's one translation pipeline: gettext catalogues, English as the source language.

Every message the core and the CLI show is written in English in the code (the msgid) and
found in ``resources/locale/<lang>/LC_MESSAGES/testigo.po``; adding a language is adding a
.po. The catalogues are read from .po text at first use (a few milliseconds, measured), so no
compile step can leave a stale .mo behind. Qt-free: the widgets keep their own .ts files.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Callable, Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

from reporter.i18n.po import parse_po

SOURCE_LANGUAGE = "en"
DOMAIN = "testigo"

Translate = Callable[[str], str]


class Catalogue(gettext.NullTranslations):
    """A gettext translation built from one .po file; a missing entry falls back to English."""

    def __init__(self, entries: dict[str, str], plurals: dict[tuple[str, int], str]) -> None:
        super().__init__()
        self.entries = entries
        self.plurals = plurals

    def gettext(self, message: str) -> str:
        return self.entries.get(message) or message

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        # Both our languages have two forms, "n == 1" and the rest (Plural-Forms in the .po).
        form = 0 if n == 1 else 1
        return self.plurals.get((msgid1, form)) or (msgid1 if form == 0 else msgid2)


def _locale_dir() -> resources.abc.Traversable:
    return resources.files("resources").joinpath("locale")


def languages() -> list[str]:
    """The source language and every language that has a catalogue."""
    found = [
        entry.name
        for entry in _locale_dir().iterdir()
        if entry.joinpath("LC_MESSAGES", f"{DOMAIN}.po").is_file()
    ]
    return [SOURCE_LANGUAGE, *sorted(found)]


def po_text(lang: str) -> str:
    return _locale_dir().joinpath(lang, "LC_MESSAGES", f"{DOMAIN}.po").read_text("utf-8")


@lru_cache(maxsize=8)
def catalogue(lang: str) -> Catalogue:
    """The catalogue of ``lang`` (empty for English or a language without one)."""
    if lang not in languages():
        lang = lang.replace("-", "_").split("_")[0]  # es_MX, es-MX: Spanish's catalogue
    if lang == SOURCE_LANGUAGE or lang not in languages():
        return Catalogue({}, {})
    entries, plurals = parse_po(po_text(lang))
    return Catalogue(entries, plurals)


def translator(lang: str) -> Translate:
    """The gettext function of ``lang``: English text in, text in ``lang`` out."""
    return catalogue(lang).gettext


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def fill(template: str, values: Mapping[str, Any]) -> str:
    """``template`` with each ``{name}`` that ``values`` has replaced, every other brace left
    as it is: a text from outside (a relay's refusal) is never read as a format string."""
    return _PLACEHOLDER.sub(lambda m: str(values[m[1]]) if m[1] in values else m[0], template)


def N_(text: str) -> str:  # noqa: N802 - gettext's name for "a msgid, translated later"
    """Marks ``text`` as a msgid kept in a table and translated where it is shown."""
    return text


class Texts:
    """A table of msgids shown in the reader's language: ``table[lang][key]``."""

    def __init__(self, english: dict[str, str]) -> None:
        self.english = english

    def __getitem__(self, lang: str) -> dict[str, str]:
        tr = translator(lang)
        return {key: tr(text) for key, text in self.english.items()}


class Text:
    """One msgid shown in the reader's language: ``text[lang]``."""

    def __init__(self, english: str) -> None:
        self.english = english

    def __getitem__(self, lang: str) -> str:
        return translator(lang)(self.english)

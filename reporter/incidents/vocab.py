"""The coalition's controlled vocabularies: stable codes with English and Spanish labels.

The data lives in ``resources/vocab/vocabulary.json`` (versioned); this module only loads it and
answers questions about it, so that a coalition can update labels without touching code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from reporter.errors import InvalidCode, NotFound


@dataclass(frozen=True)
class Term:
    code: str
    en: str
    es: str

    def label(self, lang: str) -> str:
        return self.es if lang.startswith("es") else self.en


@dataclass(frozen=True)
class Vocabulary:
    version: str
    kinds: dict[str, tuple[Term, ...]]

    def terms(self, kind: str) -> tuple[Term, ...]:
        try:
            return self.kinds[kind]
        except KeyError:
            raise NotFound(what=f"vocabulary '{kind}'") from None

    def codes(self, kind: str) -> list[str]:
        return [t.code for t in self.terms(kind)]

    def term(self, kind: str, code: str) -> Term:
        for t in self.terms(kind):
            if t.code == code:
                return t
        raise InvalidCode(kind=kind, value=code, valid=", ".join(self.codes(kind)))

    def validate(self, kind: str, code: str) -> str:
        return self.term(kind, code).code

    def label(self, kind: str, code: str, lang: str) -> str:
        return self.term(kind, code).label(lang)

    def labels(self, kind: str, code: str) -> dict[str, str]:
        t = self.term(kind, code)
        return {"en": t.en, "es": t.es}

    def to_json(self, kind: str | None = None) -> dict[str, Any]:
        kinds = [kind] if kind else list(self.kinds)
        return {
            "version": self.version,
            "kinds": {
                k: [{"code": t.code, "en": t.en, "es": t.es} for t in self.terms(k)] for k in kinds
            },
        }


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    raw = resources.files("resources.vocab").joinpath("vocabulary.json").read_text("utf-8")
    doc = json.loads(raw)
    kinds = {
        name: tuple(Term(t["code"], t["en"], t["es"]) for t in terms)
        for name, terms in doc["kinds"].items()
    }
    return Vocabulary(version=str(doc["version"]), kinds=kinds)

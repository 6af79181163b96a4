"""The core has one translation pipeline (issue 18): no (English, Spanish) pair and no branch
on "es" choosing a text is left in ``reporter/``, so a third language is only a new .po.

Vocabularies keep their own es/en columns (data in resources/): picking a column
(``term.es if … else term.en``) is allowed, a literal text is not.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LANGUAGE_CODES = {"es", "en"}
SPANISH = re.compile(
    r"[áéíóúñ¿¡]|\b(de|del|el|la|las|los|que|por|para|con|sin|una|su|sus|está|y|otros|datos"
    r"|metadatos|archivos?|bóveda|paquetes?|copia|frase|borrado)\b|\w(ción|ciones|dades)\b",
    re.I,
)


def _text(node: ast.AST) -> str | None:
    """The literal text of a string, an f-string or a choice between two of them."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    if isinstance(node, ast.IfExp):
        body, orelse = _text(node.body), _text(node.orelse)
        return None if body is None or orelse is None else f"{body} {orelse}"
    return None


def _spanish(text: str) -> bool:
    # A CLI example line may show Spanish input ("--text 'El martes 14'"): that is data.
    return not text.startswith("testigo-cli") and bool(SPANISH.search(text))


def _is_pair(first: ast.AST, second: ast.AST) -> bool:
    english, other = _text(first), _text(second)
    return (
        english is not None
        and other is not None
        and english != other
        and _spanish(other)
        and not _spanish(english)
    )


def _is_language_test(node: ast.AST) -> bool:
    """``lang == "es"``, ``lang.startswith("es")``, ``"es" in …``, ``ctx.es``, ``es``."""
    if isinstance(node, ast.Name | ast.Attribute):
        name = node.id if isinstance(node, ast.Name) else node.attr
        return name in {"es", "is_es", "spanish"}
    for sub in ast.walk(node):
        if isinstance(sub, ast.Compare):
            operands = [sub.left, *sub.comparators]
            if any(isinstance(o, ast.Constant) and o.value == "es" for o in operands):
                return True
        if (
            isinstance(sub, ast.Call)
            and isinstance(sub.func, ast.Attribute)
            and sub.func.attr == "startswith"
            and any(isinstance(a, ast.Constant) and a.value == "es" for a in sub.args)
        ):
            return True
    return False


def _column(node: ast.AST) -> bool:
    """A vocabulary's es/en column (``term.es``, ``row["en"]``) or a language code."""
    if isinstance(node, ast.Attribute):
        return node.attr in LANGUAGE_CODES
    if isinstance(node, ast.Subscript):
        key = node.slice
        return isinstance(key, ast.Constant) and key.value in LANGUAGE_CODES
    return isinstance(node, ast.Constant) and node.value in LANGUAGE_CODES


def _language_key(node: ast.AST | None) -> bool:
    if isinstance(node, ast.Constant):
        return node.value == "es"
    return isinstance(node, ast.Tuple) and any(_language_key(e) for e in node.elts)


def findings(source: str) -> list[str]:
    """Every language pair or language branch in ``source``, as "line: what"."""
    found = []
    for node in ast.walk(ast.parse(source)):
        items: list[ast.expr] = []
        if isinstance(node, ast.Tuple | ast.List):
            items = node.elts
        elif isinstance(node, ast.Call):
            items = node.args
        found += [
            f"{node.lineno}: pair {_text(a)!r}"
            for a, b in zip(items, items[1:], strict=False)
            if _is_pair(a, b)
        ]
        if isinstance(node, ast.Dict):
            found += [
                f"{node.lineno}: table keyed by language"
                for key, value in zip(node.keys, node.values, strict=True)
                if _language_key(key) and any(_text(v) is not None for v in ast.walk(value))
            ]
        if isinstance(node, ast.FunctionDef | ast.Lambda) and {a.arg for a in node.args.args} >= (
            LANGUAGE_CODES
        ):
            found.append(f"{node.lineno}: takes an en and an es text")
        if (
            isinstance(node, ast.IfExp)
            and _is_language_test(node.test)
            and not (_column(node.body) and _column(node.orelse))
        ):
            found.append(f"{node.lineno}: chooses by language: {ast.unparse(node)[:80]}")
        if isinstance(node, ast.If) and _is_language_test(node.test):
            found.append(f"{node.lineno}: branches on language: {ast.unparse(node.test)[:80]}")
    return found


def core_modules() -> list[Path]:
    return sorted((ROOT / "reporter").rglob("*.py"))


def test_no_language_pair_or_branch_is_left_in_the_core() -> None:
    modules = core_modules()
    assert len(modules) > 100  # the scan really reads the core
    left = [
        f"{path.relative_to(ROOT)}:{finding}"
        for path in modules
        for finding in findings(path.read_text("utf-8"))
    ]
    assert left == []


@pytest.mark.parametrize(
    "source",
    [
        'LABELS = {"exif": ("EXIF data", "datos EXIF")}',
        'ATTRIBUTION = ("State outlines", "Contornos de los estados")',
        'say(ctx, f"Backup written to {out}.", f"Copia de seguridad escrita en {out}.")',
        'TEXT = {("es", "kind"): "La coalición cambió su clave."}',
        'WORDS = {"en": " — removed: ", "es": " — se quitó: "}',
        'WORDS = {"en": (" — removed: ", " — none"), "es": (" — se quitó: ", " — nada")}',
        "def pick(ctx, en, es):\n    return en",
        'index = 1 if lang.startswith("es") else 0',
        'text = "Sí" if lang == "es" else "Yes"',
        "label = LABELS[1 if ctx.es else 0]",
        'if lang == "es":\n    text = "hola"',
    ],
)
def test_the_scan_finds_each_kind_of_pair_and_branch(source: str) -> None:
    assert findings(source) != []


@pytest.mark.parametrize(
    "source",
    [
        'text = translator(lang)("The coalition changed its key (epoch {epoch}).")',
        'REMOVED = {"exif": N_("EXIF data (camera, date, GPS location)")}',
        'code = "es" if lang.startswith("es") else "en"',
        'label = self.es if lang.startswith("es") else self.en',
        'add_command(g, "answer", "answer a question", "testigo-cli q --text \'El martes\'")',
        'LANGUAGES = ("es", "en")',
    ],
)
def test_the_scan_leaves_msgids_language_codes_and_vocabulary_columns(source: str) -> None:
    assert findings(source) == []

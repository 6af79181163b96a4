"""Every reason a value is refused for exists in Spanish (the app shows them as you type):
a literal reason in the core's catalogue, one that carries a value in reasons_es's patterns."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reporter.errors import InvalidField
from reporter.i18n import catalogue
from reporter.reasons_es import _COMPILED, has_spanish, reason_es

ROOT = Path(__file__).resolve().parents[2]
# _fail(field, "reason"), _bad("reason"), InvalidField(..., reason="reason" "continued")
STRINGS = r'((?:"[^"]*"\s*)+)[,)]'
DIRECT = re.compile(r"InvalidField\([^)]*?reason=" + STRINGS)
# The helpers that build an InvalidField (other modules' helpers build other errors).
HELPERS = {
    "incidents/record.py": re.compile(r"_fail\([^,()]+,\s*" + STRINGS),
    "incidents/indicators.py": re.compile(r"_bad\(" + STRINGS),
    "inbox/record_schema.py": re.compile(r"_fail\([^,()]+,\s*" + STRINGS),
}


def literal_reasons() -> set[str]:
    found = set()
    for path in (ROOT / "reporter").rglob("*.py"):
        text = path.read_text("utf-8")
        helper = HELPERS.get(path.relative_to(ROOT / "reporter").as_posix())
        for pattern in (DIRECT, helper) if helper else (DIRECT,):
            for match in pattern.finditer(text):
                found.add("".join(re.findall(r'"([^"]*)"', match.group(1))))
    return found


def test_every_literal_reason_in_the_code_has_spanish() -> None:
    reasons = literal_reasons()
    assert len(reasons) > 30  # the scan really found them
    missing = sorted(r for r in reasons if not has_spanish(r))
    assert missing == []


@pytest.mark.parametrize(
    ("english", "spanish"),
    [
        ("longer than 300 characters", "más de 300 caracteres"),
        (
            "unknown keys colour; allowed: title, tags",
            "claves desconocidas: colour; se admiten: title, tags",
        ),
        ("'33001' is not an INEGI code", "'33001' no es una clave INEGI"),
    ],
)
def test_reasons_with_values_keep_their_values(english: str, spanish: str) -> None:
    assert reason_es(english) == spanish


def test_the_message_is_spanish_for_spanish_readers() -> None:
    error = InvalidField(field="indicator", reason="not a valid URL")
    assert error.message("es") == "Valor no válido para 'indicator': no es una URL válida."
    assert error.message("en") == "Invalid value for 'indicator': not a valid URL."


def test_literal_reasons_live_in_the_catalogue_and_the_table_holds_only_values() -> None:
    literal = literal_reasons()
    in_catalogue = {r for r in literal if r in catalogue("es").entries}
    assert len(in_catalogue) > 30
    assert all(pattern.groups > 0 for pattern, _ in _COMPILED)  # a literal goes to the .po
    assert reason_es("is required") == "es obligatorio"

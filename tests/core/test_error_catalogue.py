"""Every error says itself in every language from the catalogues (issue 18): each class's
message, each reason given where an error is raised (templates whose values are filled after
translation), with the same placeholders; no class keeps Spanish of its own."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from reporter.errors import FormatError, InvalidField, NotFound, RelayRefused, TestigoError
from reporter.i18n import SOURCE_LANGUAGE, catalogue, languages
from reporter.share.policy import Policy
from reporter.vault.vault import Vault
from tests.core.conftest import PASSPHRASE
from tests.core.test_catalogues import error_classes, placeholders

ROOT = Path(__file__).resolve().parents[2]
Helpers = dict[str, tuple[int, str, type[TestigoError]]]


def translated_languages() -> list[str]:
    return [lang for lang in languages() if lang != SOURCE_LANGUAGE]


def _callee(node: ast.Call) -> str | None:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)


def _helpers(tree: ast.Module, classes: dict[str, type[TestigoError]], param: str) -> Helpers:
    """A module's functions that pass one of their parameters on as an error's ``param``:
    the parameter's index and name, and the error's class."""
    found = {}
    for fn in ast.walk(tree):
        if not isinstance(fn, ast.FunctionDef):
            continue
        params = [a.arg for a in fn.args.args]
        for node in ast.walk(fn):
            if isinstance(node, ast.Call) and _callee(node) in classes:
                for kw in node.keywords:
                    value = kw.value
                    if kw.arg == param and isinstance(value, ast.Name) and value.id in params:
                        cls = classes[str(_callee(node))]
                        found[fn.name] = (params.index(value.id), value.id, cls)
    return found


def text_sites(param: str) -> Iterator[tuple[str, ast.Call, ast.expr, type[TestigoError]]]:
    """(where, call, value, class) of every ``param`` given to an error: ``SomeError(reason=…)``,
    or through a module's helper that passes one of its parameters on as that param."""
    classes = {cls.__name__: cls for cls in error_classes()}
    for path in sorted((ROOT / "reporter").rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        helpers = _helpers(tree, classes, param)
        where = path.relative_to(ROOT).as_posix()
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = str(_callee(node))
            if name in classes:
                for kw in node.keywords:
                    if kw.arg == param:
                        yield f"{where}:{node.lineno}", node, kw.value, classes[name]
            elif name in helpers:
                index, own, cls = helpers[name]
                if index < len(node.args):
                    yield f"{where}:{node.lineno}", node, node.args[index], cls
                for kw in node.keywords:
                    if kw.arg == own:
                        yield f"{where}:{node.lineno}", node, kw.value, cls


def reason_sites() -> Iterator[tuple[str, ast.Call, ast.expr]]:
    for where, call, value, _ in text_sites("reason"):
        yield where, call, value


def literal_texts() -> dict[str, str]:
    """Every literal text an error is raised with that its message shows translated: reasons,
    ``what`` where the class translates it, details given by keyword."""
    found = {}
    for param in ("reason", "what", "detail"):
        for where, _, value, cls in text_sites(param):
            said = param == "detail" or param in cls.texts
            if said and isinstance(value, ast.Constant) and isinstance(value.value, str):
                found[value.value] = where
    return found


def literal_reasons() -> dict[str, str]:
    return {
        reason.value: where
        for where, _, reason in reason_sites()
        if isinstance(reason, ast.Constant) and isinstance(reason.value, str)
    }


def test_no_reason_is_built_with_its_values_at_a_raise_site() -> None:
    """A value goes in as a param, so the reason stays one msgid the catalogues can say."""
    built = [
        f"{where}: {ast.unparse(reason)}"
        for where, _, reason in reason_sites()
        if isinstance(reason, ast.JoinedStr | ast.BinOp)
        or (
            isinstance(reason, ast.Call)
            and isinstance(reason.func, ast.Attribute)
            and reason.func.attr == "format"
        )
    ]
    assert built == []


def test_every_literal_reason_is_in_every_catalogue_with_its_placeholders() -> None:
    assert len(literal_reasons()) > 300  # the scan really found them, helpers' too
    reasons = literal_texts()
    assert {"public key", "incident", "key file missing"} <= set(reasons)
    for lang in translated_languages():
        entries = catalogue(lang).entries
        assert sorted(f"{reasons[r]}: {r}" for r in reasons if r not in entries) == [], lang
        wrong = [r for r in reasons if r in entries and placeholders(r) != placeholders(entries[r])]
        assert wrong == [], lang


def test_a_reason_template_is_given_every_value_it_names() -> None:
    """The keywords beside a reason (an error's or its helper's) fill its placeholders."""
    missing = []
    for where, call, reason in reason_sites():
        if isinstance(reason, ast.Constant) and isinstance(reason.value, str):
            given = {kw.arg for kw in call.keywords}
            wanted = {p.strip("{}") for p in placeholders(reason.value)}
            if None not in given and not wanted <= given:
                missing.append(f"{where}: {sorted(wanted - given)}")
    assert missing == []


def test_every_error_class_says_its_message_in_every_language() -> None:
    classes = error_classes()
    assert len(classes) > 40
    for lang in translated_languages():
        entries = catalogue(lang).entries
        assert sorted(c.__name__ for c in classes if c.en not in entries) == [], lang
        wrong = [c.__name__ for c in classes if placeholders(c.en) != placeholders(entries[c.en])]
        assert wrong == [], lang
    # one pipeline: no class carries a language of its own beside its English msgid
    assert [c.__name__ for c in classes if "es" in vars(c)] == []


def test_a_value_carrying_reason_is_spanish_with_its_value(tmp_path: Path) -> None:
    vault = Vault.create(tmp_path / "vault", PASSPHRASE)
    try:
        with pytest.raises(InvalidField) as refused:
            vault.incidents.add({"title": "t" * 301, "incident_types": ["HAR.THREAT"]})
    finally:
        vault.close()
    error = refused.value
    assert error.message("en") == "Invalid value for 'title': longer than 300 characters."
    assert error.message("es") == "Valor no válido para 'title': más de 300 caracteres."
    assert error.params == {
        "field": "title",
        "reason": "longer than {limit} characters",
        "limit": 300,
    }


def test_every_error_with_a_reason_says_it_in_spanish() -> None:
    """FormatError used to show its English reason inside a Spanish sentence."""
    with pytest.raises(FormatError) as refused:
        Policy.from_json(
            {
                "date_precision": "year",
                "location_precision": "state",
                "free_text": False,
                "indicators": False,
            }
        )
    spanish = refused.value.message("es")
    assert "date_precision" in spanish
    assert "day, week or month" not in spanish
    assert spanish == catalogue("es").gettext(FormatError.en).format(
        what=catalogue("es").gettext("policy"),
        reason=catalogue("es").gettext("date_precision is day, week or month"),
    )


def test_a_reason_from_outside_is_never_read_as_a_format_string() -> None:
    error = RelayRefused(reason="bad: {status} {0.__class__} {", status=400)
    assert error.message("en") == "The relay refused the request (bad: 400 {0.__class__} {)."
    assert NotFound(what="{what}").message("en") == "Not found: {what}."


def test_a_third_language_is_a_catalogue_file_and_nothing_else(tmp_path: Path) -> None:
    """A copy of the resources package with an ``xx`` catalogue, first on the path of a fresh
    interpreter: the errors speak it, reason and value included, without a line of code."""
    messages = tmp_path / "resources" / "locale" / "xx" / "LC_MESSAGES"
    messages.mkdir(parents=True)
    (tmp_path / "resources" / "__init__.py").write_text("")
    (messages / "testigo.po").write_text(
        textwrap.dedent(
            """\
            msgid ""
            msgstr "Language: xx\\n"

            msgid "Invalid value for '{field}': {reason}."
            msgstr "XX '{field}' XX: {reason}!"

            msgid "longer than {limit} characters"
            msgstr "XX {limit} XX"
            """
        ),
        encoding="utf-8",
    )
    script = (
        "from reporter.errors import InvalidField\n"
        "from reporter.i18n import languages\n"
        "e = InvalidField(field='title', reason='longer than {limit} characters', limit=300)\n"
        "print(languages(), e.message('xx'))\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)])}
    done = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert done.stdout.strip() == "['en', 'xx'] XX 'title' XX: XX 300 XX!"


def test_a_stored_error_is_rebuilt_in_any_language_with_its_values() -> None:
    from reporter.errors import error_from

    stored = {"field": "note", "reason": "longer than {limit} characters", "limit": 4000}
    error: TestigoError = error_from("invalid_field", stored)
    assert error.message("es") == "Valor no válido para 'note': más de 4000 caracteres."


def test_what_a_malformed_thing_is_said_in_the_readers_language() -> None:
    """'bundle' inside a Spanish sentence was English; the catalogue now says what it is."""
    error = FormatError(what="bundle", reason="not a JSON document")
    assert error.message("es") == "Formato no válido en el paquete: no es un documento JSON."
    assert error.message("en") == "Malformed bundle: not a JSON document."


def test_a_regional_spanish_finds_the_spanish_catalogue() -> None:
    from reporter.i18n import translator

    spanish = translator("es")("Wrong passphrase.")
    assert spanish != "Wrong passphrase."
    assert translator("es_MX")("Wrong passphrase.") == spanish
    assert translator("es-MX")("Wrong passphrase.") == spanish

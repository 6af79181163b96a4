"""Every command's usual output is Spanish under --lang es (issue 19): a whole offline mission
(reporter vault, coalition, a bundle carried by file, a coordinator vault) run in-process
through the real CLI, each command line in both languages."""

from __future__ import annotations

import contextlib
import io
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from reporter.cli.commands import use_language
from reporter.cli.main import main
from reporter.i18n import catalogue, po_text
from reporter.i18n.po import parse_po

PASSPHRASE = "correct horse battery staple 42"


@dataclass
class World:
    root: Path
    reporter: Path
    coordinator: Path
    coalition: Path
    incident: str
    attachment: str
    report: str


def run(*argv: str, lang: str = "en") -> tuple[int, str]:
    """One CLI run in-process: its status and everything it printed (stdout and stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["--lang", lang, *argv])
    return status, out.getvalue() + err.getvalue()


def ok(*argv: str) -> str:
    status, text = run(*argv)
    assert status == 0, (argv, text)
    return text


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    root = tmp_path_factory.mktemp("mission")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("TESTIGO_PASSPHRASE", PASSPHRASE)
        env.setenv("TESTIGO_COALITION_PASSPHRASE", "coalition keys passphrase 7")
        env.delenv("TESTIGO_LANG", raising=False)
        env.delenv("TESTIGO_HOME", raising=False)
        rep, coord, coalition = root / "r", root / "c", root / "k"
        ok("--home", str(rep), "init")
        ok(
            "coalition", "create", "--name", "Red", "--relay", "https://relay.example",
            "--out", str(coalition),
        )  # fmt: skip
        ok("--home", str(rep), "profile", "import", str(coalition / "coalition.testigo-profile"))
        incident = ok(
            "--home", str(rep), "add", "--title", "Seguimiento", "--type", "SURV.PHYSICAL",
            "--state", "09", "--date", "2026-11-02", "--status", "COMPLETE",
            "--consent", "share_with_coalition", "--consent", "include_in_statistics",
        ).strip()  # fmt: skip
        evidence = root / "foto.txt"
        evidence.write_text("evidencia")
        attachment = ok("--home", str(rep), "attach", incident, str(evidence)).strip()
        ok("--home", str(rep), "share", incident, "--yes")
        ok("--home", str(rep), "bundle", "export", "--out", str(root / "usb"))
        ok("--home", str(coord), "init", "--role", "coordinator", "--coalition-dir", str(coalition))
        ok("--home", str(coord), "inbox", "import", str(root / "usb"))
        report = re.findall(r"[0-9a-f-]{36}", ok("--home", str(coord), "inbox", "list"))[0]
        yield World(root, rep, coord, coalition, incident, attachment, report)


def english_words() -> set[str]:
    """Words of the catalogue's English texts that none of its Spanish texts uses."""
    entries, _ = parse_po(po_text("es"))

    def words(texts: list[str]) -> set[str]:
        found: set[str] = set()
        for text in texts:
            text = re.sub(r"\{[^}]*\}|%\(\w+\)s|--[\w-]+|\$\w+|`[^`]*`|'[^']*'", " ", text)
            found.update(w.lower() for w in re.findall(r"[A-Za-z]{4,}", text))
        return found

    return words(list(entries)) - words(list(entries.values()))


def prose_words(text: str) -> list[str]:
    """The words of ``text`` that are prose: codes (incident_type, text/plain, in-review,
    SURV.PHYSICAL) and commands quoted to be typed ('municipalities import FILE') are what the
    reader types, the same in every language."""
    text = re.sub(r"'[^'\n]*'", " ", text)
    tokens = re.findall(r"[A-Za-z][\w./-]*", text)
    return [t for t in tokens if t.isalpha() and len(t) >= 4]


# Words that are no English prose where they appear: a Spanish imperative ("Active el cifrado"),
# a doctor check's id and a profile's recipient type (codes, the same in every language).
NOT_ENGLISH = {"active", "clock", "hybrid"}


# Command lines of the usual work; {r} the reporter's vault, {c} the coordinator's.
LINES = [
    "--home {r} status",
    "--home {r} list",
    "--home {r} search Seguimiento",
    "--home {r} show {incident}",
    "--home {r} history {incident}",
    "--home {r} attachments {incident}",
    "--home {r} vocab date_precision",
    "--home {r} municipalities list",
    "--home {r} outbox",
    "--home {r} profile show",
    "--home {r} questions list",
    "--home {r} bundle export --out {root}/usb2 --all",
    "--home {r} doctor --no-passphrase",
    "--home {r} show 00000000-0000-0000-0000-000000000000",
    "--home {c} status",
    "--home {c} inbox list",
    "--home {c} inbox devices",
    "--home {c} inbox triage {report} --review in-review --as Ana",
    "--home {c} inbox history {report}",
    "--home {c} stats",
    "--home {c} stats --by type --all",
    "--home {c} stats --summary --all",
    "--home {c} stats --funnel",
    "--home {c} stats --quality --all",
    "--home {c} export csv --out {root}/x{lang}.csv --all --force",
    "--home {c} inbox receipts --out {root}/receipts{lang}",
    "--home {c} inbox rejected",
    "--home {c} inbox links {report}",
    "--home {c} inbox suggest {report}",
    "--home {c} inbox claim {report} --as Ana",
    "--home {c} inbox questions",
    "--home {c} coordination status",
    "--home {r} questions refused",
    "relay coordinators list --store {root}/relay",
]


@pytest.mark.parametrize("line", LINES)
def test_every_usual_output_is_spanish(world: World, line: str) -> None:
    english = english_words()
    for lang in ("en", "es"):
        argv = line.format(
            r=world.reporter, c=world.coordinator, root=world.root, lang=lang,
            incident=world.incident, report=world.report,
        ).split()  # fmt: skip
        with pytest.MonkeyPatch.context() as env:
            env.setenv("TESTIGO_PASSPHRASE", PASSPHRASE)
            status, text = run(*argv, lang=lang)
        use_language("en")
        assert status in (0, 1, 4), (line, lang, text)
        shown = text.replace(str(world.root), "")
        said = sorted(
            {w for w in prose_words(shown) if w.lower() in english and w.lower() not in NOT_ENGLISH}
        )
        if lang == "es":
            assert said == [], (line, said, shown)
        else:
            english_seen = said
    assert english_seen or line in SAYS_NO_ENGLISH_WORD, (line, "the English run said nothing")


# Lines whose output holds codes and numbers only (the check above has no word to miss there).
SAYS_NO_ENGLISH_WORD = {
    "--home {r} list",
    "--home {r} search Seguimiento",
    "--home {r} attachments {incident}",
}


def test_the_catalogue_has_words_to_look_for() -> None:
    assert {"vault", "bundle", "outbox"} <= english_words()
    assert catalogue("es").gettext("the outbox is empty") == "la bandeja de salida está vacía"
    assert os.environ.get("TESTIGO_LANG") in (None, "", "en", "es")

"""What the CLI prints cannot drive the reader's terminal, and its JSON is strict (issue 12).

Titles and texts can come from other devices and error texts from the relay; an ESC sequence
or a bidi override in them must reach the screen as a visible escape, never as an action.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from reporter.cli.context import CliContext, printable
from reporter.cli.main import main
from reporter.errors import FormatError
from reporter.vault.vault import Vault
from tests.core.conftest import PASSPHRASE

HOSTILE = "\x1b[2J\x1b]52;c;cm0gLXJmIH4K\x07\u202eabc\u2066\x9b\x7f\x00\r"


def test_every_unsafe_character_becomes_a_visible_escape() -> None:
    shown = printable(f"línea\ttab\n{HOSTILE}")
    assert shown.startswith("línea\ttab\n")  # text, tab and newline stay as they are
    for char in "\x1b\x07\u202e\u2066\x9b\x7f\x00\r":
        assert char not in shown, repr(char)
    assert "\\x1b[2J" in shown
    assert "\\u202eabc\\u2066" in shown
    assert "\\x9b\\x7f\\x00\\x0d" in shown


def test_emit_and_say_escape_human_output_centrally() -> None:
    out, err = io.StringIO(), io.StringIO()
    ctx = CliContext(home=Path("."), stdout=out, stderr=err)
    ctx.emit({"title": HOSTILE}, f"title: {HOSTILE}")
    ctx.say(f"relay said: {HOSTILE}")
    for text in (out.getvalue(), err.getvalue()):
        assert "\x1b" not in text
        assert "\u202e" not in text
        assert "\\x1b" in text


@pytest.fixture
def vault_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TESTIGO_PASSPHRASE", PASSPHRASE)
    home = tmp_path / "vault"
    with Vault.create(home, PASSPHRASE) as vault:
        vault.incidents.add(
            {
                "title": "Amenaza \u202etxt.exe",
                "incident_types": ["HAR.THREAT"],
                "description": "visto\rOCULTO",
            }
        )
    return home


def test_list_and_show_escape_what_records_may_hold(
    vault_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--home", str(vault_home), "list"]) == 0
    listed = capsys.readouterr().out
    assert "\u202e" not in listed
    assert "Amenaza \\u202etxt.exe" in listed
    incident = listed.split()[0]
    assert main(["--home", str(vault_home), "show", incident]) == 0
    shown = capsys.readouterr().out
    assert "\r" not in shown
    assert "visto\\x0dOCULTO" in shown
    # --json stays exact: a script gets the title as it is.
    assert main(["--home", str(vault_home), "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["title"] == "Amenaza \u202etxt.exe"


def test_error_lines_are_escaped_too(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "\x1b[2Jes", "status"]) == 2  # argparse echoes the bad value
    err = capsys.readouterr().err
    assert "\x1b" not in err
    assert "\\x1b[2Jes" in err


def test_json_output_is_strict_and_a_nan_is_a_typed_error() -> None:
    out = io.StringIO()
    ctx = CliContext(home=Path("."), json_output=True, stdout=out)
    with pytest.raises(FormatError) as caught:
        ctx.emit({"score": float("nan"), "ok": 1})
    assert caught.value.exit_code == 5
    assert "NaN" in caught.value.message("en")
    assert "NaN" in caught.value.message("es")
    assert out.getvalue() == ""  # no half document before the error
    ctx.emit({"ok": 1.5})
    assert json.loads(out.getvalue()) == {"ok": 1.5}


def test_a_received_title_reaches_the_coordinator_escaped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from reporter.share.sharing import share_incidents
    from tests.share.conftest import make_world

    monkeypatch.setenv("TESTIGO_PASSPHRASE", PASSPHRASE)
    world = make_world(tmp_path, "x25519")
    try:
        iid = world.reporter.incidents.add(
            {"title": "Aviso \u202egnp.exe \u2066x\u2069", "incident_types": ["HAR.THREAT"]}
        )
        bundle = share_incidents(world.reporter, [iid], [], ["share_free_text"])
        assert world.import_bytes(world.ciphertext(bundle)).status == "imported"
    finally:
        world.reporter.close()
        world.coordinator.close()
    assert main(["--home", str(world.coordinator.home), "inbox", "list"]) == 0
    listed = capsys.readouterr().out
    assert "\u202e" not in listed
    assert "\u2066" not in listed
    assert "Aviso \\u202egnp.exe \\u2066x\\u2069" in listed

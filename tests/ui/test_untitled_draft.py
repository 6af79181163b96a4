"""What is typed into a new incident survives a lock even before it has a title.

The lock (idle or the button) clears the views and closes the vault; a new incident was kept
as a draft only once it had a title, so a description typed first was lost. A draft may now
be untitled: the list calls it "(untitled)", and only sharing needs the title.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.core.conftest import cli_env
from tests.ui.conftest import PASSPHRASE

TEXT = "Un auto sin placas siguió a la periodista desde la radio hasta su casa."


@pytest.mark.gui
def test_an_untitled_new_incident_is_in_the_vault_after_the_lock(qtbot, window, home) -> None:  # type: ignore[no-untyped-def]
    from reporter.vault.vault import Vault
    from ui.common.session import Session
    from ui.reporter.main_window import MainWindow

    window.new_incident()
    window.editor.description.setPlainText(TEXT)  # no title yet
    with qtbot.waitSignal(window.lockedOut, timeout=30000):
        window.lock()  # the real lock path: before_lock, clear the views, close the vault
    assert window.session.is_locked
    qtbot.waitUntil(lambda: window.session.is_closed, timeout=30000)  # the draft's save ended
    with Vault.open(home, PASSPHRASE) as vault:
        (row,) = vault.query("SELECT id FROM incidents")
        record = vault.incidents.get(row[0])
        assert record["description"] == TEXT
        assert record["title"] == ""
        assert record["status"] == "DRAFT"
    reopened = Vault.open(home, PASSPHRASE)
    again = MainWindow(Session(reopened))
    qtbot.addWidget(again)
    again.show()
    again.open_incident(row[0])
    qtbot.waitUntil(lambda: again.editor.description.toPlainText() == TEXT, timeout=10000)
    assert again.editor.incident_id == row[0]
    again.session.runner.wait(10000)
    reopened.close()


@pytest.mark.gui
def test_an_untouched_new_incident_leaves_nothing_at_the_lock(qtbot, window, home) -> None:  # type: ignore[no-untyped-def]
    from reporter.vault.vault import Vault

    window.new_incident()
    with qtbot.waitSignal(window.lockedOut, timeout=30000):
        window.lock()
    with Vault.open(home, PASSPHRASE) as vault:
        assert vault.query("SELECT id FROM incidents") == []


@pytest.mark.gui
@pytest.mark.parametrize(("lang", "label"), [("en", "(untitled)"), ("es", "(sin título)")])
def test_the_list_names_an_untitled_draft(qtbot, window, vault, lang: str, label: str) -> None:  # type: ignore[no-untyped-def]
    from ui.common.i18n import language

    language().set(lang)
    vault.incidents.add({"description": TEXT})
    model = window.list_page.model
    model.reload()
    qtbot.waitUntil(lambda: len(model.rows) == 1, timeout=10000)
    assert model.data(model.index(0, 0)) == label


def test_the_cli_keeps_an_untitled_draft_and_refuses_to_share_it(tmp_path: Path) -> None:
    from reporter.share.coalition import PROFILE_FILE, create_coalition

    coalition = tmp_path / "coalition"
    create_coalition(
        coalition,
        "Red TDT",
        ["https://relay.example.org"],
        "frase de las llaves de la coalición 7",
        "x25519",
    )
    env = cli_env(tmp_path)

    def cli(*args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
        return subprocess.run(  # noqa: S603 - our own CLI
            [sys.executable, "-m", "tests.fast_cli", "--home", str(tmp_path / "v"), "--lang", lang]
            + list(args),
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    assert cli("init").returncode == 0
    assert cli("profile", "import", str(coalition / PROFILE_FILE)).returncode == 0
    added = cli("add", "--description", TEXT)
    assert added.returncode == 0, added.stderr
    incident_id = added.stdout.strip()
    assert f"{incident_id}" in cli("list").stdout
    assert "(untitled)" in cli("list").stdout
    assert "(sin título)" in cli("list", lang="es").stdout
    finished = cli("add", "--description", TEXT, "--status", "COMPLETE")
    assert finished.returncode != 0
    assert "'title': is required" in finished.stderr
    shared = cli("share", incident_id, "--yes")
    assert shared.returncode != 0
    assert "a title is needed to share it" in shared.stderr
    assert "Traceback" not in shared.stderr
    assert (
        "hace falta un título para compartirlo"
        in cli("share", incident_id, "--yes", lang="es").stderr
    )
    assert cli("outbox").stdout.count(incident_id) == 0

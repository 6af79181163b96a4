"""The coordinator's screens follow the app's rules: named, reachable, fit 960×540, and the
first run makes a coordinator vault from the coalition folder (the same use case as init)."""

from __future__ import annotations

import pytest

from tests.sync.conftest import KEYS
from tests.ui.conftest import PASSPHRASE
from tests.ui.coordinator.conftest import send
from tests.ui.test_accessibility import _fits, _problems

pytestmark = pytest.mark.gui


def _pages(window):  # type: ignore[no-untyped-def]
    return {
        "inbox": window.show_inbox,
        "dashboard": window.actions["dashboard"].trigger,
        "spyware": window.actions["spyware"].trigger,
        "map": window.actions["map"].trigger,
        "rejected": window.actions["rejected"].trigger,
        "devices": window.actions["devices"].trigger,
        "coordination": window.actions["coordination"].trigger,
        "settings": window.actions["settings"].trigger,
    }


@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_coordinator_page_is_named_reachable_and_fits(
    qtbot,
    mission,
    coordinator_window,  # type: ignore[no-untyped-def]
    lang: str,
) -> None:
    from ui.common.i18n import language

    window = coordinator_window
    language().set(lang)
    (iid,) = send(mission, {"title": "x"})
    bar = window.inbox.pull
    bar.pull_now()
    qtbot.waitUntil(lambda: bar.task is None, timeout=30_000)
    problems, too_big = {}, {}
    shows = {**_pages(window), "report": lambda: window.open_report(iid.lower())}
    for name, show in shows.items():
        show()
        window.session.runner.wait(10_000)
        qtbot.waitUntil(lambda: window.stack.currentWidget().isVisible(), timeout=5000)
        if issues := _problems(window.stack.currentWidget()):
            problems[name] = issues
        if not _fits(size := window.minimumSizeHint()):
            too_big[name] = size.toTuple()
    if issues := _problems(window.picture_bar):
        problems["filter bar"] = issues
    assert problems == {}
    assert too_big == {}


def test_first_run_creates_a_coordinator_vault_from_the_coalition_folder(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    from reporter.share.coalition import create_coalition
    from reporter.vault.vault import Vault
    from ui.common.first_run import FirstRunWizard

    folder = tmp_path / "coalition"
    create_coalition(folder, "Red TDT", ["https://127.0.0.1:9"], KEYS, "x25519")
    wizard = FirstRunWizard(tmp_path / "home")
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.passphrase_page.first.setText(PASSPHRASE)
    wizard.passphrase_page.second.setText(PASSPHRASE)
    assert wizard.profile_page.nextId() == -1  # a reporter finishes here
    wizard.profile_page.coordinator.setChecked(True)
    assert wizard.profile_page.nextId() == wizard.COALITION
    wizard.coalition_page.set_folder(folder)
    wizard.coalition_page.secret.setText("not the keys' passphrase")
    failed = []
    wizard._failed = lambda exc: failed.append(exc.code)  # type: ignore[method-assign]
    wizard.accept()
    qtbot.waitUntil(lambda: bool(failed), timeout=30_000)
    assert not (tmp_path / "home" / "vault.key").exists()  # a wrong passphrase: nothing made
    wizard.coalition_page.secret.setText(KEYS)
    with qtbot.waitSignal(wizard.created, timeout=30_000) as created:
        wizard.accept()
    vault = created.args[0]
    try:
        assert vault.role == "coordinator"
    finally:
        vault.close()
    with Vault.open(tmp_path / "home", PASSPHRASE) as reopened:
        from reporter.inbox.inbox import coalition_signing_key

        assert coalition_signing_key(reopened) is not None


def test_export_opens_on_the_report_shown(qtbot, mission, coordinator_window) -> None:  # type: ignore[no-untyped-def]
    from ui.coordinator.export_dialog import ExportDialog

    window = coordinator_window
    (iid,) = send(mission, {"title": "x"})
    bar = window.inbox.pull
    bar.pull_now()
    qtbot.waitUntil(lambda: bar.task is None, timeout=30_000)
    window.open_report(iid.lower())
    qtbot.waitUntil(lambda: window.report.loaded is not None, timeout=10_000)
    dialog = window.export()
    assert isinstance(dialog, ExportDialog)
    assert dialog.ids == (iid.lower(),)
    dialog.close()

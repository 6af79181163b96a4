"""What the person did is not lost to a lock: an attachment added, a triage decision applied.

A lock cancels what runs and, after a short grace, the app executes itself afresh; a task
marked durable (a save) is waited for longer. Each test holds the write inside the vault
(its lock taken, as on a slow disk), locks, checks the restart waits past the grace, then
lets the write end and finds it in the vault reopened. Real vault files, offscreen.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QElapsedTimer

pytestmark = pytest.mark.gui

WAIT = 15_000
GRACE_MS = 200


class _Exec:
    """``os.execv`` as the app calls it, recording instead of replacing the test's process."""

    def __init__(self, session: Any) -> None:
        self.session = session
        self.calls: list[bool] = []  # whether the vault was closed at the exec

    def __call__(self, *_: object) -> None:
        self.calls.append(self.session.is_closed)
        raise OSError("not in a test")  # the exec failed: the app stays, locked


def _app(home: Path, vault: Any, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, _Exec]:
    from ui.app import Controller
    from ui.common import session as session_module
    from ui.common.i18n import language

    monkeypatch.setattr(session_module, "GRACE_MS", GRACE_MS, raising=False)
    language().set("en")
    controller = Controller(home, fresh_process=True)
    controller.open_session(vault)
    assert controller.window is not None  # the controller deletes it at the lock
    execs = _Exec(controller.window.session)
    monkeypatch.setattr(os, "execv", execs)
    return controller, execs


def _lock_while_held(qtbot, controller: Any, execs: _Exec, vault: Any) -> None:  # type: ignore[no-untyped-def]
    """The write started and waits inside the vault; lock; the restart must wait for it."""
    from ui.common import session as session_module

    window = controller.window
    session = window.session
    try:
        assert session.runner.durable_busy == 1  # the write alone, marked durable
        window.lock()  # the reporter's form saves its draft too (durable as well)
        assert session.is_locked
        assert session.runner.durable_busy >= 1
        clock = QElapsedTimer()
        clock.start()
        qtbot.waitUntil(lambda: clock.elapsed() > 3 * session_module.GRACE_MS, timeout=WAIT)
        assert execs.calls == []  # past the grace: a save is not cut off
        assert not session.is_settled
    finally:
        vault.lock.release()
    qtbot.waitUntil(lambda: execs.calls != [], timeout=WAIT)
    assert execs.calls == [True]  # the write ended and the vault closed before the exec
    qtbot.addWidget(controller.unlock)


def test_an_attachment_being_added_at_the_lock_is_in_the_vault_after(  # type: ignore[no-untyped-def]
    qtbot, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reporter.vault.vault import Vault
    from tests.ui.conftest import PASSPHRASE

    vault = Vault.create(home, PASSPHRASE)
    incident_id = vault.incidents.add({"title": "Con foto", "incident_types": ["HAR.THREAT"]})
    controller, execs = _app(home, vault, monkeypatch)
    window = controller.window
    window.open_incident(incident_id)
    panel = window.editor.attachments
    qtbot.waitUntil(lambda: panel.incident_id == incident_id, timeout=WAIT)
    evidence = tmp_path / "captura.png"
    evidence.write_bytes(b"\x89PNG\r\n\x1a\n" + b"evidencia" * 50_000)
    vault.lock.acquire()  # the add starts and waits inside the vault
    assert panel.add(evidence) is not None
    _lock_while_held(qtbot, controller, execs, vault)
    with Vault.open(home, PASSPHRASE) as reopened:
        (item,) = reopened.attachments.list(incident_id)
        assert item["name"] == "captura.png"
        stored = reopened.attachments.read_prefix(item["id"], 10**7)
        assert bytes(stored) == evidence.read_bytes()


def test_a_triage_decision_applied_at_the_lock_is_in_the_vault_after(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reporter.inbox.inbox import Inbox
    from reporter.inbox.query import reports_by_id
    from reporter.vault.vault import Vault
    from tests.share.conftest import PASSPHRASE, make_world
    from tests.share.signed_bundles import good_record, new_device, profile_of, seal

    world = make_world(tmp_path, "x25519")
    vault = world.coordinator
    record = good_record()
    bundle = tmp_path / "bundle.age"
    bundle.write_bytes(seal(profile_of(world.reporter), new_device(), [record]))
    world.reporter.close()
    Inbox(vault).import_file(bundle)
    controller, execs = _app(vault.home, vault, monkeypatch)
    window = controller.window
    window.open_report(record["id"])
    report = window.report
    qtbot.waitUntil(lambda: report.loaded is not None, timeout=WAIT)
    report.review.setCurrentIndex(report.review.findData("in-review"))
    report.verification.setCurrentIndex(report.verification.findData("corroborated"))
    report.tags.setText("pegasus")
    vault.lock.acquire()  # the decision starts and waits inside the vault
    report.apply_button.click()
    _lock_while_held(qtbot, controller, execs, vault)
    with Vault.open(vault.home, PASSPHRASE) as reopened:
        (got,) = reports_by_id(reopened, [record["id"]])
    assert got.triage.review == "in-review"
    assert got.triage.verification == "corroborated"
    assert list(got.triage.tags) == ["pegasus"]


def test_the_persons_cancel_still_stops_an_add_the_lock_would_wait_for(  # type: ignore[no-untyped-def]
    qtbot, window, tmp_path: Path
) -> None:
    vault = window.session.vault
    incident_id = vault.incidents.add({"title": "Sin foto", "incident_types": ["HAR.THREAT"]})
    window.open_incident(incident_id)
    panel = window.editor.attachments
    qtbot.waitUntil(lambda: panel.incident_id == incident_id, timeout=WAIT)
    evidence = tmp_path / "grande.bin"
    evidence.write_bytes(b"\x00" * 3_000_000)
    vault.lock.acquire()  # the add waits inside the vault: Cancel comes before it copies
    try:
        assert panel.add(evidence) is not None
        panel.cancel_button.click()
    finally:
        vault.lock.release()
    qtbot.waitUntil(lambda: panel.task is None, timeout=WAIT)
    qtbot.waitUntil(lambda: window.session.runner.busy == 0, timeout=WAIT)
    assert vault.attachments.list(incident_id) == []  # stopped: nothing stored
    assert not panel.progress.isVisible()

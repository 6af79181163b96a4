"""Issue 16, test 6: shared triage in two coordinators' apps on one real loopback relay.

Two coordinator vaults (real SQLCipher, tests/coordination's pair: one coalition, a signed
roster listing both, the same three received reports), each in its own CoordinatorWindow.
Ana claims a report in her app; Beto's app, after a pull, says Ana is reviewing it; Beto
breaks the claim and Ana's history shows the break. A shared note from Ana reaches Beto's
report view, a private one does not. The Coordination page lists the members, saves the
card, imports a roster, and shows a gap once an object is deleted on the relay.
"""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from reporter.coordination import triaging
from reporter.coordination.identity import parse_card
from reporter.coordination.roster import ROSTER_FILE
from reporter.coordination.triaging import TriageChange
from reporter.inbox import triage
from tests.coordination.conftest import Pair, pair, relay_limits  # noqa: F401
from tests.ui.dialogs import answer_next_box

pytestmark = pytest.mark.gui
WAIT = 20_000


def _window(qtbot: Any, vault: Any) -> Any:
    from ui.common.session import Session
    from ui.coordinator.window import CoordinatorWindow

    vault.set_meta("auto_sync", "off")  # every pass here is one the test starts
    window = CoordinatorWindow(Session(vault))
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def apps(qtbot: Any, pair: Pair) -> Iterator[tuple[Any, Any]]:  # noqa: F811
    from ui.common.i18n import language

    language().set("en")
    ana, beto = _window(qtbot, pair.ana), _window(qtbot, pair.beto)
    yield ana, beto
    for window in (ana, beto):
        window.session.runner.close(10_000)


def _open(qtbot: Any, window: Any, incident_id: str) -> Any:
    window.open_report(incident_id)
    view = window.report
    qtbot.waitUntil(
        lambda: view.loaded is not None and view.loaded["report"].incident_id == incident_id,
        timeout=WAIT,
    )
    qtbot.waitUntil(lambda: view.claim.read_for == incident_id, timeout=WAIT)
    return view


def _sync(qtbot: Any, window: Any) -> None:
    """The Coordination page's "Sync now"."""
    page = window.coordination
    with qtbot.waitSignal(page.synced, timeout=WAIT):
        page.sync_button.click()
    assert "refused" in page.message.text()  # the summary, not an error


def _pull(qtbot: Any, window: Any) -> None:
    """The inbox's "Pull now": bundles, then the other coordinators' decisions."""
    with qtbot.waitSignal(window.inbox.pull.finished, timeout=WAIT):
        window.inbox.pull.pull_button.click()


def _history(view: Any) -> list[str]:
    return [view.history.item(i).text() for i in range(view.history.count())]


def test_a_claim_is_seen_broken_and_the_break_reaches_the_holder(qtbot, apps, pair) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    ana, beto = apps
    report = pair.incidents[0]
    view = _open(qtbot, ana, report)
    assert view.claim.state.text() == "Nobody is reviewing this report."
    view.claim.hours.setValue(2)
    assert view.claim.claim_button.text().replace("&", "") == "Claim for 2 hours"
    view.claim.claim_button.click()
    qtbot.waitUntil(
        lambda: view.claim.state.text().startswith("You are reviewing this until"), timeout=WAIT
    )
    assert view.claim.release_button.isVisibleTo(view)
    assert not view.claim.break_button.isVisibleTo(view)
    _sync(qtbot, ana)

    _pull(qtbot, beto)
    qtbot.waitUntil(lambda: bool(beto.inbox.model.claims), timeout=WAIT)
    rows = {r.incident_id: beto.inbox.model.text(r, "triage") for r in beto.inbox.model.rows}
    assert "Ana is reviewing" in rows[report]
    assert not any("reviewing" in text for iid, text in rows.items() if iid != report)
    theirs = _open(qtbot, beto, report)
    qtbot.waitUntil(lambda: theirs.claim.held is not None, timeout=WAIT)
    assert theirs.claim.state.text().startswith("Ana is reviewing this until")
    assert not theirs.claim.claim_button.isEnabled()
    assert theirs.claim.break_button.isVisibleTo(theirs)
    said = answer_next_box("Break the claim")
    theirs.claim.break_button.click()
    assert "recorded for every coordinator" in said[1]
    qtbot.waitUntil(
        lambda: theirs.claim.state.text() == "Nobody is reviewing this report.", timeout=WAIT
    )
    qtbot.waitUntil(
        lambda: any("broke Ana's claim" in line for line in _history(theirs)), timeout=WAIT
    )
    _sync(qtbot, beto)

    _pull(qtbot, ana)
    ana.open_report(pair.incidents[1])  # away and back: the view reads the vault again
    view = _open(qtbot, ana, report)
    qtbot.waitUntil(lambda: view.claim.held is None and view.loaded is not None, timeout=WAIT)
    qtbot.waitUntil(
        lambda: any("Beto: broke Ana's claim" in line for line in _history(view)), timeout=WAIT
    )
    assert view.claim.state.text() == "Nobody is reviewing this report."


def test_keeping_a_claim_changes_nothing(qtbot, apps, pair) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    ana, beto = apps
    report = pair.incidents[0]
    view = _open(qtbot, ana, report)
    view.claim.claim_button.click()
    qtbot.waitUntil(lambda: view.claim.held is not None, timeout=WAIT)
    _sync(qtbot, ana)
    _pull(qtbot, beto)
    theirs = _open(qtbot, beto, report)
    qtbot.waitUntil(lambda: theirs.claim.held is not None, timeout=WAIT)
    answer_next_box("Keep it")
    theirs.claim.break_button.click()
    beto.session.runner.wait(WAIT)
    assert theirs.claim.held is not None
    assert theirs.claim.held.name == "Ana"
    assert not pair.beto.query("SELECT 1 FROM coord_events WHERE op = 'break'")


def test_a_shared_note_reaches_the_other_coordinator_and_a_private_one_does_not(  # type: ignore[no-untyped-def]
    qtbot,
    apps,
    pair,  # noqa: F811
) -> None:
    ana, beto = apps
    report = pair.incidents[1]
    view = _open(qtbot, ana, report)
    for text, shared in (("nota compartida 7Q", True), ("nota privada 3Z", False)):
        view.note.setPlainText(text)
        view.claim.shared.setChecked(shared)
        view.apply_button.click()
        qtbot.waitUntil(lambda t=text: t in view.fields.toHtml(), timeout=WAIT)  # type: ignore[misc]
        assert not view.claim.shared.isChecked()  # each note is private unless ticked again
    html = view.fields.toPlainText()
    assert "[shared with the other coordinators]: nota compartida 7Q" in html
    assert "nota privada 3Z" in html
    assert "[shared with the other coordinators]: nota privada" not in html
    _sync(qtbot, ana)

    _pull(qtbot, beto)
    theirs = _open(qtbot, beto, report)
    qtbot.waitUntil(lambda: "nota compartida 7Q" in theirs.fields.toPlainText(), timeout=WAIT)
    assert "[shared with the other coordinators]: nota compartida 7Q" in (
        theirs.fields.toPlainText()
    )
    assert "nota privada 3Z" not in theirs.fields.toPlainText()
    assert not any("nota privada" in str(n["text"]) for n in triage.notes(pair.beto, report))


def test_the_coordination_page_lists_members_and_shows_a_gap(qtbot, apps, pair) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    ana, _ = apps
    ana.actions["coordination"].trigger()
    page = ana.coordination
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=WAIT)
    names = {page.model.index(r, 0).data() for r in range(2)}
    assert names == {"Ana (you)", "Beto"}
    assert {page.model.index(r, 2).data() for r in range(2)} == {"active"}
    assert page.problems.item(0).text().startswith("No gaps, forks or refusals")

    report = pair.incidents[0]  # Beto decides three times, one relay object each
    for change in (
        TriageChange(review="in-review"),
        TriageChange(verification="corroborated"),
        TriageChange(tags=("pegasus",)),
    ):
        triaging.apply_triage(pair.beto, report, change, "Beto")
        assert pair.sync(pair.beto).events_sent == 1
    objects = [object_id for object_id, _ in pair.relay_objects()]
    pair.relay_sql("DELETE FROM coordination WHERE id = ?", (objects[1],))
    _sync(qtbot, ana)
    qtbot.waitUntil(lambda: "Missing decisions" in page.problems.item(0).text(), timeout=WAIT)
    line = page.problems.item(0).text()
    assert "from Beto (numbers 2)" in line
    assert "tell Beto and the coalition admin" in line
    beto_row = next(r for r in range(2) if page.model.index(r, 0).data() == "Beto")
    assert page.model.index(beto_row, 3).data() == "2 event(s)"  # held, not his highest number


def _row(page: Any, name: str) -> dict[str, str]:
    model = page.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    for r in range(model.rowCount()):
        if model.index(r, 0).data() == name:
            return {h: model.index(r, c).data() for c, h in enumerate(headers)}
    raise AssertionError(name)


def test_events_received_counts_only_the_others_and_sent_counts_mine(qtbot, apps, pair) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """Ana's own decisions are written in her vault, never received: they are what she sent."""
    ana, _ = apps
    first, second = pair.incidents[:2]
    triaging.apply_triage(pair.ana, first, TriageChange(review="in-review"), "Ana")
    triaging.apply_triage(pair.ana, second, TriageChange(verification="corroborated"), "Ana")
    triaging.apply_triage(pair.ana, second, TriageChange(tags=("pegasus",)), "Ana")
    assert pair.sync(pair.ana).events_sent == 3
    triaging.apply_triage(pair.ana, first, TriageChange(tags=("antena",)), "Ana")  # not sent yet
    triaging.apply_triage(pair.beto, first, TriageChange(verification="corroborated"), "Beto")
    assert pair.sync(pair.beto).events_sent == 1
    ana.actions["coordination"].trigger()
    page = ana.coordination
    _sync(qtbot, ana)
    qtbot.waitUntil(lambda: _row(page, "Beto")["Events received"] == "1 event(s)", timeout=WAIT)
    mine = _row(page, "Ana (you)")
    assert mine["Events received"] == "—"
    assert mine["Events sent"] == "4 event(s)"  # the fourth went with this page's sync
    assert _row(page, "Beto")["Events sent"] == "—"


def test_the_card_is_saved_and_a_roster_imported(qtbot, apps, pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    from ui.common.session import Session
    from ui.coordinator.coordination_page import CoordinationPage

    ana, _ = apps
    page = ana.coordination
    page.refresh()
    qtbot.waitUntil(lambda: page.status is not None, timeout=WAIT)
    page.name.setText("Ana (Red TDT)")
    page.name.setModified(True)
    out = tmp_path / "ana.testigo-card"
    page.save_card(out)
    qtbot.waitUntil(lambda: "saved to" in page.message.text(), timeout=WAIT)
    assert parse_card(out.read_bytes()).name == "Ana (Red TDT)"
    assert stat.S_IMODE(out.stat().st_mode) & 0o077 == 0

    carla = pair.new_coordinator("carla", with_roster=False)
    try:
        fresh = CoordinationPage(Session(carla))
        qtbot.addWidget(fresh)
        fresh.retranslateUi()
        fresh.refresh()
        qtbot.waitUntil(lambda: fresh.status is not None, timeout=WAIT)
        assert fresh.roster_label.text().startswith("No roster yet")
        bad = tmp_path / "not-a-roster.testigo-roster"
        bad.write_bytes(b"{}")
        fresh.import_roster(bad)
        qtbot.waitUntil(lambda: fresh.message.text() != "", timeout=WAIT)
        assert fresh.model.rowCount() == 0
        assert carla.query("SELECT count(*) FROM coord_rosters")[0][0] == 0
        fresh.import_roster(pair.coalition_dir / ROSTER_FILE)
        qtbot.waitUntil(lambda: fresh.model.rowCount() == 2, timeout=WAIT)
        assert "imported" in fresh.message.text()
        assert fresh.table.model().index(0, 1).data(Qt.ItemDataRole.UserRole)
        fresh.session.runner.close(10_000)
    finally:
        carla.close()


def test_a_cancelled_sync_loses_nothing_and_applies_nothing_twice(qtbot, apps, pair) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    from reporter.errors import Cancelled
    from ui.common.tasks import TaskControl, _mailbox
    from ui.coordinator.coordination_page import sync_cancellable

    ana, _ = apps
    report = pair.incidents[2]
    triaging.apply_triage(pair.beto, report, TriageChange(review="in-review"), "Beto")
    assert pair.sync(pair.beto).events_sent == 1
    control = TaskControl(0, _mailbox())
    control.cancel()  # asked before the first call to the relay: nothing is taken
    with pytest.raises(Cancelled):
        sync_cancellable(pair.ana, control, None)
    assert triage.triage_of(pair.ana, report).review == "new"

    page = ana.coordination  # in the app, cancelled at once: whichever came first …
    with qtbot.waitSignal(page.synced, timeout=WAIT):
        page.sync_button.click()
        page.cancel()
    text = page.message.text()
    assert text.startswith("Cancelled") or "refused" in text
    _sync(qtbot, ana)  # … the next sync ends with everything, once
    assert triage.triage_of(pair.ana, report).review == "in-review"
    reviews = [h for h in triage.history(pair.ana, report) if h["field"] == "review"]
    assert len(reviews) == 1


def test_new_coalition_keys_carried_by_hand_open_only_in_their_vault(  # type: ignore[no-untyped-def]
    qtbot,
    apps,
    pair,  # noqa: F811
    tmp_path: Path,
) -> None:
    from reporter.age import X25519Recipient
    from reporter.coordination.epoch_keys import epoch_keys_object
    from reporter.coordination.identity import my_identity
    from reporter.coordination.rotation import seal_for
    from reporter.inbox.epochs import epoch_identities
    from reporter.share.coalition import rotate_coalition
    from tests.sync.conftest import KEYS

    ana, beto = apps
    keys = rotate_coalition(pair.coalition_dir, KEYS)
    to_ana = X25519Recipient.from_string(my_identity(pair.ana).recipient)
    sealed = tmp_path / "epoch-2.testigo-keys"
    sealed.write_bytes(seal_for(epoch_keys_object(keys), [to_ana]))

    beto.coordination.import_epoch_keys(sealed)  # sealed to Ana only: refused, nothing kept
    qtbot.waitUntil(lambda: beto.coordination.message.text() != "", timeout=WAIT)
    assert "epoch" not in beto.coordination.message.text()
    assert {e.epoch for e in epoch_identities(pair.beto)} == {1}
    ana.coordination.import_epoch_keys(sealed)
    qtbot.waitUntil(lambda: "epoch 2" in ana.coordination.message.text(), timeout=WAIT)
    assert {e.epoch for e in epoch_identities(pair.ana)} == {1, 2}

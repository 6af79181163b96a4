"""The list behind a number holds every report it counts, a page at a time (it stopped at
1,000). 1,100 reports arrive in 110 real bundle files; a number is clicked in the window
and the inbox is scrolled to its end."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reporter.inbox.group_commit import import_files
from reporter.inbox.inbox import ImportResult, Inbox
from reporter.inbox.query import ReportFilter
from reporter.stats import counts
from reporter.stats.behind import Behind, count_behind, page_behind
from reporter.vault.vault import Vault
from tests.share.conftest import PASSPHRASE, make_world
from tests.share.signed_bundles import good_record, new_device, profile_of, seal

pytestmark = pytest.mark.gui

REPORTS, PER_BUNDLE = 1_100, 10


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("behind")
    world = make_world(root, "x25519")
    try:
        profile, device = profile_of(world.reporter), new_device()
        stick = root / "stick"
        stick.mkdir()
        for n in range(REPORTS // PER_BUNDLE):
            records = [good_record(title=f"R{n}-{k}") for k in range(PER_BUNDLE)]
            (stick / f"{n:03d}.age").write_bytes(seal(profile, device, records, seq=n + 1))
        outcomes = list(import_files(Inbox(world.coordinator), sorted(stick.iterdir())))
        assert all(isinstance(o, ImportResult) for _, o in outcomes)
        with world.coordinator.transaction() as conn:  # counted, as triage would make them
            conn.execute("UPDATE inbox_triage SET counting = 'counted'")
        return world.coordinator.home
    finally:
        world.reporter.close()
        world.coordinator.close()


@pytest.fixture
def vault(home: Path) -> Iterator[Vault]:
    opened = Vault.open(home, PASSPHRASE)
    yield opened
    opened.close()


def test_pages_of_ids_behind_a_number_hold_it_whole_once(vault: Vault) -> None:
    behind = Behind("state", "09", ReportFilter())
    assert count_behind(vault, behind) == counts(vault, "state").counts["09"] == REPORTS
    ids: list[str] = []
    cursor = None
    for _ in range(REPORTS):  # bounded: a page is at least one id
        page, cursor = page_behind(vault, behind, cursor, 300)
        ids += page
        if cursor is None:
            break
    assert len(ids) == len(set(ids)) == REPORTS
    received = {
        r[0]: (r[1], r[0])
        for r in vault.query("SELECT incident_id, received_at FROM inbox_current")
    }
    order = [received[i] for i in ids]
    assert order == sorted(order, reverse=True)  # the inbox's order, newest first


def test_clicking_a_number_lists_every_report_behind_it(qtbot: Any, vault: Vault) -> None:
    from ui.common.i18n import language
    from ui.common.session import Session
    from ui.coordinator.window import CoordinatorWindow

    language().set("en")
    window = CoordinatorWindow(Session(vault))
    qtbot.addWidget(window)
    window.show()
    try:
        window.drill("state", "09")
        model = window.inbox.model
        qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=20_000)
        assert model.total == REPORTS
        for _ in range(REPORTS):  # scroll to the end, a page at a time
            if not model.canFetchMore():
                break
            rows = model.rowCount()
            model.fetchMore()
            qtbot.waitUntil(lambda r=rows: model.rowCount() > r, timeout=20_000)
        assert model.rowCount() == REPORTS
        assert len({r.incident_id for r in model.rows}) == REPORTS
        assert str(REPORTS) in window.inbox.count.text()
    finally:
        window.session.runner.close(10_000)

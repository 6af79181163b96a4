"""A real relay on 127.0.0.1 with an enrolled reporter and coordinator (tests/sync's)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.sync.conftest import Mission, mission, relay_backend, relay_store  # noqa: F401


def upload(m: Mission) -> None:
    """The reporter's real engine sends what its outbox holds, once."""
    engine = m.engine()
    try:
        engine.run(force=True)
    finally:
        engine.close()


def send(m: Mission, *incidents: dict[str, Any]) -> list[str]:
    """The reporter records and shares each incident; its real engine uploads them."""
    from reporter.share.sharing import share_incidents

    ids = []
    for fields in incidents:
        iid = m.reporter.incidents.add({"incident_types": ["HAR.THREAT"], **fields})
        share_incidents(m.reporter, [iid], consents=["share_free_text"])
        ids.append(iid)
    upload(m)
    return ids


@pytest.fixture
def coordinator_window(qtbot, mission: Mission) -> Iterator[Any]:  # type: ignore[no-untyped-def]  # noqa: F811
    from ui.common.i18n import language
    from ui.common.session import Session
    from ui.coordinator.window import CoordinatorWindow

    language().set("en")
    window = CoordinatorWindow(Session(mission.coordinator))
    qtbot.addWidget(window)
    window.show()
    yield window
    window.session.runner.close(10_000)

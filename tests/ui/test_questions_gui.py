"""Issue 16, test 6 (the question): asked from the coordinator's report view, answered in the
reporter's incident editor, seen answered back in the report view; es and en.

Both workspaces' real windows on real vaults, a real relay on 127.0.0.1, real sync and pull.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from reporter.questions import asking
from reporter.share import device_questions
from reporter.share.sharing import share_incidents
from reporter.sync.coordinator import pull
from tests.sync.conftest import Mission, mission, relay_backend, relay_store  # noqa: F401
from tests.ui.coordinator.conftest import upload

pytestmark = pytest.mark.gui


@pytest.fixture
def windows(qtbot, mission: Mission) -> Iterator[tuple[Any, Any]]:  # type: ignore[no-untyped-def]  # noqa: F811
    from ui.common.i18n import language
    from ui.common.session import Session
    from ui.coordinator.window import CoordinatorWindow
    from ui.reporter.main_window import MainWindow

    language().set("en")
    coordinator = CoordinatorWindow(Session(mission.coordinator))
    reporter = MainWindow(Session(mission.reporter))
    for window in (coordinator, reporter):
        qtbot.addWidget(window)
        window.show()
    yield coordinator, reporter
    for window in (coordinator, reporter):
        window.session.runner.close(10_000)


def test_a_question_asked_in_the_report_view_is_answered_inside_the_incident(
    qtbot,  # type: ignore[no-untyped-def]
    mission: Mission,  # noqa: F811
    windows: tuple[Any, Any],
) -> None:
    from ui.common.i18n import language

    coordinator, reporter = windows
    incident_id = mission.reporter.incidents.add(
        {"title": "Seguimiento en la calle", "incident_types": ["HAR.THREAT"]}
    )
    share_incidents(mission.reporter, [incident_id], consents=["share_free_text"])
    upload(mission)
    assert pull(mission.coordinator).error is None

    # The coordinator asks from the report view: a question of the list and the exact day.
    coordinator.open_report(incident_id)
    panel = coordinator.report.questions
    dialog = panel.ask()
    codes = [
        dialog.templates.item(i).data(0x0100) for i in range(dialog.templates.count())
    ]  # Qt.UserRole
    dialog.templates.setCurrentRow(codes.index("when_exactly"))
    assert not dialog.text.isEnabled()  # the free text is for "my own question"
    dialog.requests["day"].setChecked(True)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=15_000)
    assert panel.model.items[0]["state"] == "sent"
    assert "When exactly did it happen?" in panel.model.data(panel.model.index(0))

    # The reporter's sync brings it into that incident, and only there.
    upload(mission)
    reporter.open_incident(incident_id)
    questions = reporter.editor.questions
    qtbot.waitUntil(lambda: questions.model.rowCount() == 1, timeout=15_000)
    assert "The coalition asks:" in questions.detail.text()
    assert "When exactly did it happen?" in questions.detail.text()
    assert not questions.share["day"].isHidden()  # only what was asked is offered
    assert questions.share["municipality"].isHidden()
    questions.answer_text.setPlainText("Fue el sábado por la mañana")
    questions.share["day"].setChecked(True)
    questions.answer_button.click()
    qtbot.waitUntil(lambda: questions.model.items[0]["state"] == "answered", timeout=15_000)
    assert reporter.editor.consents["share_exact_date"].isChecked()  # the form keeps step

    # Spanish on both sides, then the answer travels back.
    language().set("es")
    qtbot.waitUntil(lambda: "La coalición pregunta:" in questions.detail.text(), timeout=5000)
    assert "¿Cuándo ocurrió exactamente?" in questions.detail.text()
    share_incidents(mission.reporter, [incident_id])
    reporter.session.outboxChanged.emit()  # as the share page does: the panel follows
    qtbot.waitUntil(lambda: questions.model.items[0]["state"] == "sent", timeout=15_000)
    assert "respuesta enviada" in questions.model.data(questions.model.index(0))
    upload(mission)
    assert pull(mission.coordinator).error is None
    panel.reload()
    qtbot.waitUntil(lambda: panel.model.items[0]["state"] == "answered", timeout=15_000)
    assert "respondida en la revisión" in panel.model.data(panel.model.index(0))
    assert "Fue el sábado por la mañana" in panel.answer.text()
    assert "el día exacto" in panel.answer.text()
    (state,) = asking.asked(mission.coordinator, incident_id)
    assert state["answer"]["shared_fields"] == ["day"]
    assert device_questions.questions(mission.reporter, incident_id)[0]["state"] == "sent"
    language().set("en")


def test_a_question_with_nothing_asked_is_refused_in_the_dialog(
    qtbot,  # type: ignore[no-untyped-def]
    mission: Mission,  # noqa: F811
    windows: tuple[Any, Any],
) -> None:
    coordinator, _ = windows
    incident_id = mission.reporter.incidents.add({"title": "X", "incident_types": ["HAR.THREAT"]})
    share_incidents(mission.reporter, [incident_id])
    upload(mission)
    assert pull(mission.coordinator).error is None
    coordinator.open_report(incident_id)
    dialog = coordinator.report.questions.ask()
    dialog.templates.setCurrentRow(0)  # my own question, left empty, nothing requested
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible()
    assert dialog.error.text()
    assert asking.asked(mission.coordinator, incident_id) == []

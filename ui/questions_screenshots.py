"""Questions back to the reporter, both workspaces, es and en: python -m ui.questions_screenshots.

A real relay on 127.0.0.1, a reporter and a coordinator vault in a temp dir: the incident is
shared, asked about, answered and shared again through the real sync and pull, so every
state shown is the core's. Only the PNGs are written, into --out.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ui.common.screenshot_kit import (
    COALITION,
    PASS,
    Shots,
    close,
    each_language,
    later,
    studio,
    wait,
)

SIZE = (1180, 760)


def build(root: Path) -> tuple[Any, Any, Any, str]:
    """(relay, reporter vault, coordinator vault, incident id), one question answered."""
    from reporter.inbox.inbox import install_coalition_keys
    from reporter.questions import asking
    from reporter.relay.serve import BackgroundRelay
    from reporter.relay.storage import open_storage
    from reporter.share import device_questions
    from reporter.share.coalition import PROFILE_FILE, create_coalition, load_coalition_keys
    from reporter.share.profile import import_profile
    from reporter.share.sharing import share_incidents
    from reporter.sync.coordinator import pull
    from reporter.sync.engine import Backoff, SyncEngine, enroll
    from reporter.vault.vault import Vault

    relay = BackgroundRelay(root / "relay").start()

    def token(role: str) -> str:
        store = open_storage(root / "relay")
        try:
            return store.create_token(role)
        finally:
            store.close()

    create_coalition(root / "co", COALITION, [relay.url], PASS, "x25519")
    reporter = Vault.create(root / "reporter", PASS)
    import_profile(reporter, (root / "co" / PROFILE_FILE).read_bytes())
    enroll(reporter, token("device"))
    coordinator = Vault.create(root / "coord", PASS, role="coordinator")
    install_coalition_keys(coordinator, load_coalition_keys(root / "co", PASS))
    enroll(coordinator, token("coordinator"))

    def sync() -> None:
        engine = SyncEngine(reporter, backoff=Backoff(0.0, 0.0, 0.0))
        try:
            engine.run(force=True)
        finally:
            engine.close()

    incident_id = reporter.incidents.add(
        {
            "title": "Seguimiento en motocicleta y amenaza",
            "description": "Dos personas en motocicleta siguieron a la reportera hasta la radio.",
            "incident_types": ["HAR.THREAT", "SURV.PHYSICAL"],
            "status": "COMPLETE",
            "where": {"country": "MX", "state": "09"},
            "when": {"date": "2026-03-14", "precision": "DAY"},
        }
    )
    share_incidents(reporter, [incident_id], consents=["share_free_text"])
    sync()
    pull(coordinator)
    asking.ask_via_relay(coordinator, incident_id, template="when_exactly", requests=["day"])
    later()  # the questions are listed by when they were asked
    asking.ask_via_relay(
        coordinator, incident_id, text="¿Reconoció la motocicleta o la placa?", requests=["file"]
    )
    sync()
    first = next(q for q in device_questions.questions(reporter, incident_id) if q["template"])
    device_questions.answer_question(
        reporter, first["question_id"], "Fue el sábado 14 por la mañana.", ["day"]
    )
    share_incidents(reporter, [incident_id])
    sync()
    pull(coordinator)
    return relay, reporter, coordinator, incident_id


def main() -> int:
    from ui.common.session import Session
    from ui.coordinator.window import CoordinatorWindow
    from ui.reporter.main_window import MainWindow

    with studio() as (out, root):
        coord_shots, rep_shots = Shots(out, prefix="coord-", size=SIZE), Shots(out)
        relay, reporter, coordinator, incident_id = build(root)
        coord_session, rep_session = Session(coordinator), Session(reporter)
        coord_window, rep_window = CoordinatorWindow(coord_session), MainWindow(rep_session)
        for _lang in each_language():
            coord_window.open_report(incident_id)
            wait(coord_session)
            panel = coord_window.report.questions
            answered = [q["state"] for q in panel.model.items].index("answered")
            panel.view.setCurrentIndex(panel.model.index(answered))
            coord_shots.grab(coord_window, "questions")
            dialog = panel.ask()
            if dialog is not None:
                dialog.requests["municipality"].setChecked(True)
                coord_shots.grab(dialog, "ask", (560, 480))
                dialog.reject()
            rep_window.open_incident(incident_id)
            wait(rep_session)
            editor = rep_window.editor
            editor.tabs.setCurrentWidget(editor.questions)
            questions = editor.questions
            still_open = [q["state"] for q in questions.model.items].index("open")
            questions.view.setCurrentIndex(questions.model.index(still_open))
            wait(rep_session)
            rep_shots.grab(rep_window, "editor-questions", (1000, 700))
        close([coord_window, rep_window])
        for session in (coord_session, rep_session):
            session.runner.wait(10_000)
        reporter.close()
        coordinator.close()
        relay.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

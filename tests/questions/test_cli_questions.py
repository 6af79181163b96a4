"""The CLI of questions on both sides: `inbox ask`, `inbox questions`, `questions list`,
`questions answer`, `settings questions`; es and en; one-line errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from reporter.cli.main import main
from reporter.share import device_questions
from tests.questions.test_questions_end_to_end import _pull, _shared_and_pulled, _sync
from tests.sync.conftest import PASSPHRASE, Mission


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Any:
    monkeypatch.setenv("TESTIGO_PASSPHRASE", PASSPHRASE)

    def run(home: Path, *args: str) -> tuple[int, Any, str]:
        capsys.readouterr()
        status = main(["--home", str(home), *args])
        captured = capsys.readouterr()
        out = captured.out.strip()
        return status, json.loads(out) if "--json" in args and out else out, captured.err

    return run


def test_ask_list_answer_and_see_it_answered_from_the_command_line(
    mission: Mission, tmp_path: Path, cli: Any
) -> None:
    reporter, coordinator = tmp_path / "reporter", tmp_path / "coordinator"
    incident_id = _shared_and_pulled(mission, "Llamadas de un número oculto")

    status, sent, _ = cli(
        coordinator, "inbox", "ask", incident_id, "--template", "when_exactly",
        "--request", "day", "--json",
    )  # fmt: skip
    assert status == 0
    assert sent["state"] == "sent"
    _sync(mission)

    status, listed, _ = cli(reporter, "questions", "list", "--incident", incident_id, "--json")
    assert [q["question_id"] for q in listed] == [sent["question_id"]]
    _, text_es, _ = cli(reporter, "--lang", "es", "questions", "list")
    assert "Llamadas de un número oculto" in text_es
    assert "la coalición pregunta: ¿Cuándo ocurrió exactamente?" in text_es
    assert "le pide compartir: el día exacto" in text_es
    _, text_en, _ = cli(reporter, "--lang", "en", "questions", "list")
    assert "the coalition asks: When exactly did it happen?" in text_en

    status, _, _ = cli(reporter, "questions", "answer", sent["question_id"], "--text", "El 14")
    assert status == 0
    assert cli(reporter, "share", incident_id, "--yes", "--json")[0] == 0
    _sync(mission)
    _pull(mission)

    status, asked, _ = cli(coordinator, "inbox", "questions", incident_id, "--json")
    assert asked[0]["state"] == "answered"
    assert asked[0]["answer"]["text"] == "El 14"
    _, text_es, _ = cli(coordinator, "--lang", "es", "inbox", "questions")
    assert "respondida en la revisión" in text_es
    assert "respuesta: El 14" in text_es


def test_questions_can_be_turned_off_and_on(mission: Mission, tmp_path: Path, cli: Any) -> None:
    reporter = tmp_path / "reporter"
    assert cli(reporter, "settings", "questions", "--json")[1] == {"questions": True}
    status, text, _ = cli(reporter, "--lang", "es", "settings", "questions", "off")
    assert status == 0
    assert "desactivadas" in text
    assert not device_questions.questions_enabled(mission.reporter)
    assert cli(reporter, "settings", "questions", "on", "--json")[1] == {"questions": True}


def test_bad_questions_are_refused_in_one_line(mission: Mission, tmp_path: Path, cli: Any) -> None:
    coordinator, reporter = tmp_path / "coordinator", tmp_path / "reporter"
    incident_id = _shared_and_pulled(mission)
    status, out, err = cli(coordinator, "inbox", "ask", incident_id)
    assert status == 5
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err
    status, _, err = cli(coordinator, "inbox", "ask", "0" * 8, "--text", "¿Y?")
    assert status == 4
    status, _, err = cli(coordinator, "--lang", "es", "inbox", "ask", incident_id, "--text", " ")
    assert status == 5
    assert "obligatorio" in err
    status, _, err = cli(reporter, "questions", "answer", "ab" * 16, "--text", "hola")
    assert status == 4
    assert mission.coordinator.query("SELECT count(*) FROM inbox_questions") == [(0,)]

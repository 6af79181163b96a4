"""The export dialog (issue 14, test 4): format, filters, language, progress, the file written.

The vault holds reports received as real bundles (tests/exports/conftest.py); the export
runs in the session's TaskRunner, as in the app.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path

import pytest

from reporter.inbox.query import ReportFilter, select_ids
from tests.exports.conftest import Received, build_received

pytestmark = pytest.mark.gui


@pytest.fixture
def received(tmp_path: Path):  # type: ignore[no-untyped-def]
    got = build_received(tmp_path / "w")
    yield got
    got.vault.close()


def _dialog(qtbot, received: Received, **kw):  # type: ignore[no-untyped-def]
    from ui.common.tasks import TaskRunner
    from ui.coordinator.export_dialog import ExportDialog

    runner = TaskRunner(received.vault)
    dialog = ExportDialog(runner, **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog, runner


def _choose(box, code: str) -> None:  # type: ignore[no-untyped-def]
    box.setCurrentIndex(box.findData(code))


def test_export_a_filtered_csv_in_spanish_with_progress(
    qtbot, received: Received, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from ui.common.i18n import language

    language().set("es")
    dialog, runner = _dialog(qtbot, received)
    assert dialog.export_button.text() == "&Exportar"
    seen: list[int] = []
    dialog.progress.valueChanged.connect(seen.append)
    _choose(dialog.format, "csv")
    _choose(dialog.lang, "es")
    _choose(dialog.state, "09")
    out = tmp_path / "informe.csv"
    dialog.out.setText(str(out))
    with qtbot.waitSignal(dialog.exported, timeout=30000) as done:
        dialog.export_button.click()
    runner.wait(10000)
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8"))))
    expected = select_ids(received.vault, ReportFilter(states=("09",)))
    assert [r["id"] for r in rows] == expected
    assert {r["state_label"] for r in rows} == {"Ciudad de México"}
    assert done.args[0]["reports"] == len(expected)
    assert str(out) in dialog.status.text()
    assert dialog.progress.value() == dialog.progress.maximum()
    assert any(0 < v < dialog.progress.maximum() for v in seen)  # the worker's steps
    assert (tmp_path / "informe.codebook.csv").exists()
    language().set("en")


def test_export_a_pdf_in_english_and_a_refusal_shown(
    qtbot, received: Received, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from ui.common.i18n import language

    language().set("en")
    dialog, runner = _dialog(qtbot, received)
    _choose(dialog.format, "pdf")
    _choose(dialog.lang, "en")
    dialog.everything.setChecked(True)
    out = tmp_path / "summary.pdf"
    dialog.out.setText(str(out))
    with qtbot.waitSignal(dialog.exported, timeout=60000):
        dialog.export_button.click()
    runner.wait(10000)
    text = subprocess.run(
        ["pdftotext", str(out), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert f"Documented reports: {len(received.ids)}" in text
    # a date that does not exist: the core's error, in the dialog, nothing written
    dialog.date_from.setText("2026-13")
    bad = tmp_path / "bad.json"
    _choose(dialog.format, "json")
    dialog.out.setText(str(bad))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30000)
    assert "date" in dialog.status.text().lower()
    assert not bad.exists()


def test_a_packet_needs_chosen_cases(qtbot, received: Received, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog, runner = _dialog(qtbot, received)
    _choose(dialog.format, "packet")
    assert not dialog.export_button.isEnabled()
    assert not dialog.public.isEnabled()
    dialog2, runner2 = _dialog(qtbot, received, ids=(received.ids[0],))
    _choose(dialog2.format, "packet")
    out = tmp_path / "caso.zip"
    dialog2.out.setText(str(out))
    with qtbot.waitSignal(dialog2.exported, timeout=30000) as done:
        dialog2.export_button.click()
    runner2.wait(10000)
    assert done.args[0]["reports"] == 1
    import zipfile

    with zipfile.ZipFile(out) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    assert manifest["cases"] == [received.ids[0]]

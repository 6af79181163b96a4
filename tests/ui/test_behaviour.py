"""Issue 6: wrong passphrase, auto-lock, invalid input, share preview, responsiveness, leaks."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from tests.ui.coalition_setup import join_coalition
from tests.ui.conftest import PASSPHRASE, StallMeter
from tests.ui.dialogs import answer_next_box


def test_wrong_passphrase_says_so_and_waits_longer_each_time(qtbot, vault, home) -> None:  # type: ignore[no-untyped-def]
    from ui.common.i18n import language
    from ui.common.unlock import UnlockWindow

    language().set("en")
    vault.close()
    unlock = UnlockWindow(home)
    unlock.delay_unit_ms = 200
    qtbot.addWidget(unlock)
    delays = []
    for attempt in range(3):
        qtbot.waitUntil(unlock.button.isEnabled, timeout=10000)
        unlock.field.setText(f"wrong passphrase {attempt}")
        unlock.button.click()
        qtbot.waitUntil(lambda n=attempt: unlock.failures == n + 1, timeout=10000)
        assert "Wrong passphrase" in unlock.message.text()
        delays.append(unlock.delay_ms())
    assert delays == [0, 200, 400]
    assert not unlock.button.isEnabled()  # waiting out the delay
    qtbot.waitUntil(unlock.button.isEnabled, timeout=5000)
    unlock.field.setText(PASSPHRASE)
    with qtbot.waitSignal(unlock.unlocked, timeout=10000) as opened:
        unlock.button.click()
    opened.args[0].close()


def test_auto_lock_fires_after_idle_and_clears_the_views(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.session.vault.incidents.add({"title": "Visible", "incident_types": ["HAR.THREAT"]})
    window.list_page.model.reload()
    qtbot.waitUntil(lambda: window.list_page.model.rowCount() == 1, timeout=10000)
    QApplication.clipboard().setText("copiado del caso")
    with qtbot.waitSignal(window.lockedOut, timeout=10000):
        window.set_autolock_minutes(0.005)  # 300 ms of idleness
    assert window.session.is_locked
    assert window.list_page.model.rowCount() == 0
    assert window.editor.title.text() == ""
    assert QApplication.clipboard().text() == ""


def test_invalid_indicator_is_refused_and_nothing_saved(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    editor = window.editor
    window.new_incident()
    editor.title.setText("Con indicador")
    editor.types.item(0).setCheckState(editor.types.item(0).checkState().Checked)
    editor.indicator_type.set_code("domain-name")
    qtbot.keyClicks(editor.indicator_value, "no es un dominio")
    assert editor.indicator_error.text()  # said while typing
    editor.save_button.click()
    assert editor.status.text() == editor.indicator_error.text()
    window.session.runner.wait(5000)
    assert window.session.vault.incidents.count() == 0
    from ui.common.i18n import language

    language().set("es")  # said in the reader's language
    qtbot.keyClicks(editor.indicator_value, "x")
    said = editor.indicator_error.text()
    assert said.startswith("Valor no válido para 'Indicador técnico': ")  # the form's name
    assert "dominio" in said
    assert "domain" not in said


def test_municipality_takes_digits_and_shows_the_state_prefix(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    editor = window.editor
    window.new_incident()
    editor.state.set_code("12")
    assert editor.municipality.placeholderText() == "12001"
    assert editor.municipality_field.by_name.isHidden()  # no catalogue: code only
    qtbot.keyClicks(editor.municipality, "12a0x35")
    assert editor.municipality.text() == "12035"  # letters never get in


def test_municipality_by_name_once_inegi_catalogue_is_imported(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from reporter.incidents.municipalities import import_catalogue

    source = tmp_path / "ageem.csv"
    source.write_text(
        "CVE_ENT,CVE_MUN,NOM_MUN\n12,001,Acapulco de Juárez\n"
        "12,029,Chilpancingo de los Bravo\n09,015,Cuauhtémoc\n"
    )
    import_catalogue(window.session.vault, source)
    editor, field = window.editor, window.editor.municipality_field
    window.new_incident()
    qtbot.waitUntil(lambda: len(field.names) == 3, timeout=5000)  # read by a worker
    editor.state.set_code("12")
    assert not field.by_name.isHidden()  # (on the "where" tab)
    assert [field.by_name.itemText(i) for i in range(field.by_name.count())] == [
        "Acapulco de Juárez",
        "Chilpancingo de los Bravo",
    ]  # this state's only
    field.by_name.activated.emit(field.by_name.findText("Chilpancingo de los Bravo"))
    assert editor.municipality.text() == "12029"  # picking fills the code
    editor.municipality.setText("12001")
    assert field.by_name.currentText() == "Acapulco de Juárez"  # a code shows its name
    editor.title.setText("Con municipio")
    editor.types.item(0).setCheckState(editor.types.item(0).checkState().Checked)
    with qtbot.waitSignal(editor.saved, timeout=10000) as saved:
        editor.save_button.click()
    stored = window.session.vault.incidents.get(saved.args[0])
    assert stored["where"]["municipality"] == "12001"


def test_missing_attachment_is_reported_and_nothing_added(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    incident_id = window.session.vault.incidents.add(
        {"title": "x", "incident_types": ["HAR.THREAT"]}
    )
    window.open_incident(incident_id)
    qtbot.waitUntil(lambda: window.editor.incident_id == incident_id, timeout=10000)
    panel = window.editor.attachments
    panel.add(tmp_path / "no-existe.jpg")
    qtbot.waitUntil(lambda: panel.task is None, timeout=10000)
    box = (
        window.findChild(QApplication.activeModalWidget().__class__, "errorDialog")
        if QApplication.activeModalWidget()
        else None
    )
    dialogs = [w for w in QApplication.topLevelWidgets() if w.objectName() == "errorDialog"]
    assert dialogs or box
    assert "not found" in dialogs[-1].text().lower()
    assert window.session.vault.attachments.list(incident_id) == []


def test_share_preview_has_no_private_field_and_equals_the_core(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from reporter.share.sharing import preview

    vault = window.session.vault
    join_coalition(vault, tmp_path)
    canaries = ["CANARYNAME9", "CANARYNOTE9", "CANARYPLACE9", "CANARYCONTACT9"]
    incident_id = vault.incidents.add(
        {
            "title": "Caso de CANARYNAME9",
            "incident_types": ["SURV.SPYWARE"],
            "private_notes": "CANARYNOTE9",
            "where": {"state": "09", "place": "CANARYPLACE9"},
            "targets": [{"names": ["CANARYNAME9"], "contact": "CANARYCONTACT9"}],
            "consent": {"share_free_text": True},
        }
    )
    window.share_incident(incident_id)
    page = window.share_page
    qtbot.waitUntil(lambda: page.preview is not None, timeout=10000)
    exact = page.shared.toPlainText()
    assert json.loads(exact) == preview(vault, incident_id)
    model = page.model

    def column(col: int) -> list[str]:
        return [str(model.data(model.index(r, col))) for r in range(model.rowCount())]

    fields, recorded, leaves, status = (column(c) for c in range(4))
    for canary in canaries:
        assert canary not in exact
        assert not any(canary in text for text in leaves), canary
        assert any(canary in text for text in recorded), canary  # shown, marked as staying
    rows = dict(zip(fields, zip(recorded, leaves, status, strict=True), strict=True))
    assert rows["Private notes"] == ("CANARYNOTE9", "(nothing)", "Stays here")
    assert rows["Exact place"][2] == rows["Person 1: names"][2] == "Stays here"
    assert rows["Title"] == ("Caso de CANARYNAME9", "Caso de […]", "Leaves generalized")
    assert rows["Incident types"][1] == "Targeted spyware (attempt or infection)"
    assert rows["State"][2] == "Leaves as it is"
    page.filter.setCurrentIndex(1)  # only what leaves
    assert page.proxy.rowCount() == sum(s != "Stays here" for s in status) > 0
    page.exact_button.click()
    assert page.views.currentWidget() is page.shared
    answer_next_box("Share it")  # a draft: the app asks first
    with qtbot.waitSignal(page.sent, timeout=10000):
        page.send_button.click()


def test_ui_stays_responsive_while_a_256_mib_file_is_added(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    big = tmp_path / "grande.bin"
    with big.open("wb") as handle:
        block = os.urandom(1024 * 1024)
        for _ in range(256):
            handle.write(block)
    incident_id = window.session.vault.incidents.add(
        {"title": "x", "incident_types": ["HAR.THREAT"]}
    )
    window.open_incident(incident_id)
    qtbot.waitUntil(lambda: window.editor.incident_id == incident_id, timeout=10000)
    panel = window.editor.attachments
    with StallMeter() as meter:
        panel.add(big)
        qtbot.waitUntil(lambda: panel.task is None, timeout=120000)
    assert len(window.session.vault.attachments.list(incident_id)) == 1
    assert len(meter.gaps) > 20
    meter.assert_responsive()


def test_no_canary_outside_the_vault_after_a_session(
    qtbot,
    window,
    tmp_path,  # type: ignore[no-untyped-def]
    private_environment: Path,
) -> None:
    canary = "CANARYSESSION42"
    evidence = tmp_path / "fuera" / "evidencia.txt"
    evidence.parent.mkdir()
    evidence.write_text(f"contenido {canary}")
    window.new_incident()
    window.editor.title.setText(f"Caso {canary}")
    window.editor.notes.setPlainText(f"nota {canary}")
    window.editor.types.item(0).setCheckState(window.editor.types.item(0).checkState().Checked)
    with qtbot.waitSignal(window.editor.saved, timeout=10000) as saved:
        window.editor.save_button.click()
    panel = window.editor.attachments
    panel.add(evidence)
    qtbot.waitUntil(lambda: panel.task is None and panel.list.count() == 1, timeout=10000)
    panel.list.setCurrentRow(0)
    panel.view()
    qtbot.waitUntil(
        lambda: any(w.objectName() == "attachmentViewer" for w in QApplication.topLevelWidgets()),
        timeout=10000,
    )
    window.show_list()
    window.list_page.search.setText(canary.lower())
    qtbot.waitUntil(lambda: window.list_page.model.rowCount() == 1, timeout=10000)
    window.lock()
    assert saved.args[0]
    evidence.unlink()
    hits = [
        str(p)
        for p in private_environment.rglob("*")
        if p.is_file() and canary.encode() in p.read_bytes()
    ]
    assert hits == []


@pytest.mark.parametrize("lang", ["es", "en"])
def test_language_switch_retranslates_without_restart(qtbot, window, lang) -> None:  # type: ignore[no-untyped-def]
    from ui.common.i18n import language

    language().set(lang)
    expected = {"es": "Bloquear", "en": "Lock"}[lang]
    assert window.actions["lock"].text() == expected


def test_share_sends_only_the_files_ticked_and_photos_without_metadata(  # type: ignore[no-untyped-def]
    qtbot, window, tmp_path
) -> None:
    import hashlib
    import io

    from PIL import Image
    from PySide6.QtCore import Qt

    from reporter.share.outbox_store import OutboxStore

    vault = window.session.vault
    join_coalition(vault, tmp_path)
    exif = Image.Exif()
    exif[0x010F] = "CANARYCAMERA"
    photo = io.BytesIO()
    Image.effect_noise((40, 30), 30).convert("RGB").save(photo, "JPEG", exif=exif.tobytes())
    (tmp_path / "auto-en-la-esquina.jpg").write_bytes(photo.getvalue())
    (tmp_path / "notas.txt").write_text("solo para mí")
    incident_id = vault.incidents.add({"title": "Auto", "incident_types": ["SURV.PHYSICAL"]})
    vault.attachments.add(incident_id, tmp_path / "auto-en-la-esquina.jpg")
    vault.attachments.add(incident_id, tmp_path / "notas.txt")

    window.share_incident(incident_id)
    page = window.share_page
    qtbot.waitUntil(lambda: page.send_button.isEnabled(), timeout=10000)
    assert page.files.isVisible()
    assert page.files.model().rowCount() == 2
    assert page.files.visualRect(page.files_model.index(1, 0)).height() > 0  # drawn
    assert page.preview["attachments"] == []  # nothing unless ticked
    photo_item = next(
        page.files_model.item(r) for r in range(2) if "esquina" in page.files_model.item(r).text()
    )
    photo_item.setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(
        lambda: page.send_button.isEnabled() and len(page.preview["attachments"]) == 1,
        timeout=10000,
    )
    leaving = page.preview["attachments"][0]
    assert leaving["sha256"] != hashlib.sha256(photo.getvalue()).hexdigest()  # cleaned
    files_row = next(r for r in page.model.rows if r.field == "attachments")
    assert "esquina" in files_row.recorded
    assert "esquina" not in files_row.shared
    assert "image/jpeg" in files_row.shared
    answer_next_box("Share it")  # a draft: the app asks first
    with qtbot.waitSignal(page.sent, timeout=10000) as sent:
        page.send_button.click()
    assert OutboxStore(vault).get(sent.args[0])["size"] > 0
    assert vault.incidents.get(incident_id)["consent"]["share_attachments"]["granted"]


def test_connection_setting_chooses_the_proxy(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("TESTIGO_TOR_SOCKS", "socks5h://127.0.0.1:9150")
    page = window.settings_page
    chosen: list[object] = []
    page.connectionChanged.connect(chosen.append)
    page.connection.setCurrentIndex(page.connection.findData("socks"))
    assert page.proxy.isEnabled()
    page.proxy.setText("socks5h://127.0.0.1:1081")
    page.proxy.editingFinished.emit()
    assert chosen[-1] == window.outbox_page.proxy == "socks5h://127.0.0.1:1081"
    page.connection.setCurrentIndex(page.connection.findData("tor"))
    assert not page.proxy.isEnabled()  # not used: not editable
    assert chosen[-1] == "socks5h://127.0.0.1:9150"  # Tor Browser's port, from the env
    page.connection.setCurrentIndex(page.connection.findData("direct"))
    assert chosen[-1] is None
    assert window.outbox_page.proxy is None

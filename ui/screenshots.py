"""Render every screen in Spanish and English into PNGs (offscreen): python -m ui.screenshots.

Uses a throwaway vault with sample incidents; nothing is written outside --out and a temp dir
that is deleted afterwards.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QCoreApplication  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from reporter.vault import keyfile  # noqa: E402

if TYPE_CHECKING:
    from reporter.vault.vault import Vault

keyfile.FAST_KDF_FOR_TESTS = True  # throwaway sample vaults (set in code: no variable can)

PASS = "screenshot passphrase for samples 1"  # noqa: S105 - a throwaway vault
SAMPLES: list[dict[str, Any]] = [
    {
        "title": "Mensaje con enlace sospechoso a periodista",
        "incident_types": ["SURV.SPYWARE"],
        "description": "Llegó un SMS con un enlace acortado que imitaba a un banco.",
        "where": {"state": "09", "place": "Redacción, colonia Roma"},
        "when": {"date": "2026-10-14"},
        "status": "COMPLETE",
        "targets": [{"profiles": ["JOURNALIST"], "names": ["Lucía Gómez"], "gender": "WOMAN"}],
        "digital": {
            "vectors": ["SMS_LINK"],
            "compromise_status": "SUSPECTED",
            "spyware_family": "PEGASUS",
        },
        "indicators": [{"type": "domain-name", "value": "banco-seguro-mx.example.com"}],
        "consent": {"share_free_text": True},
        "private_notes": "Ella pidió no ser nombrada.",
    },
    {
        "title": "Seguimiento en motocicleta",
        "incident_types": ["SURV.PHYSICAL", "HAR.THREAT"],
        "where": {"state": "30", "municipality": "30087"},
        "when": {"date": "2026-11-02"},
    },
    {
        "title": "Allanamiento de oficina de colectivo",
        "incident_types": ["HAR.RAID"],
        "where": {"state": "12"},
        "when": {"date": "2026-09-21"},
    },
]


def grab(widget: QWidget, out: Path, name: str, size: tuple[int, int] | None = None) -> None:
    if size is None:
        widget.resize(max(widget.width(), 1000), max(widget.height(), 640))
    else:
        widget.resize(*size)
    widget.show()
    for _ in range(5):
        QApplication.processEvents()
    widget.grab().save(str(out / f"{name}.png"))


def grab_next_box(out: Path, name: str) -> None:
    """Save the next message box a call opens (it runs its own loop), then answer No."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    def shoot() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, shoot)
            return
        for _ in range(5):
            QApplication.processEvents()
        shot = box.grab()
        parent = box.parentWidget()
        window = parent.window() if parent is not None else None
        if window is not None:  # the box over the window it asks from, as a person sees it
            from PySide6.QtGui import QColor, QPainter

            under = window.grab()
            painter = QPainter(under)
            painter.fillRect(under.rect(), QColor(0, 0, 0, 90))
            painter.drawPixmap(
                (under.width() - shot.width()) // 2, (under.height() - shot.height()) // 3, shot
            )
            painter.end()
            shot = under
        shot.save(str(out / f"{name}.png"))
        for button in box.buttons():  # "Not now": nothing is changed by a screenshot
            if box.buttonRole(button) == QMessageBox.ButtonRole.RejectRole:
                button.click()

    QTimer.singleShot(0, shoot)


def wait(session: Any) -> None:
    for _ in range(200):
        QApplication.processEvents()
        session.runner.wait(50)
    QApplication.processEvents()


def notice_shots(root: Path, vault: Vault, window: Any, out: Path) -> None:
    """The banner after the device took the coalition's rotated profile, in both languages;
    then seen, so the other screenshots stay as they were."""
    from reporter.share.coalition import rotate_coalition
    from reporter.share.profile_update import mark_seen, notices, take_profile_update
    from ui.common.i18n import language

    take_profile_update(vault, rotate_coalition(root / "co", PASS).profile.raw)
    window.show_list()
    window.profile_notice.refresh()
    wait(window.session)
    for lang in ("es", "en"):
        language().set(lang)
        grab(window, out, f"{lang}-profile-notice")
    language().set("es")
    mark_seen(vault, [n["id"] for n in notices(vault)])
    window.profile_notice.refresh()
    wait(window.session)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="docs/screenshots")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    QCoreApplication.setOrganizationName("TestigoScreenshots")
    from reporter.errors import WrongPassphrase
    from reporter.share.coalition import PROFILE_FILE, create_coalition
    from reporter.share.profile import import_profile
    from reporter.vault.vault import Vault
    from ui.common.first_run import FirstRunWizard
    from ui.common.i18n import language
    from ui.common.session import Session
    from ui.common.unlock import UnlockWindow
    from ui.reporter.main_window import MainWindow

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        create_coalition(
            root / "co",
            "Red por la Libertad de Expresión",
            ["https://relay.example.org"],
            PASS,
            "x25519",
        )
        vault = Vault.create(root / "vault", PASS)
        import_profile(vault, (root / "co" / PROFILE_FILE).read_bytes())
        ids = vault.incidents.add_many(SAMPLES)
        import io

        from PIL import Image

        from reporter.share.sharing import share_incidents

        photo = io.BytesIO()  # a photo the reporter may choose to send
        Image.effect_noise((64, 48), 30).convert("RGB").save(photo, "JPEG")
        photo.seek(0)
        vault.attachments.add(ids[0], photo, name="captura-del-mensaje.jpg")
        from reporter.incidents.municipalities import import_catalogue

        excerpt = root / "inegi-excerpt.csv"  # a few rows of INEGI's catalogue
        excerpt.write_text(
            "CVE_ENT,CVE_MUN,NOM_MUN\n30,039,Coatzacoalcos\n30,087,Xalapa\n"
            "30,193,Veracruz\n09,015,Cuauhtémoc\n"
        )
        import_catalogue(vault, excerpt)
        share_incidents(vault, [ids[2]])  # something waiting in the outbox
        from reporter.errors import NetworkError
        from reporter.share.outbox_store import OutboxStore, error_fields

        outbox = OutboxStore(vault)  # and one cut off halfway by the network
        halfway = share_incidents(vault, [ids[1]])
        outbox.transition(
            halfway,
            state="queued",
            upload_offset=outbox.get(halfway)["size"] * 2 // 5,
            **error_fields(NetworkError(reason="timed out")),
        )
        for lang in ("es", "en"):
            language().set(lang)
            wizard = FirstRunWizard(root / f"new-{lang}")
            for step in ("1-language", "2-protects", "3-passphrase"):
                grab(wizard, out, f"{lang}-first-run-{step}")
                if step == "3-passphrase":
                    break
                wizard.next()
            wizard.passphrase_page.first.setText("corto")
            grab(wizard, out, f"{lang}-first-run-3-passphrase")
            wizard.close()
            unlock = UnlockWindow(root / "vault")
            unlock._failed(WrongPassphrase())  # the real message, in the current language
            grab(unlock, out, f"{lang}-unlock")
            unlock.close()
            session = Session(vault)
            window = MainWindow(session)
            window.show_list()
            wait(session)
            grab(window, out, f"{lang}-incidents")
            window.open_incident(ids[0])
            wait(session)
            grab(window, out, f"{lang}-editor")
            window.editor.tabs.setCurrentIndex(4)
            grab(window, out, f"{lang}-editor-consent")
            window.open_incident(ids[1])  # municipality picked by name
            wait(session)
            window.editor.tabs.setCurrentIndex(1)
            grab(window, out, f"{lang}-editor-where")
            window.share_incident(ids[0])
            wait(session)
            grab(window, out, f"{lang}-share")
            window.share_incident(ids[1])  # a draft: sharing it asks first
            wait(session)
            grab_next_box(out, f"{lang}-share-confirm-draft")
            window.share_page.send()
            window.show_outbox()
            wait(session)
            grab(window, out, f"{lang}-outbox")
            usb = root / f"usb-{lang}"
            usb.mkdir()
            window.outbox_page.save_to_usb(usb)  # carried by hand, waiting for receipts
            wait(session)
            window.outbox_page.refresh()
            wait(session)
            grab(window, out, f"{lang}-outbox-carried")
            window.stack.setCurrentWidget(window.settings_page)
            grab(window, out, f"{lang}-settings")
            window.show_coalition()
            wait(session)
            grab(window, out, f"{lang}-settings-coalition")
            if lang == "es":  # the coalition rotates its key; the device takes it
                notice_shots(root, vault, window, out)
            window.settings_page.show_tab(window.settings_page.general)
            for item in OutboxStore(vault).list():  # the next language starts as before
                outbox.transition(item["bundle_id"], exported_at=None)
            window.hide()
            window.autolock.stop()
        vault.close()
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())

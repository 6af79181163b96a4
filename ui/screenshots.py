"""Render every screen in Spanish and English into PNGs (offscreen): python -m ui.screenshots.

Uses a throwaway vault with sample incidents; nothing is written outside --out and a temp dir
that is deleted afterwards.
"""

from __future__ import annotations

import io
import random
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ui.common.screenshot_kit import (
    COALITION,
    PASS,
    SEED,
    Shots,
    close,
    each_language,
    studio,
    wait,
)

if TYPE_CHECKING:
    from reporter.vault.vault import Vault

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


def notice_shots(root: Path, vault: Vault, window: Any, shots: Shots) -> None:
    """The banner after the device took the coalition's rotated profile, in both languages;
    then seen, so the other screenshots stay as they were."""
    from reporter.share.coalition import rotate_coalition
    from reporter.share.profile_update import mark_seen, notices, take_profile_update
    from ui.common.i18n import language

    take_profile_update(vault, rotate_coalition(root / "co", PASS).profile.raw)
    window.show_list()
    window.profile_notice.refresh()
    wait(window.session)
    for _lang in each_language():
        shots.grab(window, "profile-notice")
    language().set("es")
    mark_seen(vault, [n["id"] for n in notices(vault)])
    window.profile_notice.refresh()
    wait(window.session)


def message_capture() -> io.BytesIO:
    """A screenshot of a threatening text message, as a reporter attaches one (made up)."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (900, 560), (236, 229, 221))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 900, 70), fill=(7, 94, 84))
    draw.text((24, 24), "+52 55 0000 0000", fill=(255, 255, 255), font_size=26)
    lines = [
        "Deja de publicar sobre el contrato.",
        "Sabemos donde vives y a que hora sales.",
        "Es el ultimo aviso.",
    ]
    for n, line in enumerate(lines):
        top = 110 + n * 120
        draw.rounded_rectangle((30, top, 760, top + 90), radius=18, fill=(255, 255, 255))
        draw.text((54, top + 28), line, fill=(20, 20, 20), font_size=30)
    out = io.BytesIO()
    image.save(out, "PNG")
    out.seek(0)
    return out


def viewer_shot(window: Any, session: Any, shots: Shots) -> None:
    """The evidence viewer over the editor, showing the attached screenshot."""
    panel = window.editor.attachments
    window.editor.tabs.setCurrentIndex(window.editor.tabs.indexOf(panel))
    for row in range(panel.list.count()):
        if "captura-sms" in panel.list.item(row).text():
            panel.list.setCurrentRow(row)
    panel.view()
    for _ in range(100):
        wait(session)
        if panel.viewers.viewers():
            break
    viewer = panel.viewers.viewers()[0]
    shots.grab(viewer, "viewer", size=(960, 640))
    panel.close_viewers()
    wait(session)


def main() -> int:
    from reporter.errors import WrongPassphrase
    from reporter.share.coalition import PROFILE_FILE, create_coalition
    from reporter.share.profile import import_profile
    from reporter.vault.vault import Vault
    from ui.common.first_run import FirstRunWizard
    from ui.common.session import Session
    from ui.common.unlock import UnlockWindow
    from ui.reporter.main_window import MainWindow

    with studio() as (out, root):
        shots = Shots(out)
        create_coalition(root / "co", COALITION, ["https://relay.example.org"], PASS, "x25519")
        vault = Vault.create(root / "vault", PASS)
        import_profile(vault, (root / "co" / PROFILE_FILE).read_bytes())
        ids = vault.incidents.add_many(SAMPLES)
        from PIL import Image

        from reporter.share.sharing import share_incidents

        photo = io.BytesIO()  # a photo the reporter may choose to send (seeded noise)
        grain = random.Random(SEED).randbytes(64 * 48)  # noqa: S311 - a sample picture
        Image.frombytes("L", (64, 48), grain).convert("RGB").save(photo, "JPEG")
        photo.seek(0)
        vault.attachments.add(ids[0], photo, name="captura-del-mensaje.jpg")
        vault.attachments.add(ids[0], message_capture(), name="captura-sms.png")
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
        for lang in each_language():
            wizard = FirstRunWizard(root / f"new-{lang}")
            for step in ("1-language", "2-protects", "3-passphrase"):
                shots.grab(wizard, f"first-run-{step}")
                if step == "3-passphrase":
                    break
                wizard.next()
            wizard.passphrase_page.first.setText("corto")
            shots.grab(wizard, "first-run-3-passphrase")
            wizard.close()
            unlock = UnlockWindow(root / "vault")
            unlock._failed(WrongPassphrase())  # the real message, in the current language
            shots.grab(unlock, "unlock")
            unlock.close()
            session = Session(vault)
            window = MainWindow(session)
            window.show_list()
            wait(session)
            shots.grab(window, "incidents")
            window.open_incident(ids[0])
            wait(session)
            shots.grab(window, "editor")
            window.editor.tabs.setCurrentIndex(4)
            shots.grab(window, "editor-consent")
            viewer_shot(window, session, shots)
            window.open_incident(ids[1])  # municipality picked by name
            wait(session)
            window.editor.tabs.setCurrentIndex(1)
            shots.grab(window, "editor-where")
            window.share_incident(ids[0])
            wait(session)
            shots.grab(window, "share")
            window.share_incident(ids[1])  # a draft: sharing it asks first
            wait(session)
            shots.next_box("share-confirm-draft")
            window.share_page.send()
            window.show_outbox()
            wait(session)
            window.outbox_page.table.clearFocus()  # whether it took focus is a race
            shots.grab(window, "outbox")
            usb = root / f"usb-{lang}"
            usb.mkdir()
            window.outbox_page.save_to_usb(usb)  # carried by hand, waiting for receipts
            wait(session)
            window.outbox_page.refresh()
            wait(session)
            shots.grab(window, "outbox-carried")
            window.stack.setCurrentWidget(window.settings_page)
            shots.grab(window, "settings")
            window.show_coalition()
            wait(session)
            shots.grab(window, "settings-coalition")
            if lang == "es":  # the coalition rotates its key; the device takes it
                notice_shots(root, vault, window, shots)
            window.settings_page.show_tab(window.settings_page.general)
            for item in OutboxStore(vault).list():  # the next language starts as before
                outbox.transition(item["bundle_id"], exported_at=None)
            close([window])
        vault.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

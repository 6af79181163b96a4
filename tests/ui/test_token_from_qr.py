"""Issue 19: Settings → Coalition reads the enrollment token from a QR image file.

The trainer's token as a QR PNG (made here by segno), read by the page's "Read from a QR
image…" (the step after its file dialog), fills the token field; Connect then enrolls with a
real loopback relay. A QR that is not a token says why and fills nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reporter.relay_client.settings import relay_settings
from reporter.share.coalition import PROFILE_FILE, create_coalition
from tests.core.test_token_image import qr_png
from tests.ui.test_connect_and_carry import KEYS, relay  # noqa: F401

pytestmark = pytest.mark.gui
WAIT = 20_000


def test_a_token_read_from_a_qr_image_enrolls(  # type: ignore[no-untyped-def]
    qtbot,
    window,
    relay,  # noqa: F811
    tmp_path: Path,
) -> None:
    from ui.common.i18n import language

    create_coalition(tmp_path / "co", "Red", [relay.url], KEYS, "x25519")
    coalition = window.coalition_page
    coalition.load_profile(tmp_path / "co" / PROFILE_FILE)
    qtbot.waitUntil(coalition.qr_button.isEnabled, timeout=WAIT)
    assert coalition.qr_button.text().replace("&", "") == "Read from a QR image…"
    language().set("es")
    assert coalition.qr_button.text().replace("&", "") == "Leer de una imagen QR…"
    language().set("en")

    web = qr_png(tmp_path / "web.png", "https://example.org/")
    coalition.read_qr_image(web)
    qtbot.waitUntil(lambda: "enrollment token" in coalition.enroll_status.text(), timeout=WAIT)
    assert coalition.token.text() == ""

    token = relay.token()
    coalition.read_qr_image(qr_png(tmp_path / "token.png", token))
    qtbot.waitUntil(lambda: coalition.token.text() == token, timeout=WAIT)
    coalition.enroll_button.click()
    qtbot.waitUntil(lambda: coalition.state["enrolled"], timeout=WAIT)
    assert coalition.token.text() == ""  # used once; it does not stay on the screen
    assert relay_settings(window.session.vault)[2]  # the relay's credential is in the vault

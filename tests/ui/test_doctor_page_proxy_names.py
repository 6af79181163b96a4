"""The app's Doctor page says who looks up the relay's name, for the connection chosen in the
settings: a warning with what to do for socks5://, fine for socks5h://."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui


def names_row(window):  # type: ignore[no-untyped-def]
    page = window.doctor_page
    for i in range(page.model.rowCount()):
        item = page.model.item(i)
        if item.toolTip() == "relay.names":
            return dict(page.rows())["relay.names"], item.text()
    return None, ""


def check_again(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    page = window.doctor_page
    page.results = []
    page.run_button.click()
    qtbot.waitUntil(lambda: page.task is None and page.model.rowCount() > 0, timeout=30000)


@pytest.fixture
def spanish(window):  # type: ignore[no-untyped-def]
    """Once the window is up: it takes the saved language when it starts."""
    from ui.common.i18n import language

    language().set("es")
    yield
    language().set("en")


@pytest.mark.usefixtures("spanish")
def test_doctor_page_warns_about_the_chosen_socks5_proxy(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    settings = window.settings_page
    settings.connection.setCurrentIndex(settings.connection.findData("socks"))
    settings.proxy.setText("socks5://127.0.0.1:1081")
    settings.proxy.editingFinished.emit()
    assert window.doctor_page.proxy == "socks5://127.0.0.1:1081"
    check_again(qtbot, window)
    status, text = names_row(window)
    assert status == "warn"
    assert "su servidor DNS sabe qué relevo usa" in text
    assert "Qué hacer" in text
    assert "socks5h://" in text.split("Qué hacer")[1]
    settings.proxy.setText("socks5h://127.0.0.1:1081")
    settings.proxy.editingFinished.emit()
    check_again(qtbot, window)
    status, text = names_row(window)
    assert status == "ok"
    assert "Qué hacer" not in text

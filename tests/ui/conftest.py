"""GUI tests: offscreen Qt, a private HOME/TMPDIR/XDG tree, real vault files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QElapsedTimer, QSettings, QTimer

PASSPHRASE = "correct horse battery staple 42"


class StallMeter:
    """A 10 ms timer on the UI thread: the gaps between its ticks are the event loop's stalls."""

    INTERVAL_MS = 10

    def __init__(self) -> None:
        self.gaps: list[int] = []
        self.elapsed_ms = 0
        self._clock = QElapsedTimer()
        self._span = QElapsedTimer()
        self._ticker = QTimer()
        self._ticker.setInterval(self.INTERVAL_MS)
        self._ticker.timeout.connect(self._tick)

    def _tick(self) -> None:
        self.gaps.append(self._clock.restart())

    def __enter__(self) -> StallMeter:
        self._clock.start()
        self._span.start()
        self._ticker.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._ticker.stop()
        self.elapsed_ms = self._span.elapsed()

    def worst_stall_ms(self) -> int:
        """Longest time the loop could not run a timer, beyond the timer's own interval."""
        return max(self.gaps[1:], default=0) - self.INTERVAL_MS

    def assert_responsive(self, qtbot, limit_ms: int = 50) -> None:  # type: ignore[no-untyped-def]
        """The app's own stalls stay under limit_ms, beyond what the machine's load causes.

        The baseline is the same loop doing nothing for as long as the work took (at most
        10 s), right after it, on the same loaded or idle machine.
        """
        with StallMeter() as idle:
            qtbot.wait(max(500, min(self.elapsed_ms, 10_000)))
        baseline, worst = idle.worst_stall_ms(), self.worst_stall_ms()
        assert worst < limit_ms + baseline, (
            f"event loop stalled {worst} ms; idle on this machine it stalled {baseline} ms")


@pytest.fixture(scope="session", autouse=True)
def compiled_translations() -> None:
    """The install step builds the .qm files; build them here too if they are stale."""
    from ui import build_translations

    for lang in build_translations.LANGS:
        ts = build_translations.I18N / f"testigo_{lang}.ts"
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            build_translations.release()
            return


@pytest.fixture(autouse=True)
def private_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Everything a session could touch lives under tmp_path, so leaks can be scanned."""
    for name in ("HOME", "TMPDIR", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME",
                 "XDG_RUNTIME_DIR"):
        path = tmp_path / "env" / name.lower()
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        monkeypatch.setenv(name, str(path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "env" / "tmpdir"))
    QCoreApplication.setOrganizationName("TestigoTests")
    QCoreApplication.setApplicationName("TestigoTests")
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "env" / "xdg_config_home"))
    QSettings().clear()
    return tmp_path / "env"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def vault(home: Path) -> Iterator[object]:
    from reporter.vault.vault import Vault

    v = Vault.create(home, PASSPHRASE)
    yield v
    v.close()


@pytest.fixture
def window(qtbot, vault):  # type: ignore[no-untyped-def]
    from ui.i18n import language
    from ui.main_window import MainWindow
    from ui.session import Session

    language().set("en")
    session = Session(vault)
    win = MainWindow(session)
    qtbot.addWidget(win)
    win.show()
    yield win
    session.runner.wait(10000)

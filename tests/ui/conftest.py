"""GUI tests: offscreen Qt, a private HOME/TMPDIR/XDG tree, real vault files."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QElapsedTimer, QSettings, Qt, QThread, QTimer

PASSPHRASE = "correct horse battery staple 42"


class _ReferenceLoop(QThread):
    """A second event loop ticking like the UI's and doing nothing else, at the same time.

    It waits for the same cores and the same interpreter lock as the UI thread, so its
    worst gap is what the machine's load and the workers' Python cost any loop; what the UI
    loop stalls beyond it is the app's own doing on the UI thread.
    """

    def __init__(self) -> None:
        super().__init__()
        self.gaps: list[int] = []

    def run(self) -> None:
        clock = QElapsedTimer()
        ticker = QTimer()
        ticker.setInterval(StallMeter.INTERVAL_MS)
        ticker.timeout.connect(
            lambda: self.gaps.append(clock.restart()), Qt.ConnectionType.DirectConnection
        )
        clock.start()
        ticker.start()
        self.exec()
        ticker.stop()


class StallMeter:
    """A 10 ms timer on the UI thread: the gaps between its ticks are the event loop's stalls."""

    INTERVAL_MS = 10

    def __init__(self) -> None:
        self.gaps: list[int] = []
        self._clock = QElapsedTimer()
        self._ticker = QTimer()
        self._ticker.setInterval(self.INTERVAL_MS)
        self._ticker.timeout.connect(self._tick)
        self._reference = _ReferenceLoop()

    def _tick(self) -> None:
        self.gaps.append(self._clock.restart())

    def __enter__(self) -> StallMeter:
        # The collector's work for what the test built before (a window: ~26,000 young
        # objects, whose collections took 17-58 ms under load) is not the measured step's.
        gc.collect()
        self._reference.start()
        self._clock.start()
        self._ticker.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._ticker.stop()
        self._reference.quit()
        assert self._reference.wait(10_000), "the reference loop did not stop"

    def worst_stall_ms(self) -> int:
        """Longest time the loop could not run a timer, beyond the timer's own interval."""
        return max(self.gaps[1:], default=0) - self.INTERVAL_MS

    def machine_stall_ms(self) -> int:
        """The same, for the reference loop that ran beside it."""
        return max(self._reference.gaps[1:], default=0) - self.INTERVAL_MS

    def assert_responsive(self, limit_ms: int = 50) -> None:
        """The UI loop never stalls more than limit_ms beyond what the machine imposed.

        The machine's share counts twice: a loaded core delays the UI loop once to wake up,
        as it does the reference loop, and again for the UI's own short work (a repaint, a
        model update), which the reference loop does not have. Idle, the share is ~5 ms.
        """
        worst, machine = self.worst_stall_ms(), self.machine_stall_ms()
        assert len(self._reference.gaps) > 10, "the reference loop did not run"
        assert worst < limit_ms + 2 * machine, (
            f"event loop stalled {worst} ms; a loop doing nothing beside it, {machine} ms"
        )


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
def cycles_collected_on_the_ui_thread(qapp: QCoreApplication) -> Iterator[None]:
    """As the app runs (ui.common.gui_gc): a test's windows left in cycles are freed on the UI
    thread, never by a collection that happens to start in a worker (a PDF export, an
    attachment add: the suite crashed with SIGSEGV there under load); all at teardown."""
    from ui.common.gui_gc import UiThreadCollector

    collector = UiThreadCollector()
    yield
    collector.stop()
    collector.deleteLater()


@pytest.fixture(autouse=True)
def private_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Everything a session could touch lives under tmp_path, so leaks can be scanned."""
    for name in (
        "HOME",
        "TMPDIR",
        "XDG_CACHE_HOME",
        "XDG_CONFIG_HOME",
        "XDG_DATA_HOME",
        "XDG_RUNTIME_DIR",
    ):
        path = tmp_path / "env" / name.lower()
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        monkeypatch.setenv(name, str(path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "env" / "tmpdir"))
    QCoreApplication.setOrganizationName("TestigoTests")
    QCoreApplication.setApplicationName("TestigoTests")
    QSettings.setPath(
        QSettings.Format.NativeFormat,
        QSettings.Scope.UserScope,
        str(tmp_path / "env" / "xdg_config_home"),
    )
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
    from ui.common.i18n import language
    from ui.common.session import Session
    from ui.reporter.main_window import MainWindow

    language().set("en")
    session = Session(vault)
    win = MainWindow(session)
    qtbot.addWidget(win)
    win.show()
    yield win
    session.runner.wait(10000)

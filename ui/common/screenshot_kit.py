"""What every screenshot script shares: an offscreen app, throwaway vaults, PNGs named by language.

The scripts differ only in the vaults they build and the screens they visit; grabbing a widget,
waiting for a session's workers and switching language are done once here, so a new script
(``python -m ui.<something>_screenshots``) writes ``<out>/[prefix]<lang>-<name>.png`` as the
others do.

Two runs of unchanged code write byte-identical PNGs, so a reviewer sees only what changed:
inside ``studio()`` (and nowhere else: the app never reads any of this) the wall clock is
stopped at ``NOW`` and the keys and ids the samples mint come from a generator seeded with
``SEED`` (``deterministic``). Signatures, age ciphertexts and the vaults' own secrets stay
random: nothing shown is derived from them.
"""

from __future__ import annotations

import argparse
import importlib
import os
import random
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, Self

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from reporter.vault import keyfile
from ui.common.i18n import language

PASS = "screenshot passphrase for samples 1"  # noqa: S105 - a throwaway vault
COALITION = "Red por la Libertad de Expresión"
LANGUAGES = ("es", "en")
NOW = datetime(2026, 11, 20, 16, 0, tzinfo=UTC)  # the studio's "now", in every sample
SEED = 20261120
# The modules that read the wall clock themselves (most go through reporter.clock).
CLOCK_READERS = (
    "reporter.clock",
    "reporter.age.keys",
    "reporter.coordination.claims",
    "reporter.coordination.events",
    "reporter.exports.base",
    "reporter.share.coalition",
    "reporter.share.sharing",
    "reporter.sync.engine",
    "reporter.vault.backup",
    "ui.common.auto_sync",
    "ui.coordinator.claim_bar",
)
# (module, name): where the samples' long-term keys are minted.
KEY_MAKERS = (
    ("reporter.share.coalition", "Ed25519PrivateKey"),
    ("reporter.share.device", "Ed25519PrivateKey"),
    ("reporter.share.device", "X25519PrivateKey"),
    ("reporter.coordination.identity", "Ed25519PrivateKey"),
)
ID_MAKERS = ("reporter.incidents.record", "reporter.vault.attachment_store")


@contextmanager
def studio() -> Iterator[tuple[Path, Path]]:
    """(out, root): --out parsed and made, an offscreen app, a temp root deleted afterwards.

    Sample vaults use the fast KDF (set in code: no variable can), and the app's preferences
    go under their own organisation name, never the person's. The clock, keys and ids are
    the studio's own (``deterministic``) until the studio closes.
    """
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="docs/screenshots")
    out = Path(parser.parse_args().out)
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    keyfile.FAST_KDF_FOR_TESTS = True
    app = QApplication(sys.argv[:1])
    QCoreApplication.setOrganizationName("TestigoScreenshots")
    try:
        with tempfile.TemporaryDirectory() as tmp, deterministic(NOW, SEED):
            yield out, Path(tmp)
    finally:
        app.quit()


class _Patches:
    """Attributes set for the studio's lifetime, each put back as it was afterwards."""

    def __init__(self) -> None:
        self.undo: list[tuple[Any, str, Any]] = []

    def set(self, owner: Any, name: str, value: Any) -> None:
        self.undo.append((owner, name, getattr(owner, name)))
        setattr(owner, name, value)

    def restore(self) -> None:
        for owner, name, value in reversed(self.undo):
            setattr(owner, name, value)


class _Minting:
    """A key class whose ``generate()`` draws the private key from the studio's generator."""

    def __init__(self, real: Any, draw: Callable[[int], bytes]) -> None:
        self._real, self._draw = real, draw

    def generate(self) -> Any:
        return self._real.from_private_bytes(self._draw(32))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


class _Ids:
    """The ``uuid`` module with a ``uuid4()`` drawn from the studio's generator."""

    def __init__(self, draw: Callable[[int], bytes]) -> None:
        self._draw = draw

    def uuid4(self) -> uuid.UUID:
        return uuid.UUID(bytes=self._draw(16), version=4)

    def __getattr__(self, name: str) -> Any:
        return getattr(uuid, name)


_CLOCK = [NOW]  # the studio's "now": stopped, moved on only by ``later``


def later(minutes: int = 1) -> None:
    """Move the studio's clock on, between two sample steps a list orders by time."""
    _CLOCK[0] += timedelta(minutes=minutes)


def _stopped_clock() -> tuple[type[datetime], type[date]]:
    class StudioDateTime(datetime):
        @classmethod
        def now(cls, tz: Any = None) -> Self:
            moment = _CLOCK[0].astimezone(tz) if tz is not None else _CLOCK[0]
            time_of_day = moment.timetz() if tz is not None else moment.time()
            return cls.combine(moment.date(), time_of_day)

    class StudioDate(date):
        @classmethod
        def today(cls) -> Self:
            return cls.fromordinal(_CLOCK[0].toordinal())

    return StudioDateTime, StudioDate


@contextmanager
def deterministic(now: datetime, seed: int) -> Iterator[random.Random]:
    """The studio's clock (stopped at ``now``, in UTC) and its keys and ids (from ``seed``),
    set on the modules that read or mint them and put back afterwards: only a screenshot
    run ever sees them. Yields the generator, for the samples' own random choices."""
    _CLOCK[0] = now
    rng = random.Random(seed)  # noqa: S311 - sample data, never a secret
    patches = _Patches()
    zone = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    try:
        real = {"datetime": datetime, "date": date}  # this module's own names get set too
        studio = dict(zip(real, _stopped_clock(), strict=True))
        for name in CLOCK_READERS:
            importlib.import_module(name)
        for name, module in list(sys.modules.items()):
            if module is None or not name.startswith(("reporter.", "ui.")):
                continue
            for attribute, value in real.items():
                if getattr(module, attribute, None) is value:
                    patches.set(module, attribute, studio[attribute])
        for name, attribute in KEY_MAKERS:
            module = importlib.import_module(name)
            patches.set(module, attribute, _Minting(getattr(module, attribute), rng.randbytes))
        from reporter.age import HybridIdentity, X25519Identity

        patches.set(
            X25519Identity, "generate", classmethod(lambda c: c.from_bytes(rng.randbytes(32)))
        )
        patches.set(HybridIdentity, "generate", classmethod(lambda c: c(rng.randbytes(32))))
        for name in ID_MAKERS:
            patches.set(importlib.import_module(name), "uuid", _Ids(rng.randbytes))
        yield rng
    finally:
        patches.restore()
        if zone is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = zone
        time.tzset()


def each_language(codes: Iterable[str] = LANGUAGES) -> Iterator[str]:
    """Switch the app to each language in turn (the screens retranslate), yielding its code."""
    for code in codes:
        language().set(code)
        yield code


class Shots:
    """Saves into ``out`` as ``<prefix><lang>-<name>.png``, lang being the app's current one."""

    def __init__(self, out: Path, prefix: str = "", size: tuple[int, int] | None = None) -> None:
        self.out = out
        self.prefix = prefix
        self.size = size

    def path(self, name: str) -> Path:
        return self.out / f"{self.prefix}{language().code}-{name}.png"

    def grab(self, widget: QWidget, name: str, size: tuple[int, int] | None = None) -> None:
        """Show the widget at its size (or at least 1000x640) and save what it draws."""
        size = size or self.size
        if size is None:
            widget.resize(max(widget.width(), 1000), max(widget.height(), 640))
        else:
            widget.resize(*size)
        widget.show()
        settle()
        widget.grab().save(str(self.path(name)))

    def next_box(self, name: str) -> None:
        """Save the next message box a call opens (it runs its own loop), then answer No."""
        target = self.path(name)

        def shoot() -> None:
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox):
                QTimer.singleShot(20, shoot)
                return
            settle()
            shot = box.grab()
            parent = box.parentWidget()
            window = parent.window() if parent is not None else None
            if window is not None:  # the box over the window it asks from, as a person sees it
                under = window.grab()
                painter = QPainter(under)
                painter.fillRect(under.rect(), QColor(0, 0, 0, 90))
                painter.drawPixmap(
                    (under.width() - shot.width()) // 2, (under.height() - shot.height()) // 3, shot
                )
                painter.end()
                shot = under
            shot.save(str(target))
            for button in box.buttons():  # "Not now": nothing is changed by a screenshot
                if box.buttonRole(button) == QMessageBox.ButtonRole.RejectRole:
                    button.click()

        QTimer.singleShot(0, shoot)


def settle() -> None:
    """Let layout and paint events run, so a grab shows the widget as drawn."""
    for _ in range(5):
        QApplication.processEvents()


def wait(session: Any) -> None:
    """Let the session's workers finish and their results reach the screens (~10 s at most)."""
    for _ in range(200):
        QApplication.processEvents()
        session.runner.wait(50)
    QApplication.processEvents()


def close(windows: Iterable[Any]) -> None:
    """Stop each window's auto-lock (its timer would outlive the vault) and hide it."""
    for window in windows:
        window.autolock.stop()
        window.hide()

"""Spanish and English, switchable without a restart.

Source strings are English in ``tr()``; ``resources/i18n/testigo_<lang>.qm`` hold the
translations (built from the .ts files by ``python -m ui.build_translations``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QObject,
    QSettings,
    QTranslator,
    Signal,
)

I18N_DIR = Path(__file__).resolve().parents[2] / "resources" / "i18n"
LANGUAGES = {"es": "Español", "en": "English"}


class Language(QObject):
    changed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.code = "es"
        self._translators: list[QTranslator] = []

    def set(self, code: str) -> None:
        code = code if code in LANGUAGES else "es"
        app = QCoreApplication.instance()
        if app is not None:
            for old in self._translators:
                app.removeTranslator(old)
        self._translators = []
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        # Ours, and Qt's own (wizard buttons, dialogs: "Siguiente", "Cancelar").
        for directory, name in ((str(I18N_DIR), f"testigo_{code}"), (qt_dir, f"qtbase_{code}")):
            translator = QTranslator()
            if translator.load(name, directory) and app is not None:
                app.installTranslator(translator)
                self._translators.append(translator)
        self.code = code
        QSettings().setValue("language", code)  # a preference, never content
        self.changed.emit(code)

    def load_saved(self) -> None:
        self.set(str(QSettings().value("language", "es")))


_language: Language | None = None


def language() -> Language:
    global _language
    if _language is None:
        _language = Language()
    return _language

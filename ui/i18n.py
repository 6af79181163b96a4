"""Spanish and English, switchable without a restart.

Source strings are English in ``tr()``; ``resources/i18n/testigo_<lang>.qm`` hold the
translations (built from the .ts files by ``python -m ui.build_translations``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QTranslator, Signal

I18N_DIR = Path(__file__).resolve().parent.parent / "resources" / "i18n"
LANGUAGES = {"es": "Español", "en": "English"}


class Language(QObject):
    changed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.code = "es"
        self._translator: QTranslator | None = None

    def set(self, code: str) -> None:
        code = code if code in LANGUAGES else "es"
        app = QCoreApplication.instance()
        if self._translator is not None and app is not None:
            app.removeTranslator(self._translator)
        translator = QTranslator()
        if translator.load(str(I18N_DIR / f"testigo_{code}.qm")) and app is not None:
            app.installTranslator(translator)
            self._translator = translator
        self.code = code
        QSettings().setValue("language", code)      # a preference, never content
        self.changed.emit(code)

    def load_saved(self) -> None:
        self.set(str(QSettings().value("language", "es")))


_language: Language | None = None


def language() -> Language:
    global _language
    if _language is None:
        _language = Language()
    return _language

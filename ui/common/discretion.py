"""Whether the app must not name itself: discreet mode, or a discreet install (``plain-notes``).

Window and dialog titles are what a person looking over a shoulder, or at the task bar, reads.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings

from reporter.places import APP_NAME, NEUTRAL_APP_NAME


def discreet() -> bool:
    chosen = QSettings().value("discreet", "false") == "true"
    return chosen or QCoreApplication.applicationName() == NEUTRAL_APP_NAME


def shown_name() -> str:
    """The name a title may carry: 'Notes' when discreet, else 'Testigo'."""
    return NEUTRAL_APP_NAME if discreet() else APP_NAME

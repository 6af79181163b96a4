"""What both workspaces' main windows ask of each of their pages.

A page is a widget in the window's stack; the window calls ``clear()`` when the session is
locked or wiped (nothing the vault held may stay on screen) and ``retranslateUi()`` when the
language changes (the one name for re-reading texts, as Qt Designer's generated code has it).
"""

from __future__ import annotations

from typing import Protocol


class Page(Protocol):
    def clear(self) -> None: ...

    def retranslateUi(self) -> None: ...

"""One progress for a whole sync pass, from the engine's events about each bundle."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class PassProgress:
    """Bytes sent of every bundle seen so far, over their sizes: ``report(done, total)``.

    The engine tells each bundle's own progress, and sends two large bundles at once, so one
    progress bar fed each event as it comes would jump between them; ``done`` here only grows.
    """

    def __init__(self, report: Callable[[int, int], None]) -> None:
        self._report = report
        self._bundles: dict[str, tuple[int, int]] = {}
        self._done = self._total = 0

    def __call__(self, event: dict[str, Any]) -> None:
        sent, size = int(event["sent"]), int(event["total"])
        before_sent, before_size = self._bundles.get(event["bundle_id"], (0, 0))
        sent = max(sent, before_sent)  # "received" after "uploaded" tells nothing new
        self._bundles[event["bundle_id"]] = (sent, size)
        self._done += sent - before_sent
        self._total += size - before_size
        self._report(self._done, self._total)

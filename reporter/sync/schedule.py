"""When the app tries its next automatic sync: soon after unlock or a network coming up, then
periodically; after a failure, exponential backoff, capped. Every delay is jittered at random
so the moments a device talks to the relay follow no pattern an observer could tie to it
(or to the moment its person unlocked it). Qt-free: the app's scheduler asks ``delay()``;
tests inject the clock and the random source.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

Clock = Callable[[], float]


class Uniform(Protocol):
    def uniform(self, a: float, b: float) -> float: ...


@dataclass
class SyncSchedule:
    """The next attempt, as a monotonic time; ``None`` while a pass runs or sync is off."""

    period: float = 15 * 60.0  # between passes while all goes well
    soon: tuple[float, float] = (2.0, 20.0)  # after unlock or the network coming up
    base: float = 30.0  # the first retry after a failure
    cap: float = 30 * 60.0  # backoff stops doubling here
    jitter: float = 0.5  # every delay is drawn from ±50 % around its value
    clock: Clock = time.monotonic
    rand: Uniform = field(default_factory=random.SystemRandom)
    failures: int = 0
    last_error: str | None = None  # the code of why the last pass failed
    next_at: float | None = None

    def _at(self, delay: float) -> float:
        self.next_at = self.clock() + max(0.0, delay)
        return self.next_at

    def _jittered(self, delay: float) -> float:
        return delay * self.rand.uniform(1 - self.jitter, 1 + self.jitter)

    def backoff(self) -> float:
        """The retry delay after ``failures`` failures in a row, before jitter."""
        doublings = 0
        while doublings < self.failures - 1 and self.base * 2.0**doublings < self.cap:
            doublings += 1  # counted up to the cap only: 2.0 ** 1024 would overflow
        return min(self.cap, self.base * 2.0**doublings)

    def start(self) -> float:
        """Unlocked (or sync turned on): a first pass soon, at a random moment."""
        return self._at(self.rand.uniform(*self.soon))

    def network_up(self) -> float | None:
        """A connection appeared: what failed before likely failed for want of it."""
        self.failures = 0
        if self.next_at is None:  # a pass runs: its outcome schedules the next
            return None
        return self._at(min(self.next_at - self.clock(), self.rand.uniform(*self.soon)))

    def began(self) -> None:
        """A pass started (by the schedule or by a person): nothing else until it ends."""
        self.next_at = None

    def succeeded(self) -> float:
        self.failures, self.last_error = 0, None
        return self._at(self._jittered(self.period))

    def failed(self, code: str) -> float:
        self.failures += 1
        self.last_error = code
        return self._at(self._jittered(self.backoff()))

    def due(self) -> bool:
        return self.next_at is not None and self.clock() >= self.next_at

    def seconds_left(self) -> float | None:
        if self.next_at is None:
            return None
        return max(0.0, self.next_at - self.clock())

"""A device offline for weeks keeps retrying at the cap: the backoff never overflows."""

from __future__ import annotations

from reporter.sync.schedule import SyncSchedule


class Clock:
    now = 0.0

    def __call__(self) -> float:
        return self.now


def test_backoff_stays_at_the_cap_after_thousands_of_failures() -> None:
    clock = Clock()
    schedule = SyncSchedule(base=30.0, cap=1800.0, clock=clock)
    for _ in range(1100):  # about three weeks of failures at the cap
        next_at = schedule.failed("network")
        assert 0.0 < next_at - clock.now <= 2700.0  # at most the cap, jittered
        clock.now = next_at
    assert schedule.failures == 1100
    assert schedule.backoff() == 1800.0

"""The automatic sync's timing: soon after unlock, periodic, backoff with jitter, capped."""

from __future__ import annotations

import random

import pytest

from reporter.sync.schedule import SyncSchedule


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Extremes:
    """A random source that always draws the low or the high end (the jitter's bounds)."""

    def __init__(self, high: bool) -> None:
        self.high = high

    def uniform(self, a: float, b: float) -> float:
        return b if self.high else a


def schedule(rand: object, clock: Clock) -> SyncSchedule:
    return SyncSchedule(
        period=600.0, soon=(2.0, 20.0), base=30.0, cap=1800.0, clock=clock, rand=rand
    )  # type: ignore[arg-type]


def test_the_first_pass_comes_soon_after_unlock_at_a_random_moment() -> None:
    clock = Clock()
    low, high = schedule(Extremes(False), clock), schedule(Extremes(True), clock)
    assert low.start() == 1002.0
    assert high.start() == 1020.0
    assert not low.due()
    clock.now = 1002.0
    assert low.due()
    assert not high.due()


def test_failures_back_off_exponentially_up_to_the_cap_and_success_resets() -> None:
    clock = Clock()
    plan = schedule(Extremes(False), clock)  # jitter at its low end: half of each delay
    delays = []
    for _ in range(8):
        plan.began()
        assert plan.seconds_left() is None  # nothing else while a pass runs
        delays.append(plan.failed("network") - clock.now)
    assert [plan.backoff()] == [1800.0]
    assert delays == [15.0, 30.0, 60.0, 120.0, 240.0, 480.0, 900.0, 900.0]
    assert plan.last_error == "network"
    plan.began()
    assert plan.succeeded() - clock.now == 300.0  # the period, jittered
    assert (plan.failures, plan.last_error) == (0, None)
    assert plan.failed("relay_refused") - clock.now == 15.0  # the backoff starts over


def test_jitter_spreads_the_delays_within_its_bounds() -> None:
    clock = Clock()
    plan = schedule(random.Random(7), clock)
    periods = {round(plan.succeeded() - clock.now, 3) for _ in range(200)}
    assert len(periods) > 150  # no two devices (or two passes) on one beat
    assert min(periods) >= 300.0
    assert max(periods) <= 900.0
    retries = []
    for _ in range(200):
        plan.failures = 0
        retries.append(plan.failed("network") - clock.now)
    assert 15.0 <= min(retries) < max(retries) <= 45.0


def test_the_network_coming_up_brings_the_next_try_forward_never_back() -> None:
    clock = Clock()
    plan = schedule(Extremes(True), clock)
    for _ in range(6):
        plan.failed("network")  # the last retry is up to 960 * 1.5 s away
    assert plan.seconds_left() == pytest.approx(1440.0)
    assert plan.network_up() == 1020.0  # within `soon`, and the backoff starts over
    assert plan.failures == 0
    plan.succeeded()
    clock.now = plan.next_at - 5.0  # type: ignore[operator]
    assert plan.network_up() == clock.now + 5.0  # already sooner than `soon`: kept
    plan.began()
    assert plan.network_up() is None  # a pass runs: its outcome decides
    assert not plan.due()


def test_the_default_random_source_is_the_systems() -> None:
    assert isinstance(SyncSchedule().rand, random.SystemRandom)

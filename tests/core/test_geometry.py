"""Mexico's state outlines as plain points (the app's map and the PDF's share them)."""

from __future__ import annotations

import pytest

from reporter.incidents.vocab import vocabulary
from reporter.stats.geometry import fill_colour, fill_share, parse_rings, state_outlines


def test_the_outlines_are_the_32_states_each_ring_closed_inside_the_drawing() -> None:
    shape = state_outlines()
    assert (shape.width, shape.height) == (793.0, 498.0)
    assert sorted(shape.states) == vocabulary().codes("mx_state")
    assert len(shape.states) == 32
    for code, rings in shape.states.items():
        assert rings, code
        for ring in rings:
            assert len(ring) >= 4, code
            assert ring[0] == ring[-1], code  # closed
            assert all(0 <= x <= shape.width and 0 <= y <= shape.height for x, y in ring), code
    assert state_outlines() is shape  # parsed once


def test_relative_and_absolute_paths_give_the_same_points() -> None:
    relative = parse_rings("m 10,20 5,0 0,5 z m 1,1 l 2,0 0,2 Z")
    absolute = parse_rings("M 10 20 L 15 20 L 15 25 Z M 11,21 13,21 13,23 z")
    assert (
        relative
        == absolute
        == [
            ((10.0, 20.0), (15.0, 20.0), (15.0, 25.0), (10.0, 20.0)),
            ((11.0, 21.0), (13.0, 21.0), (13.0, 23.0), (11.0, 21.0)),
        ]
    )
    # A ring the data leaves open (a new moveto, or the end) is still closed.
    assert parse_rings("M0,0 L1,0 L1,1") == [((0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 0.0))]
    assert parse_rings("m 1e1,2 -2.5e-1,.5") == [((10.0, 2.0), (9.75, 2.5), (10.0, 2.0))]


def test_fill_share_is_the_maps_scale() -> None:
    counts = {"20": 4, "14": 1, "09": 0, "NONE": 99, "XX": 50}
    assert fill_share(counts, "20") == pytest.approx(1.0)  # the largest state's count
    assert fill_share(counts, "14") == pytest.approx(0.2 + 0.8 * 1 / 4)
    assert fill_share(counts, "09") is None  # zero: empty
    assert fill_share(counts, "01") is None  # absent: empty
    assert fill_share({}, "20") is None
    assert fill_colour(None) == "#f2f2f2"
    assert fill_colour(0.0) == "#dbe7f3"
    assert fill_colour(1.0) == "#08306b"

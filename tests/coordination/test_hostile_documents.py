"""Cards and rosters arrive from other people: one that is too large, not JSON, or another
document is refused with a clear error before anything in it is read."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from reporter.coordination.identity import card, parse_card
from reporter.coordination.roster import parse_roster
from reporter.errors import FormatError, TooLarge
from tests.coordination.conftest import Pair


def _kinds(pair: Pair) -> list[tuple[Callable[[bytes], Any], bytes, str, str, bytes]]:
    """(parser, a real document, what, limit, another kind of document) for each kind."""
    a_card, a_roster = card(pair.ana, name="Ana"), pair.roster_bytes()
    return [
        (parse_card, a_card, "coordinator card", "4 KiB", a_roster),
        (parse_roster, a_roster, "coordinator roster", "256 KiB", a_card),
    ]


def test_a_hostile_card_or_roster_is_refused_clearly(pair: Pair) -> None:
    for parse, real, what, limit, other in _kinds(pair):
        parse(real)  # the real one reads
        size = 4096 if what == "coordinator card" else 256 * 1024
        with pytest.raises(TooLarge) as refused:
            parse(b" " * (size + 1))
        assert refused.value.params["limit"] == limit
        with pytest.raises(FormatError) as refused:
            parse(b"\xff\xfe no es JSON")
        assert refused.value.params == {"what": what, "reason": "not a JSON document"}
        newer = json.loads(real)
        newer["version"] = 2
        for wrong in (other, json.dumps(newer).encode(), b"[]"):
            with pytest.raises(FormatError) as refused:
                parse(wrong)
            assert refused.value.params == {"what": what, "reason": f"not a Testigo {what}"}

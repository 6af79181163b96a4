"""What may leave the device: the coalition's anonymization policy.

The policy sets the finest detail the coalition accepts; each incident's consent flags decide
whether the reporter allows that detail. Without consent, the coarse default applies.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reporter.errors import FormatError

DATE_LEVELS = ("day", "week", "month")
LOCATION_LEVELS = ("municipality", "state")


@dataclass(frozen=True)
class Policy:
    date_precision: str = "day"  # finest date the coalition accepts
    location_precision: str = "municipality"
    free_text: bool = True  # accepts titles/descriptions (names scrubbed)
    indicators: bool = True  # accepts attacker-side technical indicators

    def to_json(self) -> dict[str, Any]:
        return {
            "date_precision": self.date_precision,
            "location_precision": self.location_precision,
            "free_text": self.free_text,
            "indicators": self.indicators,
        }

    @classmethod
    def from_json(cls, raw: Any) -> Policy:
        keys = {"date_precision", "location_precision", "free_text", "indicators"}
        if not isinstance(raw, dict) or set(raw) != keys:
            raise FormatError(
                what="policy", reason="fields are {keys}", keys=", ".join(sorted(keys))
            )
        if raw["date_precision"] not in DATE_LEVELS:
            raise FormatError(what="policy", reason="date_precision is day, week or month")
        if raw["location_precision"] not in LOCATION_LEVELS:
            raise FormatError(what="policy", reason="location_precision is municipality or state")
        if not isinstance(raw["free_text"], bool) or not isinstance(raw["indicators"], bool):
            raise FormatError(what="policy", reason="free_text and indicators are true or false")
        return cls(
            raw["date_precision"], raw["location_precision"], raw["free_text"], raw["indicators"]
        )


DEFAULT_POLICY = Policy()

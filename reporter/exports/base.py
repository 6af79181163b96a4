"""What every export shares: the reports it covers, how it says what it holds, labels.

An exporter is a pure function of a list of received reports (the shape ``Inbox.list()``
gives, with the coordinator's triage, notes and tags beside the record) and an
``ExportContext``. Nothing here reads the vault: selection happens once, before, so an
export holds exactly what the same filters show in the app.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from typing import Any

from reporter.errors import InvalidField
from reporter.i18n import translator
from reporter.incidents.vocab import Vocabulary, vocabulary

FORMATS = ("csv", "json", "uwazi", "stix", "pdf", "packet")
EXPORT_FORMAT_VERSION = 1
DEFAULT_K = 3
MIN_K, MAX_K = 3, 1000
# Multi-valued cells (several types, profiles, perpetrators) are joined with this, as
# Uwazi's CSV import splits them; no vocabulary label contains it.
MULTI = "|"

Report = dict[str, Any]


@dataclass(frozen=True)
class ExportContext:
    """How an export was asked for; it is written into the export itself."""

    lang: str = "en"
    filters: dict[str, Any] = field(default_factory=dict)
    include_all: bool = False
    with_notes: bool = False
    public: bool = False
    k: int = DEFAULT_K
    coalition: str = ""
    generated_at: str = field(
        default_factory=lambda: datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    )
    vocab: Vocabulary = field(default_factory=vocabulary)

    def __post_init__(self) -> None:
        # "< 2" would say "exactly 1" (a printed row is at least 1): below 3 nothing is hidden
        if self.public and not MIN_K <= self.k <= MAX_K:
            raise InvalidField(
                field="k",
                reason="must be a whole number from {low} to {high}",
                low=MIN_K,
                high=MAX_K,
            )

    @property
    def es(self) -> bool:
        return self.lang.startswith("es")

    def meta(self, fmt: str, count: int) -> dict[str, Any]:
        """The export's own account of itself: what, from which selection, when."""
        return {
            "format": f"testigo-export-{fmt}",
            "format_version": EXPORT_FORMAT_VERSION,
            "generated_at": self.generated_at,
            "language": "es" if self.es else "en",
            "vocabulary_version": self.vocab.version,
            "coalition": self.coalition,
            "selection": {
                "filters": self.filters,
                "counting": "all" if self.include_all else "counted",
            },
            "with_notes": self.with_notes,
            "public": self.public,
            "k": self.k if self.public else None,
            "reports": count,
        }

    def label(self, kind: str, code: str | None) -> str:
        """The label in the export's language; a code the vocabulary lost stays a code."""
        if not code:
            return ""
        return self._labels.get((kind, code), code)

    @cached_property
    def _labels(self) -> dict[tuple[str, str], str]:
        """(kind, code) -> label: one lookup per cell instead of a walk through the terms."""
        return {
            (kind, t.code): t.label(self.lang)
            for kind, terms in self.vocab.kinds.items()
            for t in terms
        }

    def labels(self, kind: str, codes: list[str]) -> str:
        return MULTI.join(self.label(kind, c) for c in codes)


def translated(lang: str, msgid: str) -> str:
    """``msgid`` in ``lang``. The same English word meaning two things (a Mexican state, a
    level of government) needs two msgids: such a msgid is "context|English" (GLib's ``Q_``
    convention; our .po reader has no msgctxt), and the context goes when nothing replaced it.
    """
    text = translator(lang)(msgid)
    return text.partition("|")[2] if text == msgid and "|" in msgid else text


def audit_action(fmt: str, ctx: ExportContext, count: int) -> str:
    """The line the vault's history keeps of an export (codes and dates only, no content)."""
    detail = {
        "filters": ctx.filters,
        "counting": "all" if ctx.include_all else "counted",
        "vocabulary": ctx.vocab.version,
        "reports": count,
        "public": ctx.public,
        "notes": ctx.with_notes,
        "lang": "es" if ctx.es else "en",
    }
    return f"export_{fmt} " + json.dumps(
        detail, sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )


def unique(values: list[str]) -> list[str]:
    """Order kept, repeats dropped (two targets who are both journalists: one profile)."""
    return list(dict.fromkeys(v for v in values if v))


def target_codes(record: dict[str, Any], key: str) -> list[str]:
    out: list[str] = []
    for target in record.get("targets") or []:
        value = target.get(key)
        out.extend(value if isinstance(value, list) else [value] if value else [])
    return unique(out)


def triage_of(report: Report) -> dict[str, Any]:
    """The coordinator's triage, whichever shape the inbox gives it (a dict or a word)."""
    triage = report.get("triage")
    if isinstance(triage, dict):
        return triage
    return {"review": triage or "new"}


def when_range(when: dict[str, Any]) -> tuple[str, str]:
    """First and last day an incident's (possibly month- or week-only) date covers."""
    from reporter.exports.dates import day_range

    first, _ = day_range(when.get("date"))
    _, last = day_range(when.get("date_end") or when.get("date"))
    return first, last

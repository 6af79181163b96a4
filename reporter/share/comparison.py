"""The full record and its shared version, field by field, for a person to check before sending.

The share screen shows this as a table: what was recorded, what the coalition will receive,
and whether each field leaves as it is, leaves generalized (date, place, names replaced by
``[…]``) or stays here. It reads the output of ``shared_version`` and never decides on its
own what leaves, so the table cannot disagree with the bundle.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reporter.errors import TestigoError
from reporter.i18n import fill, translator
from reporter.incidents.vocab import Vocabulary, vocabulary
from reporter.share.cleaning import removed_labels

SHARED, GENERALIZED, WITHHELD = "shared", "generalized", "withheld"
MAX_SHOWN = 400  # characters of one value in a table cell; the whole text is in the tooltip


@dataclass(frozen=True)
class Row:
    field: str  # stable key: "title", "where.place", "targets[0].names", …
    recorded: str  # the value as recorded, in words ("" when empty)
    shared: str  # the value that leaves, in words ("" when nothing leaves)
    status: str  # SHARED, GENERALIZED or WITHHELD


Getter = Callable[[dict[str, Any]], Any]


def _get(path: str) -> Getter:
    def get(record: dict[str, Any]) -> Any:
        value: Any = record
        for key in path.split("."):
            value = value.get(key) if isinstance(value, dict) else None
        return value

    return get


class _Words:
    """Turns stored values (codes, lists, dates) into words in one language."""

    def __init__(self, vocab: Vocabulary, lang: str, places: dict[str, str]) -> None:
        self.vocab, self.lang, self.places = vocab, lang, places

    def municipality(self, code: Any) -> str:
        """'Xalapa (30087)' when INEGI's catalogue was imported, else the code."""
        if not code:
            return ""
        name = self.places.get(str(code))
        return f"{name} ({code})" if name else str(code)

    def code(self, kind: str, code: Any) -> str:
        if not code:
            return ""
        try:
            return self.vocab.label(kind, str(code), self.lang)
        except TestigoError:  # a code from a newer vocabulary: show the code itself
            return str(code)

    def codes(self, kind: str, codes: Any) -> str:
        return ", ".join(self.code(kind, c) for c in codes or [])

    def perpetrators(self, items: Any) -> str:
        out = []
        for p in items or []:
            details = [
                self.code("state_level", p.get("level")),
                self.code("attribution", p.get("attribution")),
            ]
            extra = ", ".join(d for d in details if d)
            name = self.code("perpetrator", p.get("code"))
            out.append(f"{name} ({extra})" if extra else name)
        return "; ".join(out)

    def indicators(self, items: Any) -> str:
        return "\n".join(
            f"{self.code('indicator_type', i.get('type'))}: {i.get('value')}"
            f" — {self.code('indicator_role', i.get('role'))}"
            for i in items or []
        )

    def when(self, when: Any, end: bool = False) -> str:
        when = when or {}
        text = str(when.get("date_end" if end else "date") or "")
        if text and not end and when.get("time"):
            text += f" {when['time']}"
        return text

    def coordinates(self, value: Any) -> str:
        return f"{value['lat']:.5f}, {value['lon']:.5f}" if value else ""

    def text(self, value: Any) -> str:
        if isinstance(value, list):
            return ", ".join(str(v) for v in value)
        return str(value or "")


def _target(index: int, key: str, show: Callable[[Any], str]) -> Callable[[dict[str, Any]], str]:
    """How to show one field of the index-th target (absent in the other version: empty)."""

    def get(record: dict[str, Any]) -> str:
        items = record.get("targets") or []
        return show(items[index].get(key)) if index < len(items) else ""

    return get


def _removed_words(codes: list[str] | None, lang: str) -> str:
    if codes is None:
        return ""
    tr = translator(lang)
    if not codes:
        return tr(" — no metadata to remove")
    return fill(tr(" — removed: {what}"), {"what": "; ".join(removed_labels(codes, lang))})


def _status(recorded: str, shared: str, private: bool) -> str:
    if private or not shared:
        return WITHHELD
    return SHARED if shared == recorded else GENERALIZED


def compare(
    record: dict[str, Any],
    shared: dict[str, Any],
    lang: str,
    attachments: list[dict[str, Any]] | None = None,
    vocab: Vocabulary | None = None,
    municipalities: dict[str, str] | None = None,
    removed: dict[str, list[str]] | None = None,
) -> list[Row]:
    """One row per field that holds something in the record, in the order of the editor.

    ``removed`` maps an attachment id to what cleaning takes out of it (``cleaning.REMOVED``
    codes), so the attachments row says it for each file.
    """
    w = _Words(vocab or vocabulary(), lang, municipalities or {})
    # (field, how to show it, private: never in the shared version whatever it holds)
    spec: list[tuple[str, Callable[[dict[str, Any]], str], bool]] = [
        ("title", lambda r: w.text(r.get("title")), False),
        ("description", lambda r: w.text(r.get("description")), False),
        ("incident_types", lambda r: w.codes("incident_type", r.get("incident_types")), False),
        ("sphere", lambda r: w.code("sphere", r.get("sphere")), False),
        ("when.date", lambda r: w.when(r.get("when")), False),
        ("when.date_end", lambda r: w.when(r.get("when"), end=True), False),
        ("where.state", lambda r: w.code("mx_state", _get("where.state")(r)), False),
        ("where.municipality", lambda r: w.municipality(_get("where.municipality")(r)), False),
        ("where.place", lambda r: w.text(_get("where.place")(r)), True),
        ("where.coordinates", lambda r: w.coordinates(_get("where.coordinates")(r)), True),
        (
            "where.location_type",
            lambda r: w.code("location_type", _get("where.location_type")(r)),
            False,
        ),
    ]
    for i in range(len(record.get("targets") or [])):
        spec += [
            (
                f"targets[{i}].profiles",
                _target(i, "profiles", lambda v: w.codes("target_profile", v)),
                False,
            ),
            (f"targets[{i}].gender", _target(i, "gender", lambda v: w.code("gender", v)), False),
            (
                f"targets[{i}].age_band",
                _target(i, "age_band", lambda v: w.code("age_band", v)),
                False,
            ),
            (
                f"targets[{i}].coverage_topics",
                _target(i, "coverage_topics", lambda v: w.codes("coverage_topic", v)),
                False,
            ),
            (f"targets[{i}].names", _target(i, "names", w.text), True),
            (f"targets[{i}].contact", _target(i, "contact", w.text), True),
        ]
    spec += [
        ("perpetrators", lambda r: w.perpetrators(r.get("perpetrators")), False),
        ("digital.vectors", lambda r: w.codes("vector", _get("digital.vectors")(r)), False),
        (
            "digital.compromise_status",
            lambda r: w.code("compromise_status", _get("digital.compromise_status")(r)),
            False,
        ),
        (
            "digital.detection_source",
            lambda r: w.code("detection_source", _get("digital.detection_source")(r)),
            False,
        ),
        ("digital.platform", lambda r: w.code("platform", _get("digital.platform")(r)), False),
        (
            "digital.spyware_family",
            lambda r: w.code("spyware_family", _get("digital.spyware_family")(r)),
            False,
        ),
        ("indicators", lambda r: w.indicators(r.get("indicators")), False),
        ("tags", lambda r: w.text(r.get("tags")), False),
        ("status", lambda r: w.code("status", r.get("status")), False),
        ("sensitivity", lambda r: w.code("sensitivity", r.get("sensitivity")), False),
        ("private_notes", lambda r: w.text(r.get("private_notes")), True),
    ]
    rows = []
    for field, show, private in spec:
        recorded = show(record)
        if not recorded:
            continue
        leaves = "" if private else show(shared)
        rows.append(Row(field, recorded, leaves, _status(recorded, leaves, private)))
    if attachments:
        recorded = "\n".join(
            f"{a['name']} ({a['media_type']}, {a['size']:,} B)" for a in attachments
        )
        # The cleaned copy that leaves (metadata removed) has its own size.
        leaves = "\n".join(
            f"{a['media_type']}, {a['size']:,} B"
            f"{_removed_words((removed or {}).get(a['id']), lang)}"
            for a in shared.get("attachments") or []
        )
        rows.append(Row("attachments", recorded, leaves, GENERALIZED if leaves else WITHHELD))
    return rows

"""The flat CSV: one row per report, codes and their labels, and a codebook beside it.

Coded columns come in pairs, ``x`` (stable codes, for scripts) and ``x_label`` (the chosen
language, for people); several values are joined with ``|`` in the same order in both.
LibreOffice and Excel open it as UTF-8 (``bom`` adds the mark Excel wants).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from reporter.exports.base import MULTI, ExportContext, Report, target_codes, triage_of, unique
from reporter.exports.dates import date_form
from reporter.exports.tables import Figures, public_table_rows
from reporter.i18n import N_, fill, translator

# A spreadsheet runs a cell that starts like a formula (=HYPERLINK(...) in a title a hostile
# device sent); free-text cells that start so get a leading apostrophe, which LibreOffice and
# Excel show as text. Codes and labels never start so.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FREE_TEXT = frozenset({"title", "description", "tags", "coordinator_tags", "coordinator_notes"})
# The codebook describes each column and code in the vocabulary's two languages at once.
CODEBOOK_LANGUAGES = ("en", "es")
LABELS_OF = N_("Labels of {column} ({lang})")
FORMULA_GUARD = N_("free text starting with = + - @ gets a leading '")


def as_text(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


@dataclass(frozen=True)
class Column:
    name: str
    msgid: str  # what the column holds, described in the codebook in each language
    get: Callable[[Report], list[str] | str]
    kind: str | None = None  # vocabulary kind: the column is codes, with a label twin


def _rec(report: Report) -> dict[str, Any]:
    record: dict[str, Any] = report["record"]
    return record


def _perp(key: str) -> Callable[[Report], list[str]]:
    return lambda r: [p.get(key) or "" for p in _rec(r).get("perpetrators") or []]


def _digital(key: str) -> Callable[[Report], list[str] | str]:
    def get(r: Report) -> list[str] | str:
        value = (_rec(r).get("digital") or {}).get(key)
        return list(value or []) if key == "vectors" else value or ""

    return get


COLUMNS: tuple[Column, ...] = (
    Column(
        "id",
        N_("Report id (the device's incident id)"),
        lambda r: _rec(r)["id"],
    ),
    Column(
        "revision",
        N_("Revision received"),
        lambda r: str(_rec(r).get("revision", "")),
    ),
    Column(
        "received_at",
        N_("When it was received (UTC)"),
        lambda r: r.get("received_at") or "",
    ),
    Column(
        "device",
        N_("Sending device's fingerprint"),
        lambda r: r.get("device_fingerprint") or "",
    ),
    Column(
        "device_verified",
        N_("Device verified by a coordinator (yes/no)"),
        lambda r: "yes" if r.get("device_verified") else "no",
    ),
    Column(
        "review",
        N_("Review state"),
        lambda r: str(triage_of(r).get("review") or ""),
    ),
    Column(
        "verification",
        N_("Verification state"),
        lambda r: str(triage_of(r).get("verification") or ""),
    ),
    Column(
        "counting",
        N_("Counting state"),
        lambda r: str(triage_of(r).get("counting") or ""),
    ),
    Column(
        "title",
        N_("Title (only if the reporter shared free text)"),
        lambda r: _rec(r).get("title") or "",
    ),
    Column(
        "description",
        N_("Description (idem)"),
        lambda r: _rec(r).get("description") or "",
    ),
    Column(
        "incident_types",
        N_("Incident types"),
        lambda r: list(_rec(r).get("incident_types") or []),
        "incident_type",
    ),
    Column("sphere", N_("Sphere"), lambda r: _rec(r).get("sphere") or "", "sphere"),
    Column(
        "date",
        N_("Date as shared (YYYY-MM-DD, YYYY-Www or YYYY-MM)"),
        lambda r: (_rec(r).get("when") or {}).get("date") or "",
    ),
    Column(
        "date_end",
        N_("End date, if a span"),
        lambda r: (_rec(r).get("when") or {}).get("date_end") or "",
    ),
    Column(
        "date_precision",
        N_("What the date gives: day, week, month or year"),
        lambda r: date_form((_rec(r).get("when") or {}).get("date")) or "",
    ),
    Column(
        "state",
        N_("Mexican state (INEGI code)"),
        lambda r: (_rec(r).get("where") or {}).get("state") or "",
        "mx_state",
    ),
    Column(
        "municipality",
        N_("Municipality (INEGI code, only with consent)"),
        lambda r: (_rec(r).get("where") or {}).get("municipality") or "",
    ),
    Column(
        "location_type",
        N_("Kind of place"),
        lambda r: (_rec(r).get("where") or {}).get("location_type") or "",
        "location_type",
    ),
    Column(
        "target_profiles",
        N_("Profiles of the people targeted (all targets)"),
        lambda r: target_codes(_rec(r), "profiles"),
        "target_profile",
    ),
    Column(
        "target_genders",
        N_("Genders of the targets"),
        lambda r: target_codes(_rec(r), "gender"),
        "gender",
    ),
    Column(
        "target_age_bands",
        N_("Age bands of the targets"),
        lambda r: target_codes(_rec(r), "age_band"),
        "age_band",
    ),
    Column(
        "coverage_topics",
        N_("Coverage topics"),
        lambda r: target_codes(_rec(r), "coverage_topics"),
        "coverage_topic",
    ),
    Column(
        "perpetrators",
        N_("Presumed perpetrators"),
        _perp("code"),
        "perpetrator",
    ),
    Column(
        "perpetrator_levels",
        N_("Level of government of each (same order, empty if none)"),
        _perp("level"),
        "state_level",
    ),
    Column(
        "attributions",
        N_("Attribution of each (same order)"),
        _perp("attribution"),
        "attribution",
    ),
    Column("vectors", N_("Attack vectors"), _digital("vectors"), "vector"),
    Column(
        "compromise_status",
        N_("Compromise status"),
        _digital("compromise_status"),
        "compromise_status",
    ),
    Column(
        "detection_source",
        N_("Detection source"),
        _digital("detection_source"),
        "detection_source",
    ),
    Column("platform", N_("Platform"), _digital("platform"), "platform"),
    Column(
        "spyware_family",
        N_("Spyware family"),
        _digital("spyware_family"),
        "spyware_family",
    ),
    Column(
        "indicators",
        N_("Attacker-side indicators, type:value"),
        lambda r: [f"{i['type']}:{i['value']}" for i in _rec(r).get("indicators") or []],
    ),
    Column(
        "sensitivity",
        N_("TLP sensitivity"),
        lambda r: _rec(r).get("sensitivity") or "",
        "sensitivity",
    ),
    Column(
        "attachments",
        N_("Number of evidence files received"),
        lambda r: str(len(_rec(r).get("attachments") or [])),
    ),
    Column(
        "tags",
        N_("Reporter's tags (free text)"),
        lambda r: list(_rec(r).get("tags") or []),
    ),
)
NOTE_COLUMNS: tuple[Column, ...] = (
    Column(
        "coordinator_tags",
        N_("Coordinator tags (only with --with-notes)"),
        lambda r: unique(list(r.get("tags") or [])),
    ),  # from the triage, see run.py
    Column(
        "coordinator_notes",
        N_("Coordinator notes, oldest first (only with --with-notes)"),
        lambda r: [
            n.get("text", "") if isinstance(n, dict) else str(n) for n in r.get("notes") or []
        ],
    ),
)


def columns(ctx: ExportContext) -> list[Column]:
    return list(COLUMNS) + (list(NOTE_COLUMNS) if ctx.with_notes else [])


def header(ctx: ExportContext) -> list[str]:
    out: list[str] = []
    for col in columns(ctx):
        out.append(col.name)
        if col.kind:
            out.append(f"{col.name}_label")
    return out


def row(report: Report, ctx: ExportContext) -> list[str]:
    out: list[str] = []
    for col in columns(ctx):
        value = col.get(report)
        codes = value if isinstance(value, list) else [value]
        if col.name in FREE_TEXT:
            codes = [as_text(c) for c in codes]
        out.append(MULTI.join(codes))
        if col.kind:
            out.append(MULTI.join(ctx.label(col.kind, c) if c else "" for c in codes))
    return out


def _encode(rows: list[list[str]], bom: bool) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerows(rows)
    return (("\ufeff" if bom else "") + buf.getvalue()).encode("utf-8")


def csv_chunks(
    pages: Iterable[list[Report]], ctx: ExportContext, *, bom: bool = False
) -> Iterator[bytes]:
    """The CSV a page of reports at a time (a large inbox is never in memory at once)."""
    yield _encode([header(ctx)], bom)
    for page in pages:
        yield _encode([row(r, ctx) for r in page], False)


def export_csv(reports: list[Report], ctx: ExportContext, *, bom: bool = False) -> bytes:
    """One row per report."""
    return b"".join(csv_chunks([reports], ctx, bom=bom))


def export_public_csv(fig: Figures, ctx: ExportContext, *, bom: bool = False) -> bytes:
    """``--public``: only the counts tables, small cells hidden, no case."""
    return _encode(public_table_rows(fig, ctx), bom)


def codebook(ctx: ExportContext, count: int, *, bom: bool = False) -> bytes:
    """Every column and every code of the CSV, in both languages, and how it was made."""
    said = [translator(lang) for lang in CODEBOOK_LANGUAGES]
    rows = [["column", "code", *CODEBOOK_LANGUAGES]]
    for col in columns(ctx):
        rows.append([col.name, "", *(tr(col.msgid) for tr in said)])
        if col.kind:
            labels = {"column": col.name, "lang": ctx.lang}
            rows.append([f"{col.name}_label", "", *(fill(tr(LABELS_OF), labels) for tr in said)])
            rows += [[col.name, t.code, t.en, t.es] for t in ctx.vocab.terms(col.kind)]
    meta = ctx.meta("csv", count)
    rows.append(["#", "vocabulary_version", meta["vocabulary_version"], ""])
    rows.append(["#", "multi_value_separator", MULTI, ""])
    rows.append(["#", "formula_guard", *(tr(FORMULA_GUARD) for tr in said)])
    rows.append(["#", "generated_at", meta["generated_at"], ""])
    rows.append(["#", "selection", json.dumps(meta["selection"], ensure_ascii=False), ""])
    rows.append(["#", "reports", str(count), ""])
    return _encode(rows, bom)

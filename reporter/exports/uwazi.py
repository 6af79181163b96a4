"""The Uwazi CSV: the layout Uwazi's CSV import takes for one template, and that template.

Read from Uwazi's importer (app/api/csv): a column names a property by ``safeName`` of its
label (trimmed, every character but a-z and 0-9 made ``_``, lower case); select and
multiselect cells hold thesaurus labels in the template's language, ``|`` between values,
``Parent::Child`` for a grouped value; dates ``YYYY-MM-DD`` and a range ``from:to``;
``title__es``/``title__en`` are the entity's translations. Locations are state and
municipality only, so no geolocation column exists.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from reporter.exports.base import (
    ExportContext,
    Report,
    target_codes,
    translated,
    triage_of,
    when_range,
)
from reporter.exports.csv_export import as_text
from reporter.i18n import N_, fill, translator

# Codes "GROUP.CHILD" are grouped in Uwazi's thesauri under these groups.
GROUPS: dict[str, str] = {
    "HAR": N_("Harassment and attacks"),
    "SURV": N_("Surveillance"),
    "STATE": N_("State actors"),
}
VERIFICATION: dict[str, str] = {
    "unverified": N_("Not verified"),
    "corroborated": N_("Corroborated"),
    "forensically-confirmed": N_("Forensically confirmed"),
}
# Uwazi keeps each label in both of its languages (an entity's title__en/title__es too).
UWAZI_LANGUAGES = ("en", "es")


@dataclass(frozen=True)
class Prop:
    msgid: str  # its English label, the one its column is named after in an English export
    type: str  # Uwazi property type
    kind: str | None = None  # vocabulary kind of its thesaurus

    def label(self, ctx: ExportContext) -> str:
        return translated(ctx.lang, self.msgid)


PROPS: tuple[Prop, ...] = (
    Prop(N_("Report id"), "text"),
    Prop(N_("Date"), "daterange"),
    Prop(N_("Incident type"), "multiselect", "incident_type"),
    Prop(N_("Sphere"), "select", "sphere"),
    Prop(N_("Mexican state|State"), "select", "mx_state"),
    Prop(N_("Municipality (INEGI code)"), "text"),
    Prop(N_("Kind of place"), "select", "location_type"),
    Prop(N_("Target profile"), "multiselect", "target_profile"),
    Prop(N_("Gender"), "multiselect", "gender"),
    Prop(N_("Age band"), "multiselect", "age_band"),
    Prop(N_("Coverage topic"), "multiselect", "coverage_topic"),
    Prop(N_("Presumed perpetrator"), "multiselect", "perpetrator"),
    Prop(N_("Level of government"), "multiselect", "state_level"),
    Prop(N_("Attribution"), "multiselect", "attribution"),
    Prop(N_("Attack vector"), "multiselect", "vector"),
    Prop(N_("Compromise status"), "select", "compromise_status"),
    Prop(N_("Detection source"), "select", "detection_source"),
    Prop(N_("Platform"), "select", "platform"),
    Prop(N_("Spyware family"), "select", "spyware_family"),
    Prop(N_("Sensitivity"), "select", "sensitivity"),
    Prop(N_("Verification"), "select", "verification"),
    Prop(N_("Indicators"), "markdown"),
    Prop(N_("Description"), "markdown"),
)


def safe_name(label: str) -> str:
    """Uwazi's property name for a label (shared/propertyNames.ts, the default generation)."""
    return re.sub(r"[^a-z0-9]", "_", label.strip(), flags=re.IGNORECASE).lower()


def _group(code: str) -> str | None:
    head, dot, _ = code.partition(".")
    return GROUPS.get(head) if dot else None


def value_label(kind: str, code: str, ctx: ExportContext) -> str:
    """A thesaurus value as Uwazi's import reads it: ``Group::Child`` or a root label."""
    if kind == "verification":
        return translator(ctx.lang)(VERIFICATION[code]) if code in VERIFICATION else code
    label = ctx.label(kind, code)
    group = _group(code)
    return f"{translator(ctx.lang)(group)}::{label}" if group else label


def _values(report: Report, prop: Prop) -> list[str]:
    record = report["record"]
    where = record.get("where") or {}
    digital = record.get("digital") or {}
    perps = record.get("perpetrators") or []
    by_kind: dict[str, list[str]] = {
        "incident_type": list(record.get("incident_types") or []),
        "sphere": [record.get("sphere") or ""],
        "mx_state": [where.get("state") or ""],
        "location_type": [where.get("location_type") or ""],
        "target_profile": target_codes(record, "profiles"),
        "gender": target_codes(record, "gender"),
        "age_band": target_codes(record, "age_band"),
        "coverage_topic": target_codes(record, "coverage_topics"),
        "perpetrator": [p.get("code") or "" for p in perps],
        "state_level": [p.get("level") or "" for p in perps],
        "attribution": [p.get("attribution") or "" for p in perps],
        "vector": list(digital.get("vectors") or []),
        "compromise_status": [digital.get("compromise_status") or ""],
        "detection_source": [digital.get("detection_source") or ""],
        "platform": [digital.get("platform") or ""],
        "spyware_family": [digital.get("spyware_family") or ""],
        "sensitivity": [record.get("sensitivity") or ""],
        "verification": [str(triage_of(report).get("verification") or "")],
    }
    return list(dict.fromkeys(c for c in by_kind[str(prop.kind)] if c))


def entity_title(report: Report, lang: str, ctx: ExportContext) -> str:
    """The shared title, or one made of codes when the reporter shared no free text."""
    record = report["record"]
    if record.get("title"):
        return str(record["title"])
    other = ExportContext(lang=lang, vocab=ctx.vocab)
    parts = [other.label("incident_type", c) for c in (record.get("incident_types") or [])[:2]]
    state = (record.get("where") or {}).get("state")
    if state:
        parts.append(other.label("mx_state", state))
    date = (record.get("when") or {}).get("date")
    if date:
        parts.append(date)
    word = fill(translator(lang)("Report {id}"), {"id": record["id"][:8]})
    return f"{word}: " + ", ".join(parts)


def _cell(report: Report, prop: Prop, ctx: ExportContext) -> str:
    record = report["record"]
    if prop.kind:
        return "|".join(value_label(prop.kind, c, ctx) for c in _values(report, prop))
    if prop.type == "daterange":
        first, last = when_range(record.get("when") or {})
        return f"{first}:{last}" if first else ""
    if prop.msgid.startswith("Municipality"):
        return str((record.get("where") or {}).get("municipality") or "")
    if prop.msgid == "Indicators":
        return "\n".join(f"- {i['type']}: `{i['value']}`" for i in record.get("indicators") or [])
    if prop.msgid == "Description":
        return as_text(str(record.get("description") or ""))
    return str(record["id"])


def headers(ctx: ExportContext) -> list[str]:
    return ["title", "title__en", "title__es"] + [safe_name(p.label(ctx)) for p in PROPS]


def uwazi_chunks(pages: Iterable[list[Report]], ctx: ExportContext) -> Iterator[bytes]:
    """The CSV to import with Uwazi's "Import CSV" into ``template(ctx)``, a page at a time."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerow(headers(ctx))
    yield buf.getvalue().encode("utf-8")
    for page in pages:
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        for report in page:
            titles = [entity_title(report, lang, ctx) for lang in (ctx.lang, *UWAZI_LANGUAGES)]
            # Free text from a device, guarded as in the flat CSV: it may open in a spreadsheet.
            writer.writerow([as_text(t) for t in titles] + [_cell(report, p, ctx) for p in PROPS])
        yield buf.getvalue().encode("utf-8")


def export_uwazi(reports: list[Report], ctx: ExportContext) -> bytes:
    return b"".join(uwazi_chunks([reports], ctx))


def _thesaurus(kind: str, ctx: ExportContext) -> dict[str, Any]:
    """One thesaurus, labels in the template's language, the other language beside each."""
    terms: list[tuple[str, str, dict[str, str]]]
    if kind == "verification":
        terms = [
            (code, translator(ctx.lang)(text), {la: translator(la)(text) for la in UWAZI_LANGUAGES})
            for code, text in VERIFICATION.items()
        ]
    else:
        terms = [
            (t.code, t.label(ctx.lang), {"en": t.en, "es": t.es}) for t in ctx.vocab.terms(kind)
        ]
    roots: list[dict[str, Any]] = []
    groups: dict[str, dict[str, Any]] = {}
    for code, label, names in terms:
        value = {"id": code, "label": label, "translations": names}
        group = _group(code)
        if group is None:
            roots.append(value)
            continue
        head = code.split(".")[0]
        if head not in groups:
            groups[head] = {
                "id": head,
                "label": translator(ctx.lang)(group),
                "translations": {la: translator(la)(group) for la in UWAZI_LANGUAGES},
                "values": [],
            }
            roots.append(groups[head])
        groups[head]["values"].append(value)
    name = next(p for p in PROPS if p.kind == kind)
    return {"name": f"Testigo: {name.label(ctx)}", "kind": kind, "values": roots}


def template(ctx: ExportContext) -> dict[str, Any]:
    """The template and thesauri the CSV fits, to create once in Uwazi (docs/exports.md)."""
    kinds = list(dict.fromkeys(p.kind for p in PROPS if p.kind))
    return {
        "format": "testigo-uwazi-template",
        "vocabulary_version": ctx.vocab.version,
        "language": "es" if ctx.es else "en",
        "licence": "Testigo's vocabulary, GPL-3.0-or-later (resources/uwazi/README.md)",
        "template": {
            "name": translator(ctx.lang)("Testigo report"),
            "properties": [
                {
                    "label": p.label(ctx),
                    "name": safe_name(p.label(ctx)),
                    "type": p.type,
                    **({"content": _thesaurus(p.kind, ctx)["name"]} if p.kind else {}),
                }
                for p in PROPS
            ],
        },
        "thesauri": [_thesaurus(k, ctx) for k in kinds],
    }

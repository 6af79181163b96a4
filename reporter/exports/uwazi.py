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

from reporter.exports.base import ExportContext, Report, target_codes, triage_of, when_range
from reporter.exports.csv_export import as_text

# Codes "GROUP.CHILD" are grouped in Uwazi's thesauri under these groups.
GROUPS: dict[str, tuple[str, str]] = {
    "HAR": ("Harassment and attacks", "Agresiones y hostigamiento"),
    "SURV": ("Surveillance", "Vigilancia"),
    "STATE": ("State actors", "Actores estatales"),
}
VERIFICATION = (
    ("unverified", "Not verified", "Sin verificar"),
    ("corroborated", "Corroborated", "Corroborado"),
    ("forensically-confirmed", "Forensically confirmed", "Confirmado por análisis forense"),
)


@dataclass(frozen=True)
class Prop:
    en: str
    es: str
    type: str  # Uwazi property type
    kind: str | None = None  # vocabulary kind of its thesaurus

    def label(self, ctx: ExportContext) -> str:
        return self.es if ctx.es else self.en


PROPS: tuple[Prop, ...] = (
    Prop("Report id", "Id del reporte", "text"),
    Prop("Date", "Fecha", "daterange"),
    Prop("Incident type", "Tipo de incidente", "multiselect", "incident_type"),
    Prop("Sphere", "Ámbito", "select", "sphere"),
    Prop("State", "Entidad federativa", "select", "mx_state"),
    Prop("Municipality (INEGI code)", "Municipio (clave INEGI)", "text"),
    Prop("Kind of place", "Tipo de lugar", "select", "location_type"),
    Prop("Target profile", "Perfil de la persona agredida", "multiselect", "target_profile"),
    Prop("Gender", "Género", "multiselect", "gender"),
    Prop("Age band", "Rango de edad", "multiselect", "age_band"),
    Prop("Coverage topic", "Tema de cobertura", "multiselect", "coverage_topic"),
    Prop("Presumed perpetrator", "Presunto perpetrador", "multiselect", "perpetrator"),
    Prop("Level of government", "Nivel de gobierno", "multiselect", "state_level"),
    Prop("Attribution", "Atribución", "multiselect", "attribution"),
    Prop("Attack vector", "Vector de ataque", "multiselect", "vector"),
    Prop("Compromise status", "Estado de compromiso", "select", "compromise_status"),
    Prop("Detection source", "Fuente de detección", "select", "detection_source"),
    Prop("Platform", "Plataforma", "select", "platform"),
    Prop("Spyware family", "Familia de software espía", "select", "spyware_family"),
    Prop("Sensitivity", "Sensibilidad", "select", "sensitivity"),
    Prop("Verification", "Verificación", "select", "verification"),
    Prop("Indicators", "Indicadores", "markdown"),
    Prop("Description", "Descripción", "markdown"),
)


def safe_name(label: str) -> str:
    """Uwazi's property name for a label (shared/propertyNames.ts, the default generation)."""
    return re.sub(r"[^a-z0-9]", "_", label.strip(), flags=re.IGNORECASE).lower()


def _group(code: str) -> tuple[str, str] | None:
    head, dot, _ = code.partition(".")
    return GROUPS.get(head) if dot else None


def value_label(kind: str, code: str, ctx: ExportContext) -> str:
    """A thesaurus value as Uwazi's import reads it: ``Group::Child`` or a root label."""
    if kind == "verification":
        return next((v[2] if ctx.es else v[1] for v in VERIFICATION if v[0] == code), code)
    label = ctx.label(kind, code)
    group = _group(code)
    return f"{group[1] if ctx.es else group[0]}::{label}" if group else label


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
    word = "Reporte" if lang == "es" else "Report"
    return f"{word} {record['id'][:8]}: " + ", ".join(parts)


def _cell(report: Report, prop: Prop, ctx: ExportContext) -> str:
    record = report["record"]
    if prop.kind:
        return "|".join(value_label(prop.kind, c, ctx) for c in _values(report, prop))
    if prop.type == "daterange":
        first, last = when_range(record.get("when") or {})
        return f"{first}:{last}" if first else ""
    if prop.en.startswith("Municipality"):
        return str((record.get("where") or {}).get("municipality") or "")
    if prop.en == "Indicators":
        return "\n".join(f"- {i['type']}: `{i['value']}`" for i in record.get("indicators") or [])
    if prop.en == "Description":
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
            titles = [
                entity_title(report, lang, ctx) for lang in ("es" if ctx.es else "en", "en", "es")
            ]
            # Free text from a device, guarded as in the flat CSV: it may open in a spreadsheet.
            writer.writerow([as_text(t) for t in titles] + [_cell(report, p, ctx) for p in PROPS])
        yield buf.getvalue().encode("utf-8")


def export_uwazi(reports: list[Report], ctx: ExportContext) -> bytes:
    return b"".join(uwazi_chunks([reports], ctx))


def _thesaurus(kind: str, ctx: ExportContext) -> dict[str, Any]:
    """One thesaurus, labels in the template's language, the other language beside each."""
    if kind == "verification":
        pairs = [(v[0], v[1], v[2]) for v in VERIFICATION]
    else:
        pairs = [(t.code, t.en, t.es) for t in ctx.vocab.terms(kind)]
    roots: list[dict[str, Any]] = []
    groups: dict[str, dict[str, Any]] = {}
    for code, en, es in pairs:
        value = {"id": code, "label": es if ctx.es else en, "translations": {"en": en, "es": es}}
        group = _group(code)
        if group is None:
            roots.append(value)
            continue
        head = code.split(".")[0]
        if head not in groups:
            groups[head] = {
                "id": head,
                "label": group[1] if ctx.es else group[0],
                "translations": {"en": group[0], "es": group[1]},
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
            "name": "Reporte Testigo" if ctx.es else "Testigo report",
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

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

# A spreadsheet runs a cell that starts like a formula (=HYPERLINK(...) in a title a hostile
# device sent); free-text cells that start so get a leading apostrophe, which LibreOffice and
# Excel show as text. Codes and labels never start so.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FREE_TEXT = frozenset({"title", "description", "tags", "coordinator_tags", "coordinator_notes"})


def as_text(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


@dataclass(frozen=True)
class Column:
    name: str
    en: str
    es: str
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
        "Report id (the device's incident id)",
        "Id del reporte (del incidente en el dispositivo)",
        lambda r: _rec(r)["id"],
    ),
    Column(
        "revision",
        "Revision received",
        "Revisión recibida",
        lambda r: str(_rec(r).get("revision", "")),
    ),
    Column(
        "received_at",
        "When it was received (UTC)",
        "Cuándo se recibió (UTC)",
        lambda r: r.get("received_at") or "",
    ),
    Column(
        "device",
        "Sending device's fingerprint",
        "Huella del dispositivo que lo envió",
        lambda r: r.get("device_fingerprint") or "",
    ),
    Column(
        "device_verified",
        "Device verified by a coordinator (yes/no)",
        "Dispositivo verificado por una coordinación (sí/no)",
        lambda r: "yes" if r.get("device_verified") else "no",
    ),
    Column(
        "review",
        "Review state",
        "Estado de revisión",
        lambda r: str(triage_of(r).get("review") or ""),
    ),
    Column(
        "verification",
        "Verification state",
        "Estado de verificación",
        lambda r: str(triage_of(r).get("verification") or ""),
    ),
    Column(
        "counting",
        "Counting state",
        "Estado de conteo",
        lambda r: str(triage_of(r).get("counting") or ""),
    ),
    Column(
        "title",
        "Title (only if the reporter shared free text)",
        "Título (solo si quien reportó compartió texto libre)",
        lambda r: _rec(r).get("title") or "",
    ),
    Column(
        "description",
        "Description (idem)",
        "Descripción (ídem)",
        lambda r: _rec(r).get("description") or "",
    ),
    Column(
        "incident_types",
        "Incident types",
        "Tipos de incidente",
        lambda r: list(_rec(r).get("incident_types") or []),
        "incident_type",
    ),
    Column("sphere", "Sphere", "Ámbito", lambda r: _rec(r).get("sphere") or "", "sphere"),
    Column(
        "date",
        "Date as shared (YYYY-MM-DD, YYYY-Www or YYYY-MM)",
        "Fecha como se compartió (AAAA-MM-DD, AAAA-Www o AAAA-MM)",
        lambda r: (_rec(r).get("when") or {}).get("date") or "",
    ),
    Column(
        "date_end",
        "End date, if a span",
        "Fecha final, si es un periodo",
        lambda r: (_rec(r).get("when") or {}).get("date_end") or "",
    ),
    Column(
        "date_precision",
        "What the date gives: day, week, month or year",
        "Lo que da la fecha: day (día), week (semana), month (mes) o year (año)",
        lambda r: date_form((_rec(r).get("when") or {}).get("date")) or "",
    ),
    Column(
        "state",
        "Mexican state (INEGI code)",
        "Entidad federativa (clave INEGI)",
        lambda r: (_rec(r).get("where") or {}).get("state") or "",
        "mx_state",
    ),
    Column(
        "municipality",
        "Municipality (INEGI code, only with consent)",
        "Municipio (clave INEGI, solo con consentimiento)",
        lambda r: (_rec(r).get("where") or {}).get("municipality") or "",
    ),
    Column(
        "location_type",
        "Kind of place",
        "Tipo de lugar",
        lambda r: (_rec(r).get("where") or {}).get("location_type") or "",
        "location_type",
    ),
    Column(
        "target_profiles",
        "Profiles of the people targeted (all targets)",
        "Perfiles de las personas agredidas (todas)",
        lambda r: target_codes(_rec(r), "profiles"),
        "target_profile",
    ),
    Column(
        "target_genders",
        "Genders of the targets",
        "Géneros de las personas agredidas",
        lambda r: target_codes(_rec(r), "gender"),
        "gender",
    ),
    Column(
        "target_age_bands",
        "Age bands of the targets",
        "Rangos de edad",
        lambda r: target_codes(_rec(r), "age_band"),
        "age_band",
    ),
    Column(
        "coverage_topics",
        "Coverage topics",
        "Temas de cobertura",
        lambda r: target_codes(_rec(r), "coverage_topics"),
        "coverage_topic",
    ),
    Column(
        "perpetrators",
        "Presumed perpetrators",
        "Presuntos perpetradores",
        _perp("code"),
        "perpetrator",
    ),
    Column(
        "perpetrator_levels",
        "Level of government of each (same order, empty if none)",
        "Nivel de gobierno de cada uno (mismo orden, vacío si no aplica)",
        _perp("level"),
        "state_level",
    ),
    Column(
        "attributions",
        "Attribution of each (same order)",
        "Atribución de cada uno (mismo orden)",
        _perp("attribution"),
        "attribution",
    ),
    Column("vectors", "Attack vectors", "Vectores de ataque", _digital("vectors"), "vector"),
    Column(
        "compromise_status",
        "Compromise status",
        "Estado de compromiso",
        _digital("compromise_status"),
        "compromise_status",
    ),
    Column(
        "detection_source",
        "Detection source",
        "Fuente de detección",
        _digital("detection_source"),
        "detection_source",
    ),
    Column("platform", "Platform", "Plataforma", _digital("platform"), "platform"),
    Column(
        "spyware_family",
        "Spyware family",
        "Familia de software espía",
        _digital("spyware_family"),
        "spyware_family",
    ),
    Column(
        "indicators",
        "Attacker-side indicators, type:value",
        "Indicadores del lado atacante, tipo:valor",
        lambda r: [f"{i['type']}:{i['value']}" for i in _rec(r).get("indicators") or []],
    ),
    Column(
        "sensitivity",
        "TLP sensitivity",
        "Sensibilidad TLP",
        lambda r: _rec(r).get("sensitivity") or "",
        "sensitivity",
    ),
    Column(
        "attachments",
        "Number of evidence files received",
        "Número de archivos de evidencia recibidos",
        lambda r: str(len(_rec(r).get("attachments") or [])),
    ),
    Column(
        "tags",
        "Reporter's tags (free text)",
        "Etiquetas de quien reportó (texto libre)",
        lambda r: list(_rec(r).get("tags") or []),
    ),
)
NOTE_COLUMNS: tuple[Column, ...] = (
    Column(
        "coordinator_tags",
        "Coordinator tags (only with --with-notes)",
        "Etiquetas de la coordinación (solo con --with-notes)",
        lambda r: unique(list(r.get("tags") or [])),
    ),  # from the triage, see run.py
    Column(
        "coordinator_notes",
        "Coordinator notes, oldest first (only with --with-notes)",
        "Notas de la coordinación, de la más antigua (solo con --with-notes)",
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
    rows = [["column", "code", "en", "es"]]
    for col in columns(ctx):
        rows.append([col.name, "", col.en, col.es])
        if col.kind:
            rows.append(
                [
                    f"{col.name}_label",
                    "",
                    f"Labels of {col.name} ({ctx.lang})",
                    f"Etiquetas de {col.name} ({ctx.lang})",
                ]
            )
            rows += [[col.name, t.code, t.en, t.es] for t in ctx.vocab.terms(col.kind)]
    meta = ctx.meta("csv", count)
    rows.append(["#", "vocabulary_version", meta["vocabulary_version"], ""])
    rows.append(["#", "multi_value_separator", MULTI, ""])
    rows.append(
        [
            "#",
            "formula_guard",
            "free text starting with = + - @ gets a leading '",
            "el texto libre que empieza con = + - @ lleva un ' delante",
        ]
    )
    rows.append(["#", "generated_at", meta["generated_at"], ""])
    rows.append(["#", "selection", json.dumps(meta["selection"], ensure_ascii=False), ""])
    rows.append(["#", "reports", str(count), ""])
    return _encode(rows, bom)

"""One case as a PDF for the evidence packet: what was received, in the reader's language."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Spacer

from reporter.exports.base import ExportContext, Report, target_codes, triage_of
from reporter.exports.pdf_common import build_pdf, para, table

_FIELDS = (  # (en, es, vocabulary kind, how to read it)
    (
        "Incident types",
        "Tipos de incidente",
        "incident_type",
        lambda r: r.get("incident_types") or [],
    ),
    ("Sphere", "Ámbito", "sphere", lambda r: [r.get("sphere")]),
    (
        "Date as shared",
        "Fecha como se compartió",
        "",
        lambda r: [(r.get("when") or {}).get("date"), (r.get("when") or {}).get("date_end")],
    ),
    ("State", "Entidad federativa", "mx_state", lambda r: [(r.get("where") or {}).get("state")]),
    (
        "Municipality (INEGI)",
        "Municipio (INEGI)",
        "",
        lambda r: [(r.get("where") or {}).get("municipality")],
    ),
    (
        "Kind of place",
        "Tipo de lugar",
        "location_type",
        lambda r: [(r.get("where") or {}).get("location_type")],
    ),
    (
        "Target profiles",
        "Perfiles de las personas agredidas",
        "target_profile",
        lambda r: target_codes(r, "profiles"),
    ),
    ("Genders", "Géneros", "gender", lambda r: target_codes(r, "gender")),
    (
        "Presumed perpetrators",
        "Presuntos perpetradores",
        "perpetrator",
        lambda r: [p.get("code") for p in r.get("perpetrators") or []],
    ),
    (
        "Attack vectors",
        "Vectores de ataque",
        "vector",
        lambda r: (r.get("digital") or {}).get("vectors") or [],
    ),
    (
        "Compromise status",
        "Estado de compromiso",
        "compromise_status",
        lambda r: [(r.get("digital") or {}).get("compromise_status")],
    ),
    (
        "Detection source",
        "Fuente de detección",
        "detection_source",
        lambda r: [(r.get("digital") or {}).get("detection_source")],
    ),
    (
        "Spyware family",
        "Familia de software espía",
        "spyware_family",
        lambda r: [(r.get("digital") or {}).get("spyware_family")],
    ),
    ("Sensitivity", "Sensibilidad", "", lambda r: [r.get("sensitivity")]),
)


_ARRIVAL = {  # arrival.json's keys as a reader says them
    "bundle_id": ("Bundle", "Paquete"),
    "received_at": ("Received (UTC)", "Recibido (UTC)"),
    "device_seq": ("Device's bundle number", "Número de paquete del dispositivo"),
    "bundle_created_on": ("Bundle made on", "Paquete creado el"),
    "via": ("Arrived by", "Llegó por"),
    "upload_id": ("Relay upload", "Envío al relevo"),
    "file_name": ("File name", "Nombre del archivo"),
    "bundle_sha256": ("Bundle SHA-256", "SHA-256 del paquete"),
    "device_fingerprint": ("Device fingerprint", "Huella del dispositivo"),
    "device_verified": ("Device verified", "Dispositivo verificado"),
}
_TRIAGE = {
    "review": ("Review", "Revisión"),
    "verification": ("Verification", "Verificación"),
    "counting": ("Counting", "Conteo"),
    "exclusion": ("Excluded because", "Excluido por"),
}


def _plain(value: Any, es: bool) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return ("sí" if value else "no") if es else ("yes" if value else "no")
    return str(value)


def _value(ctx: ExportContext, kind: str, codes: list[Any]) -> str:
    shown = [ctx.label(kind, c) if kind else str(c) for c in codes if c]
    return "; ".join(shown) or "—"


def case_pdf(
    report: Report, ctx: ExportContext, arrival: dict[str, Any], history: list[dict[str, Any]]
) -> bytes:
    record = report["record"]
    es = ctx.es
    head = "Caso" if es else "Case"
    story: list[Flowable] = [
        para(f"{head} {record['id']}", "Title"),
        para(
            record.get("title")
            or ("(sin texto libre compartido)" if es else "(no free text shared)"),
            "Heading2",
        ),
        para(record.get("description") or ""),
        Spacer(1, 0.3 * cm),
    ]
    rows = [["Campo" if es else "Field", "Valor" if es else "Value"]]
    rows += [[f[1] if es else f[0], _value(ctx, f[2], list(f[3](record)))] for f in _FIELDS]
    story.append(table(rows, [5.5 * cm, 10.5 * cm], numeric_last=False))
    indicators = [f"{i['type']}: {i['value']}" for i in record.get("indicators") or []]
    if indicators:
        story += [para("Indicadores" if es else "Indicators", "Heading3")]
        story += [para(line, "Cell") for line in indicators]
    files = [
        [a["id"], a["media_type"], str(a["size"]), a["sha256"]]
        for a in record.get("attachments") or []
    ]
    if files:
        story += [
            para("Archivos de evidencia" if es else "Evidence files", "Heading3"),
            table(
                [["Id", "Tipo" if es else "Type", "Bytes", "SHA-256"]] + files,
                [3.2 * cm, 2.6 * cm, 1.6 * cm, 8.6 * cm],
                numeric_last=False,
            ),
        ]
    rows = [["Llegada" if es else "Arrival", ""]]
    rows += [[_ARRIVAL.get(k, (k, k))[1 if es else 0], _plain(v, es)] for k, v in arrival.items()]
    story += [Spacer(1, 0.3 * cm), table(rows, [5.5 * cm, 10.5 * cm], numeric_last=False)]
    triage = triage_of(report)
    rows = [["Triaje" if es else "Triage", ""]]
    rows += [[names[1 if es else 0], _plain(triage.get(k), es)] for k, names in _TRIAGE.items()]
    story += [Spacer(1, 0.3 * cm), table(rows, [5.5 * cm, 10.5 * cm], numeric_last=False)]
    if history:
        rows = [
            [
                "Cuándo (UTC)" if es else "When (UTC)",
                "Quién" if es else "Who",
                "Campo" if es else "Field",
                "De → a" if es else "From → to",
            ]
        ]
        rows += [
            [
                str(h.get("at", "")).replace("T", " ").rstrip("Z"),
                h.get("author", ""),
                h.get("field", ""),
                f"{h.get('from') or '—'} → {h.get('to') or '—'}",
            ]
            for h in history
        ]
        story += [
            para("Historial" if es else "History", "Heading3"),
            table(rows, [3.6 * cm, 3.6 * cm, 2.8 * cm, 6 * cm], numeric_last=False),
        ]
    return build_pdf(
        story,
        title=f"{head} {record['id']}",
        lang="es" if es else "en",
        footer=f"Testigo · {ctx.coalition} · {ctx.generated_at[:10]}",
    )

"""One case as a PDF for the evidence packet: what was received, in the reader's language."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Spacer

from reporter.exports.base import ExportContext, Report, target_codes, translated, triage_of
from reporter.exports.pdf_common import build_pdf, para, table
from reporter.i18n import N_, Translate, fill, translator

_FIELDS = (  # (msgid, vocabulary kind, how to read it)
    (
        N_("Incident types"),
        "incident_type",
        lambda r: r.get("incident_types") or [],
    ),
    (N_("Sphere"), "sphere", lambda r: [r.get("sphere")]),
    (
        N_("Date as shared"),
        "",
        lambda r: [(r.get("when") or {}).get("date"), (r.get("when") or {}).get("date_end")],
    ),
    (N_("Mexican state|State"), "mx_state", lambda r: [(r.get("where") or {}).get("state")]),
    (
        N_("Municipality (INEGI)"),
        "",
        lambda r: [(r.get("where") or {}).get("municipality")],
    ),
    (
        N_("Kind of place"),
        "location_type",
        lambda r: [(r.get("where") or {}).get("location_type")],
    ),
    (
        N_("Target profiles"),
        "target_profile",
        lambda r: target_codes(r, "profiles"),
    ),
    (N_("Genders"), "gender", lambda r: target_codes(r, "gender")),
    (
        N_("Presumed perpetrators"),
        "perpetrator",
        lambda r: [p.get("code") for p in r.get("perpetrators") or []],
    ),
    (
        N_("Attack vectors"),
        "vector",
        lambda r: (r.get("digital") or {}).get("vectors") or [],
    ),
    (
        N_("Compromise status"),
        "compromise_status",
        lambda r: [(r.get("digital") or {}).get("compromise_status")],
    ),
    (
        N_("Detection source"),
        "detection_source",
        lambda r: [(r.get("digital") or {}).get("detection_source")],
    ),
    (
        N_("Spyware family"),
        "spyware_family",
        lambda r: [(r.get("digital") or {}).get("spyware_family")],
    ),
    (N_("Sensitivity"), "", lambda r: [r.get("sensitivity")]),
)


_ARRIVAL = {  # arrival.json's keys as a reader says them
    "bundle_id": N_("Bundle"),
    "received_at": N_("Received (UTC)"),
    "device_seq": N_("Device's bundle number"),
    "bundle_created_on": N_("Bundle made on"),
    "via": N_("Arrived by"),
    "upload_id": N_("Relay upload"),
    "file_name": N_("File name"),
    "bundle_sha256": N_("Bundle SHA-256"),
    "device_fingerprint": N_("Device fingerprint"),
    "device_verified": N_("Device verified"),
}
_TRIAGE = {
    "review": N_("Review"),
    "verification": N_("Verification"),
    "counting": N_("Counting"),
    "exclusion": N_("Excluded because"),
}


def _plain(value: Any, tr: Translate) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return tr("yes") if value else tr("no")
    return str(value)


def _value(ctx: ExportContext, kind: str, codes: list[Any]) -> str:
    shown = [ctx.label(kind, c) if kind else str(c) for c in codes if c]
    return "; ".join(shown) or "—"


def case_pdf(
    report: Report, ctx: ExportContext, arrival: dict[str, Any], history: list[dict[str, Any]]
) -> bytes:
    record = report["record"]
    tr = translator(ctx.lang)
    head = fill(tr("Case {id}"), {"id": record["id"]})
    story: list[Flowable] = [
        para(head, "Title"),
        para(record.get("title") or tr("(no free text shared)"), "Heading2"),
        para(record.get("description") or ""),
        Spacer(1, 0.3 * cm),
    ]
    rows = [[tr("Field"), tr("Value")]]
    rows += [
        [translated(ctx.lang, msgid), _value(ctx, kind, list(read(record)))]
        for msgid, kind, read in _FIELDS
    ]
    story.append(table(rows, [5.5 * cm, 10.5 * cm], numeric_last=False))
    indicators = [f"{i['type']}: {i['value']}" for i in record.get("indicators") or []]
    if indicators:
        story += [para(tr("Indicators"), "Heading3")]
        story += [para(line, "Cell") for line in indicators]
    files = [
        [a["id"], a["media_type"], str(a["size"]), a["sha256"]]
        for a in record.get("attachments") or []
    ]
    if files:
        story += [
            para(tr("Evidence files"), "Heading3"),
            table(
                [["Id", tr("Type"), "Bytes", "SHA-256"]] + files,
                [3.2 * cm, 2.6 * cm, 1.6 * cm, 8.6 * cm],
                numeric_last=False,
            ),
        ]
    rows = [[tr("Arrival"), ""]]
    rows += [[tr(_ARRIVAL[k]) if k in _ARRIVAL else k, _plain(v, tr)] for k, v in arrival.items()]
    story += [Spacer(1, 0.3 * cm), table(rows, [5.5 * cm, 10.5 * cm], numeric_last=False)]
    triage = triage_of(report)
    rows = [[tr("Triage"), ""]]
    rows += [[tr(name), _plain(triage.get(k), tr)] for k, name in _TRIAGE.items()]
    story += [Spacer(1, 0.3 * cm), table(rows, [5.5 * cm, 10.5 * cm], numeric_last=False)]
    if history:
        rows = [[tr("When (UTC)"), tr("Who"), tr("Field"), tr("From → to")]]
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
            para(tr("History"), "Heading3"),
            table(rows, [3.6 * cm, 3.6 * cm, 2.8 * cm, 6 * cm], numeric_last=False),
        ]
    return build_pdf(
        story,
        title=head,
        lang="es" if ctx.es else "en",
        footer=f"Testigo · {ctx.coalition} · {ctx.generated_at[:10]}",
    )

"""The JSON export, shaped after HURIDOCS' Events Standard Formats (docs/export.schema.json).

One ``event`` per report; its ``acts`` (one per incident type, each against every victim),
``victims`` described by profile (never by name: none reaches the coordinator) and
``perpetrators`` with their type, level of government and how firmly each is attributed,
as HURIDOCS' event / act / victim / involvement records are, so other human-rights tools
can map it field by field.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from reporter.exports.base import ExportContext, Report, triage_of, when_range
from reporter.exports.dates import date_form

SCHEMA_ID = "https://testigo.invalid/schemas/export-1.json"


def _coded(ctx: ExportContext, kind: str, code: str | None) -> dict[str, str] | None:
    return {"code": code, "label": ctx.label(kind, code)} if code else None


def _coded_list(ctx: ExportContext, kind: str, codes: list[str] | None) -> list[dict[str, Any]]:
    return [{"code": c, "label": ctx.label(kind, c)} for c in codes or []]


def event(report: Report, ctx: ExportContext) -> dict[str, Any]:
    record = report["record"]
    when = record.get("when") or {}
    where = record.get("where") or {}
    digital = record.get("digital") or {}
    first, last = when_range(when)
    victims = [
        {
            "victim_ref": i + 1,
            "profiles": _coded_list(ctx, "target_profile", t.get("profiles")),
            "gender": _coded(ctx, "gender", t.get("gender")),
            "age_band": _coded(ctx, "age_band", t.get("age_band")),
            "coverage_topics": _coded_list(ctx, "coverage_topic", t.get("coverage_topics")),
        }
        for i, t in enumerate(record.get("targets") or [])
    ]
    triage = triage_of(report)
    coordination: dict[str, Any] = {
        "review": triage.get("review"),
        "verification": triage.get("verification"),
        "counting": triage.get("counting"),
        "exclusion": triage.get("exclusion"),
    }
    if ctx.with_notes:
        coordination["notes"] = [
            n if isinstance(n, dict) else {"text": str(n)} for n in report.get("notes") or []
        ]
        coordination["tags"] = list(report.get("tags") or [])
    return {
        "id": record["id"],
        "revision": record.get("revision", 1),
        "title": record.get("title") or "",
        "description": record.get("description") or "",
        "status": record.get("status"),
        "sphere": _coded(ctx, "sphere", record.get("sphere")),
        "dates": {
            "as_shared": when.get("date"),
            "end_as_shared": when.get("date_end"),
            "precision": date_form(when.get("date")),
            "from": first or None,
            "to": last or None,
        },
        "location": {
            "country": where.get("country") or "MX",
            "state": _coded(ctx, "mx_state", where.get("state")),
            "municipality": where.get("municipality"),
            "location_type": _coded(ctx, "location_type", where.get("location_type")),
        },
        "acts": [
            {
                "act_type": {"code": c, "label": ctx.label("incident_type", c)},
                "victim_refs": [v["victim_ref"] for v in victims],
            }
            for c in record.get("incident_types") or []
        ],
        "victims": victims,
        "perpetrators": [
            {
                "type": _coded(ctx, "perpetrator", p.get("code")),
                "level_of_state": _coded(ctx, "state_level", p.get("level")),
                "attribution": _coded(ctx, "attribution", p.get("attribution")),
            }
            for p in record.get("perpetrators") or []
        ],
        "digital": {
            "vectors": _coded_list(ctx, "vector", digital.get("vectors")),
            "compromise_status": _coded(ctx, "compromise_status", digital.get("compromise_status")),
            "detection_source": _coded(ctx, "detection_source", digital.get("detection_source")),
            "platform": _coded(ctx, "platform", digital.get("platform")),
            "spyware_family": _coded(ctx, "spyware_family", digital.get("spyware_family")),
        },
        "indicators": [
            {"type": i["type"], "value": i["value"]} for i in record.get("indicators") or []
        ],
        "sensitivity": record.get("sensitivity"),
        "reporter_tags": list(record.get("tags") or []),
        "attachments": [
            {"id": a["id"], "size": a["size"], "media_type": a["media_type"], "sha256": a["sha256"]}
            for a in record.get("attachments") or []
        ],
        "source": {
            "received_at": report.get("received_at"),
            "bundle_id": report.get("bundle_id"),
            "device_fingerprint": report.get("device_fingerprint"),
            "device_verified": bool(report.get("device_verified")),
        },
        "coordination": coordination,
    }


def export_document(reports: list[Report], ctx: ExportContext) -> dict[str, Any]:
    return {
        "$schema": SCHEMA_ID,
        "export": ctx.meta("json", len(reports)),
        "events": [event(r, ctx) for r in reports],
    }


def _dump(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def json_chunks(pages: Iterable[list[Report]], ctx: ExportContext, count: int) -> Iterator[bytes]:
    """The document a page at a time: one event per line, in the order selected."""
    head = {"$schema": SCHEMA_ID, "export": ctx.meta("json", count)}
    yield (_dump(head)[:-1] + ',"events":[\n').encode()
    first = True
    for page in pages:
        for report in page:
            yield (("" if first else ",\n") + _dump(event(report, ctx))).encode()
            first = False
    yield b"\n]}\n"


def export_json(reports: list[Report], ctx: ExportContext) -> bytes:
    return b"".join(json_chunks([reports], ctx, len(reports)))

"""STIX 2.1 for forensic analysts, in the shape of Amnesty Tech's published indicator files.

One ``indicator`` per attacker-side indicator, a ``malware`` per spyware family with
``indicates`` relationships, a ``report`` per exported report referring to them, an
``identity`` for the coalition as creator and the TLP marking of each report's sensitivity.

MVT reads these files by splitting each pattern at ``=`` and dropping quotes, and knows
domains, URLs, e-mail addresses, process names and MD5/SHA-1/SHA-256 hashes. So a pattern
has one comparison, and a value that holds ``=``, a quote or a backslash is skipped (never
rewritten: a changed indicator would match nothing, or something else); phone numbers (no
STIX object, MVT does not read them), app ids (MVT's ``app:id`` is refused by the STIX
validator) and SHA-512 hashes are skipped too. Every skip is counted and named.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import stix2

from reporter.exports.base import ExportContext, Report
from reporter.i18n import N_, fill, translator

# MVT 2.x reads only these keys (newer MVT also reads 'SHA-256'); the validator takes both.
_HASHES = {32: "md5", 40: "sha1", 64: "sha256"}
_TLP = {
    "TLP:RED": stix2.TLP_RED,
    "TLP:AMBER+STRICT": stix2.TLP_RED,
    "TLP:AMBER": stix2.TLP_AMBER,
    "TLP:GREEN": stix2.TLP_GREEN,
    "TLP:CLEAR": stix2.TLP_WHITE,
}
# STIX 2.1 carries TLP 1.0: AMBER+STRICT becomes RED (the stricter), CLEAR becomes WHITE.
_FORBIDDEN = ("=", "'", "\\")


@dataclass
class StixResult:
    data: bytes
    indicators: int
    skipped: Counter[str] = field(default_factory=Counter)


def _id(kind: str, *parts: str) -> str:
    """The same coalition, family or indicator gets the same id in every export; STIX wants
    version-4 UUIDs for these objects, so the id is a hash with the v4 bits set."""
    digest = hashlib.sha256("|".join(("testigo-stix", kind, *parts)).encode()).digest()
    return f"{kind}--{uuid.UUID(bytes=digest[:16], version=4)}"


def pattern_of(kind: str, value: str) -> tuple[str | None, str]:
    """The STIX pattern for one indicator, or None and why it is skipped."""
    if any(c in value for c in _FORBIDDEN):
        return None, "value holds '=', a quote or a backslash"
    if kind == "domain-name":
        return f"[domain-name:value = '{value}']", ""
    if kind == "url":
        return f"[url:value = '{value}']", ""
    if kind == "email-addr":
        return f"[email-addr:value = '{value}']", ""
    if kind == "process-name":
        return f"[process:name = '{value}']", ""
    if kind == "file-hash":
        algo = _HASHES.get(len(value))
        if algo is None:
            return None, "hash other than MD5, SHA-1 or SHA-256"
        return f"[file:hashes.{algo} = '{value}']", ""
    if kind == "phone-number":
        return None, "phone numbers have no STIX object and MVT does not read them"
    return None, "app ids: MVT reads only app:id, which the STIX validator refuses"


def _names(kind: str, value: str, ctx: ExportContext) -> tuple[str, str]:
    label = ctx.label("indicator_type", kind)
    about = N_("Attacker-side indicator ({label}) reported to the coalition in a documented case.")
    return f"{label}: {value}", fill(translator(ctx.lang)(about), {"label": label})


def export_stix(
    reports: Iterable[Report], ctx: ExportContext, count: int | None = None
) -> StixResult:
    """A STIX 2.1 bundle of the indicators of ``reports`` (MVT loads it as it is).

    ``reports`` may be a stream (pages of a large inbox): only indicators are kept.
    """
    seen = 0
    creator = stix2.Identity(
        id=_id("identity", "coalition", ctx.coalition),
        name=ctx.coalition or "Testigo coalition",
        identity_class="organization",
        created="2020-01-01T00:00:00Z",
        modified="2020-01-01T00:00:00Z",
    )
    objects: dict[str, Any] = {creator.id: creator}
    skipped: Counter[str] = Counter()
    count = 0
    for report in reports:
        seen += 1
        record = report["record"]
        marking = _TLP.get(record.get("sensitivity") or "", stix2.TLP_AMBER)
        family = (record.get("digital") or {}).get("spyware_family")
        refs: list[str] = []
        malware_id = None
        if family and family not in {"UNKNOWN", "OTHER"}:
            malware_id = _id("malware", family)
            if malware_id not in objects:
                objects[malware_id] = stix2.Malware(
                    id=malware_id,
                    name=ctx.vocab.label("spyware_family", family, "en"),
                    description=ctx.label("spyware_family", family),
                    is_family=True,
                    malware_types=["spyware"],
                    created_by_ref=creator.id,
                    created=ctx.generated_at,
                    modified=ctx.generated_at,
                )
            refs.append(malware_id)
        for item in record.get("indicators") or []:
            pattern, why = pattern_of(item["type"], item["value"])
            if pattern is None:
                skipped[why] += 1
                continue
            ind_id = _id("indicator", item["type"], item["value"], str(marking.id))
            if ind_id not in objects:
                name, description = _names(item["type"], item["value"], ctx)
                objects[ind_id] = stix2.Indicator(
                    id=ind_id,
                    name=name,
                    description=description,
                    pattern=pattern,
                    pattern_type="stix",
                    indicator_types=["malicious-activity"],
                    valid_from=ctx.generated_at,
                    created=ctx.generated_at,
                    modified=ctx.generated_at,
                    created_by_ref=creator.id,
                    object_marking_refs=[marking],
                )
                count += 1
            refs.append(ind_id)
            if malware_id:
                rel_id = _id("relationship", ind_id, malware_id)
                objects.setdefault(
                    rel_id,
                    stix2.Relationship(
                        id=rel_id,
                        relationship_type="indicates",
                        source_ref=ind_id,
                        target_ref=malware_id,
                        created_by_ref=creator.id,
                        created=ctx.generated_at,
                        modified=ctx.generated_at,
                    ),
                )
        if not any(r.startswith("indicator--") for r in refs):
            continue
        report_obj = stix2.Report(
            id=_id("report", record["id"], str(record.get("revision", 1))),
            name=fill(translator(ctx.lang)("Report {id}"), {"id": record["id"]}),
            description=record.get("title")
            or ctx.labels("incident_type", record.get("incident_types") or []),
            published=ctx.generated_at,
            created=ctx.generated_at,
            modified=ctx.generated_at,
            report_types=["threat-report"],
            object_refs=list(dict.fromkeys(refs)),
            created_by_ref=creator.id,
            object_marking_refs=[marking],
        )
        objects[report_obj.id] = report_obj
    note = stix2.Note(  # what this file holds and from which selection, for whoever gets it
        id=_id("note", "export", ctx.generated_at, ctx.coalition),
        created_by_ref=creator.id,
        abstract="Testigo export",
        content=json.dumps(
            ctx.meta("stix", seen if count is None else count), ensure_ascii=False, sort_keys=True
        ),
        object_refs=[creator.id],
        created=ctx.generated_at,
        modified=ctx.generated_at,
    )
    objects[note.id] = note
    markings = {m.id: m for m in _TLP.values()}
    used = {ref for o in objects.values() for ref in o.get("object_marking_refs", [])}
    bundle = stix2.Bundle(
        *[markings[m] for m in sorted(used)],
        *objects.values(),
        id=_id("bundle", ctx.generated_at, *sorted(objects)),
    )
    text = json.dumps(json.loads(bundle.serialize()), ensure_ascii=False, indent=1)
    return StixResult(text.encode("utf-8"), count, skipped)

"""The shared version of an incident: the ONE function that decides what leaves the device.

The preview, the bundle, the app and the tests all call ``shared_version``. It works by
allow-list: a field is copied only if named here, so a field added to the record later stays
private until someone decides otherwise.

Never shared: target names and contacts, private notes, the free-text place, coordinates,
original file names, timestamps of editing. Generalized: location (state, or municipality with
consent), date (month, or the policy's finest level with consent). Free text (title,
description, tags) only with consent, with the targets' known names replaced by ``[…]``.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Any

from reporter.share.policy import DEFAULT_POLICY, Policy

REDACTED = "[…]"
SHARED_VERSION = 1
_NAME_PART_MIN = 3


def _granted(record: dict[str, Any], name: str) -> bool:
    return bool(((record.get("consent") or {}).get(name) or {}).get("granted"))


def _fold(text: str) -> tuple[str, list[int]]:
    """Accent- and case-folded text, with the index in ``text`` of every folded character."""
    out: list[str] = []
    index: list[int] = []
    for i, char in enumerate(text):
        base = "".join(
            c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)
        ).casefold()
        out.append(base)
        index.extend([i] * len(base))
    return "".join(out), index


def name_patterns(names: list[str]) -> list[str]:
    """Whole names and their parts (of 3+ letters), folded, longest first."""
    found: set[str] = set()
    for name in names:
        folded, _ = _fold(name.strip())
        if folded:
            found.add(folded)
        for part in re.split(r"[\s,.;:()\"'-]+", folded):
            if len(part) >= _NAME_PART_MIN:
                found.add(part)
    return sorted(found, key=lambda p: (-len(p), p))


def scrub_names(text: str, names: list[str]) -> str:
    """Replace every known name (any accents, any case, whole words) by ``[…]``."""
    patterns = name_patterns(names)
    if not text or not patterns:
        return text
    folded, index = _fold(text)
    regex = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in patterns) + r")(?!\w)")
    spans = [(index[m.start()], index[m.end() - 1] + 1) for m in regex.finditer(folded)]
    if not spans:
        return text
    out, last = [], 0
    for start, end in spans:
        if start < last:
            continue
        out.append(text[last:start])
        out.append(REDACTED)
        last = end
    out.append(text[last:])
    return "".join(out)


def generalize_date(value: str | None, level: str) -> str | None:
    """``day`` keeps YYYY-MM-DD, ``week`` gives the ISO week YYYY-Www, ``month`` YYYY-MM.

    A date already coarser than the level (YYYY-MM, YYYY) is kept as it is.
    """
    if not value:
        return None
    parts = value.split("-")
    if level == "day" or len(parts) < 3:
        return value if level == "day" or len(parts) < 2 else "-".join(parts[:2])
    if level == "week":
        year, week, _ = date(int(parts[0]), int(parts[1]), int(parts[2])).isocalendar()
        return f"{year}-W{week:02d}"
    return "-".join(parts[:2])


def _date_level(record: dict[str, Any], policy: Policy) -> str:
    return policy.date_precision if _granted(record, "share_exact_date") else "month"


def shared_version(
    record: dict[str, Any],
    policy: Policy | None = None,
    attachments: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """What leaves the device for ``record`` under ``policy`` (pure: same input, same output).

    ``attachments`` are the ones the reporter chose, as {id, size, media_type, sha256} after
    metadata removal; they are listed only if the record's consent allows attachments.
    """
    policy = policy or DEFAULT_POLICY
    names = [n for t in record.get("targets") or [] for n in t.get("names") or []]
    free_text = policy.free_text and _granted(record, "share_free_text")
    when = record.get("when") or {}
    level = _date_level(record, policy)
    where = record.get("where") or {}
    municipality = (
        where.get("municipality")
        if policy.location_precision == "municipality" and _granted(record, "share_municipality")
        else None
    )
    digital = record.get("digital") or {}
    indicators = []
    if policy.indicators and _granted(record, "share_technical_indicators"):
        # Victim-side indicators (one's own number or account) would identify the person.
        indicators = [
            {"type": i["type"], "value": i["value"], "role": i["role"]}
            for i in record.get("indicators") or []
            if i.get("role") != "VICTIM"
        ]
    shared_attachments = []
    if attachments and _granted(record, "share_attachments"):
        shared_attachments = [
            {"id": a["id"], "size": a["size"], "media_type": a["media_type"], "sha256": a["sha256"]}
            for a in attachments
        ]
    return {
        "shared_version": SHARED_VERSION,
        "id": record["id"],
        "revision": record.get("revision", 1),
        "title": scrub_names(record.get("title", ""), names) if free_text else "",
        "description": scrub_names(record.get("description", ""), names) if free_text else "",
        "tags": [scrub_names(t, names) for t in record.get("tags") or []] if free_text else [],
        "status": record.get("status"),
        "incident_types": list(record.get("incident_types") or []),
        "sphere": record.get("sphere"),
        "when": {
            "date": generalize_date(when.get("date"), level),
            "date_end": generalize_date(when.get("date_end"), level),
            "precision": level if when.get("date") else None,
        },
        "where": {
            "country": where.get("country") or "MX",
            "state": where.get("state"),
            "municipality": municipality,
            "location_type": where.get("location_type"),
        },
        "targets": [
            {
                "profiles": list(t.get("profiles") or []),
                "gender": t.get("gender"),
                "age_band": t.get("age_band"),
                "coverage_topics": list(t.get("coverage_topics") or []),
            }
            for t in record.get("targets") or []
        ],
        "perpetrators": [dict(p) for p in record.get("perpetrators") or []],
        "digital": {
            k: digital.get(k)
            for k in (
                "vectors",
                "compromise_status",
                "detection_source",
                "platform",
                "spyware_family",
            )
        },
        "indicators": indicators,
        "consent": {
            name: bool(entry.get("granted"))
            for name, entry in sorted((record.get("consent") or {}).items())
        },
        "sensitivity": record.get("sensitivity"),
        "attachments": shared_attachments,
    }

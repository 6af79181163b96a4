"""The incident record: one canonical JSON shape, validated against the vocabularies.

A record is a plain dict so the CLI, the app, the share policy and the tests all see the same
thing; ``normalize_record`` is the one gate every save goes through. Keys the vault manages
(``id``, timestamps, ``revision``, ``attachments``, ``labels``) are accepted on input and
ignored, so ``show --json`` output can be fed back to ``add --from-json`` unchanged.

Private fields (never shared, see reporter.share): ``where.place``, ``where.coordinates``,
``targets[].names``, ``targets[].contact``, ``private_notes``.
"""

from __future__ import annotations

import re
import uuid
from datetime import date
from typing import Any

from reporter.errors import InvalidField
from reporter.incidents.indicators import normalize_indicator
from reporter.incidents.vocab import Vocabulary, vocabulary

READ_ONLY_KEYS = ("id", "created_at", "updated_at", "revision", "attachments", "labels")
CONSENTS = (
    "share_with_coalition",
    "include_in_statistics",
    "publish_anonymised_case",
    "publish_name",
    "contact_for_followup",
    "share_technical_indicators",
    "refer_to_support",
    "share_free_text",
    "share_municipality",
    "share_exact_date",
    "share_attachments",
)
TOP_LEVEL_KEYS = (
    "title",
    "description",
    "status",
    "when",
    "where",
    "incident_types",
    "sphere",
    "targets",
    "perpetrators",
    "digital",
    "indicators",
    "consent",
    "sensitivity",
    "tags",
    "private_notes",
)
MAX_TITLE = 300
MAX_TEXT = 100_000
MAX_ITEMS = 200
_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def new_incident_id() -> str:
    """Random, never time-based: an id must not reveal when or where it was made."""
    return str(uuid.uuid4())


def is_incident_id(value: str) -> bool:
    try:
        return uuid.UUID(value).version == 4 and str(uuid.UUID(value)) == value.lower()
    except (ValueError, AttributeError, TypeError):
        return False


def _fail(field: str, reason: str, **values: Any) -> InvalidField:
    return InvalidField(field=field, reason=reason, **values)


# Unicode category Cc is exactly U+0000–U+001F and U+007F–U+009F; one regex scan is ~20x
# faster than asking for the category of each character.
_CONTROL_LINE = re.compile("[\x00-\x1f\x7f-\x9f]")
_CONTROL_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _text(raw: Any, field: str, limit: int, single_line: bool = False) -> str:
    if raw is None:
        return ""
    if not isinstance(raw, str):
        raise _fail(field, "must be text")
    if len(raw) > limit:
        raise _fail(field, "longer than {limit} characters", limit=limit)
    if (_CONTROL_LINE if single_line else _CONTROL_TEXT).search(raw):
        raise _fail(field, "contains control characters")
    return raw.strip() if single_line else raw


def _list(raw: Any, field: str) -> list[Any]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise _fail(field, "must be a list")
    if len(raw) > MAX_ITEMS:
        raise _fail(field, "more than {limit} items", limit=MAX_ITEMS)
    return raw


def _obj(raw: Any, field: str) -> dict[str, Any]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise _fail(field, "must be an object")
    return raw


def _unknown_keys(obj: dict[str, Any], allowed: tuple[str, ...], field: str) -> None:
    extra = sorted(set(obj) - set(allowed))
    if extra:
        raise _fail(
            field,
            "unknown keys {keys}; allowed: {allowed}",
            keys=", ".join(extra),
            allowed=", ".join(allowed),
        )


def _code(v: Vocabulary, kind: str, raw: Any, field: str, optional: bool = True) -> str | None:
    if raw is None or raw == "":
        if optional:
            return None
        raise _fail(field, "is required")
    if not isinstance(raw, str):
        raise _fail(field, "must be a code")
    return v.validate(kind, raw)


def _codes(v: Vocabulary, kind: str, raw: Any, field: str) -> list[str]:
    out: list[str] = []
    for item in _list(raw, field):
        code = _code(v, kind, item, field, optional=False)
        if code is not None and code not in out:
            out.append(code)
    return out


def parse_date(raw: Any, field: str) -> str | None:
    if raw is None or raw == "":
        return None
    if not isinstance(raw, str) or not _DATE.match(raw):
        raise _fail(field, "use YYYY-MM-DD (or YYYY-MM, YYYY)")
    parts = [int(p) for p in raw.split("-")]
    try:
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        raise _fail(field, "no such date") from None
    if parts[0] < 1900:
        raise _fail(field, "year before 1900")
    return raw


def _when(v: Vocabulary, raw: Any) -> dict[str, Any]:
    obj = _obj(raw, "when")
    _unknown_keys(obj, ("date", "date_end", "time", "precision"), "when")
    start = parse_date(obj.get("date"), "when.date")
    end = parse_date(obj.get("date_end"), "when.date_end")
    if start and end and end < start:
        raise _fail("when.date_end", "ends before it starts")
    time = obj.get("time") or None
    if time is not None and (not isinstance(time, str) or not _TIME.match(time)):
        raise _fail("when.time", "use HH:MM (24 h)")
    default = {1: "YEAR", 2: "MONTH", 3: "DAY"}[len(start.split("-"))] if start else "DAY"
    precision = _code(v, "date_precision", obj.get("precision"), "when.precision") or default
    if start and precision == "DAY" and len(start) != 10:
        raise _fail("when.precision", "DAY needs a full date YYYY-MM-DD")
    return {"date": start, "date_end": end, "time": time, "precision": precision}


def _coordinates(raw: Any) -> dict[str, float] | None:
    if raw is None:
        return None
    obj = _obj(raw, "where.coordinates")
    _unknown_keys(obj, ("lat", "lon"), "where.coordinates")
    try:
        lat, lon = float(obj["lat"]), float(obj["lon"])
    except (KeyError, TypeError, ValueError):
        raise _fail("where.coordinates", "needs numeric lat and lon") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise _fail("where.coordinates", "out of range")
    return {"lat": lat, "lon": lon}


def _where(v: Vocabulary, raw: Any) -> dict[str, Any]:
    obj = _obj(raw, "where")
    keys = (
        "country",
        "state",
        "municipality",
        "place",
        "precision",
        "location_type",
        "coordinates",
    )
    _unknown_keys(obj, keys, "where")
    country = obj.get("country") or "MX"
    if not isinstance(country, str) or not re.fullmatch(r"[A-Z]{2}", country):
        raise _fail("where.country", "an ISO 3166-1 alpha-2 code such as MX")
    state = _code(v, "mx_state", obj.get("state"), "where.state")
    if state and country != "MX":
        raise _fail("where.state", "Mexican states apply only when the country is MX")
    muni = obj.get("municipality") or None
    if muni is not None:
        if not isinstance(muni, str) or not re.fullmatch(r"\d{5}", muni):
            raise _fail("where.municipality", "an INEGI 5-digit code, e.g. 09015")
        if state is None or not muni.startswith(state):
            raise _fail("where.municipality", "must belong to the state (first two digits)")
    precision = _code(v, "location_precision", obj.get("precision"), "where.precision")
    if precision is None:
        precision = "MUNICIPALITY" if muni else ("STATE" if state else "COUNTRY")
    return {
        "country": country,
        "state": state,
        "municipality": muni,
        "place": _text(obj.get("place"), "where.place", 500, single_line=True),
        "precision": precision,
        "location_type": _code(v, "location_type", obj.get("location_type"), "where.location_type"),
        "coordinates": _coordinates(obj.get("coordinates")),
    }


def _targets(v: Vocabulary, raw: Any) -> list[dict[str, Any]]:
    out = []
    keys = ("profiles", "gender", "age_band", "coverage_topics", "names", "contact")
    for i, item in enumerate(_list(raw, "targets")):
        obj = _obj(item, f"targets[{i}]")
        _unknown_keys(obj, keys, f"targets[{i}]")
        names = [
            _text(n, f"targets[{i}].names", 200, single_line=True)
            for n in _list(obj.get("names"), f"targets[{i}].names")
        ]
        out.append(
            {
                "profiles": _codes(
                    v, "target_profile", obj.get("profiles"), f"targets[{i}].profiles"
                ),
                "gender": _code(v, "gender", obj.get("gender"), f"targets[{i}].gender"),
                "age_band": _code(v, "age_band", obj.get("age_band"), f"targets[{i}].age_band"),
                "coverage_topics": _codes(
                    v, "coverage_topic", obj.get("coverage_topics"), f"targets[{i}].coverage_topics"
                ),
                "names": [n for n in names if n],
                "contact": _text(obj.get("contact"), f"targets[{i}].contact", 500),
            }
        )
    return out


def _perpetrators(v: Vocabulary, raw: Any) -> list[dict[str, Any]]:
    out = []
    for i, item in enumerate(_list(raw, "perpetrators")):
        obj = {"code": item} if isinstance(item, str) else _obj(item, f"perpetrators[{i}]")
        _unknown_keys(obj, ("code", "level", "attribution"), f"perpetrators[{i}]")
        code = _code(v, "perpetrator", obj.get("code"), f"perpetrators[{i}].code", False)
        level = _code(v, "state_level", obj.get("level"), f"perpetrators[{i}].level")
        if level and not str(code).startswith("STATE."):
            raise _fail(f"perpetrators[{i}].level", "a level applies only to state actors")
        out.append(
            {
                "code": code,
                "level": level,
                "attribution": _code(
                    v, "attribution", obj.get("attribution"), f"perpetrators[{i}].attribution"
                )
                or "SUSPECTED",
            }
        )
    return out


def _digital(v: Vocabulary, raw: Any) -> dict[str, Any]:
    obj = _obj(raw, "digital")
    keys = ("vectors", "compromise_status", "detection_source", "platform", "spyware_family")
    _unknown_keys(obj, keys, "digital")
    return {
        "vectors": _codes(v, "vector", obj.get("vectors"), "digital.vectors"),
        "compromise_status": _code(
            v, "compromise_status", obj.get("compromise_status"), "digital.compromise_status"
        ),
        "detection_source": _code(
            v, "detection_source", obj.get("detection_source"), "digital.detection_source"
        ),
        "platform": _code(v, "platform", obj.get("platform"), "digital.platform"),
        "spyware_family": _code(
            v, "spyware_family", obj.get("spyware_family"), "digital.spyware_family"
        ),
    }


def _indicators(v: Vocabulary, raw: Any) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    for i, item in enumerate(_list(raw, "indicators")):
        obj = _obj(item, f"indicators[{i}]")
        _unknown_keys(obj, ("type", "value", "role"), f"indicators[{i}]")
        kind = _code(v, "indicator_type", obj.get("type"), f"indicators[{i}].type", False)
        value = normalize_indicator(str(kind), obj.get("value"))  # type: ignore[arg-type]
        role = _code(v, "indicator_role", obj.get("role"), f"indicators[{i}].role") or "ATTACKER"
        entry = {"type": str(kind), "value": value, "role": role}
        if entry not in out:
            out.append(entry)
    return out


def _consent(v: Vocabulary, raw: Any) -> dict[str, dict[str, Any]]:
    obj = _obj(raw, "consent")
    _unknown_keys(obj, CONSENTS, "consent")
    out = {}
    for name in CONSENTS:
        item = obj.get(name)
        if isinstance(item, bool):
            item = {"granted": item}
        entry = _obj(item, f"consent.{name}")
        _unknown_keys(entry, ("granted", "date", "method"), f"consent.{name}")
        granted = entry.get("granted", False)
        if not isinstance(granted, bool):
            raise _fail(f"consent.{name}.granted", "must be true or false")
        out[name] = {
            "granted": granted,
            "date": parse_date(entry.get("date"), f"consent.{name}.date"),
            "method": _code(v, "consent_method", entry.get("method"), f"consent.{name}.method"),
        }
    return out


def require_title(record: dict[str, Any]) -> None:
    """An untitled draft is kept, never shared: the coalition needs to tell incidents apart."""
    if not str(record.get("title") or "").strip():
        raise _fail("title", "a title is needed to share it")


def normalize_record(raw: dict[str, Any], vocab: Vocabulary | None = None) -> dict[str, Any]:
    """Validate ``raw`` and return the canonical record (without the vault-managed keys)."""
    v = vocab or vocabulary()
    if not isinstance(raw, dict):
        raise _fail("record", "must be a JSON object")
    _unknown_keys(raw, TOP_LEVEL_KEYS + READ_ONLY_KEYS, "record")
    title = _text(raw.get("title"), "title", MAX_TITLE, single_line=True)
    status = _code(v, "status", raw.get("status"), "status") or "DRAFT"
    if not title and status != "DRAFT":  # a draft may be untitled: text typed first is kept
        raise _fail("title", "is required")
    tags: list[str] = []
    for tag in _list(raw.get("tags"), "tags"):
        text = _text(tag, "tags", 64, single_line=True)
        if text and text not in tags:
            tags.append(text)
    return {
        "title": title,
        "description": _text(raw.get("description"), "description", MAX_TEXT),
        "status": status,
        "when": _when(v, raw.get("when")),
        "where": _where(v, raw.get("where")),
        "incident_types": _codes(v, "incident_type", raw.get("incident_types"), "incident_types"),
        "sphere": _code(v, "sphere", raw.get("sphere"), "sphere"),
        "targets": _targets(v, raw.get("targets")),
        "perpetrators": _perpetrators(v, raw.get("perpetrators")),
        "digital": _digital(v, raw.get("digital")),
        "indicators": _indicators(v, raw.get("indicators")),
        "consent": _consent(v, raw.get("consent")),
        "sensitivity": _code(v, "sensitivity", raw.get("sensitivity"), "sensitivity")
        or "TLP:AMBER+STRICT",
        "tags": tags,
        "private_notes": _text(raw.get("private_notes"), "private_notes", MAX_TEXT),
    }


def record_labels(record: dict[str, Any], vocab: Vocabulary | None = None) -> dict[str, Any]:
    """English and Spanish labels of every code in a record, for display and exports."""
    v = vocab or vocabulary()
    out: dict[str, dict[str, dict[str, str]]] = {}

    def add(kind: str, code: str | None) -> None:
        if code:
            out.setdefault(kind, {})[code] = v.labels(kind, code)

    for code in record["incident_types"]:
        add("incident_type", code)
    add("sphere", record["sphere"])
    add("status", record["status"])
    add("mx_state", record["where"]["state"])
    add("location_type", record["where"]["location_type"])
    add("location_precision", record["where"]["precision"])
    add("date_precision", record["when"]["precision"])
    for target in record["targets"]:
        for code in target["profiles"]:
            add("target_profile", code)
        add("gender", target["gender"])
        add("age_band", target["age_band"])
        for code in target["coverage_topics"]:
            add("coverage_topic", code)
    for p in record["perpetrators"]:
        add("perpetrator", p["code"])
        add("state_level", p["level"])
        add("attribution", p["attribution"])
    digital = record["digital"]
    for code in digital["vectors"]:
        add("vector", code)
    add("compromise_status", digital["compromise_status"])
    add("detection_source", digital["detection_source"])
    add("platform", digital["platform"])
    add("spyware_family", digital["spyware_family"])
    add("sensitivity", record["sensitivity"])
    return out


def changed_fields(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    return [key for key in TOP_LEVEL_KEYS if old.get(key) != new.get(key)]

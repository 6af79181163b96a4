"""The schema a received record must have: exactly what ``shared_version`` (version 1) emits.

A bundle is signed by a device, not by us: an enrolled device (or a stolen one) can sign any
JSON. So every record is checked here, field by field, before anything is stored: the exact
keys, their types, bounded lengths, codes of the bundle's vocabulary, dates in the forms
``generalize_date`` writes, real integers in range, indicators in normalised form and
attachments as the manifest lists them. The first bad field refuses the whole bundle, named
as ``records[3].when.date``.
"""

from __future__ import annotations

import functools
import re
from datetime import date
from typing import Any

from reporter.age import X25519Recipient
from reporter.errors import InvalidField, TestigoError
from reporter.incidents.indicators import NORMALIZERS, normalize_indicator
from reporter.incidents.question_catalogue import MAX_ANSWER_TEXT, MAX_ANSWERS, REQUESTS
from reporter.incidents.record import CONSENTS, MAX_ITEMS, MAX_TEXT, MAX_TITLE, is_incident_id
from reporter.incidents.vocab import Vocabulary, vocabulary
from reporter.share.shared_version import SHARED_VERSION

# Names of 3+ letters, or a whole short name, become "[…]" (3 characters): at most 3x longer.
GROWTH = 3
MAX_TAG = 64
MAX_CODE = 64
MAX_REVISION = 2**31
RECORD_KEYS = (
    "shared_version",
    "id",
    "revision",
    "title",
    "description",
    "tags",
    "status",
    "incident_types",
    "sphere",
    "when",
    "where",
    "targets",
    "perpetrators",
    "digital",
    "indicators",
    "consent",
    "sensitivity",
    "attachments",
)
WHEN_KEYS = ("date", "date_end", "precision")
WHERE_KEYS = ("country", "state", "municipality", "location_type")
TARGET_KEYS = ("profiles", "gender", "age_band", "coverage_topics")
PERPETRATOR_KEYS = ("code", "level", "attribution")
DIGITAL_KEYS = ("vectors", "compromise_status", "detection_source", "platform", "spyware_family")
INDICATOR_KEYS = ("type", "value", "role")
ATTACHMENT_KEYS = ("id", "size", "media_type", "sha256")
ANSWER_KEYS = ("question_id", "text", "shared_fields")  # text and shared_fields optional
# Which date forms each shared precision allows (a date coarser than the level is kept).
_FORMS = {
    "day": ("year", "month", "day"),
    "week": ("year", "month", "week"),
    "month": ("year", "month"),
}
_DATE_FORMS = {
    "year": re.compile(r"\d{4}"),
    "month": re.compile(r"\d{4}-\d{2}"),
    "day": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "week": re.compile(r"\d{4}-W\d{2}"),
}
_CONTROL_LINE = re.compile("[\x00-\x1f\x7f-\x9f]")
_CONTROL_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SHOWN_KEY = re.compile(r"[^\w.-]")


def _fail(field: str, reason: str, **values: Any) -> InvalidField:
    return InvalidField(field=field, reason=reason, **values)


def known_vocabulary(version: Any) -> Vocabulary:
    """The vocabulary a bundle's codes come from; only the one this Testigo ships is known."""
    current = vocabulary()
    if version != current.version:
        raise _fail("vocabulary_version", "unknown vocabulary version")
    return current


def check_receipt_recipient(value: Any) -> None:
    """The receipt key must be one ``make_receipt`` can seal to (age X25519, canonical)."""
    # An age X25519 recipient is 62 characters: a longer string is refused, never cached.
    if not (isinstance(value, str) and len(value) <= 100 and _sealable_recipient(value)):
        raise _fail("receipt_recipient", "not an X25519 age recipient")


@functools.lru_cache(maxsize=1024)
def _sealable_recipient(value: str) -> bool:
    """Remembered: a device sends the same public key in every bundle, and checking it
    (bech32 both ways, a trial wrap) cost as much as decrypting the bundle."""
    try:
        recipient = X25519Recipient.from_string(value)
        if recipient.to_string() != value:
            return False
        recipient.wrap(bytes(16))  # refuses low-order points, as sealing would
    except (TestigoError, ValueError, TypeError):
        return False
    return True


def _exact_keys(obj: Any, keys: tuple[str, ...], field: str) -> dict[str, Any]:
    if not isinstance(obj, dict):
        raise _fail(field, "must be an object")
    extra = sorted(str(k) for k in set(obj) - set(keys))
    if extra:
        shown = ", ".join(_SHOWN_KEY.sub("?", k[:40]) for k in extra[:5])
        raise _fail(
            field, "unknown keys {keys}; allowed: {allowed}", keys=shown, allowed=", ".join(keys)
        )
    missing = [k for k in keys if k not in obj]
    if missing:
        raise _fail(field, "missing keys {keys}", keys=", ".join(missing))
    return obj


def _text(value: Any, field: str, limit: int, single_line: bool = True) -> None:
    if not isinstance(value, str):
        raise _fail(field, "must be text")
    if len(value) > limit:
        raise _fail(field, "longer than {limit} characters", limit=limit)
    if (_CONTROL_LINE if single_line else _CONTROL_TEXT).search(value):
        raise _fail(field, "contains control characters")


def _list(value: Any, field: str, limit: int = MAX_ITEMS) -> list[Any]:
    if not isinstance(value, list):
        raise _fail(field, "must be a list")
    if len(value) > limit:
        raise _fail(field, "more than {limit} items", limit=limit)
    return value


def _code(v: Vocabulary, kind: str, value: Any, field: str, optional: bool = True) -> None:
    if value is None:
        if optional:
            return
        raise _fail(field, "is required")
    if not isinstance(value, str) or len(value) > MAX_CODE:
        raise _fail(field, "must be a code")
    if value not in v.codes(kind):
        raise _fail(field, "not a code of this vocabulary")


def _codes(v: Vocabulary, kind: str, value: Any, field: str) -> None:
    for i, item in enumerate(_list(value, field)):
        _code(v, kind, item, f"{field}[{i}]", optional=False)


def _whole(value: Any, field: str, low: int, high: int) -> None:
    if type(value) is not int or not low <= value <= high:
        raise _fail(field, "must be a whole number from {low} to {high}", low=low, high=high)


def _date_form(value: str) -> str | None:
    for form, pattern in _DATE_FORMS.items():
        if pattern.fullmatch(value):
            return form
    return None


def _date(value: Any, precision: str | None, field: str) -> None:
    if value is None:
        return
    form = _date_form(value) if isinstance(value, str) else None
    if form is None:
        raise _fail(field, "use YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Www")
    if precision is not None and form not in _FORMS[precision]:
        raise _fail(field, "finer than its precision")
    year = int(value[:4])
    try:
        if form == "week":
            date.fromisocalendar(year, int(value[6:]), 1)
        else:
            parts = [int(p) for p in value.split("-")] + [1, 1]
            date(parts[0], parts[1], parts[2])
    except ValueError:
        raise _fail(field, "no such date") from None
    if year < 1900:
        raise _fail(field, "year before 1900")


def _when(raw: Any, field: str) -> None:
    when = _exact_keys(raw, WHEN_KEYS, field)
    precision = when["precision"]
    if precision is not None and (not isinstance(precision, str) or precision not in _FORMS):
        raise _fail(f"{field}.precision", "must be day, week or month")
    if (precision is None) != (when["date"] is None):
        raise _fail(f"{field}.precision", "set exactly when there is a date")
    _date(when["date"], precision, f"{field}.date")
    _date(when["date_end"], precision, f"{field}.date_end")


def _where(v: Vocabulary, raw: Any, field: str) -> None:
    where = _exact_keys(raw, WHERE_KEYS, field)
    country, state, muni = where["country"], where["state"], where["municipality"]
    if not isinstance(country, str) or not re.fullmatch(r"[A-Z]{2}", country):
        raise _fail(f"{field}.country", "an ISO 3166-1 alpha-2 code such as MX")
    _code(v, "mx_state", state, f"{field}.state")
    if state is not None and country != "MX":
        raise _fail(f"{field}.state", "Mexican states apply only when the country is MX")
    if muni is not None:
        if not isinstance(muni, str) or not re.fullmatch(r"\d{5}", muni):
            raise _fail(f"{field}.municipality", "an INEGI 5-digit code, e.g. 09015")
        if state is None or not muni.startswith(state):
            raise _fail(f"{field}.municipality", "must belong to the state (first two digits)")
    _code(v, "location_type", where["location_type"], f"{field}.location_type")


def _targets(v: Vocabulary, raw: Any, field: str) -> None:
    for i, item in enumerate(_list(raw, field)):
        here = f"{field}[{i}]"
        target = _exact_keys(item, TARGET_KEYS, here)
        _codes(v, "target_profile", target["profiles"], f"{here}.profiles")
        _code(v, "gender", target["gender"], f"{here}.gender")
        _code(v, "age_band", target["age_band"], f"{here}.age_band")
        _codes(v, "coverage_topic", target["coverage_topics"], f"{here}.coverage_topics")


def _perpetrators(v: Vocabulary, raw: Any, field: str) -> None:
    for i, item in enumerate(_list(raw, field)):
        here = f"{field}[{i}]"
        p = _exact_keys(item, PERPETRATOR_KEYS, here)
        _code(v, "perpetrator", p["code"], f"{here}.code", optional=False)
        _code(v, "state_level", p["level"], f"{here}.level")
        if p["level"] is not None and not p["code"].startswith("STATE."):
            raise _fail(f"{here}.level", "a level applies only to state actors")
        _code(v, "attribution", p["attribution"], f"{here}.attribution")


def _digital(v: Vocabulary, raw: Any, field: str) -> None:
    digital = _exact_keys(raw, DIGITAL_KEYS, field)
    if digital["vectors"] is not None:
        _codes(v, "vector", digital["vectors"], f"{field}.vectors")
    for kind in DIGITAL_KEYS[1:]:
        _code(v, kind, digital[kind], f"{field}.{kind}")


def _indicators(v: Vocabulary, raw: Any, field: str) -> None:
    for i, item in enumerate(_list(raw, field)):
        here = f"{field}[{i}]"
        indicator = _exact_keys(item, INDICATOR_KEYS, here)
        _code(v, "indicator_type", indicator["type"], f"{here}.type", optional=False)
        _code(v, "indicator_role", indicator["role"], f"{here}.role", optional=False)
        if indicator["role"] == "VICTIM":
            raise _fail(f"{here}.role", "a victim's indicator is never shared")
        if indicator["type"] not in NORMALIZERS:
            raise _fail(f"{here}.type", "not a code of this vocabulary")
        value = indicator["value"]
        _text(value, f"{here}.value", 2048)
        try:
            normalized = normalize_indicator(indicator["type"], value)
        except InvalidField as exc:
            raise InvalidField(**{**exc.params, "field": f"{here}.value"}) from None
        if normalized != value:
            raise _fail(f"{here}.value", "not in normalized form")


def _consent(raw: Any, field: str) -> None:
    if not isinstance(raw, dict):
        raise _fail(field, "must be an object")
    extra = sorted(str(k) for k in set(raw) - set(CONSENTS))
    if extra:
        shown = ", ".join(_SHOWN_KEY.sub("?", k[:40]) for k in extra[:5])
        raise _fail(
            field,
            "unknown keys {keys}; allowed: {allowed}",
            keys=shown,
            allowed=", ".join(CONSENTS),
        )
    for name, granted in raw.items():
        if not isinstance(granted, bool):
            raise _fail(f"{field}.{name}", "must be true or false")


def _attachments(raw: Any, expected: list[dict[str, Any]], field: str) -> None:
    for i, item in enumerate(_list(raw, field, len(expected))):
        entry = _exact_keys(item, ATTACHMENT_KEYS, f"{field}[{i}]")
        _whole(entry["size"], f"{field}[{i}].size", 0, 2**53)
    if raw != expected:
        raise _fail(field, "do not match the bundle's attachments")


def _answers(raw: Any, field: str) -> None:
    """The reporter's answers to the coalition's questions (reporter/questions)."""
    if not _list(raw, field, MAX_ANSWERS):
        raise _fail(field, "present only when there are answers")
    seen: set[str] = set()
    for i, item in enumerate(raw):
        here = f"{field}[{i}]"
        if not isinstance(item, dict):
            raise _fail(here, "must be an object")
        _exact_keys({k: None for k in ANSWER_KEYS} | item, ANSWER_KEYS, here)
        qid = item.get("question_id")
        if not isinstance(qid, str) or not re.fullmatch(r"[0-9a-f]{32}", qid):
            raise _fail(f"{here}.question_id", "32 hex digits")
        if qid in seen:
            raise _fail(f"{here}.question_id", "the same question twice")
        seen.add(qid)
        if "text" not in item and "shared_fields" not in item:
            raise _fail(here, "an answer has a text or shared fields")
        if "text" in item:
            _text(item["text"], f"{here}.text", GROWTH * MAX_ANSWER_TEXT, single_line=False)
        if "shared_fields" in item:
            shared = _list(item["shared_fields"], f"{here}.shared_fields", len(REQUESTS))
            if not shared or len(set(map(str, shared))) != len(shared):
                raise _fail(f"{here}.shared_fields", "day, municipality or file, each once")
            for name in shared:
                if name not in REQUESTS:
                    raise _fail(f"{here}.shared_fields", "day, municipality or file, each once")


def check_shared_record(
    record: Any,
    vocabulary_version: Any,
    field: str = "record",
    attachments: list[dict[str, Any]] | None = None,
) -> None:
    """Raise ``InvalidField`` naming the first field of ``record`` that v1 would not emit.

    ``attachments`` are the manifest's entries for this record (``None``: none).
    """
    v = known_vocabulary(vocabulary_version)
    if isinstance(record, dict) and "answers" in record:  # optional: only when there are some
        _answers(record["answers"], f"{field}.answers")
        record = {k: value for k, value in record.items() if k != "answers"}
    r = _exact_keys(record, RECORD_KEYS, field)
    if type(r["shared_version"]) is not int or r["shared_version"] != SHARED_VERSION:
        raise _fail(f"{field}.shared_version", "unsupported shared version")
    if not isinstance(r["id"], str) or not is_incident_id(r["id"]):
        raise _fail(f"{field}.id", "not an incident id")
    _whole(r["revision"], f"{field}.revision", 1, MAX_REVISION)
    _text(r["title"], f"{field}.title", GROWTH * MAX_TITLE)
    _text(r["description"], f"{field}.description", GROWTH * MAX_TEXT, single_line=False)
    for i, tag in enumerate(_list(r["tags"], f"{field}.tags")):
        _text(tag, f"{field}.tags[{i}]", GROWTH * MAX_TAG)
    _code(v, "status", r["status"], f"{field}.status")
    _codes(v, "incident_type", r["incident_types"], f"{field}.incident_types")
    _code(v, "sphere", r["sphere"], f"{field}.sphere")
    _when(r["when"], f"{field}.when")
    _where(v, r["where"], f"{field}.where")
    _targets(v, r["targets"], f"{field}.targets")
    _perpetrators(v, r["perpetrators"], f"{field}.perpetrators")
    _digital(v, r["digital"], f"{field}.digital")
    _indicators(v, r["indicators"], f"{field}.indicators")
    _consent(r["consent"], f"{field}.consent")
    _code(v, "sensitivity", r["sensitivity"], f"{field}.sensitivity")
    _attachments(r["attachments"], attachments or [], f"{field}.attachments")


def check_shared_manifest(manifest: dict[str, Any]) -> None:
    """Every record of an (already shape-checked) manifest, and its receipt key."""
    check_receipt_recipient(manifest["receipt_recipient"])
    known_vocabulary(manifest["vocabulary_version"])
    seen: set[str] = set()
    for i, record in enumerate(manifest["records"]):
        check_shared_record(
            record,
            manifest["vocabulary_version"],
            f"records[{i}]",
            [
                {k: a[k] for k in ATTACHMENT_KEYS}
                for a in manifest["attachments"]
                if a["incident_id"] == record.get("id")
            ],
        )
        if record["id"].lower() in seen:
            raise _fail(f"records[{i}].id", "the same incident twice")
        seen.add(record["id"].lower())

"""Command-line flags that describe an incident, and how they become a record.

Shared by `add` and `edit`: for `edit`, only the flags given change the record.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from pathlib import Path
from typing import Any

from reporter.errors import InvalidInput, TooLarge
from reporter.fsutil import open_regular

MAX_JSON = 16 * 1024 * 1024


def add_record_flags(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("incident fields (codes: see `testigo-cli vocab`)")
    g.add_argument("--from-json", metavar="FILE|-", help="read the whole record as JSON")
    g.add_argument("--title")
    g.add_argument("--description")
    g.add_argument("--status", help="DRAFT or COMPLETE")
    g.add_argument(
        "--type", dest="types", action="append", metavar="CODE", help="incident type (repeatable)"
    )
    g.add_argument("--sphere", help="PHYSICAL, DIGITAL or BOTH")
    g.add_argument("--date", help="YYYY-MM-DD (or YYYY-MM, YYYY)")
    g.add_argument("--date-end", help="last day of an incident that lasted")
    g.add_argument("--time", help="HH:MM (24 h)")
    g.add_argument("--date-precision", help="DAY, MONTH, YEAR or ESTIMATE")
    g.add_argument("--country", help="ISO 3166-1 code (default MX)")
    g.add_argument("--state", help="Mexican state, INEGI 2-digit code (09 = CDMX)")
    g.add_argument("--municipality", help="INEGI 5-digit code")
    g.add_argument("--place", help="free-text place (private: never shared)")
    g.add_argument("--location-precision")
    g.add_argument("--location-type")
    g.add_argument("--lat", type=float, help="latitude (private)")
    g.add_argument("--lon", type=float, help="longitude (private)")
    g.add_argument(
        "--target-profile", action="append", metavar="CODE", help="who was targeted (repeatable)"
    )
    g.add_argument(
        "--target-name",
        action="append",
        metavar="NAME",
        help="name or alias of the person targeted (private; repeatable)",
    )
    g.add_argument("--target-gender")
    g.add_argument("--target-age-band")
    g.add_argument("--target-contact", help="contact of the person targeted (private)")
    g.add_argument(
        "--perpetrator",
        action="append",
        metavar="CODE[:LEVEL[:ATTRIBUTION]]",
        help="suspected perpetrator (repeatable), e.g. STATE.SECURITY:STATE:SUSPECTED",
    )
    g.add_argument("--vector", action="append", metavar="CODE", help="attack vector")
    g.add_argument("--compromise-status")
    g.add_argument("--detection-source")
    g.add_argument("--platform")
    g.add_argument("--spyware-family")
    g.add_argument(
        "--indicator",
        action="append",
        metavar="TYPE=VALUE[@ROLE]",
        help="technical indicator, e.g. domain-name=example.com@ATTACKER",
    )
    g.add_argument(
        "--consent",
        action="append",
        metavar="NAME",
        help="grant a consent (repeatable), e.g. share_with_coalition",
    )
    g.add_argument(
        "--withdraw-consent",
        action="append",
        metavar="NAME",
        help="withdraw a consent (repeatable)",
    )
    g.add_argument("--sensitivity", help="TLP:RED, TLP:AMBER+STRICT (default), …")
    g.add_argument("--tag", action="append", metavar="TAG")
    g.add_argument("--private-note", help="private notes (never shared)")


def read_json_arg(source: str) -> Any:
    try:
        if source == "-":
            text = sys.stdin.read(MAX_JSON + 1)
        else:
            with io.TextIOWrapper(open_regular(Path(source)), encoding="utf-8") as handle:
                text = handle.read(MAX_JSON + 1)
    except OSError:
        raise InvalidInput("cannot read the JSON file") from None
    except UnicodeDecodeError:
        raise InvalidInput("the JSON file is not UTF-8") from None
    if len(text) > MAX_JSON:
        raise TooLarge(limit="16 MiB")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"not valid JSON (line {exc.lineno})") from None


def _split_perpetrator(spec: str) -> dict[str, Any]:
    parts = spec.split(":")
    return {
        "code": parts[0],
        "level": parts[1] if len(parts) > 1 and parts[1] else None,
        "attribution": parts[2] if len(parts) > 2 and parts[2] else None,
    }


def _split_indicator(spec: str) -> dict[str, Any]:
    kind, sep, rest = spec.partition("=")
    if not sep:
        raise InvalidInput("an indicator is TYPE=VALUE[@ROLE], e.g. domain-name=example.com")
    value, role = rest, None
    if "@" in rest and rest.rsplit("@", 1)[1] in ("ATTACKER", "VICTIM"):
        value, role = rest.rsplit("@", 1)
    return {"type": kind, "value": value, "role": role}


def apply_flags(args: argparse.Namespace, base: dict[str, Any]) -> dict[str, Any]:
    """Return ``base`` with the fields given as flags changed (a deep-enough copy)."""
    rec: dict[str, Any] = json.loads(json.dumps(base))
    scalar = {
        "title": "title",
        "description": "description",
        "status": "status",
        "sphere": "sphere",
        "sensitivity": "sensitivity",
        "private_note": "private_notes",
    }
    for flag, key in scalar.items():
        if getattr(args, flag) is not None:
            rec[key] = getattr(args, flag)
    if args.types is not None:
        rec["incident_types"] = args.types
    if args.tag is not None:
        rec["tags"] = args.tag
    when = rec.setdefault("when", {}) or {}
    for flag, key in (
        ("date", "date"),
        ("date_end", "date_end"),
        ("time", "time"),
        ("date_precision", "precision"),
    ):
        if getattr(args, flag) is not None:
            when[key] = getattr(args, flag)
    rec["when"] = when
    where = rec.setdefault("where", {}) or {}
    for flag, key in (
        ("country", "country"),
        ("state", "state"),
        ("municipality", "municipality"),
        ("place", "place"),
        ("location_precision", "precision"),
        ("location_type", "location_type"),
    ):
        if getattr(args, flag) is not None:
            where[key] = getattr(args, flag)
    if args.lat is not None or args.lon is not None:
        where["coordinates"] = {"lat": args.lat, "lon": args.lon}
    rec["where"] = where
    target_flags = (
        args.target_profile,
        args.target_name,
        args.target_gender,
        args.target_age_band,
        args.target_contact,
    )
    if any(f is not None for f in target_flags):
        targets = rec.get("targets") or [{}]
        first = targets[0]
        if args.target_profile is not None:
            first["profiles"] = args.target_profile
        if args.target_name is not None:
            first["names"] = args.target_name
        if args.target_gender is not None:
            first["gender"] = args.target_gender
        if args.target_age_band is not None:
            first["age_band"] = args.target_age_band
        if args.target_contact is not None:
            first["contact"] = args.target_contact
        rec["targets"] = targets
    if args.perpetrator is not None:
        rec["perpetrators"] = [_split_perpetrator(p) for p in args.perpetrator]
    digital = rec.setdefault("digital", {}) or {}
    if args.vector is not None:
        digital["vectors"] = args.vector
    for flag in ("compromise_status", "detection_source", "platform", "spyware_family"):
        if getattr(args, flag) is not None:
            digital[flag] = getattr(args, flag)
    rec["digital"] = digital
    if args.indicator is not None:
        rec["indicators"] = [_split_indicator(i) for i in args.indicator]
    consent = rec.setdefault("consent", {}) or {}
    for name in args.consent or []:
        consent[name] = {"granted": True, "method": "IN_APP", "date": _today()}
    for name in args.withdraw_consent or []:
        consent[name] = {"granted": False, "method": None, "date": _today()}
    rec["consent"] = consent
    return rec


def _today() -> str:
    from datetime import date

    return date.today().isoformat()

"""The inbox's index: the current revision of each incident and its codes, kept at import.

Lists, filters, statistics and exports of 100,000 reports cannot re-read every revision's
JSON; the import writes here, in the same transaction as the records, what they read. A
vault from before this index (or after its extraction changed) is rebuilt from the stored
records the first time it is opened for writing (``ensure_index``).
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from reporter.vault.database import Connection
from reporter.vault.vault import Vault

INDEX_VERSION = "2"
META_KEY = "inbox_index"
# kind of inbox_codes -> how to read it from a shared record
CODE_KINDS = (
    "incident_type",
    "sphere",
    "target_profile",
    "gender",
    "coverage_topic",
    "perpetrator",
    "perpetrator_class",
    "state_level",
    "attribution",
    "vector",
    "compromise_status",
    "detection_source",
    "platform",
    "spyware_family",
    "indicator",
    "place",
)


NONE = "NONE"
# kinds counted by statistics: a record without a value for one holds NONE for it
NONE_KINDS = tuple(k for k in CODE_KINDS if k not in ("indicator", "place"))


def perpetrator_class(code: str) -> str:
    """STATE, NON_STATE or UNKNOWN: how Artículo 19 splits perpetrators first."""
    if code.startswith("STATE."):
        return "STATE"
    return "UNKNOWN" if code == "UNKNOWN" else "NON_STATE"


def record_codes(record: dict[str, Any]) -> set[tuple[str, str]]:
    """(kind, code) pairs of a shared record, every multi-valued field flattened."""
    out: set[tuple[str, str]] = {("incident_type", c) for c in record["incident_types"]}
    if record.get("sphere"):
        out.add(("sphere", record["sphere"]))
    for target in record["targets"]:
        out |= {("target_profile", c) for c in target["profiles"]}
        out |= {("coverage_topic", c) for c in target["coverage_topics"]}
        if target["gender"]:
            out.add(("gender", target["gender"]))
    for p in record["perpetrators"]:
        out.add(("perpetrator", p["code"]))
        out.add(("perpetrator_class", perpetrator_class(p["code"])))
        if p["level"]:
            out.add(("state_level", p["level"]))
        if p["attribution"]:
            out.add(("attribution", p["attribution"]))
    digital = record["digital"]
    out |= {("vector", c) for c in digital["vectors"] or []}
    for kind in ("compromise_status", "detection_source", "platform", "spyware_family"):
        if digital[kind]:
            out.add((kind, digital[kind]))
    out |= {("indicator", f"{i['type']}:{i['value']}") for i in record["indicators"]}
    where = record["where"]
    place = (
        "MUNICIPALITY"
        if where["municipality"]
        else "STATE"
        if where["state"]
        else "COUNTRY"
        if where["country"]
        else "NONE"
    )
    out.add(("place", place))  # how precisely the place is known (data quality)
    present = {kind for kind, _ in out}
    out |= {(kind, NONE) for kind in NONE_KINDS if kind not in present}
    return out


def first_day(value: str | None) -> tuple[str | None, str | None, str | None]:
    """(first day, month, form) of a shared date: YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Www."""
    if not value:
        return None, None, None
    if "W" in value:
        day = date.fromisocalendar(int(value[:4]), int(value[6:]), 1)
        thursday = date.fromisocalendar(int(value[:4]), int(value[6:]), 4)  # ISO's own rule
        return day.isoformat(), thursday.isoformat()[:7], "week"
    if len(value) == 4:
        return f"{value}-01-01", None, "year"
    if len(value) == 7:
        return f"{value}-01", value, "month"
    return value, value[:7], "day"


def index_record(
    conn: Connection, record: dict[str, Any], bundle_id: str, device_id: str, received_at: str
) -> bool:
    """Make ``record`` the current revision unless a newer one is there; True if it became."""
    row = conn.execute(
        "SELECT revision FROM inbox_current WHERE incident_id = ?", (record["id"],)
    ).fetchone()
    if row is not None and int(row[0]) >= record["revision"]:
        return False
    day, month, form = first_day(record["when"]["date"])
    conn.execute(
        "INSERT OR REPLACE INTO inbox_current(incident_id, bundle_id, revision, device_id,"
        " received_at, day_first, month, precision, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            record["id"],
            bundle_id,
            record["revision"],
            device_id,
            received_at,
            day,
            month,
            form,
            record["where"]["state"],
        ),
    )
    conn.execute(
        "INSERT OR REPLACE INTO inbox_text(incident_id, title, description) VALUES (?, ?, ?)",
        (record["id"], record["title"], record["description"]),
    )
    if row is not None:  # a new incident has no codes to replace
        conn.execute("DELETE FROM inbox_codes WHERE incident_id = ?", (record["id"],))
    conn.executemany(
        "INSERT INTO inbox_codes(incident_id, kind, code) VALUES (?, ?, ?)",
        [(record["id"], k, c) for k, c in sorted(record_codes(record))],
    )
    conn.execute("INSERT OR IGNORE INTO inbox_triage(incident_id) VALUES (?)", (record["id"],))
    return True


def rebuild_index(conn: Connection) -> int:
    """Index every stored record again (owners' records only); returns how many are current."""
    conn.execute("DELETE FROM inbox_current")
    conn.execute("DELETE FROM inbox_text")
    conn.execute("DELETE FROM inbox_codes")
    rows = conn.execute(
        "SELECT r.data, r.incident_id, r.bundle_id, b.device_id, b.received_at"
        " FROM inbox_records r JOIN inbox_bundles b USING (bundle_id)"
        " JOIN inbox_incident_owners o ON o.incident_id = r.incident_id"
        " AND o.device_id = b.device_id ORDER BY r.revision, b.received_at"
    ).fetchall()
    for data, incident_id, bundle_id, device_id, received_at in rows:
        record = dict(json.loads(data), id=incident_id)
        index_record(conn, record, bundle_id, device_id, received_at)
    return int(conn.execute("SELECT count(*) FROM inbox_current").fetchone()[0])


def ensure_index(vault: Vault) -> None:
    """Rebuild the index once if it is missing or older (a read-only vault is left as is)."""
    if vault.get_meta(META_KEY) == INDEX_VERSION or vault.read_only:
        return
    with vault.transaction() as conn:
        rebuild_index(conn)
        conn.execute(
            "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (META_KEY, INDEX_VERSION)
        )

"""Incidents in the vault: save with a revision, find by full text and filters, delete for real.

Every save goes through ``normalize_record``, writes the record, its filterable codes, its
full-text entry and a revision in one transaction: it is all there or none of it is.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reporter.clock import utc_now
from reporter.errors import InvalidField, NotFound
from reporter.incidents.record import (
    READ_ONLY_KEYS,
    changed_fields,
    is_incident_id,
    new_incident_id,
    normalize_record,
    parse_date,
)
from reporter.incidents.vocab import vocabulary

if TYPE_CHECKING:
    from reporter.vault.attachment_store import AttachmentStore
    from reporter.vault.database import Connection, Database

SORTABLE = {
    "updated": "i.updated_at",
    "created": "i.seq",
    "date": "i.date_start",
    "title": "i.title COLLATE NOCASE",
    "status": "i.status",
    "state": "i.state",
}


@dataclass
class IncidentFilter:
    """Filters combine with AND; several values of one filter combine with OR."""

    query: str = ""
    types: list[str] = field(default_factory=list)
    states: list[str] = field(default_factory=list)
    perpetrators: list[str] = field(default_factory=list)
    status: str | None = None
    date_from: str | None = None
    date_to: str | None = None

    def __post_init__(self) -> None:
        # A filter date is checked like a record's date: '2026-99-01' would otherwise
        # compare as text and quietly list the wrong incidents.
        self.date_from = parse_date(self.date_from, "from")
        self.date_to = parse_date(self.date_to, "to")


def fts_query(text: str) -> str:
    """Turn what a person typed into a safe FTS5 query: every word must match, the last one
    as a prefix, so typing never raises a syntax error."""
    # Control characters (a NUL from a paste) make FTS5 fail: they separate words instead.
    cleaned = "".join(" " if c == '"' or unicodedata.category(c) == "Cc" else c for c in text)
    words = [w for w in cleaned.split() if w]
    if not words:
        return ""
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def _codes_of(record: dict[str, Any]) -> list[tuple[str, str]]:
    codes = [("incident_type", c) for c in record["incident_types"]]
    codes += [("perpetrator", p["code"]) for p in record["perpetrators"]]
    codes += [("vector", c) for c in record["digital"]["vectors"]]
    for target in record["targets"]:
        codes += [("target_profile", c) for c in target["profiles"]]
    return sorted(set(codes))


def _places(record: dict[str, Any]) -> str:
    where = record["where"]
    parts = [where["place"], where["municipality"] or ""]
    if where["state"]:
        term = vocabulary().term("mx_state", where["state"])
        parts += [term.en, term.es]
    return " ".join(p for p in parts if p)


class IncidentStore:
    """The incidents of one database; deleting one takes its attachments (their rows and
    blobs) with it."""

    def __init__(self, db: Database, attachments: AttachmentStore) -> None:
        self._db = db
        self._attachments = attachments

    # -- writing -------------------------------------------------------------------------
    def add(self, raw: dict[str, Any]) -> str:
        return self.add_many([raw])[0]

    def add_many(self, raws: list[dict[str, Any]]) -> list[str]:
        """Add several records in one durable transaction: all of them or none."""
        records = [normalize_record(raw) for raw in raws]
        ids: list[str] = []
        now = utc_now()
        with self._db.transaction() as conn:
            seq = conn.execute("SELECT coalesce(max(seq), 0) FROM incidents").fetchone()[0]
            for record in records:
                seq += 1
                ids.append(self._insert(conn, record, seq, now))
        return ids

    def _insert(self, conn: Connection, record: dict[str, Any], seq: int, now: str) -> str:
        incident_id = new_incident_id()
        conn.execute(
            "INSERT INTO incidents(id, seq, data, status, state, date_start, title, revision,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
            (
                incident_id,
                seq,
                _dump(record),
                record["status"],
                record["where"]["state"],
                record["when"]["date"],
                record["title"],
                now,
                now,
            ),
        )
        self._index(conn, incident_id, seq, record)
        conn.execute(
            "INSERT INTO revisions(incident_id, revision, at, action, changes)"
            " VALUES (?, 1, ?, 'created', ?)",
            (
                incident_id,
                now,
                _dump(
                    {
                        "fields": [
                            k for k in changed_fields({}, record) if record[k] not in ("", [], None)
                        ]
                    }
                ),
            ),
        )
        self._db.audit("incident_created", incident_id, conn)
        return incident_id

    def update(self, incident_id: str, raw: dict[str, Any]) -> int:
        """Replace the record; returns the new revision (unchanged if nothing changed)."""
        record = normalize_record(raw)
        with self._db.transaction() as conn:
            row = conn.execute(
                "SELECT data, revision, seq FROM incidents WHERE id = ?", (incident_id,)
            ).fetchone()
            if row is None:
                raise NotFound(what="incident")
            old = json.loads(row[0])
            fields = changed_fields(old, record)
            if not fields:
                return int(row[1])
            revision = int(row[1]) + 1
            now = utc_now()
            conn.execute(
                "UPDATE incidents SET data = ?, status = ?, state = ?, date_start = ?, title = ?,"
                " revision = ?, updated_at = ? WHERE id = ?",
                (
                    _dump(record),
                    record["status"],
                    record["where"]["state"],
                    record["when"]["date"],
                    record["title"],
                    revision,
                    now,
                    incident_id,
                ),
            )
            conn.execute("DELETE FROM incident_codes WHERE incident_id = ?", (incident_id,))
            conn.execute("DELETE FROM incident_fts WHERE rowid = ?", (row[2],))
            self._index(conn, incident_id, row[2], record)
            changes = {f: {"from": old.get(f), "to": record[f]} for f in fields}
            conn.execute(
                "INSERT INTO revisions(incident_id, revision, at, action, changes)"
                " VALUES (?, ?, ?, 'edited', ?)",
                (incident_id, revision, now, _dump({"fields": fields, "changes": changes})),
            )
            self._db.audit("incident_edited", incident_id, conn)
        return revision

    def record_revision(
        self,
        conn: Connection,
        incident_id: str,
        action: str,
        fields: list[str],
        changes: dict[str, Any],
    ) -> int:
        """A new revision that changes no field of the record (an answer to a question, kept
        in its own table), in the caller's transaction; returns its number."""
        now = utc_now()
        row = conn.execute(
            "UPDATE incidents SET revision = revision + 1, updated_at = ? WHERE id = ?"
            " RETURNING revision",
            (now, incident_id),
        ).fetchone()
        if row is None:
            raise NotFound(what="incident")
        conn.execute(
            "INSERT INTO revisions(incident_id, revision, at, action, changes)"
            " VALUES (?, ?, ?, ?, ?)",
            (incident_id, int(row[0]), now, action, _dump({"fields": fields, "changes": changes})),
        )
        return int(row[0])

    def patch(self, incident_id: str, changes: dict[str, Any]) -> int:
        """Change some top-level fields, keeping the others."""
        current = self.get(incident_id)
        merged = {k: v for k, v in current.items() if k not in READ_ONLY_KEYS}
        merged.update(changes)
        return self.update(incident_id, merged)

    def delete(self, incident_id: str) -> None:
        """Real deletion: secure_delete zeroes the freed pages; attachment blobs are removed."""
        blobs = self._attachments.blob_names(incident_id)
        with self._db.transaction() as conn:
            row = conn.execute("SELECT seq FROM incidents WHERE id = ?", (incident_id,)).fetchone()
            if row is None:
                raise NotFound(what="incident")
            conn.execute("DELETE FROM incident_fts WHERE rowid = ?", (row[0],))
            conn.execute("DELETE FROM attachments WHERE incident_id = ?", (incident_id,))
            conn.execute("DELETE FROM revisions WHERE incident_id = ?", (incident_id,))
            conn.execute("DELETE FROM incident_codes WHERE incident_id = ?", (incident_id,))
            conn.execute("DELETE FROM incidents WHERE id = ?", (incident_id,))
            self._db.audit("incident_deleted", None, conn)
        self._attachments.remove_blobs(blobs)

    def _index(self, conn: Connection, incident_id: str, seq: int, record: dict[str, Any]) -> None:
        conn.executemany(
            "INSERT INTO incident_codes(incident_id, kind, code) VALUES (?, ?, ?)",
            [(incident_id, kind, code) for kind, code in _codes_of(record)],
        )
        conn.execute(
            "INSERT INTO incident_fts(rowid, incident_id, title, description, notes, tags, places)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                seq,
                incident_id,
                record["title"],
                record["description"],
                record["private_notes"],
                " ".join(record["tags"]),
                _places(record),
            ),
        )

    # -- reading -------------------------------------------------------------------------
    def get(self, incident_id: str) -> dict[str, Any]:
        if not is_incident_id(incident_id):
            raise NotFound(what="incident")
        rows = self._db.query(
            "SELECT id, data, created_at, updated_at, revision FROM incidents WHERE id = ?",
            (incident_id,),
        )
        if not rows:
            raise NotFound(what="incident")
        return _row_to_record(rows[0])

    def exists(self, incident_id: str) -> bool:
        return bool(self._db.query("SELECT 1 FROM incidents WHERE id = ?", (incident_id,)))

    def titles(self, incident_ids: list[str]) -> dict[str, str]:
        """{id: title} of those that exist, in one query and without reading the records."""
        if not incident_ids:
            return {}
        marks = ",".join("?" * len(incident_ids))
        rows = self._db.query(
            f"SELECT id, title FROM incidents WHERE id IN ({marks})",  # noqa: S608 - marks only
            list(incident_ids),
        )
        return {row[0]: row[1] for row in rows}

    def find(
        self,
        filters: IncidentFilter | None = None,
        limit: int = 1000,
        offset: int = 0,
        order: str = "updated",
        descending: bool = True,
    ) -> list[dict[str, Any]]:
        columns = "i.id, i.data, i.created_at, i.updated_at, i.revision"
        if filters and filters.query.strip() and order == "relevance":
            sql, params = self._select(columns, filters)
            sql += " ORDER BY f.rank LIMIT ? OFFSET ?"
            rows = self._db.query(sql, [*params, int(limit), int(offset)])
            return [_row_to_record(r) for r in rows]
        column = SORTABLE.get(order)
        if column is None:
            raise InvalidField(
                field="order", reason="one of {allowed}", allowed=", ".join(SORTABLE)
            )
        order_by = f" ORDER BY {column} {'DESC' if descending else 'ASC'}, i.seq DESC"
        # Pick the page first, then read only its rows: the sort must not carry every
        # matching record's JSON (decrypting those pages is what made search slow).
        inner, params = self._select("i.seq", filters or IncidentFilter())
        sql = (
            f"SELECT {columns} FROM incidents i WHERE i.seq IN ({inner}{order_by}"  # noqa: S608
            f" LIMIT ? OFFSET ?){order_by}"
        )
        rows = self._db.query(sql, [*params, int(limit), int(offset)])
        return [_row_to_record(r) for r in rows]

    def count(self, filters: IncidentFilter | None = None) -> int:
        sql, params = self._select("count(*)", filters or IncidentFilter())
        return int(self._db.query(sql, params)[0][0])

    def ids(self, filters: IncidentFilter | None = None) -> list[str]:
        sql, params = self._select("i.id", filters or IncidentFilter())
        return [r[0] for r in self._db.query(sql + " ORDER BY i.seq", params)]

    def _select(self, columns: str, flt: IncidentFilter) -> tuple[str, list[Any]]:
        # SQL text is built only from constants of this module; every value is a parameter.
        params: list[Any] = []
        where: list[str] = []
        match = fts_query(flt.query)
        if match:
            # The full-text index drives and each match is looked up in incidents_search,
            # which holds every column filters and sorts read: walking an incidents index and
            # asking FTS5 about each row instead costs 100x more, and reading the table's
            # rows means decrypting every match's JSON.
            sql = (
                f"SELECT {columns} FROM incident_fts f"  # noqa: S608
                " JOIN incidents i INDEXED BY incidents_search ON i.seq = f.rowid"
                " WHERE incident_fts MATCH ?"
            )
            params.append(match)
        else:
            sql = f"SELECT {columns} FROM incidents i WHERE 1"  # noqa: S608
        for kind, values in (("incident_type", flt.types), ("perpetrator", flt.perpetrators)):
            if values:
                marks = ",".join("?" * len(values))
                exists = "EXISTS (SELECT 1 FROM incident_codes c WHERE c.incident_id = i.id"
                where.append(f"{exists} AND c.kind = ? AND c.code IN ({marks}))")
                params += [kind, *values]
        if flt.states:
            where.append(f"i.state IN ({','.join('?' * len(flt.states))})")
            params += flt.states
        if flt.status:
            where.append("i.status = ?")
            params.append(flt.status)
        if flt.date_from:
            where.append("i.date_start >= ?")
            params.append(flt.date_from)
        if flt.date_to:
            where.append("i.date_start <= ?")
            params.append(flt.date_to + "\uffff")
        for clause in where:
            sql += f" AND {clause}"
        return sql, params

    def history(self, incident_id: str) -> list[dict[str, Any]]:
        self.get(incident_id)
        rows = self._db.query(
            "SELECT revision, at, action, changes FROM revisions WHERE incident_id = ?"
            " ORDER BY revision",
            (incident_id,),
        )
        out = []
        for revision, at, action, changes in rows:
            doc = json.loads(changes)
            out.append(
                {
                    "revision": revision,
                    "at": at,
                    "action": action,
                    "fields": doc.get("fields", []),
                    "changes": doc.get("changes", {}),
                }
            )
        return out


def _row_to_record(row: Any) -> dict[str, Any]:
    record = json.loads(row[1])
    return {"id": row[0], **record, "created_at": row[2], "updated_at": row[3], "revision": row[4]}


def _dump(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))

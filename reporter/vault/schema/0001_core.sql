-- Core vault schema: incidents, revisions, attachments, full-text search, audit trail.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE incidents (
    id          TEXT PRIMARY KEY,
    seq         INTEGER NOT NULL UNIQUE,       -- stable insertion order for lazy listing
    data        TEXT NOT NULL,                 -- the canonical record (JSON)
    status      TEXT NOT NULL,
    state       TEXT,
    date_start  TEXT,
    title       TEXT NOT NULL,
    revision    INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX incidents_state ON incidents(state);
CREATE INDEX incidents_date ON incidents(date_start);
CREATE INDEX incidents_updated ON incidents(updated_at);
CREATE INDEX incidents_status ON incidents(status);

-- Multi-valued codes (types, perpetrators, targets, vectors) for filters.
CREATE TABLE incident_codes (
    incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    code        TEXT NOT NULL,
    PRIMARY KEY (kind, code, incident_id)
) WITHOUT ROWID;
CREATE INDEX incident_codes_incident ON incident_codes(incident_id);

CREATE TABLE revisions (
    incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    revision    INTEGER NOT NULL,
    at          TEXT NOT NULL,
    action      TEXT NOT NULL,                 -- created | edited
    changes     TEXT NOT NULL,                 -- JSON {field: {"from": .., "to": ..}}
    PRIMARY KEY (incident_id, revision)
) WITHOUT ROWID;

CREATE TABLE attachments (
    id            TEXT PRIMARY KEY,
    incident_id   TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    blob          TEXT NOT NULL UNIQUE,        -- random file name under blobs/
    blob_key      BLOB NOT NULL,               -- per-attachment STREAM key (crypto-shredded)
    size          INTEGER NOT NULL,
    media_type    TEXT NOT NULL,
    sha256        TEXT NOT NULL,
    original_name TEXT NOT NULL,               -- private: never shared
    added_at      TEXT NOT NULL
);
CREATE INDEX attachments_incident ON attachments(incident_id);

CREATE VIRTUAL TABLE incident_fts USING fts5(
    incident_id UNINDEXED, title, description, notes, tags, places,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- What was done, never what was written: no content in the audit trail.
CREATE TABLE audit (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    at          TEXT NOT NULL,
    action      TEXT NOT NULL,
    incident_id TEXT
);

-- Issue 13: the coordinator's own judgement of each received incident (triage, notes, tags,
-- links, their history), the index every list, filter, count and export reads, and the
-- original bundles as received (the evidentiary copy, device signature intact).

-- The newest revision of each incident from the device that owns it, with the fields the
-- filters and statistics read, kept by the import (reporter/inbox/index.py) so no query
-- re-reads every revision's JSON. Narrow and keyed by the id, so a count over 100,000
-- reports reads no record.
CREATE TABLE inbox_current (
    incident_id  TEXT PRIMARY KEY,
    bundle_id    TEXT NOT NULL REFERENCES inbox_bundles(bundle_id),
    revision     INTEGER NOT NULL,
    device_id    TEXT NOT NULL,
    received_at  TEXT NOT NULL,
    day_first    TEXT,                 -- first day of the incident's date (YYYY-MM-DD) or NULL
    month        TEXT,                 -- YYYY-MM of that day when known to the month, else NULL
    precision    TEXT,                 -- day | week | month | year (the date's form) or NULL
    state        TEXT                  -- INEGI code or NULL
) WITHOUT ROWID;
-- the inbox's order (newest received first): a page is read off this index, never sorted
CREATE INDEX inbox_current_received ON inbox_current(received_at, incident_id);
CREATE INDEX inbox_current_day ON inbox_current(day_first);
CREATE INDEX inbox_current_state ON inbox_current(state);
CREATE INDEX inbox_current_device ON inbox_current(device_id);

-- Title and description of the current revision, for the text filter.
CREATE TABLE inbox_text (
    incident_id  TEXT PRIMARY KEY,
    title        TEXT NOT NULL,
    description  TEXT NOT NULL
);

-- Multi-valued codes of the current revision (types, perpetrators, targets, digital details,
-- indicators) for filters, statistics and link suggestions; a counted kind the record has
-- no value for holds the code 'NONE', so a count by that kind is one GROUP BY.
CREATE TABLE inbox_codes (
    incident_id  TEXT NOT NULL,
    kind         TEXT NOT NULL,
    code         TEXT NOT NULL,
    PRIMARY KEY (kind, code, incident_id)
) WITHOUT ROWID;
CREATE INDEX inbox_codes_incident ON inbox_codes(incident_id, kind);

-- Three separate questions per incident id (so a newer revision keeps its triage).
CREATE TABLE inbox_triage (
    incident_id   TEXT PRIMARY KEY,
    review        TEXT NOT NULL DEFAULT 'new'
                  CHECK (review IN ('new', 'in-review', 'needs-info', 'done')),
    assignee      TEXT,
    verification  TEXT NOT NULL DEFAULT 'unverified'
                  CHECK (verification IN ('unverified', 'corroborated',
                                          'forensically-confirmed')),
    counting      TEXT NOT NULL DEFAULT 'pending'
                  CHECK (counting IN ('pending', 'counted', 'excluded')),
    exclusion     TEXT CHECK (exclusion IS NULL OR exclusion IN
                              ('duplicate', 'out-of-scope', 'not-credible', 'withdrawn',
                               'other')),
    CHECK ((counting = 'excluded') = (exclusion IS NOT NULL))
) WITHOUT ROWID;
CREATE INDEX inbox_triage_counting ON inbox_triage(counting);
CREATE INDEX inbox_triage_review ON inbox_triage(review);

-- Coordinator notes and tags: they stay in this vault, never sent.
CREATE TABLE inbox_notes (
    id           INTEGER PRIMARY KEY,
    incident_id  TEXT NOT NULL,
    at           TEXT NOT NULL,
    author       TEXT NOT NULL,
    text         TEXT NOT NULL
);
CREATE INDEX inbox_notes_incident ON inbox_notes(incident_id);

CREATE TABLE inbox_tags (
    incident_id  TEXT NOT NULL,
    tag          TEXT NOT NULL,
    PRIMARY KEY (tag, incident_id)
) WITHOUT ROWID;
CREATE INDEX inbox_tags_incident ON inbox_tags(incident_id);

-- Links between incidents, stored once with a < b.
CREATE TABLE inbox_links (
    a            TEXT NOT NULL,
    b            TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('same-event', 'same-campaign', 'same-target')),
    at           TEXT NOT NULL,
    author       TEXT NOT NULL,
    PRIMARY KEY (a, b, kind),
    CHECK (a < b)
) WITHOUT ROWID;
CREATE INDEX inbox_links_b ON inbox_links(b);

-- Every change: who (a coordinator's name), when, which field, from -> to.
CREATE TABLE inbox_history (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    at           TEXT NOT NULL,
    author       TEXT NOT NULL,
    incident_id  TEXT NOT NULL,
    field        TEXT NOT NULL,
    old          TEXT,
    new          TEXT
);
CREATE INDEX inbox_history_incident ON inbox_history(incident_id, seq);

-- The bundle's ciphertext as received (in the blob store), and how it arrived.
CREATE TABLE inbox_originals (
    bundle_id    TEXT PRIMARY KEY REFERENCES inbox_bundles(bundle_id),
    blob         TEXT NOT NULL UNIQUE,
    blob_key     BLOB NOT NULL,
    size         INTEGER NOT NULL,
    sha256       TEXT NOT NULL,
    via          TEXT NOT NULL CHECK (via IN ('relay', 'file')),
    upload_id    TEXT,
    file_name    TEXT
) WITHOUT ROWID;

INSERT OR IGNORE INTO inbox_triage(incident_id)
    SELECT DISTINCT incident_id FROM inbox_incident_owners;

-- Issue 13: the inbox's CHECK constraints without IN lists. SQLite checks `x IN ('a', 'b', ...)`
-- by building a temporary index on every insert and update; with SQLCipher's memory security
-- each of its allocations is locked and wiped (about nine mlock calls per list, measured), and
-- inbox_triage has four, on a row every imported report adds. The same rules as OR chains
-- allocate nothing. Tables are rebuilt (SQLite cannot alter a CHECK); nothing references them.

CREATE TABLE inbox_triage_new (
    incident_id   TEXT PRIMARY KEY,
    review        TEXT NOT NULL DEFAULT 'new'
                  CHECK (review = 'new' OR review = 'in-review' OR review = 'needs-info'
                         OR review = 'done'),
    assignee      TEXT,
    verification  TEXT NOT NULL DEFAULT 'unverified'
                  CHECK (verification = 'unverified' OR verification = 'corroborated'
                         OR verification = 'forensically-confirmed'),
    counting      TEXT NOT NULL DEFAULT 'pending'
                  CHECK (counting = 'pending' OR counting = 'counted' OR counting = 'excluded'),
    exclusion     TEXT CHECK (exclusion IS NULL OR exclusion = 'duplicate'
                              OR exclusion = 'out-of-scope' OR exclusion = 'not-credible'
                              OR exclusion = 'withdrawn' OR exclusion = 'other'),
    CHECK ((counting = 'excluded') = (exclusion IS NOT NULL))
) WITHOUT ROWID;
INSERT INTO inbox_triage_new(incident_id, review, assignee, verification, counting, exclusion)
    SELECT incident_id, review, assignee, verification, counting, exclusion FROM inbox_triage;
DROP TABLE inbox_triage;
ALTER TABLE inbox_triage_new RENAME TO inbox_triage;
CREATE INDEX inbox_triage_counting ON inbox_triage(counting);
CREATE INDEX inbox_triage_review ON inbox_triage(review);

CREATE TABLE inbox_originals_new (
    bundle_id    TEXT PRIMARY KEY REFERENCES inbox_bundles(bundle_id),
    blob         TEXT NOT NULL UNIQUE,
    blob_key     BLOB NOT NULL,
    size         INTEGER NOT NULL,
    sha256       TEXT NOT NULL,
    via          TEXT NOT NULL CHECK (via = 'relay' OR via = 'file'),
    upload_id    TEXT,
    file_name    TEXT
) WITHOUT ROWID;
INSERT INTO inbox_originals_new(bundle_id, blob, blob_key, size, sha256, via, upload_id,
                                file_name)
    SELECT bundle_id, blob, blob_key, size, sha256, via, upload_id, file_name
    FROM inbox_originals;
DROP TABLE inbox_originals;
ALTER TABLE inbox_originals_new RENAME TO inbox_originals;

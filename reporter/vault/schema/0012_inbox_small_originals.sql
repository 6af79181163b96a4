-- Issue 13: small original bundles packed together, one blob file per group commit, instead
-- of a blob file each: creating and syncing one file per bundle was most of an import's cost
-- (keeping the bytes in this row was measured too, and cost more: SQLCipher encrypts, logs and
-- checkpoints every 4 KiB page of them). A packed original is its own STREAM under its own key
-- at byte ``packed_at`` of its blob; NULL means the blob is the whole original, as before.
-- Every existing row is copied as it is, so a vault from before keeps reading its originals.
-- A blob holding one whole original is still named by one row only (a partial index: packed
-- rows share their blob and add nothing to it).

CREATE TABLE inbox_originals_new (
    bundle_id    TEXT PRIMARY KEY REFERENCES inbox_bundles(bundle_id),
    blob         TEXT NOT NULL,
    blob_key     BLOB NOT NULL,
    size         INTEGER NOT NULL,
    sha256       TEXT NOT NULL,
    via          TEXT NOT NULL CHECK (via = 'relay' OR via = 'file'),
    upload_id    TEXT,
    file_name    TEXT,
    packed_at    INTEGER CHECK (packed_at IS NULL OR packed_at >= 0)
) WITHOUT ROWID;
INSERT INTO inbox_originals_new(bundle_id, blob, blob_key, size, sha256, via, upload_id,
                                file_name, packed_at)
    SELECT bundle_id, blob, blob_key, size, sha256, via, upload_id, file_name, NULL
    FROM inbox_originals;
DROP TABLE inbox_originals;
ALTER TABLE inbox_originals_new RENAME TO inbox_originals;
CREATE UNIQUE INDEX inbox_originals_blob ON inbox_originals(blob) WHERE packed_at IS NULL;

-- Issue 13: small original bundles kept inside their encrypted inbox_originals row (data)
-- instead of a separate blob file: creating one file per bundle was most of an import's cost,
-- and most bundles are one padded 64 KiB text report. A row holds either a blob (its name and
-- key, as before) or the bytes, never both. Every existing row is copied as it is, so a vault
-- from before keeps reading its blob-file originals. The blob name stays unique where there
-- is one (a partial index: rows kept as bytes add nothing to it).

CREATE TABLE inbox_originals_new (
    bundle_id    TEXT PRIMARY KEY REFERENCES inbox_bundles(bundle_id),
    blob         TEXT,
    blob_key     BLOB,
    size         INTEGER NOT NULL,
    sha256       TEXT NOT NULL,
    via          TEXT NOT NULL CHECK (via = 'relay' OR via = 'file'),
    upload_id    TEXT,
    file_name    TEXT,
    data         BLOB,   -- last: reading the other columns needs none of its overflow pages
    CHECK ((blob IS NULL) = (blob_key IS NULL)),
    CHECK ((blob IS NULL) <> (data IS NULL))
) WITHOUT ROWID;
INSERT INTO inbox_originals_new(bundle_id, blob, blob_key, size, sha256, via, upload_id,
                                file_name, data)
    SELECT bundle_id, blob, blob_key, size, sha256, via, upload_id, file_name, NULL
    FROM inbox_originals;
DROP TABLE inbox_originals;
ALTER TABLE inbox_originals_new RENAME TO inbox_originals;
CREATE UNIQUE INDEX inbox_originals_blob ON inbox_originals(blob) WHERE blob IS NOT NULL;

-- The coordinator's side: coalition keys, received bundles, records, files, known devices.

-- The coalition's secret keys (age identity string, Ed25519 signing key), coordinators only.
CREATE TABLE coalition_keys (
    name        TEXT PRIMARY KEY,              -- 'identity' | 'signing'
    secret      BLOB NOT NULL,
    added_at    TEXT NOT NULL
) WITHOUT ROWID;

-- Devices seen in bundles. Trust on first use: new ones are unverified until a person has
-- compared the fingerprint out of band (`inbox trust`).
CREATE TABLE devices (
    device_id    TEXT PRIMARY KEY,
    public_key   BLOB NOT NULL,
    fingerprint  TEXT NOT NULL UNIQUE,
    first_seen   TEXT NOT NULL,
    last_seen    TEXT NOT NULL,
    verified     INTEGER NOT NULL DEFAULT 0,
    bundles      INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

CREATE TABLE inbox_bundles (
    bundle_id          TEXT PRIMARY KEY,
    device_id          TEXT NOT NULL REFERENCES devices(device_id),
    device_seq         INTEGER NOT NULL,
    profile_id         TEXT NOT NULL,
    created_on         TEXT NOT NULL,
    received_at        TEXT NOT NULL,
    records            INTEGER NOT NULL,
    receipt_recipient  TEXT NOT NULL,
    receipt_state      TEXT NOT NULL DEFAULT 'pending',   -- pending | sent
    UNIQUE (device_id, device_seq)
);

-- The shared versions as received; a later bundle with a newer revision supersedes.
CREATE TABLE inbox_records (
    incident_id  TEXT NOT NULL,
    bundle_id    TEXT NOT NULL REFERENCES inbox_bundles(bundle_id),
    revision     INTEGER NOT NULL,
    data         TEXT NOT NULL,
    triage       TEXT NOT NULL DEFAULT 'new',
    PRIMARY KEY (incident_id, bundle_id)
) WITHOUT ROWID;
CREATE INDEX inbox_records_bundle ON inbox_records(bundle_id);

CREATE TABLE inbox_attachments (
    id           TEXT NOT NULL,
    bundle_id    TEXT NOT NULL REFERENCES inbox_bundles(bundle_id),
    incident_id  TEXT NOT NULL,
    blob         TEXT NOT NULL UNIQUE,
    blob_key     BLOB NOT NULL,
    size         INTEGER NOT NULL,
    media_type   TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    PRIMARY KEY (id, bundle_id)
);

-- Sharing: this device's keys, the trusted coalition profile, what was shared, the outbox.

-- Secret keys never leave the (encrypted) vault. name: 'signing' (Ed25519), 'receipt' (X25519).
CREATE TABLE device_keys (
    name        TEXT PRIMARY KEY,
    secret      BLOB NOT NULL,
    public      BLOB NOT NULL,
    created_at  TEXT NOT NULL
) WITHOUT ROWID;

-- Coalition profiles as signed files; exactly one is current. Trust on first use of its key.
CREATE TABLE profiles (
    fingerprint  TEXT PRIMARY KEY,             -- hex SHA-256 of the signed body
    signing_key  BLOB NOT NULL,
    data         BLOB NOT NULL,                -- the profile file as imported
    imported_at  TEXT NOT NULL,
    current      INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

-- Each incident revision put in a bundle (what the list shows as "shared").
CREATE TABLE shares (
    incident_id TEXT NOT NULL,
    bundle_id   TEXT NOT NULL,
    revision    INTEGER NOT NULL,
    shared_at   TEXT NOT NULL,
    PRIMARY KEY (incident_id, bundle_id)
) WITHOUT ROWID;
CREATE INDEX shares_bundle ON shares(bundle_id);

-- Sealed bundles waiting to leave, and their way out (the sync state machine).
CREATE TABLE outbox (
    bundle_id            TEXT PRIMARY KEY,     -- 32 hex digits (128 random bits)
    device_seq           INTEGER NOT NULL UNIQUE,
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    size                 INTEGER NOT NULL,     -- bytes of the age ciphertext
    sha256               TEXT NOT NULL,        -- of the age ciphertext
    blob                 TEXT NOT NULL UNIQUE, -- the ciphertext, encrypted again at rest
    blob_key             BLOB NOT NULL,
    incident_ids         TEXT NOT NULL,        -- JSON list
    state                TEXT NOT NULL DEFAULT 'queued'
                         CHECK (state IN ('queued', 'uploading', 'uploaded', 'received',
                                          'failed', 'cancelled')),
    upload_offset        INTEGER NOT NULL DEFAULT 0,
    upload_id            TEXT,
    relay_receipt        TEXT,
    coordinator_receipt  TEXT,
    last_error           TEXT,
    attempts             INTEGER NOT NULL DEFAULT 0,
    next_attempt_at      TEXT,
    exported_at          TEXT
);
CREATE INDEX outbox_state ON outbox(state);

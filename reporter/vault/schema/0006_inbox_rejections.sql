-- The coordinator's intake can never be blocked: bundles refused (kept so a person sees why and
-- from which device), downloads set aside to retry, and which device owns each incident id.

-- Refused bundles: the error's stable code and safe params, never their content. The device
-- is known only when the signature verified; for a conflict, owner_device_id is the device
-- that first sent the incident.
CREATE TABLE inbox_rejections (
    id               INTEGER PRIMARY KEY,
    upload_id        TEXT UNIQUE,                -- from the relay (NULL for a file)
    file_name        TEXT,                       -- from `inbox import` (NULL for the relay)
    rejected_at      TEXT NOT NULL,
    code             TEXT NOT NULL,
    params           TEXT NOT NULL,              -- JSON object
    device_id        TEXT,
    fingerprint      TEXT,
    owner_device_id  TEXT
);

-- Relay items whose download failed or did not match: retried first at the next pull, and
-- refused after a few pulls. The cursor has moved past them, so they block nothing.
CREATE TABLE inbox_set_aside (
    upload_id    TEXT PRIMARY KEY,
    cursor       INTEGER NOT NULL,
    size         INTEGER NOT NULL,
    sha256       TEXT NOT NULL,
    passes       INTEGER NOT NULL,
    first_at     TEXT NOT NULL,
    code         TEXT NOT NULL,
    params       TEXT NOT NULL
) WITHOUT ROWID;

-- Each incident id belongs to the device that first sent it (ids in lower-case canonical
-- form); a bundle from another device naming it is refused as a conflict.
CREATE TABLE inbox_incident_owners (
    incident_id  TEXT PRIMARY KEY,
    device_id    TEXT NOT NULL REFERENCES devices(device_id),
    first_seen   TEXT NOT NULL
) WITHOUT ROWID;

UPDATE OR IGNORE inbox_records SET incident_id = lower(incident_id)
    WHERE incident_id <> lower(incident_id);
UPDATE inbox_attachments SET incident_id = lower(incident_id)
    WHERE incident_id <> lower(incident_id);
INSERT OR IGNORE INTO inbox_incident_owners(incident_id, device_id, first_seen)
    SELECT r.incident_id, b.device_id, b.received_at
    FROM inbox_records r JOIN inbox_bundles b USING (bundle_id)
    ORDER BY b.received_at, b.rowid;

-- Issue 16: coordination between several coordinators (identities, roster, signed triage events).

-- This vault's own coordinator identity: an Ed25519 signing key and an age X25519 identity,
-- encrypted at rest like every other row. One row, made on first use.
CREATE TABLE coord_identity (
    slot          TEXT PRIMARY KEY CHECK (slot = 'me'),
    signing_key   BLOB NOT NULL,      -- raw 32-byte Ed25519 private key
    age_identity  TEXT NOT NULL,      -- AGE-SECRET-KEY-1…
    name          TEXT NOT NULL,      -- the display name on the card
    created_at    TEXT NOT NULL
) WITHOUT ROWID;

-- Every coordinator roster this vault verified (the highest serial is the current one).
CREATE TABLE coord_rosters (
    serial       INTEGER PRIMARY KEY,
    data         BLOB NOT NULL,
    imported_at  TEXT NOT NULL
);

-- Accepted triage events, one per (author, seq): the replay's input. ``element`` names the
-- register inside a field ('' for one-value fields, the tag, the link's kind:other id, the
-- note's author:seq); the winner of a register is its greatest (lamport, author, hash).
CREATE TABLE coord_events (
    author       TEXT NOT NULL,
    seq          INTEGER NOT NULL,
    hash         TEXT NOT NULL,
    prev         TEXT,
    lamport      INTEGER NOT NULL,
    incident_id  TEXT NOT NULL,
    field        TEXT NOT NULL,
    element      TEXT NOT NULL,
    op           TEXT NOT NULL,
    value        TEXT NOT NULL,      -- JSON
    at           TEXT NOT NULL,
    by           TEXT NOT NULL,
    doc          BLOB NOT NULL,      -- the signed event as its author made it
    PRIMARY KEY (author, seq)
) WITHOUT ROWID;
CREATE INDEX coord_events_register ON coord_events(incident_id, field, element);
-- the next event's Lamport clock is one more than the highest seen: read off this index
CREATE INDEX coord_events_lamport ON coord_events(lamport);

-- Events this vault could not place yet: their author is in no roster it holds (a newer
-- roster may list them; each roster import tries them again).
CREATE TABLE coord_held (
    hash         TEXT PRIMARY KEY,
    author       TEXT NOT NULL,
    doc          BLOB NOT NULL,
    held_at      TEXT NOT NULL
) WITHOUT ROWID;

-- Forks and refusals, shown by `coordination status` (gaps are computed from coord_events).
CREATE TABLE coord_problems (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('fork', 'refused')),
    author       TEXT NOT NULL,      -- '' when the author is unknown (an unreadable object)
    seq          INTEGER NOT NULL,   -- 0 when unknown
    reason       TEXT NOT NULL,
    at           TEXT NOT NULL,
    UNIQUE (kind, author, seq, reason)
);

-- Who is reviewing which report, until when (the claim register's winner).
CREATE TABLE coord_claims (
    incident_id  TEXT PRIMARY KEY,
    by           TEXT NOT NULL,      -- member id
    until        TEXT NOT NULL
) WITHOUT ROWID;

-- Coordination objects other than events waiting to be sent (a roster, epoch keys).
CREATE TABLE coord_outbox (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL,
    payload      BLOB NOT NULL,      -- canonical JSON of the object's fields
    queued_at    TEXT NOT NULL
);

-- A note is private unless shared; a shared note is an event (author:seq), added once.
ALTER TABLE inbox_notes ADD COLUMN shared INTEGER NOT NULL DEFAULT 0;
ALTER TABLE inbox_notes ADD COLUMN event TEXT;
CREATE UNIQUE INDEX inbox_notes_event ON inbox_notes(event) WHERE event IS NOT NULL;

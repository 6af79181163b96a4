-- Coalition key epochs (issue 16, key rotation). A coordinator keeps every epoch's age identity,
-- so bundles sealed to an old epoch still open (and their originals always re-open); a bundle
-- newly arriving sealed to an old epoch is accepted only until that epoch's accepted_until.
CREATE TABLE coalition_epochs (
    epoch           INTEGER PRIMARY KEY,
    identity        BLOB NOT NULL,                 -- age identity string
    accepted_until  TEXT,                          -- UTC hour; NULL while it is the current one
    added_at        TEXT NOT NULL
);
INSERT INTO coalition_epochs(epoch, identity, accepted_until, added_at)
    SELECT 1, secret, NULL, added_at FROM coalition_keys WHERE name = 'identity';

-- What a person is told about the coalition's profile: a key change (a new epoch) taken from
-- the relay, or a profile from the relay that was refused (another key, malformed).
CREATE TABLE profile_notices (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL,                    -- key_changed | refused
    epoch        INTEGER,
    code         TEXT,                             -- the refusal's error code
    recorded_at  TEXT NOT NULL,
    seen         INTEGER NOT NULL DEFAULT 0
);

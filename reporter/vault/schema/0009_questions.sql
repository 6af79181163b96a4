-- Issue 16: questions back to the reporter. A coordinator asks about one received report
-- (signed by the coalition, sealed to the device's receipt key, through the relay); the
-- device keeps what it received inside the incident; the answer travels in the next bundle.

-- The device's side: questions received about this device's incidents, and their answers.
-- Deleting an incident deletes its questions.
CREATE TABLE questions (
    question_id    TEXT PRIMARY KEY,           -- 32 hex, chosen by the coordinator
    incident_id    TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    bundle_id      TEXT NOT NULL,              -- the bundle the question is about
    asked_at       TEXT NOT NULL,
    received_at    TEXT NOT NULL,
    template       TEXT,                       -- a code of reporter/incidents/question_catalogue.py
    text           TEXT,                       -- or the coordinator's free text
    requests       TEXT NOT NULL,              -- JSON list: day | municipality | file
    answer_text    TEXT,
    answer_shared  TEXT,                       -- JSON list of the requests granted
    answered_at    TEXT,
    answer_bundle  TEXT                        -- the bundle that last carried the answer
) WITHOUT ROWID;
CREATE INDEX questions_incident ON questions(incident_id, received_at);

-- Messages refused (forged, for another device, about an incident this device never sent):
-- when and why, never their content.
CREATE TABLE question_refusals (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    message_id  TEXT,
    upload_id   TEXT,
    error       TEXT NOT NULL,
    params      TEXT NOT NULL                  -- JSON of the error's safe params
);

-- The coordinator's side: what was asked about which report. Whether it was answered is
-- read from the records received (their "answers"), so it cannot disagree with them.
CREATE TABLE inbox_questions (
    question_id  TEXT PRIMARY KEY,
    incident_id  TEXT NOT NULL,
    bundle_id    TEXT NOT NULL,                -- the bundle (and upload) it was sent about
    upload_id    TEXT NOT NULL,
    asked_at     TEXT NOT NULL,
    author       TEXT NOT NULL,                -- kept here only; the device sees "the coalition"
    template     TEXT,
    text         TEXT,
    requests     TEXT NOT NULL,
    state        TEXT NOT NULL DEFAULT 'sending' CHECK (state IN ('sending', 'sent'))
) WITHOUT ROWID;
CREATE INDEX inbox_questions_incident ON inbox_questions(incident_id, asked_at);

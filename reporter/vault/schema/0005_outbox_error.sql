-- The outbox keeps the last error's code and safe parameters as well as its English text, so
-- the app can show it again in the reader's language.
ALTER TABLE outbox ADD COLUMN last_error_json TEXT;

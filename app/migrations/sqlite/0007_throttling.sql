-- Student sign-in failures remember the browser as well as the address, so one computer (or a
-- whole lab behind one proxy) cannot lock a child out: see domain::throttle::student_verdict.
-- `browser` is a hash of the browser's anonymous token (NULL for staff and parents).
ALTER TABLE sign_in_failures ADD COLUMN browser TEXT;

-- Class codes typed that match no class, per client: the class lookup is throttled.
CREATE TABLE lookup_failures (
    id      INTEGER PRIMARY KEY,
    client  TEXT    NOT NULL,
    browser TEXT,
    at      INTEGER NOT NULL
);
CREATE INDEX lookup_failures_client ON lookup_failures (client, at);

-- Kept quiz answers record who posted them, so one client cannot keep without limit.
ALTER TABLE kept_answers ADD COLUMN client TEXT NOT NULL DEFAULT '';
ALTER TABLE kept_answers ADD COLUMN browser TEXT NOT NULL DEFAULT '';
CREATE INDEX kept_answers_client ON kept_answers (client, kept_at);
CREATE INDEX kept_answers_browser ON kept_answers (browser, kept_at);

-- Quiz answers posted after the learner's session ended, kept until they sign in again.
-- The browser holds the token (a cookie); only its SHA-256 is stored. `person_id` is known
-- when the post carried the ended session's CSRF token, and then only that person's next
-- sign-in sends the answers; otherwise whoever signs in on that browser finds them in the form.
CREATE TABLE kept_answers (
    token_hash     TEXT    PRIMARY KEY,
    person_id      INTEGER REFERENCES people (id) ON DELETE CASCADE,
    module_id      TEXT    NOT NULL,
    submission_key TEXT    NOT NULL,
    answers        TEXT    NOT NULL,
    kept_at        INTEGER NOT NULL
);

-- Ended sessions are kept a day (see domain::session::KEEP_ENDED); old ones are swept by age.
CREATE INDEX sessions_last_seen ON sessions (last_seen);

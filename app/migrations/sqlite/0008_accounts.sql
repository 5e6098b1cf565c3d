-- A first password (made by a roster import) or a reset code must be replaced before the
-- person does anything else.
ALTER TABLE people ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;

-- One-time password reset codes a school manager (or an admin) issues: only a hash is kept,
-- the code is shown once; it works once, for a day.
CREATE TABLE password_resets (
    person_id  INTEGER PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
    code_hash  TEXT    NOT NULL,
    issued_by  INTEGER REFERENCES people (id) ON DELETE SET NULL,
    issued_at  INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);

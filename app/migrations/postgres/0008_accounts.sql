-- A first password or a reset code must be replaced before the person does anything else.
ALTER TABLE people ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE password_resets (
    person_id  BIGINT PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
    code_hash  TEXT   NOT NULL,
    issued_by  BIGINT REFERENCES people (id) ON DELETE SET NULL,
    issued_at  BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);

-- People, their classes and households, sessions, sign-in failures and the audit log.
-- Times are Unix seconds (UTC).

-- A class belongs to a school (an org unit) and a school year. `code` is what the teacher
-- writes on the board for signing in in the lab.
CREATE TABLE classes (
    id          INTEGER PRIMARY KEY,
    school_id   INTEGER NOT NULL REFERENCES org_units (id),
    school_year TEXT    NOT NULL,
    name        TEXT    NOT NULL,
    code        TEXT    NOT NULL UNIQUE,
    UNIQUE (school_id, school_year, name)
);

-- A household links parents to their children. The school prints its family code.
CREATE TABLE households (
    id          INTEGER PRIMARY KEY,
    unit_id     INTEGER NOT NULL REFERENCES org_units (id),
    family_code TEXT    NOT NULL UNIQUE
);

-- Everyone who signs in. Staff have a username, parents a phone number (both with an
-- argon2id password hash); students have neither: a display name, a class, a birth year and
-- a low-entropy secret (4-digit PIN or two of nine pictures) that is printed on their class's
-- sign-in cards, so it is stored as is; throttling is what protects it.
CREATE TABLE people (
    id            INTEGER PRIMARY KEY,
    role          TEXT    NOT NULL,
    unit_id       INTEGER NOT NULL REFERENCES org_units (id),
    display_name  TEXT    NOT NULL,
    username      TEXT    UNIQUE,
    phone         TEXT    UNIQUE,
    password_hash TEXT,
    class_id      INTEGER REFERENCES classes (id),
    birth_year    INTEGER,
    student_key   TEXT,
    secret        TEXT,
    household_id  INTEGER REFERENCES households (id),
    created_at    INTEGER NOT NULL,
    UNIQUE (unit_id, student_key)
);
CREATE INDEX people_class ON people (class_id);
CREATE INDEX people_household ON people (household_id);
CREATE INDEX people_unit ON people (unit_id);

CREATE TABLE class_teachers (
    class_id  INTEGER NOT NULL REFERENCES classes (id),
    person_id INTEGER NOT NULL REFERENCES people (id),
    PRIMARY KEY (class_id, person_id)
);
CREATE INDEX class_teachers_person ON class_teachers (person_id);

-- Server-side sessions. Only a SHA-256 of the cookie's token is stored.
CREATE TABLE sessions (
    token_hash TEXT    PRIMARY KEY,
    person_id  INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    csrf       TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    last_seen  INTEGER NOT NULL
);
CREATE INDEX sessions_person ON sessions (person_id);

-- Failed sign-ins since the last success or reset, per account and per client.
CREATE TABLE sign_in_failures (
    id        INTEGER PRIMARY KEY,
    person_id INTEGER REFERENCES people (id) ON DELETE CASCADE,
    client    TEXT    NOT NULL,
    at        INTEGER NOT NULL
);
CREATE INDEX sign_in_failures_person ON sign_in_failures (person_id, at);
CREATE INDEX sign_in_failures_client ON sign_in_failures (client, at);

CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    at         INTEGER NOT NULL,
    action     TEXT    NOT NULL,
    actor_id   INTEGER REFERENCES people (id),
    subject_id INTEGER REFERENCES people (id),
    client     TEXT,
    detail     TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_subject ON audit_log (subject_id, at);

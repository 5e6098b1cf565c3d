-- Learning: lessons seen, quiz attempts and completions. Module and lesson ids are the
-- content's; `content_version` is the module's version when it happened.

CREATE TABLE lesson_views (
    person_id       INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    module_id       TEXT    NOT NULL,
    lesson_id       TEXT    NOT NULL,
    content_version INTEGER NOT NULL,
    seen_at         INTEGER NOT NULL,
    PRIMARY KEY (person_id, module_id, lesson_id)
);

-- One row per submitted attempt. The form's submission key makes a double click, a retried
-- request or a resubmitted form one attempt.
CREATE TABLE attempts (
    id              INTEGER PRIMARY KEY,
    person_id       INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    module_id       TEXT    NOT NULL,
    content_version INTEGER NOT NULL,
    submission_key  TEXT    NOT NULL,
    answers         TEXT    NOT NULL,
    correct         INTEGER NOT NULL,
    total           INTEGER NOT NULL,
    percent         INTEGER NOT NULL,
    passed          INTEGER NOT NULL,
    submitted_at    INTEGER NOT NULL,
    UNIQUE (person_id, submission_key)
);
CREATE INDEX attempts_person_module ON attempts (person_id, module_id);

CREATE TABLE completions (
    person_id        INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    module_id        TEXT    NOT NULL,
    content_version  INTEGER NOT NULL,
    completed_at     INTEGER NOT NULL,
    certificate_code TEXT    UNIQUE,
    PRIMARY KEY (person_id, module_id)
);

-- Quiz answers posted after the learner's session ended, kept until they sign in again.
CREATE TABLE kept_answers (
    token_hash     TEXT   PRIMARY KEY,
    person_id      BIGINT REFERENCES people (id) ON DELETE CASCADE,
    module_id      TEXT   NOT NULL,
    submission_key TEXT   NOT NULL,
    answers        TEXT   NOT NULL,
    kept_at        BIGINT NOT NULL
);

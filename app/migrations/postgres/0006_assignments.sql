-- A teacher assigns a module to a class, to complete by a date (`YYYY-MM-DD`).
CREATE TABLE assignments (
    class_id    BIGINT NOT NULL REFERENCES classes (id) ON DELETE CASCADE,
    module_id   TEXT   NOT NULL,
    due_on      TEXT   NOT NULL,
    assigned_by BIGINT REFERENCES people (id) ON DELETE SET NULL,
    assigned_at BIGINT NOT NULL,
    PRIMARY KEY (class_id, module_id)
);

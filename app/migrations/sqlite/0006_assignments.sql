-- A teacher assigns a module to a class, to complete by a date (a calendar day in Vietnam,
-- `YYYY-MM-DD`). Assigning the same module again changes the date.
CREATE TABLE assignments (
    class_id    INTEGER NOT NULL REFERENCES classes (id) ON DELETE CASCADE,
    module_id   TEXT    NOT NULL,
    due_on      TEXT    NOT NULL,
    assigned_by INTEGER REFERENCES people (id) ON DELETE SET NULL,
    assigned_at INTEGER NOT NULL,
    PRIMARY KEY (class_id, module_id)
);

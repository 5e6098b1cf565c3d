-- Coverage against the plan's targets, kept up to date as completions are written, so that a
-- dashboard reads a few rollup rows instead of scanning progress.
--
-- A subject is who a target counts: a person (students, staff) or a household (families).
-- `reached_month` (year × 12 + month − 1, Vietnam time) is when they were reached, or NULL.
CREATE TABLE coverage_subjects (
    target_id     TEXT    NOT NULL,
    subject_kind  TEXT    NOT NULL,
    subject_id    INTEGER NOT NULL,
    unit_id       INTEGER NOT NULL REFERENCES org_units (id),
    reached_month INTEGER,
    PRIMARY KEY (target_id, subject_kind, subject_id)
);
-- Covering: a unit's subjects and who is not reached yet, without reading the rows.
CREATE INDEX coverage_subjects_unit ON coverage_subjects (target_id, subject_kind, unit_id, reached_month);

-- How many subjects each unit has, counting every unit below it (kept at every level of the
-- tree: a province's row is its whole province).
CREATE TABLE coverage_population (
    unit_id    INTEGER NOT NULL REFERENCES org_units (id),
    target_id  TEXT    NOT NULL,
    registered INTEGER NOT NULL,
    PRIMARY KEY (unit_id, target_id)
);

-- How many subjects (`people`) and institutions (`units`) were reached in each month, at every
-- level of the tree. Coverage at the end of a month is the sum up to it.
CREATE TABLE coverage_reached (
    unit_id   INTEGER NOT NULL REFERENCES org_units (id),
    target_id TEXT    NOT NULL,
    month     INTEGER NOT NULL,
    people    INTEGER NOT NULL DEFAULT 0,
    units     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (unit_id, target_id, month)
);

-- For targets that count institutions: whether each institution is reached, and since when.
CREATE TABLE coverage_institutions (
    target_id     TEXT    NOT NULL,
    unit_id       INTEGER NOT NULL REFERENCES org_units (id),
    reached_month INTEGER,
    PRIMARY KEY (target_id, unit_id)
);

-- What the rollups were built for: the targets' definition and the year (students change age
-- band with the year). When either changes, everything is rebuilt at start.
CREATE TABLE coverage_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Official counts (the denominators) per unit, target and year, with their source.
CREATE TABLE official_counts (
    unit_id     INTEGER NOT NULL REFERENCES org_units (id),
    target_id   TEXT    NOT NULL,
    year        INTEGER NOT NULL,
    count       INTEGER NOT NULL,
    source      TEXT    NOT NULL,
    as_of       TEXT    NOT NULL,
    imported_by INTEGER REFERENCES people (id) ON DELETE SET NULL,
    imported_at INTEGER NOT NULL,
    PRIMARY KEY (unit_id, target_id, year)
);

-- Closed reporting periods: the report as it was, frozen. A new closing is a new version.
CREATE TABLE coverage_reports (
    id        INTEGER PRIMARY KEY,
    unit_id   INTEGER NOT NULL REFERENCES org_units (id),
    year      INTEGER NOT NULL,
    version   INTEGER NOT NULL,
    closed_by INTEGER REFERENCES people (id) ON DELETE SET NULL,
    closed_at INTEGER NOT NULL,
    report    TEXT    NOT NULL,
    UNIQUE (unit_id, year, version)
);

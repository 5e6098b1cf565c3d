-- SafeSteps on Citus: the schema changes the plan in docs/scaling.md would need, on top of the
-- PostgreSQL schema (app/migrations/postgres). Not applied by any command and not run here (no
-- Citus on the development machines): the path past one PostgreSQL server, written down and
-- checked by hand against Citus's documented rules —
--   (1) a distributed table's primary key and unique constraints include its distribution
--       column; (2) foreign keys run between co-located distributed tables (including the
--       distribution column), from a distributed table to a reference table, or between local
--       tables; (3) reference tables are copied to every worker; (4) DDL runs on the coordinator.
-- Run on the coordinator, in this order, on an empty database after `safesteps migrate`, then
-- load with the application stopped. The code changes it asks for are listed in scaling.md.
-- The surrogate ids stay BIGINT identity columns; where the Citus version in use does not
-- accept identity columns on distributed tables, they become `DEFAULT nextval(…)` from a
-- sequence on the coordinator — check its release notes before applying.

-- ── Reference tables: small, joined with everything ─────────────────────────────────────────
SELECT create_reference_table('org_units');
SELECT create_reference_table('official_counts');
SELECT create_reference_table('coverage_reports');
SELECT create_reference_table('coverage_meta');

-- ── Lookup tables: one per value that must be unique across the province ───────────────────
-- Rule (1): a global unique value is the primary key of a table distributed by that value.
CREATE TABLE sign_in_names (
    name      TEXT   PRIMARY KEY,          -- a username, or a phone number
    unit_id   BIGINT NOT NULL,
    person_id BIGINT NOT NULL
);
CREATE TABLE class_codes (
    code      TEXT   PRIMARY KEY,
    school_id BIGINT NOT NULL,
    class_id  BIGINT NOT NULL
);
CREATE TABLE family_codes (
    code         TEXT   PRIMARY KEY,
    unit_id      BIGINT NOT NULL,
    household_id BIGINT NOT NULL
);
CREATE TABLE certificate_codes (
    code      TEXT   PRIMARY KEY,
    unit_id   BIGINT NOT NULL,
    person_id BIGINT NOT NULL,
    module_id TEXT   NOT NULL
);
SELECT create_distributed_table('sign_in_names', 'name');
SELECT create_distributed_table('class_codes', 'code');
SELECT create_distributed_table('family_codes', 'code');
SELECT create_distributed_table('certificate_codes', 'code');

-- ── The school's data: distributed by the school (people.unit_id, classes.school_id) ───────
-- Global uniques move to the lookup tables; keys become compound with the school first.
ALTER TABLE people DROP CONSTRAINT people_username_key, DROP CONSTRAINT people_phone_key;
ALTER TABLE classes DROP CONSTRAINT classes_code_key;
ALTER TABLE households DROP CONSTRAINT households_family_code_key;
ALTER TABLE completions DROP CONSTRAINT completions_certificate_code_key;

-- Foreign keys between tables that will be distributed differently, or that do not carry the
-- distribution column yet, go first (rule 2); the co-located ones are added back below.
ALTER TABLE people DROP CONSTRAINT people_class_id_fkey, DROP CONSTRAINT people_household_id_fkey;
ALTER TABLE class_teachers DROP CONSTRAINT class_teachers_class_id_fkey,
    DROP CONSTRAINT class_teachers_person_id_fkey;
ALTER TABLE sessions DROP CONSTRAINT sessions_person_id_fkey;
ALTER TABLE sign_in_failures DROP CONSTRAINT sign_in_failures_person_id_fkey;
ALTER TABLE audit_log DROP CONSTRAINT audit_log_actor_id_fkey, DROP CONSTRAINT audit_log_subject_id_fkey;
ALTER TABLE lesson_views DROP CONSTRAINT lesson_views_person_id_fkey;
ALTER TABLE attempts DROP CONSTRAINT attempts_person_id_fkey;
ALTER TABLE completions DROP CONSTRAINT completions_person_id_fkey;
ALTER TABLE kept_answers DROP CONSTRAINT kept_answers_person_id_fkey;
ALTER TABLE open_draws DROP CONSTRAINT open_draws_person_id_fkey;
ALTER TABLE rereads DROP CONSTRAINT rereads_person_id_fkey;
ALTER TABLE assignments DROP CONSTRAINT assignments_class_id_fkey,
    DROP CONSTRAINT assignments_assigned_by_fkey;
ALTER TABLE password_resets DROP CONSTRAINT password_resets_person_id_fkey,
    DROP CONSTRAINT password_resets_issued_by_fkey;
ALTER TABLE official_counts DROP CONSTRAINT official_counts_imported_by_fkey;
ALTER TABLE coverage_reports DROP CONSTRAINT coverage_reports_closed_by_fkey;

-- The school's column on every table of a person or a class (filled from people/classes when
-- loading), first in each key.
ALTER TABLE class_teachers ADD COLUMN school_id BIGINT NOT NULL;
ALTER TABLE assignments ADD COLUMN school_id BIGINT NOT NULL;
ALTER TABLE lesson_views ADD COLUMN unit_id BIGINT NOT NULL;
ALTER TABLE attempts ADD COLUMN unit_id BIGINT NOT NULL;
ALTER TABLE completions ADD COLUMN unit_id BIGINT NOT NULL;
ALTER TABLE open_draws ADD COLUMN unit_id BIGINT NOT NULL;
ALTER TABLE rereads ADD COLUMN unit_id BIGINT NOT NULL;
ALTER TABLE password_resets ADD COLUMN unit_id BIGINT NOT NULL;
ALTER TABLE audit_log ADD COLUMN unit_id BIGINT NOT NULL;

ALTER TABLE people DROP CONSTRAINT people_pkey, ADD PRIMARY KEY (unit_id, id);
-- UNIQUE (unit_id, student_key) and classes' UNIQUE (school_id, school_year, name) already
-- start with the school: they stay.
ALTER TABLE classes DROP CONSTRAINT classes_pkey, ADD PRIMARY KEY (school_id, id);
ALTER TABLE households DROP CONSTRAINT households_pkey, ADD PRIMARY KEY (unit_id, id);
ALTER TABLE class_teachers DROP CONSTRAINT class_teachers_pkey,
    ADD PRIMARY KEY (school_id, class_id, person_id);
ALTER TABLE assignments DROP CONSTRAINT assignments_pkey,
    ADD PRIMARY KEY (school_id, class_id, module_id);
ALTER TABLE lesson_views DROP CONSTRAINT lesson_views_pkey,
    ADD PRIMARY KEY (unit_id, person_id, module_id, lesson_id);
ALTER TABLE attempts DROP CONSTRAINT attempts_pkey, ADD PRIMARY KEY (unit_id, id);
ALTER TABLE attempts DROP CONSTRAINT attempts_person_id_submission_key_key,
    ADD UNIQUE (unit_id, person_id, submission_key);
ALTER TABLE completions DROP CONSTRAINT completions_pkey,
    ADD PRIMARY KEY (unit_id, person_id, module_id);
ALTER TABLE open_draws DROP CONSTRAINT open_draws_pkey,
    ADD PRIMARY KEY (unit_id, person_id, module_id);
ALTER TABLE rereads DROP CONSTRAINT rereads_pkey,
    ADD PRIMARY KEY (unit_id, person_id, module_id, lesson_id);
ALTER TABLE password_resets DROP CONSTRAINT password_resets_pkey,
    ADD PRIMARY KEY (unit_id, person_id);
ALTER TABLE audit_log DROP CONSTRAINT audit_log_pkey, ADD PRIMARY KEY (unit_id, id);

-- Coverage: the school's rows only (the rows above schools are summed when read).
ALTER TABLE coverage_subjects DROP CONSTRAINT coverage_subjects_pkey,
    ADD PRIMARY KEY (unit_id, target_id, subject_kind, subject_id);
ALTER TABLE coverage_institutions DROP CONSTRAINT coverage_institutions_pkey,
    ADD PRIMARY KEY (unit_id, target_id);
-- coverage_population (unit_id, target_id) and coverage_reached (unit_id, target_id, month)
-- already start with unit_id.

-- Distribute, all co-located (the same column type and shard count: Citus's default).
SELECT create_distributed_table('people', 'unit_id');
SELECT create_distributed_table('classes', 'school_id', colocate_with => 'people');
SELECT create_distributed_table('households', 'unit_id', colocate_with => 'people');
SELECT create_distributed_table('class_teachers', 'school_id', colocate_with => 'people');
SELECT create_distributed_table('assignments', 'school_id', colocate_with => 'people');
SELECT create_distributed_table('lesson_views', 'unit_id', colocate_with => 'people');
SELECT create_distributed_table('attempts', 'unit_id', colocate_with => 'people');
SELECT create_distributed_table('completions', 'unit_id', colocate_with => 'people');
SELECT create_distributed_table('open_draws', 'unit_id', colocate_with => 'people');
SELECT create_distributed_table('rereads', 'unit_id', colocate_with => 'people');
SELECT create_distributed_table('password_resets', 'unit_id', colocate_with => 'people');
SELECT create_distributed_table('audit_log', 'unit_id', colocate_with => 'people');
SELECT create_distributed_table('coverage_subjects', 'unit_id', colocate_with => 'people');
SELECT create_distributed_table('coverage_institutions', 'unit_id', colocate_with => 'people');
SELECT create_distributed_table('coverage_population', 'unit_id', colocate_with => 'people');
SELECT create_distributed_table('coverage_reached', 'unit_id', colocate_with => 'people');

-- Co-located foreign keys, the distribution column included (rule 2).
ALTER TABLE lesson_views ADD FOREIGN KEY (unit_id, person_id) REFERENCES people (unit_id, id) ON DELETE CASCADE;
ALTER TABLE attempts ADD FOREIGN KEY (unit_id, person_id) REFERENCES people (unit_id, id) ON DELETE CASCADE;
ALTER TABLE completions ADD FOREIGN KEY (unit_id, person_id) REFERENCES people (unit_id, id) ON DELETE CASCADE;
ALTER TABLE open_draws ADD FOREIGN KEY (unit_id, person_id) REFERENCES people (unit_id, id) ON DELETE CASCADE;
ALTER TABLE rereads ADD FOREIGN KEY (unit_id, person_id) REFERENCES people (unit_id, id) ON DELETE CASCADE;
ALTER TABLE password_resets ADD FOREIGN KEY (unit_id, person_id) REFERENCES people (unit_id, id) ON DELETE CASCADE;
ALTER TABLE class_teachers ADD FOREIGN KEY (school_id, class_id) REFERENCES classes (school_id, id);
ALTER TABLE assignments ADD FOREIGN KEY (school_id, class_id) REFERENCES classes (school_id, id) ON DELETE CASCADE;
-- A student's class and household are in their own school: (unit_id, class_id) → classes.
ALTER TABLE people ADD FOREIGN KEY (unit_id, class_id) REFERENCES classes (school_id, id);
ALTER TABLE people ADD FOREIGN KEY (unit_id, household_id) REFERENCES households (unit_id, id);
-- To the reference table (rule 2): every unit column may point at org_units.
-- (people_unit_id_fkey, classes_school_id_fkey, households_unit_id_fkey and the coverage
-- tables' unit foreign keys stay as they are.)

-- ── Looked up by a key nobody's school is known for yet ──────────────────────────────────────
-- A session is found by its token's hash, a failed sign-in and a mistyped class code by the
-- client: each is distributed by that key, in a co-location group of its own; deleting a
-- person deletes their sessions in the application's transaction (no foreign key, rule 2).
SELECT create_distributed_table('sessions', 'token_hash', colocate_with => 'none');
SELECT create_distributed_table('sign_in_failures', 'client', colocate_with => 'none');
ALTER TABLE sign_in_failures DROP CONSTRAINT sign_in_failures_pkey, ADD PRIMARY KEY (client, id);
SELECT create_distributed_table('lookup_failures', 'client', colocate_with => 'sign_in_failures');
ALTER TABLE lookup_failures DROP CONSTRAINT lookup_failures_pkey, ADD PRIMARY KEY (client, id);
-- Kept answers are found by the browser's token before anyone signs in.
SELECT create_distributed_table('kept_answers', 'token_hash', colocate_with => 'sessions');

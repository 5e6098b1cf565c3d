-- A roster file's family label (students with the same label in one school are siblings).
ALTER TABLE households ADD COLUMN roster_label TEXT;
CREATE UNIQUE INDEX households_roster_label ON households (unit_id, roster_label)
    WHERE roster_label IS NOT NULL;

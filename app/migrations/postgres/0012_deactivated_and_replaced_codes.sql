-- A person who left (a teacher moved away, an officer retired) is deactivated, not deleted:
-- they no longer sign in and no target counts them, and their history stays for the reports
-- already closed. Reactivating brings them back as they were.
ALTER TABLE people ADD COLUMN deactivated_at BIGINT;

-- A household's last family code, once used or replaced: a second parent who types the letter's
-- code is told it was used and to ask the school for a new letter, not that it never existed.
ALTER TABLE households ADD COLUMN replaced_code TEXT;
CREATE INDEX households_replaced_code ON households (replaced_code);

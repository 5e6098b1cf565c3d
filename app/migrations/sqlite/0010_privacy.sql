-- Parents consent to the privacy notice when they sign up (Law 91/2025/QH15): when, and to
-- which version of the notice. Students' data is entered by their school under its own duty.
ALTER TABLE people ADD COLUMN consent_at INTEGER;
ALTER TABLE people ADD COLUMN consent_version TEXT;

-- The retention sweep deletes by age.
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX sign_in_failures_at ON sign_in_failures (at);
CREATE INDEX lookup_failures_at ON lookup_failures (at);

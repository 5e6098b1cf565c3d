-- A sign-in try is counted before it is looked at, as pending; a wrong one stays, no longer
-- pending, and a right or throttled one is deleted. Only pending tries counted ahead of a try
-- make it wait (domain::throttle::decide): right tries sent at once never refuse each other.
ALTER TABLE sign_in_failures ADD COLUMN pending INTEGER NOT NULL DEFAULT 0;

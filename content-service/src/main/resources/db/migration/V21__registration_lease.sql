-- Issue 12: a post registration is sent inline, before POST/PATCH /posts answers, and by the outbox
-- as the fallback. The lease of an in-flight send gets its own column so that the inline send can take a
-- registration that is backing off (engagement-service may be back) without ever taking one another
-- sender holds: one send per post at a time, so an older revision can never arrive after a newer one.
ALTER TABLE link_registration ADD COLUMN leased_until timestamptz;

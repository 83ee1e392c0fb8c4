-- An approval link approves the post as it was when the link was made: post.revision counts the changes a
-- client would see (every edit, every new submission for review) and a link keeps the revision it was made
-- for; a decision through a link of an older revision is refused (409), the post stays as it is.
ALTER TABLE post ADD COLUMN revision integer NOT NULL DEFAULT 1;
ALTER TABLE approval_link ADD COLUMN post_revision integer;
-- Links made before: bound to the posts as they are now (revision 1), so they work until the next change.
UPDATE approval_link SET post_revision = 1;
ALTER TABLE approval_link ALTER COLUMN post_revision SET NOT NULL;

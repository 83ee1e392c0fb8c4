-- Issue 16: workspaces and campaigns can be archived (and brought back). An archived workspace is left out of
-- the default workspace list and takes no new campaigns or posts; an archived campaign is left out of the
-- default campaign list and takes no posts. Nothing is deleted: reports keep reading both.
ALTER TABLE workspace ADD COLUMN archived_at timestamptz;
ALTER TABLE workspace ADD COLUMN updated_at timestamptz;
ALTER TABLE campaign ADD COLUMN archived_at timestamptz;

-- The change log of the rollups, so that every replica's in-memory summary store (summary/RollupStore) sees what
-- other replicas wrote: one row per committed transaction that changed engagement_rollup or actor_rollup, naming
-- the workspace and the UTC hours it touched. xid is the writing transaction's id: a reader keeps the xmin of its
-- last snapshot and re-reads rows with xid >= it, so transactions that commit out of order are not missed.
-- Rows are pruned after engagement.summary-cache.change-retention (RollupStore.prune); a replica that has not
-- looked for half of it reloads.
CREATE TABLE rollup_change (
    workspace_id  uuid        NOT NULL,
    min_bucket    timestamptz NOT NULL,
    max_bucket    timestamptz NOT NULL,
    xid           xid8        NOT NULL DEFAULT pg_current_xact_id(),
    at            timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX rollup_change_workspace ON rollup_change (workspace_id, xid);
CREATE INDEX rollup_change_at ON rollup_change (at);

-- Rollups off the acknowledgement path (issue 15): an ingestion batch commits its events, its dedupe keys, its
-- change-feed item and one row here holding its rollup deltas (event/RollupDeltas#encode), all in one transaction,
-- so "2xx means durable" holds for every event and every count derived from it. event/RollupQueue applies the rows
-- to engagement_rollup, actor_rollup, actor_minute, actor_comment and comment_fingerprint and deletes them in one
-- transaction (each row applied exactly once), in the background and before every read of a workspace's rollups,
-- so no report misses a batch that was acknowledged before it was asked.
CREATE TABLE rollup_pending (
    id            bigserial   PRIMARY KEY,
    workspace_id  uuid        NOT NULL,
    events        integer     NOT NULL,
    deltas        bytea       NOT NULL,
    at            timestamptz NOT NULL DEFAULT clock_timestamp()
);
-- The deltas are already compact and read once: not worth PostgreSQL's compression on the hot path.
ALTER TABLE rollup_pending ALTER COLUMN deltas SET STORAGE EXTERNAL;
CREATE INDEX rollup_pending_workspace ON rollup_pending (workspace_id, id);

-- The change feed GET /changes (change/ChangeFeed, CONTRACTS.md): one row per committed write that can change
-- touchpoints, written in that write's transaction: an ingestion batch (its distinct actor and click ids, the
-- span of its events' occurredAt), a redirect click (it is an ingestion batch of one event) and a post directory
-- change of campaign, platform or stage (post_ids = that post). Rows are served in (xid, id) order and only
-- below the reader's snapshot xmin, so a transaction that commits after a later one (out of xid order) is never
-- skipped: the cursor stays below it until it has finished.
CREATE TABLE engagement_change (
    xid           xid8        NOT NULL DEFAULT pg_current_xact_id(),
    id            bigint      GENERATED ALWAYS AS IDENTITY,
    workspace_id  uuid        NOT NULL,
    actor_ids     text[]      NOT NULL,
    click_ids     uuid[]      NOT NULL,
    post_ids      uuid[]      NOT NULL,
    from_at       timestamptz,
    to_at         timestamptz,
    at            timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (xid, id)
);
CREATE INDEX engagement_change_at ON engagement_change (at);

-- The highest position (xid, id) ever pruned: a cursor below it may have missed pruned rows (410 cursor-expired).
CREATE TABLE engagement_change_horizon (
    singleton     boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    xid           xid8        NOT NULL,
    id            bigint      NOT NULL
);
INSERT INTO engagement_change_horizon (xid, id) VALUES ('0', 0);

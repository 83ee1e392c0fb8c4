-- For the engaged-actor search of conversion-service's audiences (CONTRACTS.md): whether an actor's events
-- came from retargeting, and when it last engaged, kept per actor_rollup row.
ALTER TABLE actor_rollup ADD COLUMN n_retargeting integer NOT NULL DEFAULT 0, ADD COLUMN last_at timestamptz;
CREATE INDEX actor_rollup_actor ON actor_rollup (workspace_id, actor_id);

-- Issue 15: actor_rollup gets about one row per event, and each row cost an entry in this index too, at a random
-- place (actors in hash order). Only the identical-comment rule reads actor_rollup by actor, and only rows with
-- comments (FlaggedActors.SQL: EXISTS ... r.n_comment > 0 in the period's window), so the index keeps those
-- rows only: a few percent of the rows, the same plan for that query.
CREATE INDEX actor_rollup_commenter ON actor_rollup (workspace_id, actor_id) WHERE n_comment > 0;
DROP INDEX actor_rollup_actor;

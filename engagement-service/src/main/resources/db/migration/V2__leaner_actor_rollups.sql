-- Measured with bench/ingest-bench.sh: per-actor rows for impressions and views, an all-time per-actor row
-- updated by every batch, and a row per actor and minute made the rollups cost more than the events themselves,
-- and serialised concurrent batches on the actor rows. Now:
-- * actor_rollup keeps engaged actors only (impressions and views are reach, counted in engagement_rollup);
-- * "only ever likes" is judged from actor_rollup over the summary's period, so actor_stats goes;
-- * actor_minute keeps only minutes in which a batch brought at least two engagements of one actor.
ALTER TABLE actor_rollup DROP COLUMN n_impression, DROP COLUMN n_view;
DROP TABLE actor_stats;

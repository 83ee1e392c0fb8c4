-- Issue 12 ("one truth"): reports group by a post's CURRENT campaign, platform and funnel stage. Until V5 the writer
-- copied the post directory's campaign and stage into the rollup keys (and the raw event) at ingest time, so events
-- that arrived before their post was registered stayed under "no campaign"/"no stage" for ever, and editing a post
-- never regrouped its past events. From V6 on the rollups keep only what the event itself says: post, platform and
-- the event's own campaignId (or the nil UUID); funnel_stage is always '' (events never carry a stage). The summary
-- (SQL and the in-memory store) and the touchpoints resolve campaign, platform and stage from post_directory at query
-- time, the event's own campaign winning when present.
--
-- Existing rows cannot tell a campaign the event carried from one copied from the directory. A campaign equal to the
-- post's current directory campaign is taken as copied (resolving it at query time gives the same answer today, and
-- the right one after the next edit); any other campaign is kept as the event's own.

-- Per-actor reach: reachedActors (any counted event) and engagedActors (views count) need impression and view rows per
-- actor again (V2 dropped them); the search of engaged actors for audiences counts views too.
ALTER TABLE actor_rollup ADD COLUMN n_impression integer NOT NULL DEFAULT 0, ADD COLUMN n_view integer NOT NULL DEFAULT 0;

UPDATE engagement_event e
SET campaign_id = CASE WHEN e.campaign_id = d.campaign_id THEN NULL ELSE e.campaign_id END, funnel_stage = NULL
FROM post_directory d
WHERE d.workspace_id = e.workspace_id AND d.post_id = e.post_id
  AND (e.funnel_stage IS NOT NULL OR e.campaign_id = d.campaign_id);

CREATE TEMPORARY TABLE v6_engagement_rollup ON COMMIT DROP AS
SELECT r.workspace_id, r.bucket, r.post_key, r.platform,
       CASE WHEN r.campaign_key = d.campaign_id THEN '00000000-0000-0000-0000-000000000000'::uuid
            ELSE r.campaign_key END AS campaign_key,
       r.type, sum(r.events) AS events
FROM engagement_rollup r
LEFT JOIN post_directory d ON d.workspace_id = r.workspace_id AND d.post_id = r.post_key
GROUP BY 1, 2, 3, 4, 5, 6;
TRUNCATE engagement_rollup;
INSERT INTO engagement_rollup (workspace_id, bucket, post_key, platform, campaign_key, funnel_stage, type, events)
SELECT workspace_id, bucket, post_key, platform, campaign_key, '', type, events FROM v6_engagement_rollup;

CREATE TEMPORARY TABLE v6_actor_rollup ON COMMIT DROP AS
SELECT r.workspace_id, r.bucket, r.post_key, r.platform,
       CASE WHEN r.campaign_key = d.campaign_id THEN '00000000-0000-0000-0000-000000000000'::uuid
            ELSE r.campaign_key END AS campaign_key,
       r.actor_id, sum(r.n_like) AS n_like, sum(r.n_comment) AS n_comment, sum(r.n_share) AS n_share,
       sum(r.n_save) AS n_save, sum(r.n_click) AS n_click, sum(r.n_follow) AS n_follow, sum(r.n_dm) AS n_dm,
       sum(r.n_mention) AS n_mention, sum(r.n_retargeting) AS n_retargeting, max(r.last_at) AS last_at
FROM actor_rollup r
LEFT JOIN post_directory d ON d.workspace_id = r.workspace_id AND d.post_id = r.post_key
GROUP BY 1, 2, 3, 4, 5, 6;
TRUNCATE actor_rollup;
INSERT INTO actor_rollup (workspace_id, bucket, post_key, platform, campaign_key, funnel_stage, actor_id, n_like,
    n_comment, n_share, n_save, n_click, n_follow, n_dm, n_mention, n_retargeting, last_at)
SELECT workspace_id, bucket, post_key, platform, campaign_key, '', actor_id, n_like, n_comment, n_share, n_save,
       n_click, n_follow, n_dm, n_mention, n_retargeting, last_at
FROM v6_actor_rollup;

-- The impressions and views of each actor, from the raw events (the campaign as rewritten above).
INSERT INTO actor_rollup (workspace_id, bucket, post_key, platform, campaign_key, funnel_stage, actor_id, n_impression,
    n_view, n_retargeting, last_at)
SELECT workspace_id, date_trunc('hour', occurred_at, 'UTC'),
       coalesce(post_id, '00000000-0000-0000-0000-000000000000'::uuid), platform,
       coalesce(campaign_id, '00000000-0000-0000-0000-000000000000'::uuid), '', actor_id,
       count(*) FILTER (WHERE type = 'IMPRESSION'), count(*) FILTER (WHERE type = 'VIEW'),
       count(*) FILTER (WHERE retargeting), max(occurred_at)
FROM engagement_event
WHERE type IN ('IMPRESSION', 'VIEW')
GROUP BY 1, 2, 3, 4, 5, 6, 7
ON CONFLICT (workspace_id, bucket, post_key, platform, campaign_key, funnel_stage, actor_id) DO UPDATE
SET n_impression = actor_rollup.n_impression + excluded.n_impression, n_view = actor_rollup.n_view + excluded.n_view,
    n_retargeting = actor_rollup.n_retargeting + excluded.n_retargeting,
    last_at = greatest(actor_rollup.last_at, excluded.last_at);

-- Every in-memory summary store reloads the workspaces it holds (their rows changed under them).
INSERT INTO rollup_change (workspace_id, min_bucket, max_bucket)
SELECT workspace_id, min(bucket), max(bucket) FROM engagement_rollup GROUP BY workspace_id;

-- engagement-service schema. Every workspace table's key starts with workspace_id (Citus-ready);
-- raw events are append-only and partitioned by month; reports read the rollups below, never raw events.

-- The post directory, registered by content-service: lets the redirect and the reports work without it.
CREATE TABLE post_directory (
    workspace_id      uuid        NOT NULL,
    post_id           uuid        NOT NULL,
    campaign_id       uuid,
    platform          text        NOT NULL,
    funnel_stage      text        NOT NULL,
    link_code         text,
    link_destination  text,
    updated_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (workspace_id, post_id)
);
-- The redirect knows only the code: the one lookup that is not scoped by workspace.
CREATE UNIQUE INDEX post_directory_link_code ON post_directory (link_code) WHERE link_code IS NOT NULL;

-- Dedupe of client-chosen event ids. Kept apart from the partitioned events because a unique key of a
-- partitioned table must contain the partition key (occurred_at), and a resent event may carry another time.
CREATE TABLE event_key (
    workspace_id  uuid NOT NULL,
    event_id      text NOT NULL,
    PRIMARY KEY (workspace_id, event_id)
);

-- Raw events, append-only, one partition per month created ahead of time or on demand.
CREATE TABLE engagement_event (
    workspace_id  uuid        NOT NULL,
    event_id      text        NOT NULL,
    type          text        NOT NULL,
    platform      text        NOT NULL,
    post_id       uuid,
    campaign_id   uuid,
    funnel_stage  text,
    actor_id      text        NOT NULL,
    click_id      uuid,
    occurred_at   timestamptz NOT NULL,
    received_at   timestamptz NOT NULL DEFAULT now(),
    retargeting   boolean     NOT NULL DEFAULT false,
    attributes    jsonb
) PARTITION BY RANGE (occurred_at);
CREATE INDEX engagement_event_time ON engagement_event USING brin (occurred_at);
-- Touchpoints of one person, in time order.
CREATE INDEX engagement_event_actor ON engagement_event (workspace_id, actor_id, occurred_at);
CREATE INDEX engagement_event_click ON engagement_event (workspace_id, click_id) WHERE click_id IS NOT NULL;

-- Counts per workspace, UTC hour, post, platform, campaign, stage and type, so that days in any time zone
-- with whole-hour offsets can be summed exactly. Absent ids are the nil UUID, absent stage ''.
-- type BOT_CLICK holds redirect hits of bots, previews and prefetches: visible, never counted as clicks.
CREATE TABLE engagement_rollup (
    workspace_id  uuid        NOT NULL,
    bucket        timestamptz NOT NULL,
    post_key      uuid        NOT NULL,
    platform      text        NOT NULL,
    campaign_key  uuid        NOT NULL,
    funnel_stage  text        NOT NULL,
    type          text        NOT NULL,
    events        bigint      NOT NULL,
    PRIMARY KEY (workspace_id, bucket, post_key, platform, campaign_key, funnel_stage, type)
);

-- The same per actor, with a column per type: exact unique actors over any period and grouping, and the
-- share of engagement coming from actors that behave like bots.
CREATE TABLE actor_rollup (
    workspace_id  uuid        NOT NULL,
    bucket        timestamptz NOT NULL,
    post_key      uuid        NOT NULL,
    platform      text        NOT NULL,
    campaign_key  uuid        NOT NULL,
    funnel_stage  text        NOT NULL,
    actor_id      text        NOT NULL,
    n_impression  integer     NOT NULL DEFAULT 0,
    n_view        integer     NOT NULL DEFAULT 0,
    n_like        integer     NOT NULL DEFAULT 0,
    n_comment     integer     NOT NULL DEFAULT 0,
    n_share       integer     NOT NULL DEFAULT 0,
    n_save        integer     NOT NULL DEFAULT 0,
    n_click       integer     NOT NULL DEFAULT 0,
    n_follow      integer     NOT NULL DEFAULT 0,
    n_dm          integer     NOT NULL DEFAULT 0,
    n_mention     integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, bucket, post_key, platform, campaign_key, funnel_stage, actor_id)
);

-- Behaviour of each actor over all time: engagements per minute (bursts, inhuman rates across posts)
-- and whether it ever does anything but like.
CREATE TABLE actor_minute (
    workspace_id  uuid        NOT NULL,
    actor_id      text        NOT NULL,
    minute        timestamptz NOT NULL,
    engagements   integer     NOT NULL,
    PRIMARY KEY (workspace_id, actor_id, minute)
);
CREATE TABLE actor_stats (
    workspace_id     uuid    NOT NULL,
    actor_id         text    NOT NULL,
    engagements      bigint  NOT NULL,
    likes            bigint  NOT NULL,
    max_per_minute   integer NOT NULL,
    PRIMARY KEY (workspace_id, actor_id)
);

-- Identical comments: a fingerprint of each comment text, and how many distinct actors posted it.
CREATE TABLE actor_comment (
    workspace_id  uuid NOT NULL,
    comment_hash  text NOT NULL,
    actor_id      text NOT NULL,
    PRIMARY KEY (workspace_id, comment_hash, actor_id)
);
CREATE TABLE comment_fingerprint (
    workspace_id  uuid    NOT NULL,
    comment_hash  text    NOT NULL,
    actors        integer NOT NULL,
    PRIMARY KEY (workspace_id, comment_hash)
);

-- Redirect hits that were not human clicks (HEAD, prefetch, link previews, crawlers), kept apart.
CREATE TABLE redirect_bot_hit (
    workspace_id  uuid        NOT NULL,
    post_id       uuid        NOT NULL,
    hit_at        timestamptz NOT NULL,
    reason        text        NOT NULL,
    user_agent    text
);
CREATE INDEX redirect_bot_hit_time ON redirect_bot_hit USING brin (hit_at);
CREATE INDEX redirect_bot_hit_post ON redirect_bot_hit (workspace_id, post_id);

-- Per-workspace scoring settings; absent means the documented defaults.
CREATE TABLE engagement_settings (
    workspace_id              uuid        NOT NULL PRIMARY KEY,
    intent_weights            jsonb       NOT NULL,
    burst_per_minute          integer     NOT NULL,
    only_likes_min            integer     NOT NULL,
    identical_comment_actors  integer     NOT NULL,
    updated_at                timestamptz NOT NULL DEFAULT now()
);

-- Where conversion-service is in engagement-service's change feed (GET /changes): one row per feed, its
-- opaque cursor (NULL: from the oldest retained item). The poller that holds the advisory lock (one
-- replica at a time) reads it, re-queues the conversions the items touch and moves the cursor on, in one
-- transaction, so an item is either applied with its cursor or not at all.
CREATE TABLE change_feed_cursor (
    feed        text        PRIMARY KEY,
    cursor      text,
    updated_at  timestamptz NOT NULL
);

-- A feed item names actors, clicks or posts: the conversions holding a captured touchpoint of one of
-- them are found through these indexes (actors behind a click, edited posts).
CREATE INDEX conversion_touchpoint_actor ON conversion_touchpoint (workspace_id, actor_id);
CREATE INDEX conversion_touchpoint_post ON conversion_touchpoint (workspace_id, post_id);
-- Conversions of a click id (the feed's clickIds).
CREATE INDEX conversion_click ON conversion (workspace_id, click_id) WHERE click_id IS NOT NULL;

-- An audience's eventTypes rule; NULL is the default set (every type except IMPRESSION, as attribution's
-- default touchTypes), kept in one place in the code.
ALTER TABLE audience ADD COLUMN event_types text[];

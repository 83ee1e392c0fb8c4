-- Engagement pulled back from the platforms (issue 17): each published post with a platform id is read again on a
-- schedule. post_import is the post's place in that schedule (claimed with FOR UPDATE SKIP LOCKED and a lease, so
-- one replica reads a post at a time) and what the last read came to.
CREATE TABLE post_import (
    workspace_id uuid NOT NULL,
    post_id uuid NOT NULL,
    next_import_at timestamptz NOT NULL,
    last_imported_at timestamptz,
    last_error text,
    events_sent bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, post_id),
    FOREIGN KEY (workspace_id, post_id) REFERENCES post (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX post_import_due ON post_import (next_import_at);

-- Aggregate-only metrics a platform reports as counts without actors (reach, impressions, views, ...): the
-- platform's latest figure per post and metric, as such; never turned into events or actors.
CREATE TABLE post_metric (
    workspace_id uuid NOT NULL,
    post_id uuid NOT NULL,
    metric text NOT NULL,
    value bigint NOT NULL,
    observed_at timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, post_id, metric),
    FOREIGN KEY (workspace_id, post_id) REFERENCES post (workspace_id, id) ON DELETE CASCADE
);

-- Platform webhooks name the platform's id of a post: find ours by it.
CREATE INDEX post_remote_id ON post (platform, remote_id) WHERE remote_id IS NOT NULL;

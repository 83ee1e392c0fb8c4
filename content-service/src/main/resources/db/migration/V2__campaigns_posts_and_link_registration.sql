-- Campaigns of a workspace. The slug is fixed at creation: it is the utm_campaign of every tracked link,
-- so renaming a campaign never changes links already out in the world.
CREATE TABLE campaign (
    workspace_id     uuid        NOT NULL REFERENCES workspace (id),
    id               uuid        NOT NULL,
    name             text        NOT NULL,
    slug             text        NOT NULL,
    objective        text        NOT NULL,
    start_date       date        NOT NULL,
    end_date         date,
    budget_amount    numeric(19, 4),
    budget_currency  text,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, id),
    UNIQUE (workspace_id, slug),
    CHECK (end_date IS NULL OR end_date >= start_date),
    CHECK (budget_amount IS NULL OR budget_amount >= 0)
);
CREATE INDEX campaign_created ON campaign (workspace_id, created_at, id);

-- Posts. scheduled_at is always an instant; the local date-time it came from is kept for display.
CREATE TABLE post (
    workspace_id      uuid        NOT NULL REFERENCES workspace (id),
    id                uuid        NOT NULL,
    campaign_id       uuid,
    platform          text        NOT NULL,
    funnel_stage      text        NOT NULL,
    caption           text,
    media_urls        jsonb       NOT NULL DEFAULT '[]',
    call_to_action    text,
    landing_url       text,
    scheduled_at      timestamptz,
    status            text        NOT NULL,
    link_code         text,
    link_destination  text,
    publish_attempts  integer     NOT NULL DEFAULT 0,
    next_attempt_at   timestamptz,
    delivery_id       uuid,
    failure_reason    text,
    published_at      timestamptz,
    created_by        text        NOT NULL,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, campaign_id) REFERENCES campaign (workspace_id, id)
);
CREATE UNIQUE INDEX post_link_code ON post (link_code) WHERE link_code IS NOT NULL;
CREATE INDEX post_created ON post (workspace_id, created_at, id);
CREATE INDEX post_scheduled ON post (workspace_id, scheduled_at);
-- The publisher's queue: due posts across workspaces (the one query that is not per workspace).
CREATE INDEX post_due ON post (next_attempt_at) WHERE status IN ('SCHEDULED', 'PUBLISHING');

-- Who did what to a post, and when.
CREATE TABLE post_history (
    workspace_id  uuid        NOT NULL,
    post_id       uuid        NOT NULL,
    seq           bigserial   NOT NULL,
    action        text        NOT NULL,
    actor         text        NOT NULL,
    from_status   text,
    to_status     text,
    comment       text,
    at            timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, post_id, seq),
    FOREIGN KEY (workspace_id, post_id) REFERENCES post (workspace_id, id)
);

-- Transactional outbox of post-directory registrations with engagement-service: one row per post holding
-- the latest state to send; revision changes with every new registration so a delivery of an older one
-- never marks a newer one as done.
CREATE TABLE link_registration (
    workspace_id     uuid        NOT NULL,
    post_id          uuid        NOT NULL,
    revision         bigint      NOT NULL,
    payload          text        NOT NULL,
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    last_error       text,
    delivered_at     timestamptz,
    PRIMARY KEY (workspace_id, post_id),
    FOREIGN KEY (workspace_id, post_id) REFERENCES post (workspace_id, id)
);
CREATE INDEX link_registration_pending ON link_registration (next_attempt_at) WHERE delivered_at IS NULL;

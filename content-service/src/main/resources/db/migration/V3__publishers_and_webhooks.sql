-- How a workspace publishes to each platform. The secret signs every delivery (HMAC-SHA256), so it is kept
-- as given; it is never shown again by the API.
CREATE TABLE publisher (
    workspace_id  uuid        NOT NULL REFERENCES workspace (id),
    platform      text        NOT NULL,
    type          text        NOT NULL,
    url           text        NOT NULL,
    secret        text        NOT NULL,
    updated_at    timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, platform)
);

-- A workspace's subscription to lifecycle events (post.approved, post.published, post.failed).
CREATE TABLE webhook_subscription (
    workspace_id  uuid        NOT NULL REFERENCES workspace (id),
    url           text        NOT NULL,
    secret        text        NOT NULL,
    events        jsonb       NOT NULL,
    updated_at    timestamptz NOT NULL,
    PRIMARY KEY (workspace_id)
);

-- Outbox of lifecycle webhooks: written in the transaction of the move, sent after it, retried with backoff.
-- id is the X-Suite-Delivery id; payload is the exact body sent on every attempt.
CREATE TABLE webhook_delivery (
    workspace_id     uuid        NOT NULL REFERENCES workspace (id),
    id               uuid        NOT NULL,
    event            text        NOT NULL,
    post_id          uuid        NOT NULL,
    payload          text        NOT NULL,
    status           text        NOT NULL,
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz,
    last_error       text,
    created_at       timestamptz NOT NULL,
    delivered_at     timestamptz,
    PRIMARY KEY (workspace_id, id)
);
CREATE INDEX webhook_delivery_pending ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';

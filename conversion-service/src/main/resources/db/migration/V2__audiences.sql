-- Retargeting audiences: rules over engagement (members are computed from engagement-service on read).
CREATE TABLE audience (
    workspace_id         uuid        NOT NULL,
    id                   uuid        NOT NULL,
    name                 text        NOT NULL,
    engaged_within_days  integer     NOT NULL CHECK (engaged_within_days > 0),
    campaign_id          uuid,
    funnel_stages        text[]      NOT NULL DEFAULT '{}',
    min_intent           numeric(5, 2),
    exclude_converted    boolean     NOT NULL,
    created_at           timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, id)
);
CREATE INDEX conversion_actor_ids ON conversion USING gin (actor_ids);

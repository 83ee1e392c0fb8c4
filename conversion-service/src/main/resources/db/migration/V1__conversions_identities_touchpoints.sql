-- Conversions as received. value_* is what the client sent; amount is that value in the workspace
-- currency (converted with the workspace's exchange rate of the conversion's local day).
CREATE TABLE conversion (
    workspace_id     uuid        NOT NULL,
    id               uuid        NOT NULL,
    event_id         text        NOT NULL,
    type             text        NOT NULL,
    value_amount     numeric(19, 4),
    value_currency   text,
    amount           numeric(19, 4) NOT NULL,
    currency         text        NOT NULL,
    occurred_at      timestamptz NOT NULL,
    customer_id      text,
    click_id         text,
    actor_ids        text[]      NOT NULL DEFAULT '{}',
    email_sha256     text,
    -- PENDING until the touchpoints before it were copied from engagement-service, then CAPTURED.
    capture_state    text        NOT NULL DEFAULT 'PENDING',
    -- Bumped whenever the conversion must be captured again (new identities), so a capture that read
    -- older identities never overwrites a newer request.
    capture_version  integer     NOT NULL DEFAULT 0,
    captured_at      timestamptz,
    created_at       timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, id),
    CONSTRAINT conversion_event_unique UNIQUE (workspace_id, event_id)
);
CREATE INDEX conversion_occurred ON conversion (workspace_id, occurred_at);
CREATE INDEX conversion_customer ON conversion (workspace_id, customer_id, occurred_at);
CREATE INDEX conversion_pending ON conversion (workspace_id, occurred_at) WHERE capture_state = 'PENDING';

-- How much one unit of a foreign currency is worth in the workspace currency on one local day.
CREATE TABLE exchange_rate (
    workspace_id  uuid           NOT NULL,
    currency      text           NOT NULL,
    rate_date     date           NOT NULL,
    rate          numeric(24, 10) NOT NULL CHECK (rate > 0),
    updated_at    timestamptz    NOT NULL,
    PRIMARY KEY (workspace_id, currency, rate_date)
);

-- Identities tie a platform actor (kind ACTOR) or a click id (kind CLICK) to one customer.
CREATE TABLE identity_link (
    workspace_id  uuid        NOT NULL,
    kind          text        NOT NULL,
    ref           text        NOT NULL,
    customer_id   text        NOT NULL,
    platform      text,
    created_at    timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, kind, ref)
);
CREATE INDEX identity_link_customer ON identity_link (workspace_id, customer_id);

-- The touchpoints of one conversion, copied once from engagement-service (the maximum lookback window
-- before it, every type), so attribution reports never call engagement-service at read time.
CREATE TABLE conversion_touchpoint (
    workspace_id   uuid        NOT NULL,
    conversion_id  uuid        NOT NULL,
    event_id       text        NOT NULL,
    type           text        NOT NULL,
    platform       text,
    post_id        uuid,
    campaign_id    uuid,
    funnel_stage   text,
    actor_id       text,
    click_id       text,
    occurred_at    timestamptz NOT NULL,
    retargeting    boolean     NOT NULL DEFAULT false,
    PRIMARY KEY (workspace_id, conversion_id, event_id),
    FOREIGN KEY (workspace_id, conversion_id) REFERENCES conversion (workspace_id, id) ON DELETE CASCADE
);

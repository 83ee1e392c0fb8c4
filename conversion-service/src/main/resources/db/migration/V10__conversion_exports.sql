-- Conversions out to the ad platforms (issue 18, "Out"): per workspace and platform one destination, its access
-- token sealed under the deployment key like the connector secrets (SecretBox, AES-256-GCM, bound to the row by the
-- context 'export/<workspace>/<platform>'); token_hint is what the API shows (the last four characters).
CREATE TABLE export_destination (
    workspace_id      uuid        NOT NULL,
    platform          text        NOT NULL,
    -- The platform's own fields (pixel or dataset id, account and conversion action ids, rule URN), as JSON.
    settings          jsonb       NOT NULL,
    -- Conversion types to send; empty = every type.
    conversion_types  text[]      NOT NULL DEFAULT '{}',
    token             text        NOT NULL,
    token_key_id      text        NOT NULL,
    token_hint        text        NOT NULL,
    -- ACTIVE, or NEEDS_RECONNECT after the platform refused the token (nothing is sent until it is configured again).
    status            text        NOT NULL,
    status_reason     text,
    -- One replica sends for a destination at a time: it holds the lease until it is done (or the lease runs out).
    lease_until       timestamptz,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, platform)
);

-- One row per (workspace, platform, conversion): the conversion is sent once, whatever happens. status PENDING
-- (queued), RETRYING (a transient failure; next_attempt_at says when), SENT (acknowledged: never sent again),
-- REJECTED (the platform refused it for good, reason says why), FAILED (retries exhausted), SKIPPED (older than the
-- platform accepts, or nothing the platform could match it by).
CREATE TABLE export_delivery (
    workspace_id     uuid        NOT NULL,
    platform         text        NOT NULL,
    conversion_id    uuid        NOT NULL,
    event_id         text        NOT NULL,
    status           text        NOT NULL,
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz,
    last_attempt_at  timestamptz,
    sent_at          timestamptz,
    reason           text,
    response         text,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, platform, conversion_id),
    FOREIGN KEY (workspace_id, conversion_id) REFERENCES conversion (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX export_delivery_due ON export_delivery (workspace_id, platform, next_attempt_at)
    WHERE status IN ('PENDING', 'RETRYING');
CREATE INDEX export_delivery_log ON export_delivery (workspace_id, platform, created_at, conversion_id);

-- Conversions recorded late (after their destination was configured) are found by the time they were recorded.
CREATE INDEX conversion_created ON conversion (workspace_id, created_at);


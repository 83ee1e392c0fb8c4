-- Money spent for a workspace. Amounts are kept in the workspace's currency (checked on the way in).
CREATE TABLE cost (
    workspace_id  uuid          NOT NULL,
    id            uuid          NOT NULL,
    category      text          NOT NULL,
    amount        numeric(19,4) NOT NULL CHECK (amount >= 0),
    currency      text          NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    incurred_on   date          NOT NULL,
    campaign_id   uuid,
    post_id       uuid,
    platform      text,
    note          text,
    created_at    timestamptz   NOT NULL,
    PRIMARY KEY (workspace_id, id)
);
-- Reports sum a period; lists page through it in (incurred_on, id) order.
CREATE INDEX cost_period ON cost (workspace_id, incurred_on, id);

-- How handled engagement becomes community-management cost, one row per workspace.
CREATE TABLE workspace_settings (
    workspace_id         uuid          PRIMARY KEY,
    hourly_rate          numeric(19,4) NOT NULL CHECK (hourly_rate >= 0),
    currency             text          NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    minutes_per_comment  numeric(9,2)  NOT NULL CHECK (minutes_per_comment >= 0),
    minutes_per_dm       numeric(9,2)  NOT NULL CHECK (minutes_per_dm >= 0),
    updated_at           timestamptz   NOT NULL
);

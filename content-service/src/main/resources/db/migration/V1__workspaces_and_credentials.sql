CREATE TABLE workspace (
    id          uuid PRIMARY KEY,
    name        text        NOT NULL,
    time_zone   text        NOT NULL,
    currency    text        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    created_at  timestamptz NOT NULL
);

-- Client credentials of one workspace. Only a SHA-256 of the (256-bit random) secret is kept.
CREATE TABLE credential (
    client_id     text PRIMARY KEY,
    workspace_id  uuid        NOT NULL REFERENCES workspace (id),
    name          text        NOT NULL,
    secret_hash   text        NOT NULL,
    scopes        text        NOT NULL,
    created_at    timestamptz NOT NULL,
    revoked_at    timestamptz
);
CREATE INDEX credential_workspace ON credential (workspace_id);

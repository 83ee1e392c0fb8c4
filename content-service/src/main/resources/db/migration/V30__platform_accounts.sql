-- Platform accounts connected through OAuth 2.0 (issue 17): one per workspace and platform. Tokens are sealed under
-- the deployment key (SecretBox, AES-256-GCM, context 'account/<workspace>/<platform>'), never stored in clear.
-- status: CONNECTED, or RECONNECT once the platform refused the tokens (revoked, expired without a refresh token,
-- refresh refused); reason says why.
CREATE TABLE platform_account (
    workspace_id       uuid        NOT NULL,
    platform           text        NOT NULL,
    status             text        NOT NULL,
    reason             text,
    access_token       text        NOT NULL,
    refresh_token      text,
    token_key_id       text        NOT NULL,
    scopes             text,
    expires_at         timestamptz,
    refresh_attempt_at timestamptz,
    connected_by       text        NOT NULL,
    connected_at       timestamptz NOT NULL,
    refreshed_at       timestamptz,
    updated_at         timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, platform)
);
CREATE INDEX platform_account_expiring ON platform_account (expires_at) WHERE status = 'CONNECTED';

-- An authorization in progress: its state is known only by its SHA-256 here, bound to the workspace, the platform
-- and the caller who started it; the PKCE verifier sealed; usable once, until expires_at.
CREATE TABLE oauth_authorization (
    state_sha256   text        PRIMARY KEY,
    workspace_id   uuid        NOT NULL,
    platform       text        NOT NULL,
    subject        text        NOT NULL,
    verifier       text,
    verifier_key_id text,
    created_at     timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL,
    completed_at   timestamptz
);
CREATE INDEX oauth_authorization_expiry ON oauth_authorization (expires_at);

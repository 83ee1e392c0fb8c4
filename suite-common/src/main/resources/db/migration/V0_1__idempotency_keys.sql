-- Shared by every service (shipped in suite-common): responses remembered per Idempotency-Key.
-- scope is the workspace id of the request path ('agency' outside workspaces); owner the token subject.
CREATE TABLE IF NOT EXISTS idempotency_key (
    scope         text        NOT NULL,
    owner         text        NOT NULL,
    idem_key      text        NOT NULL,
    request_hash  text        NOT NULL,
    status        integer,
    content_type  text,
    location      text,
    body          bytea,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, owner, idem_key)
);
CREATE INDEX IF NOT EXISTS idempotency_key_created ON idempotency_key (created_at);

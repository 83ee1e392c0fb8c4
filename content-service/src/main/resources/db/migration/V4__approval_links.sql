-- Links a client opens without an account to approve or reject one post. Only a SHA-256 of the (256-bit
-- random) token is kept; a link is used at most once (used_at) and not after expires_at.
CREATE TABLE approval_link (
    workspace_id  uuid        NOT NULL REFERENCES workspace (id),
    id            uuid        NOT NULL,
    post_id       uuid        NOT NULL,
    token_hash    text        NOT NULL UNIQUE,
    created_by    text        NOT NULL,
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,
    used_at       timestamptz,
    decision      text,
    comment       text,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, post_id) REFERENCES post (workspace_id, id)
);

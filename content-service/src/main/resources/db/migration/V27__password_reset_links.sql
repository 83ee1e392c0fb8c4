-- One-time password reset links (issue 16): an admin makes one for a user and hands the link over (no e-mail
-- server is assumed). Only a SHA-256 of the link's 256-bit token is kept. A link works once, until expires_at;
-- making a new one for the user ends the previous one (superseded_at), as does a reset with any of them.
CREATE TABLE password_reset (
    id             uuid PRIMARY KEY,
    user_id        uuid        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    token_hash     text        NOT NULL UNIQUE,
    created_by     text        NOT NULL,
    created_at     timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL,
    used_at        timestamptz,
    superseded_at  timestamptz
);
CREATE INDEX password_reset_user ON password_reset (user_id);

-- Request limits shared by every replica of the service (suite-common RateLimiter, a GCRA token bucket):
-- one row per policy and caller (a SHA-256 of both, so rows are of fixed size whatever the caller sends),
-- holding the bucket's theoretical arrival time. A row whose time has passed is a full bucket and is deleted
-- every minute, so the table holds only callers active in the last burst window. Unlogged: a crash forgets
-- the counts, which only refills the buckets.
CREATE UNLOGGED TABLE IF NOT EXISTS rate_limit (
    bucket_key  bytea       PRIMARY KEY,
    tat         timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS rate_limit_tat ON rate_limit (tat);

-- Revoked tokens (issue 13): a signed-out token by its jti ('token'), or every token of a subject issued
-- up to revoked_at ('subject': a revoked credential, a deactivated user). Every service reads the rows
-- still in force (GET /auth/revocations) every few seconds; a row is dropped once every token it can
-- concern has expired (keep_until), so the list stays as small as the tokens it names.
CREATE TABLE token_revocation (
    kind        text        NOT NULL CHECK (kind IN ('token', 'subject')),
    value       text        NOT NULL,
    revoked_at  timestamptz NOT NULL,
    keep_until  timestamptz NOT NULL,
    PRIMARY KEY (kind, value)
);
CREATE INDEX token_revocation_keep_until ON token_revocation (keep_until);

-- A deactivated user cannot sign in, and the tokens it holds are revoked.
ALTER TABLE app_user ADD COLUMN deactivated_at timestamptz;

-- Failure counts are now kept under hashed keys (per address, per account and address); the old
-- per-email keys are simply forgotten.
DELETE FROM login_throttle;

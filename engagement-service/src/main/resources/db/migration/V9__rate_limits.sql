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

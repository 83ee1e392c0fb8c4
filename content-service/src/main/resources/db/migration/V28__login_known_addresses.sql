-- Addresses an account signed in from (issue 13): SHA-256 of (account, client address), kept for
-- suite.login.known-address-for. When failed sign-ins of one account from many addresses pass
-- suite.login.max-failures-per-account-everywhere, the account is locked for every address but these, so a
-- guessing attack spread over a botnet stops and the owner still signs in from where they always do.
CREATE TABLE login_known_address (
    known_key       char(64)    PRIMARY KEY,
    last_success_at timestamptz NOT NULL
);
CREATE INDEX login_known_address_age ON login_known_address (last_success_at);

-- The redirect's visitor key (issue 13, redirect/VisitorIds): signs the visitor cookie and derives each workspace's
-- own visitor id from it, so a client can neither pick another visitor's id nor follow one browser across
-- workspaces. One row, created by the first replica that needs it and then shared by every replica.
CREATE TABLE redirect_visitor_key (
    id      smallint    PRIMARY KEY CHECK (id = 1),
    secret  bytea       NOT NULL CHECK (length(secret) >= 32),
    created timestamptz NOT NULL DEFAULT now()
);

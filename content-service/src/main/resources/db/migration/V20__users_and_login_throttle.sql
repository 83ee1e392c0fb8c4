-- Team members of the agency who sign in to the dashboard. Users belong to the agency, not to one
-- workspace; the workspaces a manager or client viewer may see are listed in user_workspace.
CREATE TABLE app_user (
    id             uuid PRIMARY KEY,
    email          text        NOT NULL,
    name           text        NOT NULL,
    password_hash  text        NOT NULL,
    role           text        NOT NULL CHECK (role IN ('ADMIN', 'MANAGER', 'CLIENT_VIEWER')),
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL
);
-- Emails are compared without regard to case.
CREATE UNIQUE INDEX app_user_email ON app_user (lower(email));

CREATE TABLE user_workspace (
    workspace_id  uuid NOT NULL REFERENCES workspace (id),
    user_id       uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    PRIMARY KEY (workspace_id, user_id)
);
CREATE INDEX user_workspace_user ON user_workspace (user_id);

-- Failed sign-ins per email and per client address, shared by every replica of the service.
CREATE TABLE login_throttle (
    throttle_key     text PRIMARY KEY,
    failures         integer     NOT NULL,
    last_failure_at  timestamptz NOT NULL,
    locked_until     timestamptz
);

-- Platform webhooks set up per publisher (issue 17): a TELEGRAM publisher's bot is given, with setWebhook, the URL
-- <public base>/hooks/telegram/<publisher.public_id> (V36: the id that names a publisher in the URLs platforms call)
-- and a random secret_token Telegram sends back in X-Telegram-Bot-Api-Secret-Token; secret is that token sealed under
-- the deployment key like the publisher's own secret (StoredSecrets, context publisher-hook/<workspace>/<platform>);
-- error what the platform answered when setWebhook was refused, null once it was set.
CREATE TABLE publisher_hook (
    workspace_id uuid NOT NULL,
    platform text NOT NULL,
    secret text NOT NULL,
    secret_key_id text,
    error text,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, platform),
    FOREIGN KEY (workspace_id, platform) REFERENCES publisher (workspace_id, platform) ON DELETE CASCADE
);

-- The messaging publishers (issue 17: EMAIL_SMTP, SMS_API, WHATSAPP_API) broadcast a post to the workspace's
-- opted-in list of its platform: one row per address (an e-mail address for EMAIL, an E.164 number for SMS and
-- WHATSAPP), replaced by PUT /workspaces/{ws}/publishers/{platform}/recipients. unsubscribed_at is set by the
-- one-click unsubscribe link of an e-mail (POST /unsubscribe/{token}) or when the platform says the recipient opted
-- out (Twilio 21610); such a row is kept (so a later PUT cannot resubscribe it silently) and never sent to.
CREATE TABLE recipient (
    workspace_id    uuid        NOT NULL,
    platform        text        NOT NULL,
    address         text        NOT NULL,
    consented_at    timestamptz,
    unsubscribed_at timestamptz,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, platform, address)
);

-- What a broadcast post did for each recipient, recorded right after each send, so a retry of the post sends only to
-- the recipients not yet sent (sent_at null) nor refused (refused_at null): never twice. failure is the last reason
-- (transient or, with refused_at, permanent); remote_id the platform's id of the message.
CREATE TABLE post_recipient_delivery (
    workspace_id uuid        NOT NULL,
    post_id      uuid        NOT NULL,
    address      text        NOT NULL,
    sent_at      timestamptz,
    remote_id    text,
    failure      text,
    refused_at   timestamptz,
    attempts     int         NOT NULL DEFAULT 0,
    updated_at   timestamptz NOT NULL,
    PRIMARY KEY (post_id, address)
);
CREATE INDEX post_recipient_delivery_workspace ON post_recipient_delivery (workspace_id, post_id);

-- The messaging publishers' settings that are not secret and not the target (EMAIL_SMTP: smtpHost, smtpPort,
-- smtpUsername, startTls; SMS_API: accountSid; WHATSAPP_API: templateLanguage), as a JSON object.
ALTER TABLE publisher ADD COLUMN settings text;

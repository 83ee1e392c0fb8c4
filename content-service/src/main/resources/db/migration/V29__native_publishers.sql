-- Native publishers (issue 17, first slice): TELEGRAM keeps its bot token sealed in secret and the chat in
-- chat_id; DISCORD keeps its webhook URL (which carries the webhook's token) sealed in secret; QUORA_ASSISTED
-- has no URL and no secret. url stays the WEBHOOK type's receiver. reconnect_reason is set when the platform
-- refused the credentials (revoked token, bot removed, webhook deleted) and cleared by the next PUT.
ALTER TABLE publisher ALTER COLUMN url DROP NOT NULL;
ALTER TABLE publisher ALTER COLUMN secret DROP NOT NULL;
ALTER TABLE publisher ADD COLUMN chat_id text;
ALTER TABLE publisher ADD COLUMN reconnect_reason text;

-- What the platform answered for a published post: its own id of the post and where it can be seen.
ALTER TABLE post ADD COLUMN remote_id text;
ALTER TABLE post ADD COLUMN permalink text;

-- Fields some platforms need besides caption and media: {"title", "board", "subreddit", "template"}; null when none.
ALTER TABLE post ADD COLUMN platform_options jsonb;

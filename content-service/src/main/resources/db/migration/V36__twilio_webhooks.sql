-- Twilio's webhooks for SMS_API publishers (issue 17). A publisher gets a public id that names it in the URLs Twilio
-- calls (/hooks/twilio/<public_id>/status and /messages): it survives reconfiguring the publisher (PUT updates the
-- row), so the URLs configured in Twilio keep working; existing rows get one now.
ALTER TABLE publisher ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid();
CREATE UNIQUE INDEX publisher_public_id ON publisher (public_id);

-- The delivery status of each message an SMS_API publisher sent, as Twilio's status callbacks report it, by Twilio's
-- Message SID (post_recipient_delivery.remote_id names the post and the recipient; a callback may arrive before the
-- send is recorded there, so the status is kept by SID alone). status_rank orders Twilio's statuses (queued 1,
-- sending 2, sent 3, delivered / undelivered / failed / canceled 4, read 5): a callback only ever raises it, so
-- callbacks arriving out of order never move a message back (delivered never becomes sent) and a redelivered one
-- changes nothing. error_code is Twilio's ErrorCode of an undelivered or failed message.
CREATE TABLE sms_message_status (
    message_sid  text        PRIMARY KEY,
    workspace_id uuid        NOT NULL,
    status       text        NOT NULL,
    status_rank  int         NOT NULL,
    error_code   int,
    recipient    text,
    updated_at   timestamptz NOT NULL
);

-- A post's delivery counts join its recipients' messages by SID.
CREATE INDEX post_recipient_delivery_remote_id ON post_recipient_delivery (remote_id) WHERE remote_id IS NOT NULL;

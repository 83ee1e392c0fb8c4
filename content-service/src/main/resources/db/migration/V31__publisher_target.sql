-- Native publishers whose destination is not the connected account itself (a Facebook Page, an Instagram
-- professional account, a LinkedIn organization, a WhatsApp phone number, a sender address) keep it here;
-- null for the others (chat_id stays TELEGRAM's).
ALTER TABLE publisher ADD COLUMN target text;

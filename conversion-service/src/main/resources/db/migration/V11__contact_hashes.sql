-- The hashed identifiers ad platforms match on, besides email_sha256 (trimmed lower-case address):
-- email_google_sha256 after Google's gmail/googlemail rule (dots before the @ removed), phone_sha256 of the
-- E.164 number with its +, phone_digits_sha256 of its digits alone (Meta). Nothing unhashed is stored.
ALTER TABLE conversion ADD COLUMN email_google_sha256 text;
ALTER TABLE conversion ADD COLUMN phone_sha256 text;
ALTER TABLE conversion ADD COLUMN phone_digits_sha256 text;

-- How to reach a customer as an identity stated it (POST /identities with email or phone), hashed the same way.
-- A customer's identifier in an export is the one stated last, here or with a conversion (occurred_at).
CREATE TABLE customer_contact (
    workspace_id         uuid        NOT NULL,
    customer_id          text        NOT NULL,
    email_sha256         text,
    email_google_sha256  text,
    phone_sha256         text,
    phone_digits_sha256  text,
    stated_at            timestamptz NOT NULL,
    CHECK (email_sha256 IS NOT NULL OR phone_sha256 IS NOT NULL)
);
CREATE UNIQUE INDEX customer_contact_unique
    ON customer_contact (workspace_id, customer_id, coalesce(email_sha256, ''), coalesce(phone_sha256, ''));

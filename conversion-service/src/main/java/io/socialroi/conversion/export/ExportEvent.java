package io.socialroi.conversion.export;

import io.socialroi.conversion.conversion.ContactHashes;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One conversion as it is sent: its event id (the platforms' dedupe id), type, value net of refunds in the currency it
 * was recorded in (null without value), time, customer id and the hashed e-mail and phone in each platform's form
 * (the conversion's own, each missing one taken from what the customer stated last, {@code identity/Contacts}).
 * {@code attempts} counts the sends tried before this one.
 */
public record ExportEvent(UUID conversionId, String eventId, String type, BigDecimal value, String currency,
        Instant occurredAt, String customerId, ContactHashes contact, int attempts) {

    public String emailSha256() {
        return contact.email();
    }

    /** Google's form of the e-mail hash; rows from before it was stored have only the plain one. */
    public String emailGoogleSha256() {
        return contact.emailGoogle() != null ? contact.emailGoogle() : contact.email();
    }

    /** SHA-256 of the E.164 number with its {@code +} (Google, TikTok). */
    public String phoneSha256() {
        return contact.phone();
    }

    /** SHA-256 of the number's digits with the country code, no {@code +} (Meta). */
    public String phoneDigitsSha256() {
        return contact.phoneDigits();
    }

    ExportEvent withContact(ContactHashes more) {
        return new ExportEvent(conversionId, eventId, type, value, currency, occurredAt, customerId, contact.or(more),
                attempts);
    }
}

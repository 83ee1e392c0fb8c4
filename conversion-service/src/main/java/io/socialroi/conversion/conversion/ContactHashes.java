package io.socialroi.conversion.conversion;

/**
 * The hashed identifiers of one person, in each form the ad platforms match on; nothing unhashed is kept.
 * {@code email}: SHA-256 of the trimmed lower-case address (Meta, TikTok, LinkedIn; the suite's customer key);
 * {@code emailGoogle}: the same after Google's rule for gmail.com and googlemail.com addresses (dots before the
 * {@code @} removed), equal to {@code email} for every other domain; {@code phone}: SHA-256 of E.164 with its
 * {@code +} (Google, TikTok); {@code phoneDigits}: of the digits without it (Meta). Any may be null.
 */
public record ContactHashes(String email, String emailGoogle, String phone, String phoneDigits) {

    public static final ContactHashes NONE = new ContactHashes(null, null, null, null);

    /** From a plain e-mail address and an E.164 number, either null. */
    public static ContactHashes of(String email, String e164) {
        return new ContactHashes(email == null ? null : Emails.hash(email),
                email == null ? null : Emails.googleHash(email),
                e164 == null ? null : Phones.hash(e164), e164 == null ? null : Phones.digitsHash(e164));
    }

    public boolean empty() {
        return email == null && phone == null;
    }

    /** This person's identifiers, each one missing here taken from {@code other}. */
    public ContactHashes or(ContactHashes other) {
        return new ContactHashes(email != null ? email : other.email,
                email != null ? emailGoogle : other.emailGoogle,
                phone != null ? phone : other.phone, phone != null ? phoneDigits : other.phoneDigits);
    }
}

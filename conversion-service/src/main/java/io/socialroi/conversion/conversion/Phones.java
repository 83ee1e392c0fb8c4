package io.socialroi.conversion.conversion;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Phone numbers in E.164, the one form every ad platform hashes: {@code +}, the country code and the national
 * number, 8 to 15 digits in all, no spaces or punctuation. A number without its country code (no {@code +} or
 * {@code 00} in front) cannot be told apart between countries, so it is refused rather than guessed.
 */
public final class Phones {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
    /** What people write between digits: spaces, dashes, dots, slashes and brackets. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-./()\\[\\]]");

    private Phones() {
    }

    /** The number in E.164 ({@code +14155550100}), or empty when it is not an international number. */
    public static Optional<String> e164(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String compact = SEPARATORS.matcher(raw.strip()).replaceAll("");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        }
        return E164.matcher(compact).matches() ? Optional.of(compact) : Optional.empty();
    }

    /** SHA-256 of the E.164 form with its {@code +} (Google Customer Match and Data Manager, TikTok). */
    public static String hash(String e164) {
        return Emails.sha256(e164);
    }

    /**
     * SHA-256 of the E.164 digits without the {@code +} (Meta: "digits only, with the country code, no symbols").
     */
    public static String digitsHash(String e164) {
        return Emails.sha256(e164.substring(1));
    }
}

package io.socialroi.content.recipient;

import io.socialroi.content.post.Platform;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The address formats of the recipients' platforms. WHATSAPP and SMS: E.164, a {@code +}, the country code and the
 * number, 8 to 15 digits in all (Twilio's {@code To}, the WhatsApp Cloud API's {@code to}). EMAIL: an addr-spec
 * (RFC 5321/5322) of the common form, local part and domain, at most 254 characters, with no white space, quotes
 * or brackets that could change a mail header; the domain is lower-cased so one address is stored once.
 */
public final class Addresses {

    public static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{7,14}");
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private Addresses() {
    }

    /** The platforms that have recipient lists. */
    public static boolean hasRecipients(Platform platform) {
        return platform == Platform.EMAIL || platform == Platform.SMS || platform == Platform.WHATSAPP;
    }

    /** The address as stored, or null when it is not one of the platform's. */
    public static String normalized(Platform platform, String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (platform == Platform.EMAIL) {
            if (v.length() > 254 || !EMAIL.matcher(v).matches() || v.startsWith(".") || v.contains("..")
                    || v.contains(".@")) {
                return null;
            }
            int at = v.lastIndexOf('@');
            return v.substring(0, at) + "@" + v.substring(at + 1).toLowerCase(Locale.ROOT);
        }
        return E164.matcher(v).matches() ? v : null;
    }

    public static String format(Platform platform) {
        return platform == Platform.EMAIL ? "an e-mail address (name@example.com)"
                : "an E.164 phone number (+ and 8 to 15 digits, e.g. +393471234567)";
    }
}

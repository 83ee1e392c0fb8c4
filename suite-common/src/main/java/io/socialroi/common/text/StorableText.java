package io.socialroi.common.text;

/**
 * The one rule for text a service stores or searches for (names, captions, ids, query parameters): no control
 * characters other than tab, line feed and carriage return (NUL above all, which PostgreSQL text and jsonb cannot
 * hold), no DEL, and valid UTF-16 (no unpaired surrogate: a JSON escape such as {@code \ud800} encodes no character
 * and UTF-8 would turn it into '?'). Lengths are bounded per field ({@code @Size}) and, for every JSON string, by
 * {@link io.socialroi.common.json.StrictJson#MAX_STRING_LENGTH}.
 */
public final class StorableText {

    public static final String MESSAGE = "must not contain control characters or unpaired surrogates";

    private StorableText() {
    }

    /** True for null and for text that follows the rule. */
    public static boolean storable(String text) {
        return text == null || firstProblem(text) < 0;
    }

    /** The index of the first character that breaks the rule, or -1. */
    public static int firstProblem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return i;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}

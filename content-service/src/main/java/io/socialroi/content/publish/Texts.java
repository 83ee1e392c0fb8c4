package io.socialroi.content.publish;

/** What the platforms answer, read for a failure reason: kept short, parsed leniently. */
final class Texts {

    private Texts() {
    }

    static String shorten(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "...";
    }

    /** A platform's JSON answer, or an empty object when there is none or it is not JSON. */
    static com.fasterxml.jackson.databind.JsonNode json(com.fasterxml.jackson.databind.ObjectMapper mapper,
            String body) {
        try {
            return body == null || body.isBlank() ? mapper.createObjectNode() : mapper.readTree(body);
        } catch (java.io.IOException e) {
            return mapper.createObjectNode();
        }
    }

    /** A {@code Retry-After} of delta-seconds as a duration; null when absent or in another form. */
    static java.time.Duration seconds(String retryAfter) {
        return retryAfter != null && retryAfter.trim().matches("\\d{1,6}")
                ? java.time.Duration.ofSeconds(Long.parseLong(retryAfter.trim())) : null;
    }
}

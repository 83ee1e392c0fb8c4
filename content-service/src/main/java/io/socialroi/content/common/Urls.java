package io.socialroi.content.common;

import io.socialroi.common.problem.FieldError;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/** Checks for the absolute http(s) URLs the API accepts (landing pages, media, webhook receivers). */
public final class Urls {

    private Urls() {
    }

    /** Adds a field error unless {@code value} is null or an absolute http or https URL with a host. */
    public static void check(String field, String value, List<FieldError> errors) {
        if (value != null && !isHttp(value)) {
            errors.add(new FieldError(field, "must be an absolute http or https URL"));
        }
    }

    public static boolean isHttp(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}

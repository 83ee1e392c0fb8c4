package io.socialroi.conversion.connector;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Reads one query parameter of a landing URL or path, as the redirect appended it; null when absent. */
final class Urls {

    private Urls() {
    }

    static String queryParameter(String url, String name) {
        if (url == null) {
            return null;
        }
        int query = url.indexOf('?');
        if (query < 0) {
            return null;
        }
        int end = url.indexOf('#', query);
        for (String pair : url.substring(query + 1, end < 0 ? url.length() : end).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                try {
                    String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8).strip();
                    return value.isEmpty() ? null : value;
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }
}

package io.socialroi.conversion.connector;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The platforms whose webhooks turn into conversions; the lower-case name is the path segment. */
public enum Connector {
    SHOPIFY, STRIPE, WOOCOMMERCE, LEADS;

    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Connector> of(String path) {
        return Arrays.stream(values()).filter(c -> c.path().equals(path)).findFirst();
    }
}

package io.socialroi.content.campaign;

import java.text.Normalizer;
import java.util.Locale;

/** Turns a campaign name into a URL-safe utm_campaign value: "Spring Sale 2026!" -> "spring-sale-2026". */
final class Slugs {

    private Slugs() {
    }

    static String of(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "campaign" : slug;
    }
}

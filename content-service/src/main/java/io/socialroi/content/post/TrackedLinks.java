package io.socialroi.content.post;

import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Tracked-link codes and destinations with the UTM parameters of the contract. */
public final class TrackedLinks {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final List<String> UTM = List.of("utm_source", "utm_medium", "utm_campaign", "utm_content");

    private TrackedLinks() {
    }

    /** Created on first use, at run time, never at (native) build time; see {@code Secrets}. */
    private static final class Random {
        static final SecureRandom INSTANCE = new SecureRandom();
    }

    /** Eight random base-62 characters: 2^47 codes, so collisions are not a practical concern. */
    public static String newCode() {
        StringBuilder code = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            code.append(ALPHABET.charAt(Random.INSTANCE.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /**
     * The landing URL with {@code utm_source} (platform, lower case), {@code utm_medium=social},
     * {@code utm_campaign} (the campaign slug, when the post has a campaign) and {@code utm_content} (the post
     * id). UTM parameters already on the URL are replaced; every other parameter and the fragment are kept.
     */
    public static String destination(String landingUrl, Platform platform, String campaignSlug, UUID postId) {
        URI uri = URI.create(landingUrl);
        List<String> params = new ArrayList<>();
        if (uri.getRawQuery() != null && !uri.getRawQuery().isEmpty()) {
            for (String param : uri.getRawQuery().split("&")) {
                String name = param.contains("=") ? param.substring(0, param.indexOf('=')) : param;
                if (!param.isEmpty() && !UTM.contains(name)) {
                    params.add(param);
                }
            }
        }
        params.add("utm_source=" + platform.name().toLowerCase(Locale.ROOT));
        params.add("utm_medium=social");
        if (campaignSlug != null) {
            params.add("utm_campaign=" + campaignSlug);
        }
        params.add("utm_content=" + postId);
        StringBuilder url = new StringBuilder();
        url.append(uri.getScheme()).append("://").append(uri.getRawAuthority());
        url.append(uri.getRawPath() == null ? "" : uri.getRawPath());
        url.append('?').append(String.join("&", params));
        if (uri.getRawFragment() != null) {
            url.append('#').append(uri.getRawFragment());
        }
        return url.toString();
    }
}

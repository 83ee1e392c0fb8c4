package io.socialroi.reporting.report;

import io.socialroi.reporting.dependency.CatalogPage;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Readable names for report rows: campaign names, post captions, and platform or stage names. */
public record Labels(Dimension dimension, Map<UUID, CatalogPage.Campaign> campaigns,
        Map<UUID, CatalogPage.Post> posts) {

    public static final String UNASSIGNED = "unassigned";
    private static final int CAPTION_LENGTH = 60;

    public String of(String key) {
        if (UNASSIGNED.equals(key)) {
            return "Not tied to a " + switch (dimension) {
                case CAMPAIGN -> "campaign";
                case PLATFORM -> "platform";
                case POST -> "post";
                case FUNNEL_STAGE -> "funnel stage";
            };
        }
        return switch (dimension) {
            case CAMPAIGN -> campaign(key);
            case POST -> post(key);
            case PLATFORM, FUNNEL_STAGE -> words(key);
        };
    }

    public String campaign(String key) {
        UUID id = uuid(key);
        CatalogPage.Campaign campaign = id == null ? null : campaigns.get(id);
        return campaign != null && campaign.name() != null ? campaign.name() : "Campaign " + shortId(key);
    }

    public String post(String key) {
        UUID id = uuid(key);
        CatalogPage.Post post = id == null ? null : posts.get(id);
        if (post == null) {
            return "Post " + shortId(key);
        }
        String caption = post.caption() == null ? "" : post.caption().strip().replaceAll("\\s+", " ");
        if (caption.isEmpty()) {
            return words(post.platform()) + " post " + shortId(key);
        }
        return caption.length() <= CAPTION_LENGTH ? caption : caption.substring(0, CAPTION_LENGTH - 1) + "…";
    }

    /** INSTAGRAM as Instagram, FUNNEL_STAGE names likewise. */
    static String words(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        String lower = name.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private static UUID uuid(String key) {
        try {
            return UUID.fromString(key);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    private static String shortId(String key) {
        return key == null ? "" : key.substring(0, Math.min(8, key.length()));
    }
}

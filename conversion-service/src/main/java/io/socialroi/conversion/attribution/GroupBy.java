package io.socialroi.conversion.attribution;

import java.util.Locale;

/** The dimension report rows are keyed by. A touchpoint without that dimension lands in key "none". */
public enum GroupBy {
    POST, PLATFORM, CAMPAIGN, FUNNEL_STAGE;

    public static final String NONE = "none";

    /** Parses the contract's spelling (post, platform, campaign, funnelStage). */
    public static GroupBy parse(String value) {
        return switch (value == null ? "post" : value.trim()) {
            case "post", "POST" -> POST;
            case "platform", "PLATFORM" -> PLATFORM;
            case "campaign", "CAMPAIGN" -> CAMPAIGN;
            case "funnelStage", "FUNNEL_STAGE", "funnel_stage", "funnelstage" -> FUNNEL_STAGE;
            default -> null;
        };
    }

    public String key(Journey.Touch touch) {
        Object key = switch (this) {
            case POST -> touch.postId();
            case PLATFORM -> touch.platform();
            case CAMPAIGN -> touch.campaignId();
            case FUNNEL_STAGE -> touch.funnelStage();
        };
        return key == null ? NONE : key.toString();
    }

    /** A readable name: platform and stage names capitalised; ids as they are (content-service owns names). */
    public String label(String key) {
        if (NONE.equals(key)) {
            return switch (this) {
                case POST -> "No post";
                case PLATFORM -> "Unknown platform";
                case CAMPAIGN -> "No campaign";
                case FUNNEL_STAGE -> "No funnel stage";
            };
        }
        if (this == PLATFORM || this == FUNNEL_STAGE) {
            return key.charAt(0) + key.substring(1).toLowerCase(Locale.ROOT);
        }
        return key;
    }

    public String wireName() {
        return switch (this) {
            case POST -> "post";
            case PLATFORM -> "platform";
            case CAMPAIGN -> "campaign";
            case FUNNEL_STAGE -> "funnelStage";
        };
    }
}

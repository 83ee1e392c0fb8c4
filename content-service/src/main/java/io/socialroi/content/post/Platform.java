package io.socialroi.content.post;

/** The platforms a post can be made for (PRODUCT.md). */
public enum Platform {
    INSTAGRAM, TIKTOK, YOUTUBE, FACEBOOK, LINKEDIN, PINTEREST, REDDIT, QUORA, X, TELEGRAM, WHATSAPP, DISCORD, EMAIL, SMS;

    /** Longest caption the platform takes; checked so a post does not fail only when it is published. */
    public int captionLimit() {
        return switch (this) {
            case X -> 280;
            case PINTEREST -> 500;
            case INSTAGRAM, TIKTOK -> 2200;
            case LINKEDIN -> 3000;
            case SMS -> 1600;
            default -> 10000;
        };
    }
}

package io.socialroi.engagement.event;

/** The platforms of the suite (see PRODUCT.md). */
public enum Platform {
    INSTAGRAM, TIKTOK, YOUTUBE, FACEBOOK, LINKEDIN, PINTEREST, REDDIT, QUORA, X, TELEGRAM, WHATSAPP, DISCORD, EMAIL,
    SMS
}

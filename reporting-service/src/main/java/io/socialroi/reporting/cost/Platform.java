package io.socialroi.reporting.cost;

/** The platforms of the suite; a cost may be tied to one. */
public enum Platform {
    INSTAGRAM, TIKTOK, YOUTUBE, FACEBOOK, LINKEDIN, PINTEREST, REDDIT, QUORA, X, TELEGRAM, WHATSAPP, DISCORD, EMAIL,
    SMS
}

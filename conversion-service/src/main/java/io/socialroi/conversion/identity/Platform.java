package io.socialroi.conversion.identity;

/** The platforms of the product; an actor id is only meaningful on its platform. */
public enum Platform {
    INSTAGRAM, TIKTOK, YOUTUBE, FACEBOOK, LINKEDIN, PINTEREST, REDDIT, QUORA, X, TELEGRAM, WHATSAPP, DISCORD,
    EMAIL, SMS
}

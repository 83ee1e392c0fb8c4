package io.socialroi.engagement.redirect;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells a person's click from the machine traffic every shared link attracts: HEAD checks, browser
 * prefetches, the link-preview fetchers of social and messaging apps, and crawlers. Such hits still get the
 * redirect (a preview must work) but are stored apart and never counted as clicks.
 */
public final class BotDetector {

    /**
     * Link-preview fetchers of social networks and messengers (matched case-insensitively in User-Agent). Only the
     * fetchers' own names: the in-app browsers of Snapchat ("Snapchat/13.10") and Pinterest ("[Pinterest/iOS]")
     * carry the app's name too, and a person clicking in them is a click.
     */
    static final List<String> PREVIEW_AGENTS = List.of("facebookexternalhit", "facebot", "facebookcatalog",
            "twitterbot", "linkedinbot", "slackbot", "slack-imgproxy", "whatsapp", "telegrambot", "discordbot",
            "skypeuripreview", "pinterest/0.", "redditbot", "embedly", "iframely", "quora link preview", "vkshare",
            "viber", "snap url preview", "bitlybot", "applebot", "google-pagerenderer", "googleother", "microsoftpreview",
            "teams", "mastodon", "tumblr", "outbrain", "nuzzel");

    /** Crawlers, monitors and scripts. */
    static final List<String> CRAWLER_MARKERS = List.of("bot", "spider", "crawl", "slurp", "preview", "scanner",
            "monitor", "headless", "python-requests", "python-urllib", "go-http-client", "curl/", "wget/",
            "okhttp", "libwww", "httpclient/", "java/", "node-fetch", "axios/", "lighthouse", "pingdom",
            "uptime", "feedfetcher", "mediapartners", "adsbot");

    private BotDetector() {
    }

    /** The reason a hit is not a human click, or empty for a human click. */
    public static Optional<String> classify(String method, String userAgent, String secPurpose, String purpose,
            String xPurpose, String xMoz) {
        if ("HEAD".equalsIgnoreCase(method)) {
            return Optional.of("HEAD");
        }
        if (contains(secPurpose, "prefetch") || contains(secPurpose, "prerender") || contains(purpose, "prefetch")
                || contains(xPurpose, "preview") || contains(xMoz, "prefetch")) {
            return Optional.of("PREFETCH");
        }
        if (userAgent == null || userAgent.isBlank()) {
            return Optional.of("NO_USER_AGENT");
        }
        String agent = userAgent.toLowerCase(Locale.ROOT);
        if (PREVIEW_AGENTS.stream().anyMatch(agent::contains)) {
            return Optional.of("LINK_PREVIEW");
        }
        if (CRAWLER_MARKERS.stream().anyMatch(agent::contains)) {
            return Optional.of("CRAWLER");
        }
        return Optional.empty();
    }

    private static boolean contains(String header, String token) {
        return header != null && header.toLowerCase(Locale.ROOT).contains(token);
    }
}

package io.socialroi.conversion.export;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The ad platforms attributed conversions are sent to, with what each documents: the most events one request may
 * carry, and how old an event may be when it arrives (older ones are refused, so they are SKIPPED here).
 */
public enum ExportPlatform {
    /** Meta Conversions API (Graph API): 1,000 events a request; event_time at most 7 days before the send. */
    META(1000, Duration.ofDays(7)),
    /** Google Data Manager API v1 events:ingest: 2,000 events a request; offline conversions up to 90 days old. */
    GOOGLE(2000, Duration.ofDays(90)),
    /** TikTok Events API 2.0 (open_api v1.3 event/track): 1,000 events a request; web events up to 7 days old. */
    TIKTOK(1000, Duration.ofDays(7)),
    /** LinkedIn Conversions API (versioned REST): 5,000 events a batch; events up to 90 days old. */
    LINKEDIN(5000, Duration.ofDays(90));

    private final int batchLimit;
    private final Duration window;

    ExportPlatform(int batchLimit, Duration window) {
        this.batchLimit = batchLimit;
        this.window = window;
    }

    public int batchLimit() {
        return batchLimit;
    }

    public Duration window() {
        return window;
    }

    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The path segment, case-insensitively ({@code meta} or {@code META}). */
    public static Optional<ExportPlatform> of(String path) {
        return Arrays.stream(values()).filter(p -> p.name().equalsIgnoreCase(path)).findFirst();
    }
}

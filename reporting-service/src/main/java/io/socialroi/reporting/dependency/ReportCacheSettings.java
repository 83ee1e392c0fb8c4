package io.socialroi.reporting.dependency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How reports wait for and keep the other services' answers (see {@link AnswerCache}). */
@ConfigMapping(prefix = "suite.report")
public interface ReportCacheSettings {

    /** How long a report request waits for a dependency's answer before its 503; the call itself goes on. */
    @WithDefault("1500ms")
    Duration dependencyWait();

    /** From this age on, a kept answer is refreshed in the background while it is still served (at most maxAge). */
    @WithDefault("500ms")
    Duration cacheFresh();

    /** The same for campaign and post lists from content-service (their campaigns and stages tie costs to rows). */
    @WithDefault("500ms")
    Duration catalogFresh();

    /**
     * No answer is served longer than this after it arrived: the bound on how much later than the dependency a
     * report shows a write (part of the suite's freshness promise, p95 <= 2 s from a write to every report).
     */
    @WithDefault("1s")
    Duration cacheMaxAge();

    /** Questions kept per dependency. */
    @WithDefault("2000")
    int cacheEntries();
}

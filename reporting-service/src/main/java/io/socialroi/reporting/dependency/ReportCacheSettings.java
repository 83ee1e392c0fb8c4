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

    /** How long an answer is fresh. */
    @WithDefault("20s")
    Duration cacheFresh();

    /** How long campaign and post labels from content-service are fresh. */
    @WithDefault("60s")
    Duration catalogFresh();

    /** Up to this age a kept answer is served while a fresh one is fetched in the background. */
    @WithDefault("2m")
    Duration cacheMaxAge();

    /** Questions kept per dependency. */
    @WithDefault("2000")
    int cacheEntries();
}

package io.socialroi.content.imports;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Engagement pulled back from the platforms ({@code suite.imports.*}): every {@code poll} the runner takes the
 * published posts whose turn has come (at most {@code batch}), reads each with its platform's importer and reads
 * it again {@code every} later, for {@code window} after publication.
 */
@ConfigMapping(prefix = "suite.imports")
public interface ImportConfig {

    @WithDefault("true")
    boolean enabled();

    @WithDefault("60s")
    String poll();

    @WithDefault("PT1H")
    Duration every();

    @WithDefault("P30D")
    Duration window();

    @WithDefault("50")
    int batch();

    /** How long a claimed post is the claiming replica's, longer than a read can take. */
    @WithDefault("PT5M")
    Duration lease();

    /** The Graph API (Facebook Pages, Instagram): {@code <base-url>/v21.0/...}; the publishers' by default. */
    @WithDefault("${suite.publishing.facebook.base-url:https://graph.facebook.com}")
    String graphBaseUrl();

    /** Meta webhooks ({@code /hooks/meta}): what the app's dashboard is given as verify token. */
    Optional<String> metaVerifyToken();

    /**
     * The Meta app secret that signs webhook deliveries ({@code X-Hub-Signature-256}); the Facebook OAuth app's
     * client secret ({@code suite.accounts.facebook.client-secret}) when not set.
     */
    Optional<String> metaAppSecret();
}

package io.socialroi.reporting.dashboard;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the dashboard page finds each service. Locally the four services sit on four ports (four browser
 * origins), so the page needs absolute URLs, and each service allows exactly the dashboard's origin
 * through CORS. On Kubernetes one Ingress puts them all under one host: set
 * {@code suite.dashboard.same-origin=true} ({@code SUITE_DASHBOARD_SAME_ORIGIN}) and the page calls
 * relative paths, with no cross-origin request at all.
 */
@ConfigMapping(prefix = "suite.dashboard")
public interface DashboardConfig {

    /** Base URL of content-service as the browser sees it. */
    @WithDefault("${SUITE_CONTENT_URL:http://127.0.0.1:8081}")
    String contentUrl();

    @WithDefault("${SUITE_ENGAGEMENT_URL:http://127.0.0.1:8082}")
    String engagementUrl();

    @WithDefault("${SUITE_CONVERSION_URL:http://127.0.0.1:8083}")
    String conversionUrl();

    /** Every service under the page's own host (an Ingress routing by path): the page uses relative URLs. */
    @WithDefault("false")
    boolean sameOrigin();
}

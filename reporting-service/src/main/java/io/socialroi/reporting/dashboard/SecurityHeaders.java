package io.socialroi.reporting.dashboard;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers on the dashboard's files. The page runs no inline script or style (CSP without
 * 'unsafe-inline'), may call only the suite's own services (connect-src lists their configured origins),
 * and may not be framed (clickjacking).
 */
@ApplicationScoped
public class SecurityHeaders {

    private final String policy;

    public SecurityHeaders(DashboardConfig config) {
        String connect = config.sameOrigin() ? "'self'"
                : String.join(" ", "'self'", origin(config.contentUrl()), origin(config.engagementUrl()),
                        origin(config.conversionUrl()));
        this.policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
                + "connect-src " + connect + "; object-src 'none'; base-uri 'none'; form-action 'self'; "
                + "frame-ancestors 'none'";
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            MultiMap headers = rc.response().headers();
            // Every answer, API ones too (a CSV export must not be sniffed into HTML).
            headers.set("X-Content-Type-Options", "nosniff");
            if (isDashboard(rc.normalizedPath())) {
                headers.set("Content-Security-Policy", policy);
                headers.set("X-Frame-Options", "DENY");
                headers.set("Referrer-Policy", "no-referrer");
                headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
            }
            rc.next();
        });
    }

    /** The page and its assets; the API answers JSON and CSV and keeps its own headers. */
    static boolean isDashboard(String path) {
        return "/".equals(path) || "/index.html".equals(path) || "/config.json".equals(path)
                || path.startsWith("/dashboard/") || path.startsWith("/_static/");
    }

    String policy() {
        return policy;
    }

    /** The scheme, host and port of a URL, as CSP source expressions want them. */
    static String origin(String url) {
        java.net.URI uri = java.net.URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }
}

package io.socialroi.reporting.dashboard;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers on the dashboard's files and the agency app's ({@code /app/}). The pages run no inline
 * script or style (CSP without 'unsafe-inline'), may call only the suite's own services (connect-src lists
 * their configured origins), and may not be framed (clickjacking). The app may also show https images: the
 * previews of a post's media URLs, which live on the client's own CDN.
 */
@ApplicationScoped
public class SecurityHeaders {

    private final String policy;
    private final String appPolicy;

    public SecurityHeaders(DashboardConfig config) {
        String connect = config.sameOrigin() ? "'self'"
                : String.join(" ", "'self'", origin(config.contentUrl()), origin(config.engagementUrl()),
                        origin(config.conversionUrl()));
        this.policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
                + "connect-src " + connect + "; object-src 'none'; base-uri 'none'; form-action 'self'; "
                + "frame-ancestors 'none'";
        this.appPolicy = policy.replace("img-src 'self' data: blob:;", "img-src 'self' data: blob: https:;");
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            MultiMap headers = rc.response().headers();
            // Every answer, API ones too (a CSV export must not be sniffed into HTML).
            headers.set("X-Content-Type-Options", "nosniff");
            if (isDashboard(rc.normalizedPath())) {
                headers.set("Content-Security-Policy", isApp(rc.normalizedPath()) ? appPolicy : policy);
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
                || path.startsWith("/dashboard/") || path.startsWith("/_static/") || isApp(path);
    }

    /** The agency app: its page and modules. */
    static boolean isApp(String path) {
        return "/app".equals(path) || path.startsWith("/app/");
    }

    String policy() {
        return policy;
    }

    String appPolicy() {
        return appPolicy;
    }

    /** The scheme, host and port of a URL, as CSP source expressions want them. */
    static String origin(String url) {
        java.net.URI uri = java.net.URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }
}

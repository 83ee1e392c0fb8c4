package io.socialroi.reporting.dashboard;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /config.json}: the service base URLs the dashboard page calls. Part of the page's static
 * files (open without a token); it holds no secret, only addresses the browser uses anyway.
 */
@Path("/config.json")
public class DashboardConfigResource {

    /** The base URLs; empty strings mean "this page's own origin". */
    public record Endpoints(String content, String engagement, String conversion, String reporting) {
    }

    private final DashboardConfig config;

    public DashboardConfigResource(DashboardConfig config) {
        this.config = config;
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    // One of the page's assets, like index.html, rather than part of the API: left out of the OpenAPI document.
    @Operation(hidden = true)
    public Response endpoints() {
        Endpoints endpoints = config.sameOrigin() ? new Endpoints("", "", "", "")
                : new Endpoints(trim(config.contentUrl()), trim(config.engagementUrl()), trim(config.conversionUrl()), "");
        CacheControl cache = new CacheControl();
        cache.setNoCache(true);
        return Response.ok(endpoints).cacheControl(cache).build();
    }

    private static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

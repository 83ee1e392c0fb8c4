package io.socialroi.common.auth;

import java.util.List;

/**
 * The scopes of the external contract. A token carries them in its {@code groups} claim (so
 * {@code @RolesAllowed} checks them) and, OAuth style, space-separated in {@code scope}.
 */
public final class Scopes {

    public static final String ADMIN = "admin";
    public static final String CONTENT_READ = "content:read";
    public static final String CONTENT_WRITE = "content:write";
    public static final String ENGAGEMENT_READ = "engagement:read";
    public static final String ENGAGEMENT_WRITE = "engagement:write";
    public static final String CONVERSIONS_READ = "conversions:read";
    public static final String CONVERSIONS_WRITE = "conversions:write";
    public static final String REPORTS_READ = "reports:read";
    public static final String COSTS_WRITE = "costs:write";

    /** Marks a suite service's own token: it may read any workspace but is never an agency admin. */
    public static final String SERVICE = "service";

    /** Every scope a workspace credential may be granted. */
    public static final List<String> WORKSPACE_SCOPES = List.of(CONTENT_READ, CONTENT_WRITE, ENGAGEMENT_READ,
            ENGAGEMENT_WRITE, CONVERSIONS_READ, CONVERSIONS_WRITE, REPORTS_READ, COSTS_WRITE);

    private Scopes() {
    }
}

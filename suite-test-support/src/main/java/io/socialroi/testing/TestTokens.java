package io.socialroi.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Mints real RS256 tokens, shaped exactly like content-service's, with the test key pair. */
public final class TestTokens {

    public static final String ISSUER = "social-roi-suite";

    private TestTokens() {
    }

    /** An agency admin: every scope, every workspace. */
    public static String admin() {
        return sign(Jwt.claims().subject("test-admin"), List.of("admin", "content:read", "content:write",
                "engagement:read", "engagement:write", "conversions:read", "conversions:write", "reports:read",
                "costs:write"), null);
    }

    /** A suite service's own token: read scopes on every workspace. */
    public static String service(String... scopes) {
        List<String> groups = new java.util.ArrayList<>(Arrays.asList(scopes));
        groups.add("service");
        return sign(Jwt.claims().subject("test-service"), groups, null);
    }

    /**
     * content-service's own token for a call on behalf of one workspace (its TokenIssuer.forService): group
     * {@code service} plus these scopes, bound to the workspace.
     */
    public static String serviceFor(UUID workspaceId, String... scopes) {
        List<String> groups = new java.util.ArrayList<>(Arrays.asList(scopes));
        groups.add("service");
        return sign(Jwt.claims().subject("content-service"), groups, List.of(workspaceId));
    }

    /** A workspace credential's token with exactly these scopes. */
    public static String workspace(UUID workspaceId, String... scopes) {
        return sign(Jwt.claims().subject("client-" + workspaceId), Arrays.asList(scopes), List.of(workspaceId));
    }

    /** A token bound to several workspaces, as a user's login would be. */
    public static String workspaces(List<UUID> workspaceIds, String role, String... scopes) {
        JwtClaimsBuilder builder = Jwt.claims().subject("user-" + UUID.randomUUID()).claim("role", role);
        return sign(builder, Arrays.asList(scopes), workspaceIds);
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private static String sign(JwtClaimsBuilder builder, List<String> scopes, List<UUID> workspaces) {
        builder.issuer(ISSUER).groups(Set.copyOf(scopes)).claim("scope", String.join(" ", scopes))
                .expiresIn(3600);
        if (workspaces != null) {
            builder.claim("ws", workspaces.stream().map(UUID::toString).toList());
        }
        return builder.jws().keyId("test").sign(TestKeys.privateKey());
    }
}

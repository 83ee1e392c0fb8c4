package io.socialroi.content.auth;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.socialroi.common.auth.Claims;
import io.socialroi.common.auth.Scopes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs the suite's RS256 tokens. Scopes go into {@code groups} (checked by {@code @RolesAllowed} in every
 * service) and {@code scope}; a workspace-bound token lists its workspaces in {@code ws}. Every token names the
 * services it is for in {@code aud} ({@code suite.jwt.audiences}; each service accepts only tokens naming it)
 * and carries a random {@code jti}, by which a signed-out token is revoked.
 */
@ApplicationScoped
public class TokenIssuer {

    /** The four services: every token is for the suite's whole API. */
    public static final String DEFAULT_AUDIENCES = "content-service,engagement-service,conversion-service,reporting-service";

    private final long lifespanSeconds;
    private final String keyId;
    private final Set<String> audiences;

    /**
     * {@code suite.jwt.key-id} (env {@code SUITE_JWT_KEY_ID}) is the {@code kid} header of every token, so a
     * key rotation can name the new key while verifiers still hold the old one.
     */
    @Inject
    public TokenIssuer(@ConfigProperty(name = "smallrye.jwt.new-token.lifespan", defaultValue = "3600") long lifespanSeconds,
            @ConfigProperty(name = "suite.jwt.key-id", defaultValue = "suite") String keyId,
            @ConfigProperty(name = "suite.jwt.audiences", defaultValue = DEFAULT_AUDIENCES) List<String> audiences) {
        this.lifespanSeconds = lifespanSeconds;
        this.keyId = keyId;
        this.audiences = new LinkedHashSet<>(audiences);
    }

    public TokenIssuer(long lifespanSeconds, String keyId) {
        this(lifespanSeconds, keyId, List.of(DEFAULT_AUDIENCES.split(",")));
    }

    /** A signed token; {@code workspaces} null means not bound to workspaces (admin, service). */
    public IssuedToken issue(String subject, Collection<String> scopes, Collection<UUID> workspaces, String role) {
        Set<String> groups = new LinkedHashSet<>(scopes);
        java.time.Instant issuedAt = java.time.Instant.now();
        JwtClaimsBuilder claims = Jwt.subject(subject).groups(groups).audience(audiences)
                .claim("jti", UUID.randomUUID().toString())
                .claim(Claims.SCOPE, String.join(" ", groups))
                .issuedAt(issuedAt)
                .claim(Claims.ISSUED_AT_MILLIS, issuedAt.toEpochMilli())
                .expiresIn(lifespanSeconds);
        if (workspaces != null) {
            claims.claim(Claims.WORKSPACES, workspaces.stream().map(UUID::toString).toList());
        }
        if (role != null) {
            claims.claim(Claims.ROLE, role);
        }
        return new IssuedToken(claims.jws().keyId(keyId).sign(), lifespanSeconds);
    }

    public IssuedToken forWorkspace(String subject, List<String> scopes, UUID workspaceId) {
        return issue(subject, scopes, List.of(workspaceId), null);
    }

    /**
     * content-service's own token for a call to another suite service on behalf of one workspace: group
     * {@code service} (the service-to-service endpoints accept nothing else) plus {@code scopes}, bound to the
     * workspace.
     */
    public IssuedToken forService(List<String> scopes, UUID workspaceId) {
        List<String> groups = new ArrayList<>();
        groups.add(Scopes.SERVICE);
        groups.addAll(scopes);
        return issue("content-service", groups, List.of(workspaceId), null);
    }

    /** The shape of a token answer. */
    public record IssuedToken(String token, long expiresIn) {
    }
}

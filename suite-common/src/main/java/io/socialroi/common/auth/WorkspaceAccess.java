package io.socialroi.common.auth;

import io.socialroi.common.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The tenancy check every workspace endpoint makes: a token bound to other workspaces gets the same 404
 * as a workspace that does not exist, so ids of other clients cannot be probed.
 */
@RequestScoped
public class WorkspaceAccess {

    private final JsonWebToken token;

    public WorkspaceAccess(JsonWebToken token) {
        this.token = token;
    }

    /** Throws a 404 problem unless the caller may see this workspace. */
    public void require(UUID workspaceId) {
        if (!canSee(workspaceId)) {
            throw ProblemException.notFound("Workspace " + workspaceId);
        }
    }

    /**
     * Admin tokens and unbound service tokens see every workspace; a service token bound to workspaces (as
     * content-service mints for a call on behalf of one workspace) sees only those, like any bound token.
     */
    public boolean canSee(UUID workspaceId) {
        return canSee(token, workspaceId);
    }

    /** {@link #canSee(UUID)} of any verified token, e.g. one checked before the request body is read. */
    public static boolean canSee(JsonWebToken token, UUID workspaceId) {
        Set<String> groups = groups(token);
        boolean unbound = token.getClaim(Claims.WORKSPACES) == null;
        if (groups.contains(Scopes.ADMIN) || groups.contains(Scopes.SERVICE) && unbound) {
            return true;
        }
        return boundWorkspaces(token).contains(workspaceId.toString());
    }

    /**
     * For the service-to-service endpoints (CONTRACTS.md), which also carry {@code @RolesAllowed(Scopes.SERVICE)}:
     * a 403 problem unless the token is a suite service's (group {@code service}, which content-service puts only
     * on the tokens of the suite's own services, never on a credential's, a user's or the admin's) and carries
     * {@code scope}, so a read-only service token cannot write.
     */
    public void requireService(String scope) {
        if (!isService() || !groups(token).contains(scope)) {
            throw ProblemException.forbidden("Only the suite's own services with scope " + scope + " may call this");
        }
    }

    public boolean isAdmin() {
        return groups(token).contains(Scopes.ADMIN);
    }

    public boolean isService() {
        return groups(token).contains(Scopes.SERVICE);
    }

    /** Workspace ids the token is bound to; empty for admin and service tokens, which see all. */
    public Set<String> boundWorkspaces() {
        return boundWorkspaces(token);
    }

    public String subject() {
        return token.getSubject();
    }

    private static Set<String> boundWorkspaces(JsonWebToken token) {
        Object claim = token.getClaim(Claims.WORKSPACES);
        if (claim instanceof Collection<?> values) {
            return values.stream().map(WorkspaceAccess::unquote).collect(java.util.stream.Collectors.toSet());
        }
        return Set.of();
    }

    private static Set<String> groups(JsonWebToken token) {
        Set<String> groups = token.getGroups();
        return groups == null ? Set.of() : groups;
    }

    private static String unquote(Object value) {
        String s = String.valueOf(value);
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}

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

    public boolean canSee(UUID workspaceId) {
        if (isAdmin() || isService()) {
            return true;
        }
        return boundWorkspaces().contains(workspaceId.toString());
    }

    public boolean isAdmin() {
        return groups().contains(Scopes.ADMIN);
    }

    public boolean isService() {
        return groups().contains(Scopes.SERVICE);
    }

    /** Workspace ids the token is bound to; empty for admin and service tokens, which see all. */
    public Set<String> boundWorkspaces() {
        Object claim = token.getClaim(Claims.WORKSPACES);
        if (claim instanceof Collection<?> values) {
            return values.stream().map(WorkspaceAccess::unquote).collect(java.util.stream.Collectors.toSet());
        }
        return Set.of();
    }

    public String subject() {
        return token.getSubject();
    }

    private Set<String> groups() {
        Set<String> groups = token.getGroups();
        return groups == null ? Set.of() : groups;
    }

    private static String unquote(Object value) {
        String s = String.valueOf(value);
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}

package io.socialroi.content.user;

import io.socialroi.common.auth.Scopes;
import java.util.ArrayList;
import java.util.List;

/** What a team member may do; the scopes of their sign-in token follow from it. */
public enum Role {
    /** The agency admin: every scope on every workspace. */
    ADMIN,
    /** An agency team member: reads and writes their workspaces. */
    MANAGER,
    /** The agency's client: reads their own workspaces, changes nothing. */
    CLIENT_VIEWER;

    static final List<String> READ_SCOPES = List.of(Scopes.CONTENT_READ, Scopes.ENGAGEMENT_READ,
            Scopes.CONVERSIONS_READ, Scopes.REPORTS_READ);

    /** The scopes a sign-in token of this role carries. */
    public List<String> scopes() {
        return switch (this) {
            case ADMIN -> {
                List<String> all = new ArrayList<>();
                all.add(Scopes.ADMIN);
                all.addAll(Scopes.WORKSPACE_SCOPES);
                yield List.copyOf(all);
            }
            case MANAGER -> Scopes.WORKSPACE_SCOPES;
            case CLIENT_VIEWER -> READ_SCOPES;
        };
    }

    /** Admins see every workspace; the others only those they were given. */
    public boolean boundToWorkspaces() {
        return this != ADMIN;
    }
}

package io.socialroi.common.auth;

/** Names of the suite's own JWT claims. */
public final class Claims {

    /** Array of workspace ids the token is bound to; absent on admin and service tokens. */
    public static final String WORKSPACES = "ws";

    /** Space-separated scopes, as OAuth clients expect them. */
    public static final String SCOPE = "scope";

    /** The user's role when the token came from a login rather than a client credential. */
    public static final String ROLE = "role";

    /**
     * The issue time in milliseconds since the epoch ({@code iat} has whole seconds): a revocation of the subject
     * and a sign-in within the same second must still be told apart, so a token issued just after a role change
     * or a password change is not taken for one of the revoked ones.
     */
    public static final String ISSUED_AT_MILLIS = "iat_ms";

    private Claims() {
    }
}

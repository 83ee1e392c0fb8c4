package io.socialroi.content.auth;

import io.socialroi.common.auth.RevocationList;
import io.socialroi.common.auth.Scopes;
import io.socialroi.common.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The revocations in force, read by the suite's other services every few seconds (CONTRACTS.md). */
@Path("/auth/revocations")
@Tag(name = "Auth")
public class RevocationResource {

    private final RevocationStore store;

    public RevocationResource(RevocationStore store) {
        this.store = store;
    }

    @GET
    @RolesAllowed(Scopes.SERVICE)
    @Operation(summary = "Token revocations in force (service tokens only)", description = "Signed-out tokens by jti, "
            + "and subjects (revoked credentials, deactivated users) whose tokens issued up to revokedAt are revoked. "
            + "Each service reads this every suite.revocation.refresh-every (15 s) and refuses the tokens it lists; "
            + "an entry is listed until every token it concerns has expired.")
    @APIResponse(responseCode = "200", description = "The list",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RevocationList.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Not a suite service's token (group service)")
    public RevocationList revocations() {
        return store.fetch();
    }
}

package io.socialroi.content.user;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import io.socialroi.common.auth.Scopes;
import io.socialroi.common.idempotency.Idempotent;
import io.socialroi.common.paging.Page;
import io.socialroi.common.problem.Params;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.common.auth.WorkspaceAccess;
import io.socialroi.content.auth.RevocationStore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Team members of the agency, managed by the agency admin. */
@Path("/users")
@Tag(name = "Users")
@RolesAllowed(Scopes.ADMIN)
@APIResponse(responseCode = "401", description = "No valid token")
@APIResponse(responseCode = "403", description = "Not an agency admin")
public class UserResource {

    private final UserStore users;
    private final RevocationStore revocations;
    private final WorkspaceAccess access;

    public UserResource(UserStore users, RevocationStore revocations, WorkspaceAccess access) {
        this.users = users;
        this.revocations = revocations;
        this.access = access;
    }

    @POST
    @Operation(summary = "Create a user", description = "The password is kept only as an Argon2id hash. A MANAGER "
            + "reads and writes, a CLIENT_VIEWER only reads, each in the workspaces listed; an ADMIN sees all.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, wrong type or unknown role")
    @APIResponse(responseCode = "409", description = "The email is taken")
    @APIResponse(responseCode = "422", description = "Invalid fields or unknown workspaces")
    @Idempotent
    public Response create(@Valid @NotNull UserRequest request) {
        User user = users.create(request);
        return Response.created(URI.create("/users/" + user.id)).entity(UserView.of(user)).build();
    }

    @GET
    @Operation(summary = "List users", description = "In id order, paged.")
    @APIResponse(responseCode = "200", description = "A page of users")
    public Page<UserView> list(@QueryParam("limit") @Parameter(description = "Page size, 1 to 500 (default 50)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500")) String limit,
            @QueryParam("cursor") String cursor) {
        int size = Params.limitParam(limit);
        UUID after = Params.uuid("cursor", cursor);
        return Page.of(users.page(after, size).stream().map(UserView::of).toList(), size, v -> v.id().toString());
    }

    @GET
    @Path("/{userId}")
    @Operation(summary = "One user")
    @APIResponse(responseCode = "200", description = "The user",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "404", description = "No such user")
    public UserView get(@PathParam("userId") UUID userId) {
        return users.byId(userId).map(UserView::of).orElseThrow(() -> ProblemException.notFound("User " + userId));
    }

    @POST
    @Path("/{userId}/deactivate")
    @Operation(summary = "Deactivate a user", description = "The user can no longer sign in (the same 401 as a wrong "
            + "password), and every token it holds stops working on every service within the revocation refresh "
            + "interval (suite.revocation.refresh-every, 15 s; at once on this replica). Calling it again changes "
            + "nothing. An admin cannot deactivate their own user.")
    @APIResponse(responseCode = "200", description = "The user, now active=false",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "404", description = "No such user")
    @APIResponse(responseCode = "409", description = "The caller's own user")
    @APIResponse(responseCode = "413", description = "A body was sent and is too large (none is expected)")
    public UserView deactivate(@PathParam("userId") UUID userId) {
        if (userId.toString().equals(access.subject())) {
            throw ProblemException.conflict("You cannot deactivate your own user");
        }
        User user = users.deactivate(userId).orElseThrow(() -> ProblemException.notFound("User " + userId));
        revocations.revokeSubject(user.id.toString());
        return UserView.of(user);
    }
}

package io.socialroi.conversion.identity;

import io.smallrye.common.annotation.RunOnVirtualThread;
import io.socialroi.common.auth.Scopes;
import io.socialroi.common.auth.WorkspaceAccess;
import io.socialroi.common.idempotency.Idempotent;
import io.socialroi.common.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import io.socialroi.common.problem.FieldError;
import io.socialroi.common.text.StorableText;
import io.socialroi.conversion.conversion.ContactHashes;
import io.socialroi.conversion.conversion.Phones;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import javax.sql.DataSource;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Identity links: a platform actor belongs to one customer, so that actor's engagement becomes the
 * customer's touchpoints. A new link queues the customer's conversions for a fresh touchpoint capture.
 */
@Path("/workspaces/{workspaceId}/identities")
@Tag(name = "Identities")
@RunOnVirtualThread
public class IdentityResource {

    private final WorkspaceAccess access;
    private final IdentityLinks links;
    private final Contacts contacts;
    private final DataSource dataSource;

    public IdentityResource(WorkspaceAccess access, IdentityLinks links, Contacts contacts, DataSource dataSource) {
        this.access = access;
        this.links = links;
        this.contacts = contacts;
        this.dataSource = dataSource;
    }

    @POST
    @Idempotent
    @RolesAllowed(Scopes.CONVERSIONS_WRITE)
    @Transactional(rollbackOn = Exception.class)
    @Operation(summary = "Link a platform actor to a customer",
            description = "201 when new, 200 when the actor was already linked to this customer; an actor belongs "
                    + "to one customer, so linking it to another is a 409. An e-mail or phone given is kept, hashed, "
                    + "as the customer's (the one stated last, here or with a conversion, goes into audience "
                    + "exports).")
    @RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = IdentityRequest.class), examples = @ExampleObject(name = "link",
                    value = "{\"customerId\":\"cust-42\",\"actorId\":\"ig:123\",\"platform\":\"INSTAGRAM\"}")))
    @APIResponse(responseCode = "201", description = "Linked", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = IdentityView.class)))
    @APIResponse(responseCode = "200", description = "Already linked to this customer; nothing changed but a platform "
            + "the link did not have yet", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = IdentityView.class)))
    @APIResponse(responseCode = "404", description = "No such workspace")
    @APIResponse(responseCode = "409", description = "The actor is linked to another customer")
    @APIResponse(responseCode = "422", description = "Missing or invalid fields")
    public Response link(@PathParam("workspaceId") UUID workspaceId, @Valid @NotNull IdentityRequest request)
            throws SQLException {
        access.require(workspaceId);
        String customerId = request.customerId().trim();
        String actorId = request.actorId().trim();
        ContactHashes contact = contact(request);
        Optional<String> owner = links.owner(workspaceId, IdentityLinks.ACTOR, actorId);
        if (owner.isPresent() && !owner.get().equals(customerId)) {
            throw ProblemException.conflict("Actor " + actorId + " is linked to another customer");
        }
        boolean created = links.link(workspaceId, customerId, request.platform().name(), List.of(actorId),
                List.of()) > 0;
        if (!contact.empty()) {
            try (Connection c = dataSource.getConnection()) {
                contacts.state(c, workspaceId, customerId, contact, OffsetDateTime.now(ZoneOffset.UTC));
            }
        }
        IdentityView view = links.list(workspaceId, customerId).stream()
                .filter(v -> v.kind().equals(IdentityLinks.ACTOR) && v.ref().equals(actorId)).findFirst()
                .orElseThrow(() -> ProblemException.conflict("Actor " + actorId + " is linked to another customer"));
        return Response.status(created ? 201 : 200).entity(view).build();
    }

    /** The hashed e-mail and phone of a request; 422 naming the field for an address or number that is none. */
    private static ContactHashes contact(IdentityRequest request) {
        List<FieldError> errors = new ArrayList<>();
        String email = request.email() == null || request.email().isBlank() ? null : request.email().trim();
        if (email != null && (!email.contains("@") || !StorableText.storable(email))) {
            errors.add(new FieldError("email", "must be an email address"));
        }
        String phone = null;
        if (request.phone() != null && !request.phone().isBlank()) {
            phone = Phones.e164(request.phone()).orElse(null);
            if (phone == null) {
                errors.add(new FieldError("phone", "must be an international number with its country code, "
                        + "e.g. +14155550100"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return ContactHashes.of(email, phone);
    }

    @GET
    @RolesAllowed(Scopes.CONVERSIONS_READ)
    @Operation(summary = "The actors and click ids linked to a customer")
    @APIResponse(responseCode = "200", description = "The links, oldest first")
    @APIResponse(responseCode = "404", description = "No such workspace")
    @APIResponse(responseCode = "422", description = "customerId missing")
    public List<IdentityView> list(@PathParam("workspaceId") UUID workspaceId,
            @QueryParam("customerId") String customerId) throws SQLException {
        access.require(workspaceId);
        if (customerId == null || customerId.isBlank()) {
            throw ProblemException.invalid("customerId", "is required");
        }
        return links.list(workspaceId, customerId.trim());
    }
}

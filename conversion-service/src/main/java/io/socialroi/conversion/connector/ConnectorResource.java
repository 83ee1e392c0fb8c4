package io.socialroi.conversion.connector;

import io.socialroi.common.auth.Scopes;
import io.socialroi.common.auth.WorkspaceAccess;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.common.workspace.WorkspaceDirectory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Per-workspace configuration of the commerce and CRM receivers: the secret each platform signs its webhooks with.
 * The secret is stored encrypted and never answered, only a hint.
 */
@Path("/workspaces/{workspaceId}/connectors/{connector}")
@Tag(name = "Connectors")
public class ConnectorResource {

    private final WorkspaceAccess access;
    private final WorkspaceDirectory workspaces;
    private final ConnectorStore store;

    public ConnectorResource(WorkspaceAccess access, WorkspaceDirectory workspaces, ConnectorStore store) {
        this.access = access;
        this.workspaces = workspaces;
        this.store = store;
    }

    @PUT
    @RolesAllowed(Scopes.CONVERSIONS_WRITE)
    @Operation(summary = "Configure a commerce or CRM receiver",
            description = "Stores the secret the platform signs its webhooks with (encrypted at rest) and answers "
                    + "where the platform must send them: POST /hooks/{workspaceId}/{connector}. Replaces an earlier "
                    + "secret at once.")
    @RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ConnectorRequest.class), examples = @ExampleObject(name = "stripe",
                    summary = "A Stripe endpoint's signing secret",
                    value = "{\"secret\":\"whsec_8d1f0c2b7a9e4f6b3c5d7e9f1a2b4c6d\"}")))
    @APIResponse(responseCode = "200", description = "The connector, with a hint of its secret",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConnectorView.class)))
    @APIResponse(responseCode = "404", description = "No such workspace or connector")
    @APIResponse(responseCode = "422", description = "A secret shorter than 8 or longer than 500 characters, or "
            + "with spaces or non-ASCII characters")
    public ConnectorView put(@PathParam("workspaceId") UUID workspaceId, @PathParam("connector") @Parameter(
            schema = @Schema(type = SchemaType.STRING, enumeration = {"shopify", "stripe", "woocommerce", "leads"}))
            String connector, @Valid @NotNull ConnectorRequest request) throws SQLException {
        access.require(workspaceId);
        Connector kind = kind(connector);
        workspaces.get(workspaceId);
        return store.put(workspaceId, kind, request.secret());
    }

    @GET
    @RolesAllowed(Scopes.CONVERSIONS_READ)
    @Operation(summary = "Read a receiver's configuration (without its secret)")
    @APIResponse(responseCode = "200", description = "The connector",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConnectorView.class)))
    @APIResponse(responseCode = "404", description = "No such workspace, or the connector is not configured")
    public ConnectorView get(@PathParam("workspaceId") UUID workspaceId, @PathParam("connector") @Parameter(
            schema = @Schema(type = SchemaType.STRING, enumeration = {"shopify", "stripe", "woocommerce", "leads"}))
            String connector) throws SQLException {
        access.require(workspaceId);
        return store.view(workspaceId, kind(connector))
                .orElseThrow(() -> ProblemException.notFound("Connector " + connector));
    }

    @DELETE
    @RolesAllowed(Scopes.CONVERSIONS_WRITE)
    @Operation(summary = "Remove a receiver", description = "Its secret is deleted; the platform's webhooks are "
            + "refused (401) from now on. Conversions already recorded stay.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such workspace, or the connector is not configured")
    public Response delete(@PathParam("workspaceId") UUID workspaceId, @PathParam("connector") @Parameter(
            schema = @Schema(type = SchemaType.STRING, enumeration = {"shopify", "stripe", "woocommerce", "leads"}))
            String connector) throws SQLException {
        access.require(workspaceId);
        if (!store.delete(workspaceId, kind(connector))) {
            throw ProblemException.notFound("Connector " + connector);
        }
        return Response.noContent().build();
    }

    private static Connector kind(String connector) {
        return Connector.of(connector).orElseThrow(() -> ProblemException.notFound("Connector " + connector
                + " (expected one of " + Arrays.stream(Connector.values()).map(Connector::path).toList() + ")"));
    }
}

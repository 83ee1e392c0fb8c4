package io.socialroi.reporting.settings;

import io.smallrye.common.annotation.RunOnVirtualThread;
import io.socialroi.common.auth.Scopes;
import io.socialroi.common.auth.WorkspaceAccess;
import io.socialroi.common.money.Money;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.workspace.WorkspaceDirectory;
import io.socialroi.reporting.cost.WorkspaceMoney;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reporting settings of a workspace: what an hour of answering comments and DMs costs. */
@Path("/workspaces/{workspaceId}/settings")
@Tag(name = "Settings")
@RunOnVirtualThread
@APIResponse(responseCode = "401", description = "No valid token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Missing scope",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "Unknown workspace, or another workspace's",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SettingsResource {

    private final WorkspaceAccess access;
    private final WorkspaceDirectory workspaces;
    private final SettingsStore store;

    public SettingsResource(WorkspaceAccess access, WorkspaceDirectory workspaces, SettingsStore store) {
        this.access = access;
        this.workspaces = workspaces;
        this.store = store;
    }

    @GET
    @RolesAllowed(Scopes.REPORTS_READ)
    @Operation(summary = "Read the settings", description = "Zero rate and minutes until they are set.")
    @APIResponse(responseCode = "200", description = "The settings")
    public SettingsView get(@PathParam("workspaceId") UUID workspaceId) {
        access.require(workspaceId);
        return store.find(workspaceId, workspaces.get(workspaceId).currency());
    }

    @PUT
    @RolesAllowed(Scopes.COSTS_WRITE)
    @Transactional
    @Operation(summary = "Replace the settings")
    @APIResponse(responseCode = "200", description = "The stored settings")
    @APIResponse(responseCode = "400", description = "Malformed JSON or wrong type",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Negative values or another currency",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SettingsView put(@PathParam("workspaceId") UUID workspaceId, @Valid @NotNull SettingsRequest request) {
        access.require(workspaceId);
        Money rate = WorkspaceMoney.require("hourlyRate", request.hourlyRate(),
                workspaces.get(workspaceId).currency());
        WorkspaceSettings settings = WorkspaceSettings.findById(workspaceId);
        if (settings == null) {
            settings = new WorkspaceSettings();
            settings.workspaceId = workspaceId;
        }
        settings.hourlyRate = rate.amount();
        settings.currency = rate.currency();
        settings.minutesPerComment = request.minutesPerComment();
        settings.minutesPerDm = request.minutesPerDm();
        settings.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        settings.persist();
        return SettingsView.of(settings);
    }
}

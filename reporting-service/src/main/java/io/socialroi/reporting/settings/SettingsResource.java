package io.socialroi.reporting.settings;

import io.smallrye.common.annotation.RunOnVirtualThread;
import io.socialroi.common.auth.Scopes;
import io.socialroi.common.auth.WorkspaceAccess;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.workspace.WorkspaceDirectory;
import io.socialroi.common.workspace.WorkspaceInfo;
import io.socialroi.reporting.cost.WorkspaceMoney;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.LocalDate;
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
    private final WorkspaceMoney money;

    public SettingsResource(WorkspaceAccess access, WorkspaceDirectory workspaces, SettingsStore store,
            WorkspaceMoney money) {
        this.access = access;
        this.workspaces = workspaces;
        this.store = store;
        this.money = money;
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
    @Operation(summary = "Replace the settings", description = "The hourly rate is in the workspace's currency, or in "
            + "another one for which the workspace has today's exchange rate in conversion-service (which owns the "
            + "rates): then converted exactly as conversion-service converts a conversion's value, and kept as sent "
            + "beside (originalHourlyRate, exchangeRate, exchangeRateDate).")
    @APIResponse(responseCode = "200", description = "The stored settings")
    @APIResponse(responseCode = "400", description = "Malformed JSON or wrong type",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Negative values, or another currency without an exchange rate "
            + "for today (errors name hourlyRate.currency)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "content-service (workspace settings) or, for another currency, "
            + "conversion-service (exchange rates) unreachable: the title names it; nothing changes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SettingsView put(@PathParam("workspaceId") UUID workspaceId, @Valid @NotNull SettingsRequest request) {
        access.require(workspaceId);
        WorkspaceInfo workspace = workspaces.get(workspaceId);
        // Another currency is converted with today's rate (the workspace's local day), read before anything is
        // written; conversion-service down is a 503 and nothing changes.
        WorkspaceMoney.Converted rate = money.require("hourlyRate", request.hourlyRate(), workspaceId,
                workspace.currency(), LocalDate.now(workspace.zone()));
        WorkspaceSettings settings = WorkspaceSettings.findById(workspaceId);
        if (settings == null) {
            settings = new WorkspaceSettings();
            settings.workspaceId = workspaceId;
        }
        settings.hourlyRate = rate.amount().amount();
        settings.currency = rate.amount().currency();
        settings.originalHourlyRate = rate.original() == null ? null : rate.original().amount();
        settings.originalCurrency = rate.original() == null ? null : rate.original().currency();
        settings.exchangeRate = rate.rate();
        settings.exchangeRateDate = rate.rateDate();
        settings.minutesPerComment = request.minutesPerComment();
        settings.minutesPerDm = request.minutesPerDm();
        settings.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        settings.persist();
        return SettingsView.of(settings);
    }
}

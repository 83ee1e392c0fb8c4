package io.socialroi.conversion.currency;

import io.socialroi.common.auth.Scopes;
import io.socialroi.common.auth.WorkspaceAccess;
import io.socialroi.common.problem.Params;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.common.workspace.WorkspaceDirectory;
import io.socialroi.common.workspace.WorkspaceInfo;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Per-workspace exchange rates. A conversion valued in another currency than the workspace's is only
 * accepted when a rate for that currency and the conversion's local day exists.
 */
@Path("/workspaces/{workspaceId}/exchange-rates/{currency}/{date}")
@Tag(name = "Exchange rates")
public class ExchangeRateResource {

    private final WorkspaceAccess access;
    private final WorkspaceDirectory workspaces;
    private final ExchangeRates rates;

    public ExchangeRateResource(WorkspaceAccess access, WorkspaceDirectory workspaces, ExchangeRates rates) {
        this.access = access;
        this.workspaces = workspaces;
        this.rates = rates;
    }

    @PUT
    @RolesAllowed(Scopes.CONVERSIONS_WRITE)
    @Operation(summary = "Set the rate of a currency on a local day (one unit in the workspace currency)")
    @RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ExchangeRateRequest.class), examples = @ExampleObject(name = "usd",
                    summary = "1 USD = 0.9215 in the workspace currency", value = "{\"rate\":\"0.9215\"}")))
    @APIResponse(responseCode = "200", description = "The stored rate")
    @APIResponse(responseCode = "404", description = "No such workspace")
    @APIResponse(responseCode = "422", description = "Unknown currency, bad date, the workspace's own currency, "
            + "or a rate that is not positive")
    public ExchangeRateView put(@PathParam("workspaceId") UUID workspaceId, @PathParam("currency") String currency,
            @PathParam("date") String date, @Valid @NotNull ExchangeRateRequest request) {
        access.require(workspaceId);
        Params.currency("currency", currency);
        LocalDate day = Params.requiredLocalDate("date", date);
        WorkspaceInfo workspace = workspaces.get(workspaceId);
        if (workspace.currency().equals(currency)) {
            throw ProblemException.invalid("currency", "is the workspace currency; it needs no rate");
        }
        rates.put(workspaceId, currency, day, request.rate());
        return new ExchangeRateView(currency, day, request.rate(), workspace.currency());
    }

    @GET
    @RolesAllowed(Scopes.CONVERSIONS_READ)
    @Operation(summary = "Read the rate of a currency on a local day")
    @APIResponse(responseCode = "200", description = "The stored rate")
    @APIResponse(responseCode = "404", description = "No such workspace or no rate for that currency and day")
    @APIResponse(responseCode = "422", description = "Unknown currency or a date that is not a local date")
    public ExchangeRateView get(@PathParam("workspaceId") UUID workspaceId, @PathParam("currency") String currency,
            @PathParam("date") String date) {
        access.require(workspaceId);
        Params.currency("currency", currency);
        LocalDate day = Params.requiredLocalDate("date", date);
        WorkspaceInfo workspace = workspaces.get(workspaceId);
        return rates.find(workspaceId, currency, day)
                .map(rate -> new ExchangeRateView(currency, day, rate, workspace.currency()))
                .orElseThrow(() -> ProblemException.notFound("Exchange rate " + currency + " on " + day));
    }
}

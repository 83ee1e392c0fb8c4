package io.socialroi.conversion.customer;

import io.smallrye.common.annotation.RunOnVirtualThread;
import io.socialroi.common.auth.Scopes;
import io.socialroi.common.auth.WorkspaceAccess;
import io.socialroi.common.money.Money;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.common.workspace.WorkspaceDirectory;
import io.socialroi.conversion.conversion.ConversionStore;
import io.socialroi.conversion.conversion.ConversionView;
import io.socialroi.conversion.identity.IdentityLinks;
import io.socialroi.conversion.identity.IdentityView;
import io.socialroi.conversion.touchpoint.Engagement;
import io.socialroi.conversion.touchpoint.TouchpointCapture;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * One customer: lifetime value over the whole history, and the journey of touchpoints and conversions.
 * The journey reads engagement-service live (one batched search for one person), so it also shows what
 * happened after the last conversion; a report never does this per conversion.
 */
@Path("/workspaces/{workspaceId}/customers/{customerId}")
@Tag(name = "Customers")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class CustomerResource {

    static final int MAX_CONVERSIONS = 500;

    private final WorkspaceAccess access;
    private final WorkspaceDirectory workspaces;
    private final ConversionStore conversions;
    private final IdentityLinks identities;
    private final Engagement engagement;
    private final TouchpointCapture capture;
    private final CustomerTotals customers;

    public CustomerResource(WorkspaceAccess access, WorkspaceDirectory workspaces, ConversionStore conversions,
            IdentityLinks identities, Engagement engagement, TouchpointCapture capture, CustomerTotals customers) {
        this.access = access;
        this.workspaces = workspaces;
        this.conversions = conversions;
        this.identities = identities;
        this.engagement = engagement;
        this.capture = capture;
        this.customers = customers;
    }

    @GET
    @RolesAllowed(Scopes.CONVERSIONS_READ)
    @Operation(summary = "A customer with lifetime value (every purchase, repeat purchases included)")
    @APIResponse(responseCode = "200", description = "The customer")
    @APIResponse(responseCode = "404", description = "No such workspace, or no conversion or identity of this customer")
    @APIResponse(responseCode = "503", description = "content-service (workspace settings) unavailable")
    public CustomerView get(@PathParam("workspaceId") UUID workspaceId, @PathParam("customerId") String customerId)
            throws SQLException {
        access.require(workspaceId);
        String currency = workspaces.get(workspaceId).currency();
        CustomerTotals.Totals totals = customers.of(workspaceId, customerId);
        List<IdentityView> links = identities.list(workspaceId, customerId);
        if (totals.conversions() == 0 && links.isEmpty()) {
            throw ProblemException.notFound("Customer " + customerId);
        }
        Money average = totals.purchases() == 0 ? Money.zero(currency) : Money.of(totals.revenue()
                .divide(BigDecimal.valueOf(totals.purchases()), 4, RoundingMode.HALF_EVEN), currency);
        return new CustomerView(customerId, totals.conversions(), totals.purchases(),
                Money.of(totals.revenue(), currency), average, totals.firstConversionAt(), totals.firstPurchaseAt(),
                totals.lastConversionAt(), links);
    }

    @GET
    @Path("/journey")
    @RolesAllowed(Scopes.CONVERSIONS_READ)
    @Operation(summary = "Touchpoints and conversions of a customer in time order",
            description = "Touchpoints of every actor and click linked to the customer or named by their conversions, "
                    + "from the capture window (90 days) before the first conversion until now.")
    @APIResponse(responseCode = "200", description = "The journey")
    @APIResponse(responseCode = "404", description = "No such workspace, or no conversion or identity of this customer")
    @APIResponse(responseCode = "503", description = "engagement-service or content-service unavailable")
    public CustomerJourney journey(@PathParam("workspaceId") UUID workspaceId,
            @PathParam("customerId") String customerId) throws SQLException {
        access.require(workspaceId);
        workspaces.get(workspaceId);
        List<ConversionView> history = history(workspaceId, customerId);
        IdentityLinks.Person person = identities.people(workspaceId, List.of(customerId)).get(customerId);
        if (history.isEmpty() && person.actorIds().isEmpty() && person.clickIds().isEmpty()) {
            throw ProblemException.notFound("Customer " + customerId);
        }
        Set<String> actors = new LinkedHashSet<>(person.actorIds());
        Set<String> clicks = new LinkedHashSet<>(person.clickIds());
        for (ConversionView c : history) {
            actors.addAll(c.actorIds());
            if (c.clickId() != null) {
                clicks.add(c.clickId());
            }
        }
        OffsetDateTime now = OffsetDateTime.now();
        OffsetDateTime start = (history.isEmpty() ? now : history.get(0).occurredAt())
                .minusDays(capture.maxLookbackDays());
        List<JourneyItem> items = new ArrayList<>();
        engagement.touchpoints(workspaceId, actors, clicks, start, now).forEach(t -> items.add(JourneyItem.of(t)));
        for (ConversionView c : history) {
            items.add(JourneyItem.conversion(c.id(), c.eventId(), c.type(), c.occurredAt(), c.clickId(),
                    c.value() == null ? null : c.workspaceValue()));
        }
        items.sort(Comparator.comparing(JourneyItem::occurredAt).thenComparing(i -> "CONVERSION".equals(i.kind()))
                .thenComparing(JourneyItem::eventId));
        return new CustomerJourney(customerId, items);
    }

    /** The customer's conversions, oldest first (the latest 500 for a journey). */
    private List<ConversionView> history(UUID workspaceId, String customerId) throws SQLException {
        List<ConversionView> newestFirst = conversions.list(workspaceId, customerId, null, null, MAX_CONVERSIONS);
        List<ConversionView> oldestFirst = new ArrayList<>(newestFirst);
        oldestFirst.sort(Comparator.comparing(ConversionView::occurredAt).thenComparing(ConversionView::eventId));
        return oldestFirst;
    }
}

package io.socialroi.content.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import io.socialroi.common.auth.Scopes;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.common.remote.RemotePolicy;
import io.socialroi.content.auth.TokenIssuer;
import io.socialroi.content.campaign.Campaign;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * What money a workspace already holds in its currency. The suite stores every amount in the workspace
 * currency at the time of the write (a campaign's budgetInWorkspaceCurrency here, a conversion's value at
 * conversion-service, a cost and the hourly rate at reporting-service; an amount sent in another currency is
 * converted on arrival with the exchange rate of its day, API.md "Money"). Exchange rates convert what arrives,
 * not what is stored: relabelling stored amounts with a new currency would turn 100 EUR into 100 USD in every
 * report. So the currency may change only while the workspace holds no money at all; otherwise the change is
 * refused with a 409 naming what holds it. Exchange rates themselves need nothing: each names the workspace
 * currency it was set for and is unusable once that differs (suite-common {@code ExchangeRate#usable}).
 *
 * <p>The other services are asked through their public list endpoints with a token content-service mints itself,
 * bound to the workspace ({@code conversions:read reports:read}), under the suite's one remote policy: a service
 * that is down or slow makes the change a 503 naming it, with nothing changed.
 */
@ApplicationScoped
public class RecordedMoney {

    static final String CONVERSION = "conversion-service";
    static final String REPORTING = "reporting-service";

    private final RecordedMoneyClients.Conversions conversions;
    private final RecordedMoneyClients.Reporting reporting;
    private final TokenIssuer tokens;

    public RecordedMoney(@RestClient RecordedMoneyClients.Conversions conversions,
            @RestClient RecordedMoneyClients.Reporting reporting, TokenIssuer tokens) {
        this.conversions = conversions;
        this.reporting = reporting;
        this.tokens = tokens;
    }

    /** Readable names of what holds money in the workspace currency; empty when nothing does. */
    public List<String> holders(UUID workspaceId) {
        List<String> found = new ArrayList<>();
        long budgets = Campaign.count("workspaceId = ?1 and budgetAmount is not null", workspaceId);
        if (budgets > 0) {
            found.add(budgets + " campaign budget" + (budgets == 1 ? "" : "s"));
        }
        String bearer = "Bearer " + tokens.forWorkspace("content-service",
                List.of(Scopes.CONVERSIONS_READ, Scopes.REPORTS_READ), workspaceId).token();
        if (nonEmpty(call(CONVERSION, () -> conversions.conversions(bearer, workspaceId, 1)))) {
            found.add("conversions (conversion-service)");
        }
        if (nonEmpty(call(REPORTING, () -> reporting.costs(bearer, workspaceId, 1)))) {
            found.add("costs (reporting-service)");
        }
        JsonNode settings = call(REPORTING, () -> reporting.settings(bearer, workspaceId));
        JsonNode rate = settings == null ? null : settings.path("hourlyRate").path("amount");
        if (rate != null && !rate.isMissingNode() && !rate.isNull() && new BigDecimal(rate.asText()).signum() != 0) {
            found.add("the community-management hourly rate (reporting-service)");
        }
        return found;
    }

    private static boolean nonEmpty(JsonNode page) {
        return page != null && page.path("items").isArray() && !page.path("items").isEmpty();
    }

    /** One GET under the remote policy; a workspace the other service does not know (404) holds nothing there. */
    private static JsonNode call(String service, Supplier<JsonNode> get) {
        try {
            return RemotePolicy.of(service).get(get);
        } catch (ProblemException e) {
            if (e.problem().status() == 404) {
                return null;
            }
            Log.warnf("Could not learn whether the workspace holds money at %s: %s", service, e.problem().detail());
            if (e.problem().status() == 503) {
                throw ProblemException.unavailable(service, e.problem().detail()
                        + "; the currency was not changed (it can change only while the workspace holds no money)");
            }
            throw ProblemException.unavailable(service, service + " answered " + e.problem().status()
                    + "; the currency was not changed");
        }
    }
}

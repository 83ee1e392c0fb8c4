package io.socialroi.reporting.dependency;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** conversion-service, read with this service's own token. */
@RegisterRestClient(configKey = "conversion-service")
@Path("/workspaces/{workspaceId}")
public interface ConversionClient {

    @GET
    @Path("/attribution")
    Attribution attribution(@HeaderParam("Authorization") String authorization,
            @PathParam("workspaceId") UUID workspaceId, @QueryParam("model") String model,
            @QueryParam("lookbackDays") Integer lookbackDays, @QueryParam("halfLifeDays") String halfLifeDays,
            @QueryParam("touchTypes") String touchTypes, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("groupBy") String groupBy, @QueryParam("method") String method);

    /** The workspace's exchange rate of a currency on a local day; 404 when it has none. */
    @GET
    @Path("/exchange-rates/{currency}/{date}")
    ExchangeRate exchangeRate(@HeaderParam("Authorization") String authorization,
            @PathParam("workspaceId") UUID workspaceId, @PathParam("currency") String currency,
            @PathParam("date") String date);
}

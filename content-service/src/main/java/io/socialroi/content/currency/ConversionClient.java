package io.socialroi.content.currency;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** conversion-service's exchange rates (it owns them; content-service keeps no copy), as content-service reads them. */
@RegisterRestClient(configKey = "conversion-service")
@Path("/workspaces/{workspaceId}/exchange-rates")
public interface ConversionClient {

    /** conversion-service's answer: one {@code currency} is worth {@code rate} of {@code workspaceCurrency} that day. */
    record ExchangeRate(String currency, LocalDate date, BigDecimal rate, String workspaceCurrency) {
    }

    /** Error statuses throw; 404 means no rate for that currency and day. */
    @GET
    @Path("/{currency}/{date}")
    @Produces(MediaType.APPLICATION_JSON)
    ExchangeRate rate(@HeaderParam("Authorization") String authorization, @PathParam("workspaceId") UUID workspaceId,
            @PathParam("currency") String currency, @PathParam("date") LocalDate date);
}

package io.socialroi.reporting.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.socialroi.common.money.Money;
import io.socialroi.common.json.StrictBody;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PUT /workspaces/{ws}/settings}. */
@Schema(example = "{\"hourlyRate\":{\"amount\":\"30.00\",\"currency\":\"EUR\"},\"minutesPerComment\":2,"
        + "\"minutesPerDm\":5}")
// updatedAt may come back from a GET; anything else unknown (a time zone, say: it is the workspace's, set in
// content-service) is refused.
@JsonIgnoreProperties({"updatedAt", "originalHourlyRate", "exchangeRate", "exchangeRateDate"})
public record SettingsRequest(
        @NotNull @Schema(description = "Cost of one hour of community management; in the workspace's currency, or in "
                + "another one for which the workspace has an exchange rate today (its local day) in "
                + "conversion-service: then converted with it (amount x rate, rounded half-even) and kept as sent")
        Money hourlyRate,
        @NotNull @DecimalMin("0") @DecimalMax("1440") @Digits(integer = 4, fraction = 2)
        @Schema(description = "Minutes spent per handled comment", example = "2") BigDecimal minutesPerComment,
        @NotNull @DecimalMin("0") @DecimalMax("1440") @Digits(integer = 4, fraction = 2)
        @Schema(description = "Minutes spent per handled DM", example = "5") BigDecimal minutesPerDm) implements StrictBody {
}

package io.socialroi.conversion.currency;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PUT /workspaces/{ws}/exchange-rates/{currency}/{date}}. */
@Schema(example = "{\"rate\":\"0.9215\"}")
public record ExchangeRateRequest(
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 14, fraction = 10)
        @Schema(type = SchemaType.STRING, description = "Value of one unit of the currency in the workspace currency",
                example = "0.9215") BigDecimal rate) {
}

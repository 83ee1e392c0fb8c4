package io.socialroi.reporting.dependency;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * conversion-service's {@code GET /workspaces/{ws}/exchange-rates/{currency}/{date}} answer: one unit of
 * {@code currency} is worth {@code rate} of {@code workspaceCurrency} on that local day.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExchangeRate(String currency, LocalDate date, BigDecimal rate, String workspaceCurrency) {
}

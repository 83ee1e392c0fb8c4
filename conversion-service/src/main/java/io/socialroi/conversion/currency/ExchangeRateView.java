package io.socialroi.conversion.currency;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.socialroi.common.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A stored exchange rate: one {@code currency} is worth {@code rate} of {@code workspaceCurrency} that day. */
public record ExchangeRateView(String currency, LocalDate date,
        @JsonSerialize(using = Money.PlainDecimal.class) BigDecimal rate, String workspaceCurrency) {

    /** The rate without the storage scale's trailing zeros: 0.92, not 0.9200000000. */
    public ExchangeRateView {
        rate = rate.stripTrailingZeros();
    }
}

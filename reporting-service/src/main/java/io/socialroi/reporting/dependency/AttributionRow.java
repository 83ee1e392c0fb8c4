package io.socialroi.reporting.dependency;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.socialroi.common.money.Money;
import java.math.BigDecimal;

/**
 * Credit for one group (or the attributed / unattributed totals) in conversion-service's attribution;
 * fractional, because a conversion's credit is shared among its touchpoints. {@code ltv} is read when
 * conversion-service provides it per row.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AttributionRow(String key, BigDecimal conversions, Money revenue, BigDecimal leads,
        BigDecimal purchases, BigDecimal newCustomers, Money ltv) {

    public BigDecimal conversionCount() {
        return conversions == null ? BigDecimal.ZERO : conversions;
    }

    public BigDecimal leadCount() {
        return leads == null ? BigDecimal.ZERO : leads;
    }

    public BigDecimal newCustomerCount() {
        return newCustomers == null ? BigDecimal.ZERO : newCustomers;
    }

    public BigDecimal revenueAmount() {
        return revenue == null || revenue.amount() == null ? BigDecimal.ZERO : revenue.amount();
    }
}

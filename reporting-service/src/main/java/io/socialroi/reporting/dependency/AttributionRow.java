package io.socialroi.reporting.dependency;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.socialroi.common.money.Money;
import java.math.BigDecimal;

/**
 * Credit for one group (or the attributed / unattributed totals) in conversion-service's attribution;
 * fractional, because a conversion's credit is shared among its touchpoints. The people counts are distinct
 * people within the row (a customer, or the conversion itself when it has none): {@code convertingPeople} with
 * credit in the row, {@code leadPeople} with a credited lead, {@code newCustomerPeople} whose first purchase in
 * the period is credited to the row, {@code leadOrCustomerPeople} either. They do not add up across rows under
 * multi-touch models. {@code ltv} is the credit-weighted mean lifetime value of the row's new customers (null
 * when it has none). Rows grouped by post carry the post's current {@code funnelStage}, {@code platform} and
 * {@code campaignId}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AttributionRow(String key, BigDecimal conversions, Money revenue, BigDecimal leads,
        BigDecimal purchases, BigDecimal newCustomers, Money ltv, Long convertingPeople, Long leadPeople,
        Long newCustomerPeople, Long leadOrCustomerPeople, String funnelStage, String platform, String campaignId) {

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

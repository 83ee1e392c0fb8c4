package io.socialroi.conversion.attribution;

import io.socialroi.common.money.Money;
import java.math.BigDecimal;

/** A running sum of credit for one row (or a total), for {@link ReferenceAttribution}. */
final class Tally {

    private BigDecimal conversions = BigDecimal.ZERO;
    private BigDecimal revenue = BigDecimal.ZERO;
    private BigDecimal leads = BigDecimal.ZERO;
    private BigDecimal purchases = BigDecimal.ZERO;
    private BigDecimal newCustomers = BigDecimal.ZERO;

    /** Adds one conversion's share: {@code credit} of a whole conversion and {@code revenueShare} of its value. */
    void add(Journey journey, BigDecimal credit, BigDecimal revenueShare) {
        conversions = conversions.add(credit);
        revenue = revenue.add(revenueShare);
        if (journey.lead()) {
            leads = leads.add(credit);
        }
        if (journey.purchase()) {
            purchases = purchases.add(credit);
        }
        if (journey.newCustomer()) {
            newCustomers = newCustomers.add(credit);
        }
    }

    BigDecimal revenue() {
        return revenue;
    }

    BigDecimal conversions() {
        return conversions;
    }

    Metrics metrics(String currency) {
        return new Metrics(conversions, Money.of(revenue, currency), leads, purchases, newCustomers);
    }
}

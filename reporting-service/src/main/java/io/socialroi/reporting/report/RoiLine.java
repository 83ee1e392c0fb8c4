package io.socialroi.reporting.report;

import io.socialroi.common.money.Money;
import java.math.BigDecimal;

/**
 * What one report row adds up while it is being built. Every part is rounded as it comes in (money to the
 * currency, shared credit to 4 decimals), so the totals, built by adding the rows' parts, equal the sum of
 * the rows exactly. People counts (engaged actors, converting people) are distinct within a row and are not
 * added: the totals take the dependencies' own totals.
 */
final class RoiLine {

    /** Recorded costs other than community management. */
    BigDecimal costs = BigDecimal.ZERO;
    BigDecimal adSpend = BigDecimal.ZERO;
    BigDecimal communityManagement = BigDecimal.ZERO;
    BigDecimal revenue = BigDecimal.ZERO;
    BigDecimal conversions = BigDecimal.ZERO;
    BigDecimal leads = BigDecimal.ZERO;
    BigDecimal customers = BigDecimal.ZERO;
    /** Real engagement: of actors not flagged as bot or bought engagement. */
    long engagements;
    /** Every engagement, flagged actors' included. */
    long rawEngagements;
    long impressions;
    long comments;
    long dms;
    Long engagedActors;
    Long convertingPeople;
    /** True once an attribution row was read for this line: then an unknown convertingPeople stays unknown. */
    boolean credited;
    String funnelStage;
    Money ltv;

    void add(RoiLine other) {
        costs = costs.add(other.costs);
        adSpend = adSpend.add(other.adSpend);
        communityManagement = communityManagement.add(other.communityManagement);
        revenue = revenue.add(other.revenue);
        conversions = conversions.add(other.conversions);
        leads = leads.add(other.leads);
        customers = customers.add(other.customers);
        engagements += other.engagements;
        rawEngagements += other.rawEngagements;
        impressions += other.impressions;
        comments += other.comments;
        dms += other.dms;
    }

    boolean isEmpty() {
        return costs.signum() == 0 && communityManagement.signum() == 0 && revenue.signum() == 0
                && conversions.signum() == 0 && leads.signum() == 0 && customers.signum() == 0 && rawEngagements == 0
                && impressions == 0;
    }

    /** Spend is every cost of the row: recorded costs plus the community-management time of its engagement. */
    RoiRow toRow(String key, String label, String currency) {
        BigDecimal spend = costs.add(communityManagement);
        Long converting = convertingPeople != null || credited ? convertingPeople : Long.valueOf(0);
        return new RoiRow(key, label, funnelStage, Money.of(spend, currency), Money.of(adSpend, currency),
                Money.of(communityManagement, currency), Money.of(revenue, currency),
                Money.of(revenue.subtract(spend), currency), Ratios.ratio(revenue.subtract(spend), spend),
                Ratios.ratio(revenue, adSpend), conversions.doubleValue(), leads.doubleValue(), customers.doubleValue(),
                Ratios.per(spend, customers, currency), Ratios.per(spend, leads, currency),
                Ratios.conversionRate(converting, engagedActors), engagements, rawEngagements,
                rawEngagements - engagements, impressions, Ratios.ratio(engagements, impressions),
                Ratios.per(spend, BigDecimal.valueOf(engagements), currency),
                ltv == null || ltv.amount() == null ? null : Money.of(ltv.amount(), currency));
    }
}

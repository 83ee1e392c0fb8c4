package io.socialroi.reporting.report;

import io.socialroi.common.money.Money;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One row (or the totals) of the ROI report. Ratios are null where their denominator is zero. */
public record RoiRow(
        @Schema(description = "Campaign or post id, platform or stage name, or 'unassigned'") String key,
        String label,
        @Schema(description = "The post's current funnel stage on rows grouped by post (the stage itself on rows "
                + "grouped by funnel stage); null otherwise", example = "ACTION") String funnelStage,
        @Schema(description = "Every cost of the row: recorded costs plus community-management time") Money spend,
        @Schema(description = "AD_SPEND costs, the denominator of ROAS") Money adSpend,
        @Schema(description = "COMMUNITY_MANAGEMENT costs plus handled comments and DMs priced by the settings")
        Money communityManagement,
        @Schema(description = "Attributed revenue") Money revenue,
        Money profit,
        @Schema(description = "(revenue - spend) / spend; 2.0 means +200%") Double roi,
        @Schema(description = "revenue / adSpend") Double roas,
        @Schema(description = "Credited conversions (fractional under shared-credit models)") Double conversions,
        @Schema(description = "Credited leads: LEAD, SIGNUP, CALL, BOOKING, DM_INQUIRY") Double leads,
        @Schema(description = "Credited new customers (first purchase in the period)") Double customers,
        @Schema(description = "spend / customers") Money cac,
        @Schema(description = "spend / leads") Money cpl,
        @Schema(description = "The share of the people who engaged for real that converted: people with a credited "
                + "conversion / max(people who engaged for real, people with a credited conversion), so never above "
                + "1 (a person who converted counts as engaged). Null on the 'unassigned' row and when nobody engaged "
                + "or converted") Double conversionRate,
        @Schema(description = "Real engagement: every engagement except IMPRESSION and VIEW of the people who are not "
                + "flagged as bot or bought engagement (bursts, identical comments) near the period")
        long engagements,
        @Schema(description = "Every engagement except IMPRESSION and VIEW, flagged people's included: engagements + "
                + "flaggedEngagements") long rawEngagements,
        @Schema(description = "Engagement of people flagged as bot or bought engagement, left out of engagements, "
                + "engagementRate and costPerEngagement") long flaggedEngagements,
        long impressions,
        @Schema(description = "Real engagement per impression: engagements / impressions") Double engagementRate,
        @Schema(description = "spend / engagements (real engagement)") Money costPerEngagement,
        @Schema(description = "Lifetime value of the customers whose first purchase (in the period) was credited to "
                + "this row: their lifetime revenue, repeat purchases included, averaged weighted by the credit the "
                + "row got for that first purchase, in every model; null when no first purchase was credited to it. "
                + "On the totals: lifetime revenue per new customer of the period") Money ltv) {
}

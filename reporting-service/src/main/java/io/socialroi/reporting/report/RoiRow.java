package io.socialroi.reporting.report;

import io.socialroi.common.money.Money;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One row (or the totals) of the ROI report. Ratios are null where their denominator is zero. */
public record RoiRow(
        @Schema(description = "Campaign or post id, platform or stage name, or 'unassigned'") String key,
        String label,
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
        @Schema(description = "conversions / unique engaged actors") Double conversionRate,
        @Schema(description = "Every counted engagement except IMPRESSION and VIEW") long engagements,
        long impressions,
        @Schema(description = "engagements / impressions") Double engagementRate,
        @Schema(description = "spend / engagements") Money costPerEngagement,
        @Schema(description = "Lifetime revenue per customer, where conversion-service provides it") Money ltv) {
}

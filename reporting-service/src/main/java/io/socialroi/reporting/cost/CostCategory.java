package io.socialroi.reporting.cost;

/** What money was spent on. {@code AD_SPEND} alone is the denominator of ROAS; every category counts for ROI. */
public enum CostCategory {
    AD_SPEND, PRODUCTION, TOOLS, AGENCY_FEE, COMMUNITY_MANAGEMENT
}

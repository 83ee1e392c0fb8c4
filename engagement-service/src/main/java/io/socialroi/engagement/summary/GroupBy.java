package io.socialroi.engagement.summary;

/** Dimensions of the summary, with the SQL that yields a row's key from a rollup row. */
public enum GroupBy {
    POST("post", "post_key::text"),
    PLATFORM("platform", "platform"),
    FUNNELSTAGE("funnelStage", "funnel_stage"),
    CAMPAIGN("campaign", "campaign_key::text"),
    /** The local date of the hour bucket in the workspace's time zone (the first parameter of the query). */
    DAY("day", "to_char(bucket AT TIME ZONE ?, 'YYYY-MM-DD')");

    private final String apiName;
    private final String keySql;

    GroupBy(String apiName, String keySql) {
        this.apiName = apiName;
        this.keySql = keySql;
    }

    /** The value as the query parameter spells it. */
    public String apiName() {
        return apiName;
    }

    public String keySql() {
        return keySql;
    }
}

package io.socialroi.conversion.attribution;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.socialroi.common.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code GET /attribution}: credit per group under one model. The rows add up to {@code attributed};
 * conversions without a counted touchpoint are {@code unattributed}; {@code totals} is both together.
 * {@code customers}: distinct customers whose first purchase falls in the period; {@code ltv}: their
 * lifetime revenue (every purchase, repeat ones included) per customer.
 */
public record AttributionReport(String model, int lookbackDays,
        @JsonSerialize(using = Metrics.Plain.class) @Schema(type = SchemaType.NUMBER) BigDecimal halfLifeDays,
        List<String> touchTypes, LocalDate from, LocalDate to, String groupBy, String currency, List<Row> rows,
        Metrics attributed, Metrics unattributed, Metrics totals, long customers, Money ltv,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(nullable = true, description = "DATA_DRIVEN only: what the "
                + "model learned (method, journeys, channels, removal effects or Shapley values, fallback note)")
        DataDriven.Summary dataDriven) {

    /**
     * One group: its key (post/campaign id, platform or stage name, "none") and its credit, the people
     * behind it and the ltv of its first purchases (see {@link Metrics}); by post also the post's current
     * platform, campaign and funnel stage (of its latest counted touch).
     */
    @Schema(name = "AttributionRow")
    public record Row(String key, String label,
            @JsonSerialize(using = Metrics.Plain.class) @Schema(type = SchemaType.NUMBER) BigDecimal conversions,
            Money revenue,
            @JsonSerialize(using = Metrics.Plain.class) @Schema(type = SchemaType.NUMBER) BigDecimal leads,
            @JsonSerialize(using = Metrics.Plain.class) @Schema(type = SchemaType.NUMBER) BigDecimal purchases,
            @JsonSerialize(using = Metrics.Plain.class) @Schema(type = SchemaType.NUMBER) BigDecimal newCustomers,
            long convertingPeople, long leadPeople, long newCustomerPeople, long leadOrCustomerPeople,
            @Schema(nullable = true) Money ltv,
            @JsonInclude(JsonInclude.Include.NON_NULL) String funnelStage,
            @JsonInclude(JsonInclude.Include.NON_NULL) String platform,
            @JsonInclude(JsonInclude.Include.NON_NULL) String campaignId) {

        static Row of(Attribution.Row row) {
            Metrics m = row.metrics();
            return new Row(row.key(), row.label(), m.conversions(), m.revenue(), m.leads(), m.purchases(),
                    m.newCustomers(), m.convertingPeople(), m.leadPeople(), m.newCustomerPeople(),
                    m.leadOrCustomerPeople(), m.ltv(), row.funnelStage(), row.platform(), row.campaignId());
        }

        Metrics metrics() {
            return new Metrics(conversions, revenue, leads, purchases, newCustomers, convertingPeople, leadPeople,
                    newCustomerPeople, leadOrCustomerPeople, ltv);
        }
    }
}

package io.socialroi.conversion.attribution;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.socialroi.common.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code GET /attribution/compare}: the same rows under each model side by side. Each row has the credit
 * per model under {@code models}; {@code attributed}, {@code unattributed} and {@code totals} do not
 * depend on the model (the window and touch types decide them), so each model's rows add up to the same
 * {@code attributed}.
 */
public record AttributionComparison(List<String> models, int lookbackDays,
        @JsonSerialize(using = Metrics.Plain.class) @Schema(type = SchemaType.NUMBER) BigDecimal halfLifeDays,
        List<String> touchTypes, LocalDate from, LocalDate to, String groupBy, String currency, List<Row> rows,
        Metrics attributed, Metrics unattributed, Metrics totals, long customers, Money ltv,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(nullable = true, description = "DATA_DRIVEN only: what the "
                + "model learned (method, journeys, channels, removal effects or Shapley values, fallback note)")
        DataDriven.Summary dataDriven) {

    /**
     * One group with its credit under each model (zero where a model gives it none); by post also the
     * post's platform, campaign and funnel stage (of its latest counted touch, whichever model).
     */
    @Schema(name = "ComparisonRow")
    public record Row(String key, String label, Map<String, Metrics> models,
            @JsonInclude(JsonInclude.Include.NON_NULL) String funnelStage,
            @JsonInclude(JsonInclude.Include.NON_NULL) String platform,
            @JsonInclude(JsonInclude.Include.NON_NULL) String campaignId) {
    }
}

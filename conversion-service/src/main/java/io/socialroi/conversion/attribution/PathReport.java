package io.socialroi.conversion.attribution;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.socialroi.common.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code GET /attribution/paths}: the most common ordered paths (platforms or funnel stages) before a first purchase.
 * {@code conversions} are first purchases throughout; {@code share} is of every first purchase of the period
 * ({@code totals}); first purchases without a counted touch are {@code unattributed}, not a row. See
 * {@link PathAnalysis} for how a path is built.
 */
@Schema(name = "PathReport")
public record PathReport(LocalDate from, LocalDate to,
        @Schema(enumeration = {"platform", "funnelStage"}) String by, int lookbackDays, List<String> touchTypes,
        int maxLength, int limit, String currency, List<Row> rows,
        @Schema(description = "Every first purchase with a counted touch, all paths together (also those past limit)")
        Attributed attributed,
        @Schema(description = "First purchases without a counted touch in their lookback window") Count unattributed,
        @Schema(description = "Every first purchase of the period") Count totals,
        @Schema(description = "Where the non-converting journeys come from, and what that leaves out") String note) {

    /** One path and the first purchases that followed it. */
    @Schema(name = "PathRow")
    public record Row(
            @Schema(description = "The steps joined by \" > \"", example = "INSTAGRAM > EMAIL") String key,
            @Schema(example = "Instagram > Email") String label,
            @Schema(description = "Platforms or funnel stages in time order, consecutive repeats collapsed; a path "
                    + "longer than maxLength keeps its first maxLength - 2 steps, \"…\" and its last step",
                    example = "[\"INSTAGRAM\", \"EMAIL\"]") List<String> path,
            @Schema(description = "Whether steps were left out (the \"…\" step)") boolean elided,
            @Schema(minimum = "1", description = "First purchases with this path") long conversions,
            Money revenue,
            @JsonSerialize(using = Metrics.Plain.class)
            @Schema(type = SchemaType.NUMBER, description = "conversions / every first purchase of the period (0..1)")
            BigDecimal share,
            @Schema(minimum = "0", description = "Non-converting journeys with this path (see note)")
            long nonConvertingJourneys,
            @Schema(minimum = "1", description = "conversions + nonConvertingJourneys") long journeys,
            @JsonSerialize(using = Metrics.Plain.class)
            @Schema(type = SchemaType.NUMBER, nullable = true, description = "conversions / journeys (0..1); null "
                    + "when the period is open at the end (no non-converting journey is known)") BigDecimal conversionRate,
            @Schema(description = "Median seconds from the first counted touch to the purchase (whole seconds, the "
                    + "mean of the two middle ones for an even count, rounded half-even)", minimum = "0")
            long medianSecondsToConvert,
            @Schema(description = "Mean seconds from the first counted touch to the purchase (rounded half-even)",
                    minimum = "0") long meanSecondsToConvert) {
    }

    /** All paths together. */
    @Schema(name = "PathTotals")
    public record Attributed(@Schema(minimum = "0") long conversions, Money revenue,
            @JsonSerialize(using = Metrics.Plain.class) @Schema(type = SchemaType.NUMBER, nullable = true)
            BigDecimal share,
            @Schema(minimum = "0", description = "Distinct paths (rows before limit)") long paths,
            @Schema(minimum = "0", description = "Every non-converting journey of the period with a counted touch")
            long nonConvertingJourneys,
            @Schema(minimum = "0", description = "conversions + nonConvertingJourneys") long journeys,
            @JsonSerialize(using = Metrics.Plain.class) @Schema(type = SchemaType.NUMBER, nullable = true)
            BigDecimal conversionRate,
            @Schema(nullable = true, minimum = "0", description = "null when no first purchase has a path")
            Long medianSecondsToConvert,
            @Schema(nullable = true, minimum = "0") Long meanSecondsToConvert) {
    }

    /** First purchases and their revenue. */
    @Schema(name = "PathCount")
    public record Count(@Schema(minimum = "0") long conversions, Money revenue,
            @JsonSerialize(using = Metrics.Plain.class)
            @Schema(type = SchemaType.NUMBER, nullable = true, description = "Of every first purchase; null when none")
            BigDecimal share) {
    }
}

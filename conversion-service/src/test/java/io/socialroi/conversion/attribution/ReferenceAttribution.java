package io.socialroi.conversion.attribution;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The attribution computation as it was before the compact engine (per-touch BigDecimal allocation), kept
 * to check that {@link Attribution} gives the same answers. Journeys without touches are unattributed. Every journey's shares add up exactly
 * to one conversion and to its revenue, so the rows add up to {@code attributed}.
 */
final class ReferenceAttribution {

    /** Credit as conversions is kept to six decimals. */
    static final int CREDIT_SCALE = 6;

    /** The summed credit of one model. */
    public record Result(List<Row> rows, Metrics attributed, Metrics unattributed, Metrics totals) {
    }

    /** One report row: a group key with its credit. */
    public record Row(String key, String label, Metrics metrics) {
    }

    private ReferenceAttribution() {
    }

    public static Result compute(List<Journey> journeys, AttributionModel model, BigDecimal halfLifeDays,
            GroupBy groupBy, String currency, int revenueScale) {
        Map<String, Tally> rows = new LinkedHashMap<>();
        Tally attributed = new Tally();
        Tally unattributed = new Tally();
        Tally totals = new Tally();
        for (Journey journey : journeys) {
            totals.add(journey, BigDecimal.ONE, journey.amount());
            if (journey.touches().isEmpty()) {
                unattributed.add(journey, BigDecimal.ONE, journey.amount());
                continue;
            }
            attributed.add(journey, BigDecimal.ONE, journey.amount());
            List<BigDecimal> weights = model.weights(
                    journey.touches().stream().map(Journey.Touch::occurredAt).toList(), journey.occurredAt(),
                    halfLifeDays);
            List<BigDecimal> credit = Allocation.split(BigDecimal.ONE, weights, CREDIT_SCALE);
            List<BigDecimal> revenue = Allocation.split(journey.amount(), weights, revenueScale);
            for (int i = 0; i < weights.size(); i++) {
                if (credit.get(i).signum() == 0 && revenue.get(i).signum() == 0) {
                    continue;
                }
                String key = groupBy.key(journey.touches().get(i));
                rows.computeIfAbsent(key, k -> new Tally()).add(journey, credit.get(i), revenue.get(i));
            }
        }
        List<Map.Entry<String, Tally>> sorted = new ArrayList<>(rows.entrySet());
        sorted.sort(Comparator.<Map.Entry<String, Tally>, BigDecimal>comparing(e -> e.getValue().revenue()).reversed()
                .thenComparing(e -> e.getValue().conversions(), Comparator.reverseOrder())
                .thenComparing(Map.Entry::getKey));
        List<Row> result = sorted.stream()
                .map(e -> new Row(e.getKey(), groupBy.label(e.getKey()), e.getValue().metrics(currency))).toList();
        return new Result(result, attributed.metrics(currency), unattributed.metrics(currency),
                totals.metrics(currency));
    }
}

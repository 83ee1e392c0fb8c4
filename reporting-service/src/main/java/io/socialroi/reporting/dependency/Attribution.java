package io.socialroi.reporting.dependency;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.socialroi.common.money.Money;
import java.math.BigDecimal;
import java.util.List;

/** conversion-service's {@code GET /workspaces/{ws}/attribution} answer. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Attribution(String model, List<AttributionRow> rows, AttributionRow attributed,
        AttributionRow unattributed, BigDecimal customers, Money ltv, DataDriven dataDriven) {

    public Attribution(String model, List<AttributionRow> rows, AttributionRow attributed,
            AttributionRow unattributed, BigDecimal customers, Money ltv) {
        this(model, rows, attributed, unattributed, customers, ltv, null);
    }

    /** DATA_DRIVEN only: the method that gave the credit, the journeys it learned from, its fallback note. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DataDriven(String method, String requestedMethod, long convertingJourneys,
            long nonConvertingJourneys, int channels, String note) {
    }

    public List<AttributionRow> rowsOrEmpty() {
        return rows == null ? List.of() : rows;
    }
}

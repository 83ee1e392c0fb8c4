package io.socialroi.reporting.dependency;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.socialroi.common.money.Money;
import java.math.BigDecimal;
import java.util.List;

/** conversion-service's {@code GET /workspaces/{ws}/attribution} answer. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Attribution(String model, List<AttributionRow> rows, AttributionRow attributed,
        AttributionRow unattributed, BigDecimal customers, Money ltv) {

    public List<AttributionRow> rowsOrEmpty() {
        return rows == null ? List.of() : rows;
    }
}

package io.socialroi.conversion;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** Content negotiation for endpoints that also answer CSV: CSV only when named before JSON in Accept. */
public final class CsvNegotiation {

    public static final String TEXT_CSV = "text/csv";

    private CsvNegotiation() {
    }

    /** True when the caller asked for text/csv by name before application/json; a wildcard gets JSON. */
    public static boolean wanted(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                continue;
            }
            if ("text".equals(type.getType()) && "csv".equals(type.getSubtype())) {
                return true;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }
}

package io.socialroi.conversion.attribution;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.socialroi.common.money.Money;
import java.io.IOException;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Credited conversions, revenue, leads, purchases and new customers; counts are fractional credit. */
public record Metrics(
        @JsonSerialize(using = Metrics.Plain.class) @Schema(type = SchemaType.NUMBER, example = "2.5")
        BigDecimal conversions,
        Money revenue,
        @JsonSerialize(using = Metrics.Plain.class) @Schema(type = SchemaType.NUMBER) BigDecimal leads,
        @JsonSerialize(using = Metrics.Plain.class) @Schema(type = SchemaType.NUMBER) BigDecimal purchases,
        @JsonSerialize(using = Metrics.Plain.class) @Schema(type = SchemaType.NUMBER) BigDecimal newCustomers) {

    /** Writes a credit as a plain JSON number without trailing zeros: 0.5, 1, 0.333334. */
    public static final class Plain extends StdSerializer<BigDecimal> {

        public Plain() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeNumber(value.stripTrailingZeros().toPlainString());
        }
    }
}

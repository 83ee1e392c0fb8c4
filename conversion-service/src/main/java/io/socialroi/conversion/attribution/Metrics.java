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

/**
 * Credited conversions, revenue, leads, purchases and new customers (fractional credit), and the people
 * behind them: {@code convertingPeople} (distinct people - the customer, or the conversion itself when it
 * has none - with credit above zero), {@code leadPeople} (the same, lead conversions only),
 * {@code newCustomerPeople} (people whose first purchase is in the period and credited here),
 * {@code leadOrCustomerPeople} (a credited lead or first purchase). People are distinct within one row,
 * not additive across rows. {@code ltv}: the credit-weighted mean lifetime revenue of the customers whose
 * first purchase (in the period) was credited here, sum(credit x lifetime) / sum(credit); null when none.
 */
public record Metrics(
        @JsonSerialize(using = Metrics.Plain.class) @Schema(type = SchemaType.NUMBER, example = "2.5")
        BigDecimal conversions,
        Money revenue,
        @JsonSerialize(using = Metrics.Plain.class) @Schema(type = SchemaType.NUMBER) BigDecimal leads,
        @JsonSerialize(using = Metrics.Plain.class) @Schema(type = SchemaType.NUMBER) BigDecimal purchases,
        @JsonSerialize(using = Metrics.Plain.class) @Schema(type = SchemaType.NUMBER) BigDecimal newCustomers,
        long convertingPeople, long leadPeople, long newCustomerPeople, long leadOrCustomerPeople,
        @Schema(nullable = true) Money ltv) {

    /** Credit alone, without people (zero) or ltv (null). */
    public Metrics(BigDecimal conversions, Money revenue, BigDecimal leads, BigDecimal purchases,
            BigDecimal newCustomers) {
        this(conversions, revenue, leads, purchases, newCustomers, 0, 0, 0, 0, null);
    }

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

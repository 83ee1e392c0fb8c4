package io.socialroi.common.money;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The contract's money object, {@code {"amount": "12.50", "currency": "EUR"}}. The amount is read from a
 * decimal string or a JSON number straight into a {@link BigDecimal} (never a double) and written as a
 * plain decimal string in the currency's minor units.
 */
@Schema(example = "{\"amount\":\"12.50\",\"currency\":\"EUR\"}")
public record Money(
        @JsonSerialize(using = Money.PlainDecimal.class)
        @Schema(type = SchemaType.STRING, example = "12.50", maxLength = 40,
                pattern = "^-?[0-9]{1,24}(\\.[0-9]{1,12})?$") BigDecimal amount,
        @Schema(example = "EUR", description = "ISO 4217 code", maxLength = 3, pattern = "^[A-Za-z]{3}$")
        String currency) {

    /** Money rounded to the currency's minor unit (cents for EUR, none for JPY), half-even. */
    public static Money of(BigDecimal amount, String currency) {
        return new Money(amount.setScale(minorDigits(currency), RoundingMode.HALF_EVEN), currency);
    }

    public static Money zero(String currency) {
        return of(BigDecimal.ZERO, currency);
    }

    public Money plus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot add " + other.currency + " to " + currency);
        }
        return of(amount.add(other.amount), currency);
    }

    private static int minorDigits(String currency) {
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? 2 : digits;
        } catch (IllegalArgumentException | NullPointerException e) {
            return 2;
        }
    }

    /** Writes a BigDecimal as a plain decimal string: "1000.00", never "1E+3". */
    public static final class PlainDecimal extends StdSerializer<BigDecimal> {

        public PlainDecimal() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.toPlainString());
        }
    }
}

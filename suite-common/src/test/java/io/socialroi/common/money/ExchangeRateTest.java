package io.socialroi.common.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ExchangeRateTest {

    private static Money money(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    private static BigDecimal rate(String value) {
        return new BigDecimal(value);
    }

    @Test
    void amountTimesRateRoundedOnceHalfEvenToTheWorkspaceCurrencysMinorUnit() {
        assertEquals(money("92.00", "EUR"), ExchangeRate.convert(money("100.00", "USD"), rate("0.92"), "EUR"));
        // 19.99 x 0.857142 = 17.13426858: no intermediate rounding of the rate or the product
        assertEquals(money("17.13", "EUR"), ExchangeRate.convert(money("19.99", "USD"), rate("0.857142"), "EUR"));
        // exactly half a cent: half-even, 0.125 -> 0.12 and 0.135 -> 0.14
        assertEquals(money("0.12", "EUR"), ExchangeRate.convert(money("0.25", "USD"), rate("0.5"), "EUR"));
        assertEquals(money("0.14", "EUR"), ExchangeRate.convert(money("0.27", "USD"), rate("0.5"), "EUR"));
    }

    @Test
    void theWorkspaceCurrencysMinorUnitDecides() {
        // JPY has no minor unit (16122.5 -> 16122, half-even; 16123.5 -> 16124), BHD three
        assertEquals(money("16122", "JPY"), ExchangeRate.convert(money("100.00", "EUR"), rate("161.225"), "JPY"));
        assertEquals(money("16124", "JPY"), ExchangeRate.convert(money("100.00", "EUR"), rate("161.235"), "JPY"));
        assertEquals(money("0.614", "BHD"), ExchangeRate.convert(money("1500", "JPY"), rate("0.0004095"), "BHD"));
        assertEquals(money("9.31", "EUR"), ExchangeRate.convert(money("1500", "JPY"), rate("0.0062055"), "EUR"));
    }

    @Test
    void moneyAlreadyInTheWorkspaceCurrencyIsOnlyRounded() {
        assertEquals(money("12.50", "EUR"), ExchangeRate.convert(money("12.5", "EUR"), null, "EUR"));
        assertEquals(money("12.50", "EUR"), ExchangeRate.convert(money("12.5", "EUR"), rate("7"), "EUR"));
    }

    @Test
    void anotherCurrencyNeedsAPositiveRate() {
        assertThrows(IllegalArgumentException.class, () -> ExchangeRate.convert(money("1", "USD"), null, "EUR"));
        assertThrows(IllegalArgumentException.class, () -> ExchangeRate.convert(money("1", "USD"), rate("0"), "EUR"));
        assertThrows(IllegalArgumentException.class, () -> ExchangeRate.convert(money("1", "USD"), rate("-1"), "EUR"));
    }

    @Test
    void aRateIsUsableWhenPositiveAndStatedForTheWorkspaceCurrency() {
        assertTrue(ExchangeRate.usable(rate("0.92"), "EUR", "EUR"));
        assertFalse(ExchangeRate.usable(rate("0.92"), "GBP", "EUR"), "a rate into another workspace currency");
        assertFalse(ExchangeRate.usable(rate("0.92"), null, "EUR"));
        assertFalse(ExchangeRate.usable(rate("0"), "EUR", "EUR"));
        assertFalse(ExchangeRate.usable(rate("-0.5"), "EUR", "EUR"));
        assertFalse(ExchangeRate.usable(null, "EUR", "EUR"));
    }
}

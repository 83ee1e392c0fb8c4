package io.socialroi.reporting.settings;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.socialroi.common.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A workspace's reporting settings. Until they are set, the rate is zero and community management costs
 * nothing in reports ({@code updatedAt} is null then).
 */
public record SettingsView(
        @Schema(description = "Cost of one hour of community management in the workspace's currency: what reports "
                + "use (converted when it was sent in another)") Money hourlyRate,
        BigDecimal minutesPerComment, BigDecimal minutesPerDm, OffsetDateTime updatedAt,
        @Schema(description = "The hourly rate as sent, when it was in another currency than the workspace's; "
                + "else null") Money originalHourlyRate,
        @JsonSerialize(using = Money.PlainDecimal.class)
        @Schema(type = SchemaType.STRING, description = "The exchange rate used (one unit of the original currency "
                + "in the workspace's, from conversion-service's exchange rates); null when none was needed",
                example = "0.9215") BigDecimal exchangeRate,
        @Schema(description = "The local day of that exchange rate: the day the settings were saved")
        LocalDate exchangeRateDate) {

    static SettingsView of(WorkspaceSettings s) {
        return new SettingsView(Money.of(s.hourlyRate, s.currency), plain(s.minutesPerComment),
                plain(s.minutesPerDm), s.updatedAt,
                s.originalHourlyRate == null ? null : Money.of(s.originalHourlyRate, s.originalCurrency),
                s.exchangeRate == null ? null : s.exchangeRate.stripTrailingZeros(), s.exchangeRateDate);
    }

    /** 2.50 as 2.5 and 10.00 as 10 (never 1E+1). */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static SettingsView defaults(String currency) {
        return new SettingsView(Money.zero(currency), BigDecimal.ZERO, BigDecimal.ZERO, null, null, null, null);
    }
}

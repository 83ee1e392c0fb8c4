package io.socialroi.reporting.settings;

import io.socialroi.common.money.Money;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A workspace's reporting settings. Until they are set, the rate is zero and community management costs
 * nothing in reports ({@code updatedAt} is null then).
 */
public record SettingsView(Money hourlyRate, BigDecimal minutesPerComment, BigDecimal minutesPerDm,
        OffsetDateTime updatedAt) {

    static SettingsView of(WorkspaceSettings s) {
        return new SettingsView(Money.of(s.hourlyRate, s.currency), plain(s.minutesPerComment),
                plain(s.minutesPerDm), s.updatedAt);
    }

    /** 2.50 as 2.5 and 10.00 as 10 (never 1E+1). */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static SettingsView defaults(String currency) {
        return new SettingsView(Money.zero(currency), BigDecimal.ZERO, BigDecimal.ZERO, null);
    }
}

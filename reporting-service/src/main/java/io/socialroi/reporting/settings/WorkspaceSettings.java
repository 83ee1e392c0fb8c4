package io.socialroi.reporting.settings;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** How a workspace prices the time its team spends on comments and DMs. */
@Entity
@Table(name = "workspace_settings")
public class WorkspaceSettings extends PanacheEntityBase {

    @Id
    @Column(name = "workspace_id")
    public UUID workspaceId;
    @Column(name = "hourly_rate")
    public BigDecimal hourlyRate;
    public String currency;
    @Column(name = "minutes_per_comment")
    public BigDecimal minutesPerComment;
    @Column(name = "minutes_per_dm")
    public BigDecimal minutesPerDm;
    /** The rate as sent when it was in another currency than the workspace's (hourlyRate is then the conversion). */
    @Column(name = "original_hourly_rate")
    public BigDecimal originalHourlyRate;
    @Column(name = "original_currency")
    public String originalCurrency;
    @Column(name = "exchange_rate")
    public BigDecimal exchangeRate;
    @Column(name = "exchange_rate_date")
    public LocalDate exchangeRateDate;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}

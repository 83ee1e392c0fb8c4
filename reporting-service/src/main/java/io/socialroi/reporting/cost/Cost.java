package io.socialroi.reporting.cost;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One cost. The table's key is (workspace_id, id); the id alone is a random UUID, so Hibernate may treat
 * it as the identifier while every query still filters by workspace first.
 */
@Entity
public class Cost extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "workspace_id")
    public UUID workspaceId;
    public String category;
    public BigDecimal amount;
    public String currency;
    @Column(name = "incurred_on")
    public LocalDate incurredOn;
    @Column(name = "campaign_id")
    public UUID campaignId;
    @Column(name = "post_id")
    public UUID postId;
    public String platform;
    public String note;
    /** What was sent when it was another currency than the workspace's (amount is then the conversion). */
    @Column(name = "original_amount")
    public BigDecimal originalAmount;
    @Column(name = "original_currency")
    public String originalCurrency;
    /** One unit of the original currency in the workspace's, on incurredOn, as conversion-service had it. */
    @Column(name = "exchange_rate")
    public BigDecimal exchangeRate;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}

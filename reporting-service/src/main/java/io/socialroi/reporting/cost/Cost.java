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
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}

package io.socialroi.content.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A workspace's subscription to post lifecycle events; one per workspace. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

    @Id
    @Column(name = "workspace_id")
    public UUID workspaceId;
    public String url;
    /** Sealed under the deployment key ({@code StoredSecrets}), never in clear. */
    public String secret;
    @Column(name = "secret_key_id")
    public String secretKeyId;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> events = new ArrayList<>();
    @Column(name = "updated_at")
    public Instant updatedAt;
}

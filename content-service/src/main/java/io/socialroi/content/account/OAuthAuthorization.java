package io.socialroi.content.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.socialroi.content.post.Platform;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An authorization in progress, known by its state's SHA-256 only (see V30). */
@Entity
@Table(name = "oauth_authorization")
public class OAuthAuthorization extends PanacheEntityBase {

    @Id
    @Column(name = "state_sha256")
    public String stateSha256;
    @Column(name = "workspace_id")
    public UUID workspaceId;
    @Enumerated(EnumType.STRING)
    public Platform platform;
    public String subject;
    public String verifier;
    @Column(name = "verifier_key_id")
    public String verifierKeyId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "completed_at")
    public Instant completedAt;

    static OAuthAuthorization locked(String stateSha256) {
        return find("stateSha256", stateSha256).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    static String context(String stateSha256) {
        return "oauth-state/" + stateSha256;
    }
}

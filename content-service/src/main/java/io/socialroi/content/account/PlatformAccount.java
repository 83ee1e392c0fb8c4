package io.socialroi.content.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.socialroi.content.post.Platform;
import io.socialroi.content.post.WorkspacePlatformKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A workspace's account on one platform, connected through OAuth; tokens sealed (see V30). */
@Entity
@Table(name = "platform_account")
@IdClass(WorkspacePlatformKey.class)
public class PlatformAccount extends PanacheEntityBase {

    public static final String CONNECTED = "CONNECTED";
    public static final String RECONNECT = "RECONNECT";

    @Id
    @Column(name = "workspace_id")
    public UUID workspaceId;
    @Id
    @Enumerated(EnumType.STRING)
    public Platform platform;
    public String status;
    public String reason;
    @Column(name = "access_token")
    public String accessToken;
    @Column(name = "refresh_token")
    public String refreshToken;
    @Column(name = "token_key_id")
    public String tokenKeyId;
    /** The granted scopes as the token endpoint named them (space or comma separated); null when unknown. */
    public String scopes;
    /** The platform's id of the account (X: its user id), which platform webhooks name; null when not known. */
    @Column(name = "platform_user_id")
    public String platformUserId;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "refresh_attempt_at")
    public Instant refreshAttemptAt;
    @Column(name = "connected_by")
    public String connectedBy;
    @Column(name = "connected_at")
    public Instant connectedAt;
    @Column(name = "refreshed_at")
    public Instant refreshedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static PlatformAccount of(UUID workspaceId, Platform platform) {
        return find("workspaceId = ?1 and platform = ?2", workspaceId, platform).firstResult();
    }

    public static PlatformAccount locked(UUID workspaceId, Platform platform) {
        return find("workspaceId = ?1 and platform = ?2", workspaceId, platform)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    static String context(UUID workspaceId, Platform platform) {
        return "account/" + workspaceId + "/" + platform;
    }
}

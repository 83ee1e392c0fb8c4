package io.socialroi.content.publish;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.socialroi.content.post.Platform;
import io.socialroi.content.post.WorkspacePlatformKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The platform webhook set up for a workspace's publisher (TELEGRAM: the bot's setWebhook): {@code hookId} is the
 * publisher's public id in the hook URL ({@code /hooks/telegram/<id>}), {@code secret} the token the platform sends
 * back with each call, sealed under the deployment key ({@code StoredSecrets.publisherHookContext}); {@code error}
 * why the platform refused to set it, null once set.
 */
@Entity
@Table(name = "publisher_hook")
@IdClass(WorkspacePlatformKey.class)
public class PublisherHook extends PanacheEntityBase {

    @Id
    @Column(name = "workspace_id")
    public UUID workspaceId;
    @Id
    @Enumerated(EnumType.STRING)
    public Platform platform;
    public String secret;
    @Column(name = "secret_key_id")
    public String secretKeyId;
    public String error;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static PublisherHook of(UUID workspaceId, Platform platform) {
        return find("workspaceId = ?1 and platform = ?2", workspaceId, platform).firstResult();
    }
}

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
import jakarta.persistence.PrePersist;
import java.time.Instant;
import java.util.UUID;

/** A workspace's publisher for one platform. */
@Entity
@IdClass(WorkspacePlatformKey.class)
public class Publisher extends PanacheEntityBase {

    @Id
    @Column(name = "workspace_id")
    public UUID workspaceId;
    @Id
    @Enumerated(EnumType.STRING)
    public Platform platform;
    @Enumerated(EnumType.STRING)
    public PublisherType type;
    /** WEBHOOK: the receiver; null for the native types. */
    public String url;
    /**
     * Sealed under the deployment key ({@code StoredSecrets}), never in clear: the WEBHOOK signing secret, the
     * TELEGRAM bot token, the DISCORD webhook URL (it carries the webhook's token) or bot token; null for QUORA_ASSISTED.
     */
    public String secret;
    @Column(name = "secret_key_id")
    public String secretKeyId;
    /** TELEGRAM: the chat posts go to, a numeric id or a public {@code @channelusername}. */
    @Column(name = "chat_id")
    public String chatId;
    /**
     * The publisher's destination on the platform, for the types that have one besides the connected account
     * (e.g. the Facebook Page or the Instagram professional account posts go to, a DISCORD bot's channel id); null for
     * the others (a DISCORD webhook).
     */
    public String target;
    /** EMAIL_SMTP, SMS_API, WHATSAPP_API: their settings besides secret and target, JSON ({@link PublisherSettings}). */
    public String settings;
    /** Why the platform refused the credentials at the last attempt ("reconnect the account"); null when fine. */
    @Column(name = "reconnect_reason")
    public String reconnectReason;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /**
     * The publisher's id in the URLs its platform calls (SMS_API: Twilio's {@code /hooks/twilio/<id>/status} and
     * {@code /messages}); kept when the publisher is configured again, so the URLs set in the platform keep working.
     */
    @Column(name = "public_id", updatable = false)
    public UUID publicId;

    @PrePersist
    void assignPublicId() {
        if (publicId == null) {
            publicId = UUID.randomUUID();
        }
    }

    public static Publisher of(UUID workspaceId, Platform platform) {
        return find("workspaceId = ?1 and platform = ?2", workspaceId, platform).firstResult();
    }

    /** The publisher with this public id, or null. */
    public static Publisher byPublicId(UUID publicId) {
        return find("publicId", publicId).firstResult();
    }
}

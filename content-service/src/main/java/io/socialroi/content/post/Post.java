package io.socialroi.content.post;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One piece of content for one platform. The table's key is {@code (workspace_id, id)}; ids are random
 * UUIDs, so the entity is identified by {@code id} and every query also names the workspace.
 */
@Entity
public class Post extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "workspace_id")
    public UUID workspaceId;
    @Column(name = "campaign_id")
    public UUID campaignId;
    @Enumerated(EnumType.STRING)
    public Platform platform;
    @Enumerated(EnumType.STRING)
    @Column(name = "funnel_stage")
    public FunnelStage funnelStage;
    public String caption;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "media_urls")
    public List<String> mediaUrls = new ArrayList<>();
    @Column(name = "call_to_action")
    public String callToAction;
    @Column(name = "landing_url")
    public String landingUrl;
    /** Per-platform fields (title, board, subreddit, template), null when none. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "platform_options")
    public PlatformOptions platformOptions;
    @Column(name = "scheduled_at")
    public Instant scheduledAt;
    @Enumerated(EnumType.STRING)
    public PostStatus status;
    /**
     * Counts the changes a reviewer would see: every edit and every new submission for review. An approval
     * link is bound to the revision it was made for.
     */
    public int revision = 1;
    /** Kept once made, so a link already shared keeps working when the landing URL changes. */
    @Column(name = "link_code")
    public String linkCode;
    @Column(name = "link_destination")
    public String linkDestination;
    @Column(name = "publish_attempts")
    public int publishAttempts;
    /** When the publisher should next look at the post (due time while scheduled, backoff while publishing). */
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    /** The X-Suite-Delivery id of the publishing delivery, the same across its retries. */
    @Column(name = "delivery_id")
    public UUID deliveryId;
    @Column(name = "failure_reason")
    public String failureReason;
    @Column(name = "published_at")
    public Instant publishedAt;
    /** The platform's own id of the published post (Telegram message_id, Discord message id). */
    @Column(name = "remote_id")
    public String remoteId;
    /** Where the published post can be seen, when the platform tells (or a person gave it, for a hand-off). */
    public String permalink;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /**
     * Whether engagement-service has acknowledged the post's current registration (its directory entry and
     * tracked link), read from the outbox when the post is loaded; set by the writer after an inline send.
     */
    @Formula("(select r.delivered_at is not null from link_registration r"
            + " where r.workspace_id = workspace_id and r.post_id = id)")
    public Boolean registered;

    /** The post of this workspace, or null; never one of another workspace. */
    public static Post inWorkspace(UUID workspaceId, UUID id) {
        return find("workspaceId = ?1 and id = ?2", workspaceId, id).firstResult();
    }

    /** The same, locked for update, so concurrent transitions of one post happen one after the other. */
    public static Post lockedInWorkspace(UUID workspaceId, UUID id) {
        return find("workspaceId = ?1 and id = ?2", workspaceId, id).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }
}

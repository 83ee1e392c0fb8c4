package io.socialroi.content.approval;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A single-use, expiring link bound to one post; only the token's hash is stored. */
@Entity
@Table(name = "approval_link")
public class ApprovalLink extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "workspace_id")
    public UUID workspaceId;
    @Column(name = "post_id")
    public UUID postId;
    /** The post's revision when the link was made: the text the client is shown and decides on. */
    @Column(name = "post_revision")
    public int postRevision;
    @Column(name = "token_hash")
    public String tokenHash;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "used_at")
    public Instant usedAt;
    public String decision;
    public String comment;

    public static ApprovalLink byTokenHash(String hash, boolean lock) {
        var query = find("tokenHash", hash);
        return lock ? query.withLock(LockModeType.PESSIMISTIC_WRITE).firstResult() : query.firstResult();
    }

    public boolean usable(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }
}

package io.socialroi.content.user;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A one-time, expiring password reset link of one user; only the token's SHA-256 is stored. */
@Entity
@Table(name = "password_reset")
public class PasswordReset extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "user_id")
    public UUID userId;
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
    /** Set when a newer link was made for the user, or the password was reset with another link. */
    @Column(name = "superseded_at")
    public Instant supersededAt;

    public static PasswordReset byTokenHash(String hash) {
        return find("tokenHash", hash).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** Ends every link of the user still open (a newer one is made, or the password was just reset). */
    public static void supersedeOpen(UUID userId, Instant now) {
        update("supersededAt = ?1 where userId = ?2 and usedAt is null and supersededAt is null", now, userId);
    }

    /** Why this link no longer works, or null while it does. */
    public String unusableBecause(Instant now) {
        if (usedAt != null) {
            return "This reset link has been used already";
        }
        if (supersededAt != null) {
            return "This reset link was replaced by a newer one";
        }
        if (!now.isBefore(expiresAt)) {
            return "This reset link has expired";
        }
        return null;
    }
}

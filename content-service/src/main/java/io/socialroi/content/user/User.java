package io.socialroi.content.user;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A team member who signs in with email and password. Only an Argon2id hash of the password is kept. */
@Entity
@Table(name = "app_user")
public class User extends PanacheEntityBase {

    @Id
    public UUID id;
    public String email;
    public String name;
    @Column(name = "password_hash")
    public String passwordHash;
    @Enumerated(EnumType.STRING)
    public Role role;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_workspace", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "workspace_id")
    public Set<UUID> workspaceIds = new LinkedHashSet<>();
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    /** Set when the admin deactivated the user: no sign-in, and its tokens are revoked. */
    @Column(name = "deactivated_at")
    public OffsetDateTime deactivatedAt;

    /** Emails are unique without regard to case. */
    public static Optional<User> byEmail(String email) {
        return find("lower(email) = ?1", email.trim().toLowerCase(java.util.Locale.ROOT)).firstResultOptional();
    }
}

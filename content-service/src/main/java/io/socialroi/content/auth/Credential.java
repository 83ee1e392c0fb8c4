package io.socialroi.content.auth;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A workspace's client credential. The secret itself is never stored, only its hash. */
@Entity
public class Credential extends PanacheEntityBase {

    @Id
    @Column(name = "client_id")
    public String clientId;
    @Column(name = "workspace_id")
    public UUID workspaceId;
    public String name;
    @Column(name = "secret_hash")
    public String secretHash;
    /** Space-separated scopes. */
    public String scopes;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    public List<String> scopeList() {
        return Arrays.asList(scopes.split(" "));
    }
}

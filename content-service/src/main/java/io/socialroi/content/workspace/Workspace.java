package io.socialroi.content.workspace;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One client of the agency; every piece of data belongs to exactly one workspace. */
@Entity
public class Workspace extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    @Column(name = "time_zone")
    public String timeZone;
    public String currency;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    /** Set when the workspace was last changed by {@code PATCH}; null until then. */
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    /** When the workspace was archived; null while it is active. */
    @Column(name = "archived_at")
    public OffsetDateTime archivedAt;
}

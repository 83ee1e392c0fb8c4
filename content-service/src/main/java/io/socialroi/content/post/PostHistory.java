package io.socialroi.content.post;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** One entry of a post's history: who did what, when, and the status it moved between. */
@Entity
@Table(name = "post_history")
public class PostHistory extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;
    @Column(name = "workspace_id")
    public UUID workspaceId;
    @Column(name = "post_id")
    public UUID postId;
    public String action;
    public String actor;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public PostStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public PostStatus toStatus;
    public String comment;
    public Instant at;

    public static void record(Post post, String action, String actor, PostStatus from, String comment) {
        PostHistory entry = new PostHistory();
        entry.workspaceId = post.workspaceId;
        entry.postId = post.id;
        entry.action = action;
        entry.actor = actor;
        entry.fromStatus = from;
        entry.toStatus = post.status;
        entry.comment = comment;
        entry.at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        entry.persist();
    }
}

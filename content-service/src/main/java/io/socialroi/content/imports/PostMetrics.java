package io.socialroi.content.imports;

import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A post's aggregate-only metrics ({@code post_metric}): the platform's latest figure per metric, replacing the
 * earlier one, so reading or receiving the same figure again changes nothing.
 */
final class PostMetrics {

    private PostMetrics() {
    }

    /** In the caller's transaction. */
    static void store(EntityManager em, UUID workspaceId, UUID postId, Map<String, Long> metrics, Instant at) {
        metrics.forEach((metric, value) -> em.createNativeQuery("insert into post_metric (workspace_id,"
                + " post_id, metric, value, observed_at) values (?1, ?2, ?3, ?4, ?5) on conflict (workspace_id,"
                + " post_id, metric) do update set value = excluded.value, observed_at = excluded.observed_at")
                .setParameter(1, workspaceId).setParameter(2, postId).setParameter(3, metric)
                .setParameter(4, value).setParameter(5, Timestamp.from(at)).executeUpdate());
    }
}

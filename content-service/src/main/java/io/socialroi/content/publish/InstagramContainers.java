package io.socialroi.content.publish;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The Instagram container an attempt made for a post ({@code instagram_container}, V32), kept until the post is
 * published or refused (also when its attempts run out: rescheduled, it still finds it), so the next attempt with the
 * same content (same account, media URLs and caption, its {@link #fingerprint}) reuses it: {@link InstagramPublisher}
 * publishes a FINISHED one, keeps waiting for one IN_PROGRESS, and takes one already PUBLISHED (a media_publish whose
 * answer was lost) as published. Each call is its own short transaction: the publisher runs outside any.
 */
@ApplicationScoped
public class InstagramContainers {

    /** A kept container and the fingerprint of what it holds. */
    record Kept(String containerId, String fingerprint) {
    }

    private final EntityManager em;

    public InstagramContainers(EntityManager em) {
        this.em = em;
    }

    Optional<Kept> of(UUID workspaceId, UUID postId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select container_id, fingerprint from instagram_container"
                    + " where workspace_id = ?1 and post_id = ?2").setParameter(1, workspaceId).setParameter(2, postId)
                    .getResultList();
            return rows.stream().findFirst().map(r -> new Kept((String) r[0], (String) r[1]));
        });
    }

    void keep(UUID workspaceId, UUID postId, String containerId, String fingerprint) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into instagram_container"
                + " (workspace_id, post_id, container_id, fingerprint, created_at) values (?1, ?2, ?3, ?4, now())"
                + " on conflict (workspace_id, post_id) do update set container_id = excluded.container_id,"
                + " fingerprint = excluded.fingerprint, created_at = excluded.created_at")
                .setParameter(1, workspaceId).setParameter(2, postId).setParameter(3, containerId)
                .setParameter(4, fingerprint).executeUpdate());
    }

    void forget(UUID workspaceId, UUID postId) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from instagram_container"
                + " where workspace_id = ?1 and post_id = ?2").setParameter(1, workspaceId).setParameter(2, postId)
                .executeUpdate());
    }

    /** SHA-256 of the Instagram account, the media URLs and the caption, in order: a container holds exactly these. */
    static String fingerprint(String account, List<String> media, String caption) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(account.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            for (String url : media) {
                sha.update(url.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            sha.update((byte) 1);
            sha.update(caption.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.socialroi.content.imports;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.socialroi.content.account.Accounts;
import io.socialroi.content.delivery.StoredSecrets;
import io.socialroi.content.post.Platform;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Pulls engagement back from the platforms on a schedule. Every published post with a platform id, on a platform
 * with an {@link EngagementImporter}, gets a place in {@code post_import} and is read again every
 * {@code suite.imports.every} for {@code suite.imports.window} after its publication. A claim takes the posts whose
 * turn has come with {@code FOR UPDATE SKIP LOCKED} and leases them, in one short transaction, so however many
 * replicas run each read is made by one of them; the read happens outside any transaction, with the connected
 * account's token (or the publisher's own credential, for importers that read with it: a DISCORD bot); its engagements go through engagement-service's normal ingestion ({@link EngagementIngest},
 * deterministic event ids: a re-import changes nothing) and its aggregate-only metrics into {@code post_metric};
 * then the post's next turn is set. A read that fails keeps the post's place and says why ({@code lastError}); a
 * token the platform refused marks the account RECONNECT.
 */
@ApplicationScoped
public class ImportRunner {

    /** When engagement-service did not take a read's events: soon again, not after {@code every}. */
    static final java.time.Duration RETRY = java.time.Duration.ofMinutes(1);

    record Claimed(UUID workspaceId, UUID postId, Platform platform, String remoteId, UUID campaignId, String target,
            String publisherSecret, String publisherSecretKeyId) {
    }

    private final EntityManager em;
    private final ImportConfig config;
    private final Accounts accounts;
    private final EngagementIngest ingest;
    private final StoredSecrets secrets;
    private final Map<Platform, EngagementImporter> importers = new EnumMap<>(Platform.class);

    public ImportRunner(EntityManager em, ImportConfig config, Accounts accounts, EngagementIngest ingest,
            StoredSecrets secrets, Instance<EngagementImporter> importers) {
        this.em = em;
        this.secrets = secrets;
        this.config = config;
        this.accounts = accounts;
        this.ingest = ingest;
        for (EngagementImporter importer : importers) {
            if (this.importers.put(importer.platform(), importer) != null) {
                throw new IllegalStateException("two importers for " + importer.platform());
            }
        }
    }

    /** The platforms engagement is pulled back from. */
    public java.util.Set<Platform> platforms() {
        return importers.keySet();
    }

    @Scheduled(every = "${suite.imports.poll:60s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.enabled()) {
            importDue();
        }
    }

    /** Reads the posts whose turn has come; answers how many were read (successfully or not). */
    public int importDue() {
        List<Claimed> claimed = claim();
        for (Claimed c : claimed) {
            read(c);
        }
        return claimed.size();
    }

    /** Reads one post now, whatever its turn (tests; a read already under way elsewhere is left to finish). */
    boolean importNow(UUID workspaceId, UUID postId) {
        List<Claimed> claimed = claim(workspaceId, postId);
        claimed.forEach(this::read);
        return !claimed.isEmpty();
    }

    List<Claimed> claim() {
        return claim(null, null);
    }

    private List<Claimed> claim(UUID workspaceId, UUID postId) {
        if (importers.isEmpty()) {
            return List.of();
        }
        String platforms = String.join(",", importers.keySet().stream().map(Enum::name).toList());
        Timestamp since = Timestamp.from(Instant.now().minus(config.window()));
        @SuppressWarnings("unchecked")
        List<Claimed> result = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("insert into post_import (workspace_id, post_id, next_import_at)"
                    + " select workspace_id, id, now() from post where status = 'PUBLISHED' and remote_id is not null"
                    + " and platform = any(string_to_array(?1, ',')) and published_at > ?2 on conflict do nothing")
                    .setParameter(1, platforms).setParameter(2, since).executeUpdate();
            jakarta.persistence.Query query = em.createNativeQuery("select i.workspace_id, i.post_id, p.platform, p.remote_id,"
                    + " p.campaign_id, pub.target, pub.secret, pub.secret_key_id from post_import i join post p on p.workspace_id = i.workspace_id"
                    + " and p.id = i.post_id left join publisher pub on pub.workspace_id = p.workspace_id"
                    + " and pub.platform = p.platform where p.status = 'PUBLISHED'"
                    + (postId == null ? " and i.next_import_at <= now()" : " and i.workspace_id = ?4 and i.post_id = ?5")
                    + " and p.remote_id is not null and p.published_at > ?1 and p.platform = any(string_to_array(?2, ','))"
                    + " order by i.next_import_at limit ?3 for update of i skip locked")
                    .setParameter(1, since).setParameter(2, platforms).setParameter(3, config.batch());
            if (postId != null) {
                query.setParameter(4, workspaceId).setParameter(5, postId);
            }
            List<Object[]> rows = query.getResultList();
            List<Claimed> out = new ArrayList<>();
            Timestamp lease = Timestamp.from(Instant.now().plus(config.lease()));
            for (Object[] r : rows) {
                Claimed c = new Claimed((UUID) r[0], (UUID) r[1], Platform.valueOf((String) r[2]), (String) r[3],
                        (UUID) r[4], (String) r[5], (String) r[6], (String) r[7]);
                em.createNativeQuery("update post_import set next_import_at = ?3 where workspace_id = ?1"
                        + " and post_id = ?2").setParameter(1, c.workspaceId()).setParameter(2, c.postId())
                        .setParameter(3, lease).executeUpdate();
                out.add(c);
            }
            return out;
        });
        return result;
    }

    void read(Claimed c) {
        Instant next = Instant.now().plus(config.every());
        EngagementImporter importer = importers.get(c.platform());
        Optional<String> token;
        if (importer.usesAccount()) {
            token = accounts.accessToken(c.workspaceId(), c.platform());
            if (token.isEmpty()) {
                finish(c, next, "no connected " + c.platform() + " account (connect it under Accounts)", null, 0);
                return;
            }
        } else {
            token = c.publisherSecret() == null ? Optional.empty() : secrets.open(c.publisherSecretKeyId(),
                    c.publisherSecret(), StoredSecrets.publisherContext(c.workspaceId(), c.platform()));
            if (token.isEmpty()) {
                finish(c, next, "the " + c.platform() + " publisher's credential cannot be read; configure it again",
                        null, 0);
                return;
            }
        }
        Imported imported;
        try {
            imported = importer.read(c.remoteId(), token.get(), c.target());
        } catch (ImportFailure e) {
            if (e.reconnect() && importer.usesAccount()) {
                accounts.needsReconnect(c.workspaceId(), c.platform(), e.getMessage());
            } else if (e.reconnect()) {
                // The publisher's own credential (a Discord bot): the publisher shows it, as a refused publish does.
                QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update publisher set"
                        + " reconnect_reason = ?3 where workspace_id = ?1 and platform = ?2")
                        .setParameter(1, c.workspaceId()).setParameter(2, c.platform().name())
                        .setParameter(3, e.getMessage()).executeUpdate());
            }
            finish(c, next, e.getMessage(), null, 0);
            return;
        }
        long sent;
        try {
            sent = ingest.ingest(c.workspaceId(), c.platform(), c.postId(), c.campaignId(), imported.events())
                    .accepted();
        } catch (RuntimeException e) {
            // engagement-service did not take them: the same read is made again at the post's next poll, not in an hour.
            Log.infof("Imported engagement of post %s not stored yet: %s", c.postId(), e.getMessage());
            finish(c, Instant.now().plus(RETRY), "engagement-service did not store the imported "
                    + "events; tried again shortly", null, 0);
            return;
        }
        finish(c, next, null, imported.metrics(), sent);
    }

    private void finish(Claimed c, Instant next, String error, Map<String, Long> metrics, long sent) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        QuarkusTransaction.requiringNew().run(() -> {
            if (error == null) {
                em.createNativeQuery("update post_import set next_import_at = ?3, last_error = null,"
                        + " last_imported_at = ?4, events_sent = events_sent + ?5 where workspace_id = ?1"
                        + " and post_id = ?2").setParameter(1, c.workspaceId()).setParameter(2, c.postId())
                        .setParameter(3, Timestamp.from(next)).setParameter(4, Timestamp.from(now))
                        .setParameter(5, sent).executeUpdate();
            } else {
                em.createNativeQuery("update post_import set next_import_at = ?3, last_error = ?4"
                        + " where workspace_id = ?1 and post_id = ?2").setParameter(1, c.workspaceId())
                        .setParameter(2, c.postId()).setParameter(3, Timestamp.from(next)).setParameter(4, error)
                        .executeUpdate();
            }
            if (metrics != null) {
                PostMetrics.store(em, c.workspaceId(), c.postId(), metrics, now);
            }
        });
    }
}

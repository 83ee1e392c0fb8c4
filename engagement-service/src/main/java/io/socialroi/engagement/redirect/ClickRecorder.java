package io.socialroi.engagement.redirect;

import io.quarkus.logging.Log;
import io.socialroi.engagement.directory.PostEntry;
import io.socialroi.engagement.event.RollupChanges;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Stores the bot hits the redirect saw: each in {@code redirect_bot_hit} and, counted per post and hour, in the
 * rollup as BOT_CLICK. Human clicks are ordinary CLICK events written by {@link ClickBatcher} through the
 * ingestion path (same dedupe, rollups and touchpoints). Recording never blocks the redirect: when the database
 * is down the visitor is still sent on and the hits are lost (logged).
 */
@ApplicationScoped
public class ClickRecorder {

    private static final String NIL = "00000000-0000-0000-0000-000000000000";
    private static final String HIT = "INSERT INTO redirect_bot_hit (workspace_id, post_id, hit_at, reason, user_agent) "
            + "VALUES (?, ?, now(), ?, ?)";
    private static final String ROLLUP = "INSERT INTO engagement_rollup (workspace_id, bucket, post_key, platform, "
            + "campaign_key, funnel_stage, type, events) VALUES (?, date_trunc('hour', now(), 'UTC'), ?, ?, ?, ?, "
            + "'BOT_CLICK', ?) ON CONFLICT (workspace_id, bucket, post_key, platform, campaign_key, funnel_stage, type) "
            + "DO UPDATE SET events = engagement_rollup.events + excluded.events";

    /** One hit of a HEAD, prefetch, link preview or crawler. */
    public record BotHit(PostEntry post, String reason, String userAgent) {
    }

    private record RollupKey(UUID workspaceId, UUID postId, String platform) {
    }

    private static final Comparator<RollupKey> ORDER = Comparator.comparing(RollupKey::workspaceId)
            .thenComparing(RollupKey::postId).thenComparing(RollupKey::platform);

    private final DataSource dataSource;

    public ClickRecorder(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Stores the hits in one transaction: every hit a row, one rollup increment per post (taken in a fixed order,
     * so two writers never wait on each other's rows crosswise). True when committed.
     */
    public boolean bots(List<BotHit> hits) {
        if (hits.isEmpty()) {
            return true;
        }
        Map<RollupKey, Integer> counts = new TreeMap<>(ORDER);
        for (BotHit hit : hits) {
            counts.merge(new RollupKey(hit.post().workspaceId(), hit.post().postId(), hit.post().platform().name()), 1,
                    Integer::sum);
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(HIT); PreparedStatement pr = c.prepareStatement(ROLLUP)) {
                for (BotHit hit : hits) {
                    ps.setObject(1, hit.post().workspaceId());
                    ps.setObject(2, hit.post().postId());
                    ps.setString(3, hit.reason());
                    String agent = hit.userAgent();
                    ps.setString(4, agent == null ? null : agent.substring(0, Math.min(500, agent.length())));
                    ps.addBatch();
                }
                ps.executeBatch();
                for (Map.Entry<RollupKey, Integer> count : counts.entrySet()) {
                    pr.setObject(1, count.getKey().workspaceId());
                    pr.setObject(2, count.getKey().postId());
                    pr.setString(3, count.getKey().platform());
                    // Like every rollup row since V6: the post's campaign and stage are resolved when reports are read.
                    pr.setObject(4, UUID.fromString(NIL));
                    pr.setString(5, "");
                    pr.setLong(6, count.getValue());
                    pr.addBatch();
                }
                pr.executeBatch();
                for (UUID ws : new TreeSet<>(counts.keySet().stream().map(RollupKey::workspaceId).toList())) {
                    RollupChanges.logNow(c, ws);
                }
                c.commit();
                return true;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            Log.warnf("%d bot hits not recorded: %s", hits.size(), e.getMessage());
            return false;
        }
    }
}

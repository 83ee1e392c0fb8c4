package io.socialroi.engagement.redirect;

import io.quarkus.logging.Log;
import io.socialroi.engagement.directory.PostEntry;
import io.socialroi.engagement.event.EventType;
import io.socialroi.engagement.event.IncomingEvent;
import io.socialroi.engagement.event.RollupChanges;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Stores what the redirect saw. A human click is an ordinary CLICK event through the ingestion path (same
 * dedupe, rollups and touchpoints); a bot hit goes to its own table and to the rollup as BOT_CLICK.
 * Recording never blocks the redirect: when the database is down the visitor is still sent on.
 */
@ApplicationScoped
public class ClickRecorder {

    private static final String NIL = "00000000-0000-0000-0000-000000000000";

    private final ClickBatcher batcher;
    private final DataSource dataSource;

    public ClickRecorder(ClickBatcher batcher, DataSource dataSource) {
        this.batcher = batcher;
        this.dataSource = dataSource;
    }

    /**
     * Stores a human click; its event id is {@code click:<clickId>}, so the same click id again (a repeat in the
     * window, ClickCounter) is a duplicate. It is committed together with the other clicks waiting at the same
     * moment ({@link ClickBatcher}); true when it is committed (new or a duplicate).
     */
    public boolean human(PostEntry post, UUID clickId, String actorId) {
        IncomingEvent click = new IncomingEvent("click:" + clickId, EventType.CLICK, post.platform(), post.postId(),
                null, actorId, clickId, Instant.now(), false, null, null);
        return batcher.record(post.workspaceId(), click);
    }

    public void bot(PostEntry post, String reason, String userAgent) {
        String hit = "INSERT INTO redirect_bot_hit (workspace_id, post_id, hit_at, reason, user_agent) "
                + "VALUES (?, ?, now(), ?, ?)";
        String rollup = "INSERT INTO engagement_rollup (workspace_id, bucket, post_key, platform, campaign_key, "
                + "funnel_stage, type, events) VALUES (?, date_trunc('hour', now(), 'UTC'), ?, ?, ?, ?, 'BOT_CLICK', 1) "
                + "ON CONFLICT (workspace_id, bucket, post_key, platform, campaign_key, funnel_stage, type) "
                + "DO UPDATE SET events = engagement_rollup.events + 1";
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(hit); PreparedStatement pr = c.prepareStatement(rollup)) {
                ps.setObject(1, post.workspaceId());
                ps.setObject(2, post.postId());
                ps.setString(3, reason);
                ps.setString(4, userAgent == null ? null : userAgent.substring(0, Math.min(500, userAgent.length())));
                ps.executeUpdate();
                pr.setObject(1, post.workspaceId());
                pr.setObject(2, post.postId());
                pr.setString(3, post.platform().name());
                // Like every rollup row since V6: the post's campaign and stage are resolved when reports are read.
                pr.setObject(4, UUID.fromString(NIL));
                pr.setString(5, "");
                pr.executeUpdate();
                RollupChanges.logNow(c, post.workspaceId());
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            Log.warnf("Bot hit on post %s not recorded: %s", post.postId(), e.getMessage());
        }
    }
}

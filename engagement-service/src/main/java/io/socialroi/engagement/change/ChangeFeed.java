package io.socialroi.engagement.change;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The change feed: the {@code engagement_change} rows (V7) in {@code (xid, id)} order, for the services that keep
 * derived data (conversion-service's captured touchpoints) and must hear of late touches and post edits.
 *
 * <p>Gap safety, as the summary store reads {@code rollup_change}: a page is read in one REPEATABLE READ snapshot
 * and serves only rows with {@code xid <} that snapshot's xmin. Every transaction below the xmin has finished, so
 * no row below it can appear later; a transaction at or above it may still commit a row, possibly after later
 * ones have committed (out of order), and the cursor stays below it until it has finished. The cursor is the
 * position served up to: the last row of a full page, otherwise just below the xmin (nothing below is left).
 * The price: a write transaction open anywhere on the database server holds the feed back until it ends.
 *
 * <p>Retention: rows are pruned when older than {@code engagement.change-feed.retention} [6H] and below every
 * running transaction; the highest pruned position is kept, and a cursor below it is a 410 (cursor-expired).
 */
@ApplicationScoped
public class ChangeFeed {

    public static final int DEFAULT_LIMIT = 500;
    public static final int MAX_LIMIT = 1000;
    /** A page ends after the item that brings it to this many actor and click ids, so it stays a few MB. */
    static final int MAX_IDS_PER_PAGE = 50_000;

    private static final String WATERMARK = "SELECT pg_snapshot_xmin(s)::text, pg_snapshot_xmax(s)::text, h.xid::text, "
            + "h.id FROM pg_current_snapshot() s, engagement_change_horizon h";
    private static final String ITEMS = "SELECT xid::text, id, workspace_id, actor_ids, click_ids, post_ids, from_at, "
            + "to_at FROM engagement_change WHERE (xid, id) > (?::text::xid8, ?) AND xid < ?::text::xid8 "
            + "ORDER BY xid, id LIMIT ?";
    private static final String LABELS = "SELECT d.workspace_id, d.post_id, d.campaign_id, d.platform, d.funnel_stage "
            + "FROM post_directory d JOIN unnest(?::uuid[], ?::uuid[]) AS p(workspace_id, post_id) "
            + "ON d.workspace_id = p.workspace_id AND d.post_id = p.post_id";
    private static final String PRUNE = "WITH gone AS (DELETE FROM engagement_change WHERE at < now() - ? * "
            + "interval '1 second' AND xid < pg_snapshot_xmin(pg_current_snapshot()) RETURNING xid, id), "
            + "last AS (SELECT xid, id FROM gone ORDER BY xid DESC, id DESC LIMIT 1), "
            + "moved AS (UPDATE engagement_change_horizon h SET xid = last.xid, id = last.id FROM last "
            + "WHERE (last.xid, last.id) > (h.xid, h.id) RETURNING 1) SELECT count(*) FROM gone";

    private final DataSource dataSource;
    private final Duration retention;

    public ChangeFeed(DataSource dataSource,
            @ConfigProperty(name = "engagement.change-feed.retention", defaultValue = "6H") Duration retention) {
        this.dataSource = dataSource;
        this.retention = retention;
    }

    /** Up to {@code limit} items after {@code after} (null: from the oldest retained item). */
    public ChangePage read(String after, int limit) throws SQLException {
        ChangeCursor from = ChangeCursor.decode(after);
        boolean resumed = after != null && !after.isBlank();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                long xmin;
                long xmax;
                ChangeCursor horizon;
                try (PreparedStatement ps = c.prepareStatement(WATERMARK); ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    xmin = Long.parseLong(rs.getString(1));
                    xmax = Long.parseLong(rs.getString(2));
                    horizon = new ChangeCursor(Long.parseLong(rs.getString(3)), rs.getLong(4));
                }
                // Below the horizon rows were pruned; at or above xmax the cursor was not issued by this database
                // (restored or replaced): either way the client may have missed items.
                if (resumed && (from.compareTo(horizon) < 0 || from.xid() >= xmax)) {
                    throw expired();
                }
                ChangePage page = items(c, from, xmin, limit);
                c.commit();
                return page;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException ignored) {
                    // the connection is gone; nothing was written
                }
                throw e;
            } finally {
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                c.setAutoCommit(true);
            }
        }
    }

    private static ChangePage items(Connection c, ChangeCursor from, long xmin, int limit) throws SQLException {
        List<Change> items = new ArrayList<>();
        ChangeCursor last = from;
        int ids = 0;
        boolean full = false;
        try (PreparedStatement ps = c.prepareStatement(ITEMS)) {
            ps.setFetchSize(50);
            ps.setString(1, Long.toString(from.xid()));
            ps.setLong(2, from.id());
            ps.setString(3, Long.toString(xmin));
            ps.setInt(4, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    last = new ChangeCursor(Long.parseLong(rs.getString(1)), rs.getLong(2));
                    List<String> actors = Arrays.asList((String[]) rs.getArray(4).getArray());
                    List<UUID> clicks = uuids(rs.getArray(5));
                    items.add(new Change(rs.getObject(3, UUID.class), actors, clicks, uuids(rs.getArray(6)),
                            instant(rs.getObject(7, OffsetDateTime.class)), instant(rs.getObject(8, OffsetDateTime.class)),
                            List.of()));
                    ids += actors.size() + clicks.size();
                    if (items.size() == limit || ids >= MAX_IDS_PER_PAGE) {
                        full = true;
                        break;
                    }
                }
            }
        }
        items = withLabels(c, items);
        // A page that was not cut short served every row below the xmin: the cursor moves up to just below it.
        ChangeCursor cursor = full ? last : ChangeCursor.max(last, new ChangeCursor(xmin - 1, Long.MAX_VALUE));
        return new ChangePage(List.copyOf(items), cursor.encode());
    }

    /**
     * The current directory entry of every post the page names, read in the page's snapshot (which holds the edit
     * behind each item, and perhaps later ones): the consumer applies the labels to what it keeps, in place.
     */
    private static List<Change> withLabels(Connection c, List<Change> items) throws SQLException {
        List<UUID> workspaces = new ArrayList<>();
        List<UUID> posts = new ArrayList<>();
        for (Change item : items) {
            for (UUID post : item.postIds()) {
                workspaces.add(item.workspaceId());
                posts.add(post);
            }
        }
        if (posts.isEmpty()) {
            return items;
        }
        Map<UUID, Map<UUID, Change.PostLabels>> found = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(LABELS)) {
            ps.setArray(1, c.createArrayOf("uuid", workspaces.toArray()));
            ps.setArray(2, c.createArrayOf("uuid", posts.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID post = rs.getObject(2, UUID.class);
                    found.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashMap<>()).put(post,
                            new Change.PostLabels(post, rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5)));
                }
            }
        }
        List<Change> labelled = new ArrayList<>(items.size());
        for (Change item : items) {
            if (item.postIds().isEmpty()) {
                labelled.add(item);
                continue;
            }
            Map<UUID, Change.PostLabels> ofWorkspace = found.getOrDefault(item.workspaceId(), Map.of());
            labelled.add(item.withPosts(item.postIds().stream().map(ofWorkspace::get).filter(Objects::nonNull).toList()));
        }
        return labelled;
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return List.of((UUID[]) array.getArray());
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private ProblemException expired() {
        return new ProblemException(Problem.of(410, "cursor-expired", "Gone", "The cursor is older than the "
                + "retained changes (kept at least " + retention.toHours() + " hours): re-check everything recent, then "
                + "read on without after."));
    }

    /**
     * Rows older than the retention and below every running transaction go; the highest position removed becomes
     * the horizon below which cursors are expired. Safe on any number of replicas (the horizon only rises).
     */
    @Scheduled(every = "10m", delay = 3, delayUnit = java.util.concurrent.TimeUnit.MINUTES)
    void scheduledPrune() {
        try {
            int n = prune();
            Log.debugf("Pruned %d change feed rows", n);
        } catch (SQLException | RuntimeException e) {
            Log.warnf("Could not prune the change feed: %s", e.getMessage());
        }
    }

    /** Prunes now; answers how many rows went. */
    public int prune() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(PRUNE)) {
            ps.setLong(1, retention.toSeconds());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}

package io.socialroi.engagement.directory;

import io.quarkus.logging.Log;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.common.problem.ProblemMappers;
import io.socialroi.engagement.change.ChangeLog;
import io.socialroi.engagement.event.Platform;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The post directory in plain JDBC: it sits on the redirect's path, where every millisecond shows. */
@ApplicationScoped
public class PostDirectory {

    private static final String COLUMNS = "workspace_id, post_id, campaign_id, platform, funnel_stage, link_code, "
            + "link_destination, updated_at";

    private final DataSource dataSource;
    private final LinkCache cache;

    public PostDirectory(DataSource dataSource, LinkCache cache) {
        this.dataSource = dataSource;
        this.cache = cache;
    }

    /**
     * Creates or replaces the entry; a link code already used by another post is a 409. In one transaction with
     * the change feed's item (V7) when the post is new or its campaign, platform or stage changed: touchpoints and
     * reports group by these, so conversion-service re-captures the post's conversions (GET /changes).
     */
    public PostEntry put(UUID workspaceId, UUID postId, PostEntryRequest request) throws SQLException {
        TrackedLink link = request.trackedLink();
        String previousSql = "SELECT " + COLUMNS + " FROM post_directory WHERE workspace_id = ? AND post_id = ? "
                + "FOR UPDATE";
        String sql = "INSERT INTO post_directory (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, now()) "
                + "ON CONFLICT (workspace_id, post_id) DO UPDATE SET campaign_id = excluded.campaign_id, "
                + "platform = excluded.platform, funnel_stage = excluded.funnel_stage, link_code = excluded.link_code, "
                + "link_destination = excluded.link_destination, updated_at = excluded.updated_at RETURNING " + COLUMNS;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Optional<PostEntry> previous;
                try (PreparedStatement ps = c.prepareStatement(previousSql)) {
                    ps.setObject(1, workspaceId);
                    ps.setObject(2, postId);
                    try (ResultSet rs = ps.executeQuery()) {
                        previous = rs.next() ? Optional.of(read(rs)) : Optional.empty();
                    }
                }
                PostEntry entry;
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setObject(1, workspaceId);
                    ps.setObject(2, postId);
                    ps.setObject(3, request.campaignId());
                    ps.setString(4, request.platform().name());
                    ps.setString(5, request.funnelStage().name());
                    ps.setString(6, link == null ? null : link.code());
                    ps.setString(7, link == null ? null : link.destination());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        entry = read(rs);
                    }
                }
                if (previous.isEmpty() || regroups(previous.get(), entry)) {
                    ChangeLog.post(c, workspaceId, postId);
                }
                c.commit();
                // This replica's outage fallback forgets the old and new code; the redirect reads the database.
                previous.map(PostEntry::trackedLink).ifPresent(old -> cache.forget(old.code()));
                if (link != null) {
                    cache.forget(link.code());
                }
                return entry;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException ignored) {
                    // the connection is gone; nothing was written
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw ProblemException.conflict("Tracked link code " + link.code() + " belongs to another post");
            }
            throw e;
        }
    }

    /** Whether the change moves the post's events to another campaign, platform or stage. */
    private static boolean regroups(PostEntry before, PostEntry after) {
        return !Objects.equals(before.campaignId(), after.campaignId()) || before.platform() != after.platform()
                || before.funnelStage() != after.funnelStage();
    }

    public Optional<PostEntry> find(UUID workspaceId, UUID postId) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM post_directory WHERE workspace_id = ? AND post_id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, workspaceId);
            ps.setObject(2, postId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /**
     * The post behind a tracked link code, read from the database on every call (a code registered a moment ago,
     * or changed through any replica, is seen at once). While the database cannot be read, the entry the code last
     * resolved to on this replica, so the visitor is still redirected.
     */
    public Optional<PostEntry> byCode(String code) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM post_directory WHERE link_code = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    cache.forget(code);
                    return Optional.empty();
                }
                PostEntry entry = read(rs);
                cache.remember(code, entry);
                return Optional.of(entry);
            }
        } catch (SQLException e) {
            Optional<PostEntry> known = cache.lastKnown(code);
            if (known.isEmpty()) {
                // 55000: the database does not accept connections (as during a restore or maintenance).
                if (ProblemMappers.isDatabaseUnavailable(e) || e.getSQLState() == null
                        || e.getSQLState().startsWith("55")) {
                    throw unavailable();
                }
                throw e;
            }
            Log.warnf("Post directory unreadable (%s): tracked link %s answered from this replica's last lookup",
                    e.getMessage(), code);
            return known;
        }
    }

    /**
     * The posts behind several tracked link codes in one statement (the redirect's batch, issue 15), read from the
     * database as {@link #byCode} does: a code missing from the answer is unknown now, and this replica's outage
     * fallback learns and forgets the codes as they are read. A failure is thrown as it is: the caller decides
     * per code ({@link LinkCache#lastKnown}).
     */
    public Map<String, PostEntry> byCodes(java.util.Collection<String> codes) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM post_directory WHERE link_code = ANY (?)";
        Map<String, PostEntry> found = new java.util.HashMap<>(codes.size() * 2);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", codes.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    PostEntry entry = read(rs);
                    found.put(entry.trackedLink().code(), entry);
                }
            }
        }
        for (String code : codes) {
            PostEntry entry = found.get(code);
            if (entry == null) {
                cache.forget(code);
            } else {
                cache.remember(code, entry);
            }
        }
        return found;
    }

    /** The answer to a click whose code could not be looked up and is not known on this replica. */
    public static ProblemException lookupFailed(SQLException e) {
        if (ProblemMappers.isDatabaseUnavailable(e) || e.getSQLState() == null || e.getSQLState().startsWith("55")) {
            return unavailable();
        }
        String incident = ProblemMappers.incidentId();
        Log.errorf(e, "Unexpected error, incident %s", incident);
        return new ProblemException(Problem.of(500, "internal", "Internal Server Error",
                "Unexpected error; incident " + incident));
    }

    /** No connection (refused, not accepting connections, pool exhausted): a 503 the visitor may retry. */
    private static ProblemException unavailable() {
        return new ProblemException(Problem.of(503, "database-unavailable", "Service Unavailable",
                "The tracked link cannot be looked up right now. Retry later."), Map.of("Retry-After", "5"));
    }

    private static PostEntry read(ResultSet rs) throws SQLException {
        String code = rs.getString("link_code");
        TrackedLink link = code == null ? null : new TrackedLink(code, rs.getString("link_destination"));
        return new PostEntry(rs.getObject("workspace_id", UUID.class), rs.getObject("post_id", UUID.class),
                rs.getObject("campaign_id", UUID.class), Platform.valueOf(rs.getString("platform")),
                FunnelStage.valueOf(rs.getString("funnel_stage")), link,
                rs.getObject("updated_at", OffsetDateTime.class));
    }
}

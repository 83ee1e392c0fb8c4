package io.socialroi.engagement.directory;

import io.socialroi.common.problem.ProblemException;
import io.socialroi.engagement.event.Platform;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
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

    /** Creates or replaces the entry; a link code already used by another post is a 409. */
    public PostEntry put(UUID workspaceId, UUID postId, PostEntryRequest request) throws SQLException {
        TrackedLink link = request.trackedLink();
        String sql = "INSERT INTO post_directory (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, now()) "
                + "ON CONFLICT (workspace_id, post_id) DO UPDATE SET campaign_id = excluded.campaign_id, "
                + "platform = excluded.platform, funnel_stage = excluded.funnel_stage, link_code = excluded.link_code, "
                + "link_destination = excluded.link_destination, updated_at = excluded.updated_at RETURNING " + COLUMNS;
        Optional<PostEntry> previous = find(workspaceId, postId);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, workspaceId);
            ps.setObject(2, postId);
            ps.setObject(3, request.campaignId());
            ps.setString(4, request.platform().name());
            ps.setString(5, request.funnelStage().name());
            ps.setString(6, link == null ? null : link.code());
            ps.setString(7, link == null ? null : link.destination());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                PostEntry entry = read(rs);
                previous.map(PostEntry::trackedLink).ifPresent(old -> cache.invalidate(old.code()));
                if (link != null) {
                    cache.invalidate(link.code());
                }
                return entry;
            }
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw ProblemException.conflict("Tracked link code " + link.code() + " belongs to another post");
            }
            throw e;
        }
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

    /** The post behind a tracked link code, from the cache when it was looked up recently. */
    public Optional<PostEntry> byCode(String code) throws SQLException {
        Optional<PostEntry> cached = cache.get(code);
        if (cached.isPresent()) {
            return cached;
        }
        String sql = "SELECT " + COLUMNS + " FROM post_directory WHERE link_code = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                PostEntry entry = read(rs);
                cache.put(code, entry);
                return Optional.of(entry);
            }
        }
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

package io.socialroi.engagement;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.socialroi.engagement.event.RollupQueue;
import io.socialroi.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads the test database directly, to assert what was stored. A query of the rollup tables first applies the
 * batches still pending in {@code rollup_pending} ({@link RollupQueue#settleAll}), as every read of the service
 * does: it sees what a report asked now would count.
 */
public final class Db {

    private static final Pattern ROLLUPS = Pattern.compile(
            "\\b(engagement_rollup|actor_rollup|actor_minute|actor_comment|comment_fingerprint|rollup_change)\\b");

    private Db() {
    }

    public static String name() {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        return url.substring(url.lastIndexOf('/') + 1);
    }

    public static Connection connect() throws SQLException {
        return TestDatabase.connect(name());
    }

    /** Applies every pending rollup batch, when a Quarkus application runs in this JVM. */
    public static void settled() {
        ArcContainer arc = Arc.container();
        if (arc == null || !arc.isRunning()) {
            return;
        }
        try {
            arc.instance(RollupQueue.class).get().settleAll();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void settledFor(String sql) {
        if (ROLLUPS.matcher(sql).find()) {
            settled();
        }
    }

    /** The single number a query answers, e.g. a count. */
    public static long number(String sql, Object... params) {
        settledFor(sql);
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(String sql, Object... params) {
        settledFor(sql);
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of every row a query answers. */
    public static List<String> texts(String sql, Object... params) {
        settledFor(sql);
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

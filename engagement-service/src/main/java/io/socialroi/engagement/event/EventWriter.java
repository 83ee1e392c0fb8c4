package io.socialroi.engagement.event;

import io.quarkus.logging.Log;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.common.problem.ProblemMappers;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The hot path: one batch goes to PostgreSQL as one {@code COPY} into a per-connection staging table, then
 * one statement dedupes it against {@code event_key}, appends the fresh events and brings every rollup up to
 * date, all in one transaction. The caller answers only after the commit.
 */
@ApplicationScoped
public class EventWriter {

    private static final String NIL = "'00000000-0000-0000-0000-000000000000'::uuid";
    private static final String STAGE_DDL = "CREATE TEMP TABLE IF NOT EXISTS engagement_stage (event_id text, "
            + "type text, platform text, post_id uuid, campaign_id uuid, actor_id text, click_id uuid, "
            + "occurred_at timestamptz, retargeting boolean, attributes jsonb, comment_hash text) ON COMMIT DELETE ROWS";
    private static final String COPY = "COPY engagement_stage FROM STDIN";
    private static final String MERGE = merge();
    private static final int ATTEMPTS = 3;

    private final DataSource dataSource;
    private final Partitions partitions;
    /** Physical connections that already have the staging table (a temp table lives as long as its session). */
    private final Set<Object> staged = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    public EventWriter(DataSource dataSource, Partitions partitions) {
        this.dataSource = dataSource;
        this.partitions = partitions;
    }

    /** Stores the events not seen before (by workspace and event id) and answers how many were new. */
    public int write(UUID workspaceId, List<IncomingEvent> events) {
        if (events.isEmpty()) {
            return 0;
        }
        byte[] rows = copyRows(events);
        Set<YearMonth> months = events.stream().map(e -> YearMonth.from(e.occurredAt().atOffset(ZoneOffset.UTC)))
                .collect(Collectors.toSet());
        for (int attempt = 1; ; attempt++) {
            try {
                partitions.ensure(months);
                return transaction(workspaceId, rows);
            } catch (SQLException e) {
                if (ProblemMappers.isDatabaseUnavailable(e) || e.getSQLState() == null) {
                    Log.warnf("Database unavailable during ingestion: %s", e.getMessage());
                    throw unavailable();
                }
                boolean retryable = "40P01".equals(e.getSQLState()) || "40001".equals(e.getSQLState());
                if (!retryable || attempt == ATTEMPTS) {
                    throw new IllegalStateException("Event batch could not be written", e);
                }
            }
        }
    }

    private int transaction(UUID workspaceId, byte[] rows) throws SQLException {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            // Whatever the reason (refused, not accepting connections, pool exhausted), nothing can be stored now.
            Log.warnf("No database connection for ingestion: %s", e.getMessage());
            throw unavailable();
        }
        try (Connection c = connection) {
            PGConnection pg = c.unwrap(PGConnection.class);
            if (!staged.contains(pg)) {
                try (Statement s = c.createStatement()) {
                    s.execute(STAGE_DDL);
                }
                staged.add(pg);
            }
            c.setAutoCommit(false);
            try {
                new CopyManager((org.postgresql.core.BaseConnection) pg).copyIn(COPY, new ByteArrayInputStream(rows));
                int fresh;
                try (PreparedStatement ps = c.prepareStatement(MERGE)) {
                    ps.setObject(1, workspaceId);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        fresh = rs.getInt(1);
                    }
                }
                c.commit();
                return fresh;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            } catch (java.io.IOException e) {
                rollbackQuietly(c);
                throw new SQLException("COPY failed: " + e.getMessage(), "08006", e);
            } finally {
                restoreAutoCommit(c);
            }
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is gone; the pool discards it
        }
    }

    private static void restoreAutoCommit(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException ignored) {
            // the connection is gone; the pool discards it
        }
    }

    static ProblemException unavailable() {
        return new ProblemException(Problem.of(503, "database-unavailable", "Service Unavailable",
                "The database is unreachable; nothing was stored. Retry later."), Map.of("Retry-After", "5"));
    }

    /** The batch in COPY text format, one line per event. */
    static byte[] copyRows(List<IncomingEvent> events) {
        StringBuilder sb = new StringBuilder(events.size() * 200);
        for (IncomingEvent e : events) {
            text(sb, e.eventId()).append('\t');
            sb.append(e.type().name()).append('\t').append(e.platform().name()).append('\t');
            value(sb, e.postId()).append('\t');
            value(sb, e.campaignId()).append('\t');
            text(sb, e.actorId()).append('\t');
            value(sb, e.clickId()).append('\t');
            sb.append(e.occurredAt()).append('\t');
            sb.append(e.retargeting() ? 't' : 'f').append('\t');
            text(sb, e.attributes()).append('\t');
            value(sb, e.commentHash()).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static StringBuilder value(StringBuilder sb, Object value) {
        return value == null ? sb.append("\\N") : sb.append(value);
    }

    private static StringBuilder text(StringBuilder sb, String value) {
        if (value == null) {
            return sb.append("\\N");
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(ch);
            }
        }
        return sb;
    }

    /**
     * The one statement after the COPY. Rows are inserted in key order so that concurrent batches lock the
     * same rollup rows in the same order; a deadlock that still happens is retried by {@link #write}.
     */
    private static String merge() {
        List<EventType> types = Arrays.stream(EventType.values()).filter(EventType::isEngagement).toList();
        String columns = types.stream().map(EventType::column).collect(Collectors.joining(", "));
        String counts = types.stream().map(t -> "count(*) FILTER (WHERE e.type = '" + t.name() + "')")
                .collect(Collectors.joining(", "));
        String increments = types.stream().map(t -> t.column() + " = actor_rollup." + t.column() + " + excluded."
                + t.column()).collect(Collectors.joining(", "));
        String dims = "w.ws, e.bucket, coalesce(e.post_id, " + NIL + "), e.platform, coalesce(e.campaign, " + NIL
                + "), coalesce(e.stage, '')";
        String dimKey = "workspace_id, bucket, post_key, platform, campaign_key, funnel_stage";
        return "WITH w AS (SELECT ?::uuid AS ws), "
                + "fresh AS (INSERT INTO event_key (workspace_id, event_id) SELECT w.ws, s.event_id "
                + "FROM engagement_stage s, w ORDER BY s.event_id ON CONFLICT DO NOTHING RETURNING event_id), "
                + "e AS (SELECT s.*, coalesce(s.campaign_id, d.campaign_id) AS campaign, d.funnel_stage AS stage, "
                + "date_trunc('hour', s.occurred_at, 'UTC') AS bucket FROM engagement_stage s "
                + "JOIN fresh f ON f.event_id = s.event_id "
                + "LEFT JOIN post_directory d ON d.workspace_id = (SELECT ws FROM w) AND d.post_id = s.post_id), "
                + "ev AS (INSERT INTO engagement_event (workspace_id, event_id, type, platform, post_id, campaign_id, "
                + "funnel_stage, actor_id, click_id, occurred_at, retargeting, attributes) SELECT w.ws, e.event_id, "
                + "e.type, e.platform, e.post_id, e.campaign, e.stage, e.actor_id, e.click_id, e.occurred_at, "
                + "e.retargeting, e.attributes FROM e, w), "
                + "r AS (INSERT INTO engagement_rollup (" + dimKey + ", type, events) SELECT " + dims
                + ", e.type, count(*) FROM e, w GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7 "
                + "ON CONFLICT (" + dimKey + ", type) DO UPDATE SET events = engagement_rollup.events + excluded.events), "
                + "ar AS (INSERT INTO actor_rollup (" + dimKey + ", actor_id, " + columns + ", n_retargeting, last_at) "
                + "SELECT " + dims + ", e.actor_id, " + counts + ", count(*) FILTER (WHERE e.retargeting), "
                + "max(e.occurred_at) FROM e, w WHERE e.type NOT IN ('IMPRESSION', 'VIEW') "
                + "GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7 "
                + "ON CONFLICT (" + dimKey + ", actor_id) DO UPDATE SET " + increments + ", "
                + "n_retargeting = actor_rollup.n_retargeting + excluded.n_retargeting, "
                + "last_at = greatest(actor_rollup.last_at, excluded.last_at)), "
                + "am AS (INSERT INTO actor_minute (workspace_id, actor_id, minute, engagements) SELECT w.ws, e.actor_id, "
                + "date_trunc('minute', e.occurred_at, 'UTC'), count(*) FROM e, w WHERE e.type NOT IN ('IMPRESSION', 'VIEW') "
                + "GROUP BY 1, 2, 3 HAVING count(*) >= 2 ORDER BY 1, 2, 3 ON CONFLICT (workspace_id, actor_id, minute) "
                + "DO UPDATE SET engagements = actor_minute.engagements + excluded.engagements), "
                + "ac AS (INSERT INTO actor_comment (workspace_id, comment_hash, actor_id) SELECT DISTINCT w.ws, "
                + "e.comment_hash, e.actor_id FROM e, w WHERE e.comment_hash IS NOT NULL ORDER BY 2, 3 "
                + "ON CONFLICT DO NOTHING RETURNING comment_hash), "
                + "cf AS (INSERT INTO comment_fingerprint (workspace_id, comment_hash, actors) SELECT w.ws, "
                + "ac.comment_hash, count(*) FROM ac, w GROUP BY 1, 2 ORDER BY 2 ON CONFLICT (workspace_id, comment_hash) "
                + "DO UPDATE SET actors = comment_fingerprint.actors + excluded.actors) "
                + "SELECT count(*) FROM fresh";
    }
}

package io.socialroi.engagement.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.socialroi.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V6 rewrites rollups keyed by the directory's campaign and stage at ingest time (V1..V5) to keys of what the events
 * said, re-aggregated with the same counts, and backfills impressions and views per actor from the raw events.
 */
class RollupMigrationTest {

    private static final String WS = "11111111-1111-1111-1111-111111111111";
    private static final String POST = "22222222-2222-2222-2222-222222222222";
    private static final String CAMPAIGN = "33333333-3333-3333-3333-333333333333";
    private static final String OWN = "44444444-4444-4444-4444-444444444444";
    private static final String NIL = "00000000-0000-0000-0000-000000000000";

    @Test
    void oldRollupKeysAreReaggregatedToWhatTheEventsSaid() throws SQLException {
        String db = TestDatabase.create("engagement_v6");
        try {
            migrate(db, "5");
            try (Connection c = TestDatabase.connect(db); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE engagement_event_2026_11 PARTITION OF engagement_event "
                        + "FOR VALUES FROM ('2026-11-01') TO ('2026-12-01')");
                s.execute("INSERT INTO post_directory (workspace_id, post_id, campaign_id, platform, funnel_stage) "
                        + "VALUES ('" + WS + "', '" + POST + "', '" + CAMPAIGN + "', 'INSTAGRAM', 'ACTION')");
                // Ingested while the post was at TRUST, then at ATTENTION (copied from the directory), and one SAVE
                // that named its own campaign.
                s.execute("INSERT INTO engagement_event (workspace_id, event_id, type, platform, post_id, campaign_id, "
                        + "funnel_stage, actor_id, occurred_at) VALUES "
                        + "('" + WS + "', 'i1', 'IMPRESSION', 'INSTAGRAM', '" + POST + "', '" + CAMPAIGN + "', 'TRUST', "
                        + "'ig:1', '2026-11-18T10:00:00Z'), "
                        + "('" + WS + "', 'l1', 'LIKE', 'INSTAGRAM', '" + POST + "', '" + CAMPAIGN + "', 'TRUST', "
                        + "'ig:1', '2026-11-18T10:01:00Z'), "
                        + "('" + WS + "', 'l2', 'LIKE', 'INSTAGRAM', '" + POST + "', '" + CAMPAIGN + "', 'ATTENTION', "
                        + "'ig:1', '2026-11-18T10:02:00Z'), "
                        + "('" + WS + "', 'v1', 'VIEW', 'INSTAGRAM', '" + POST + "', '" + CAMPAIGN + "', 'ATTENTION', "
                        + "'ig:2', '2026-11-18T10:03:00Z'), "
                        + "('" + WS + "', 's1', 'SAVE', 'INSTAGRAM', '" + POST + "', '" + OWN + "', 'TRUST', "
                        + "'ig:2', '2026-11-18T10:04:00Z')");
                s.execute("INSERT INTO engagement_rollup VALUES "
                        + "('" + WS + "', '2026-11-18T10:00:00Z', '" + POST + "', 'INSTAGRAM', '" + CAMPAIGN
                        + "', 'TRUST', 'IMPRESSION', 1), "
                        + "('" + WS + "', '2026-11-18T10:00:00Z', '" + POST + "', 'INSTAGRAM', '" + CAMPAIGN
                        + "', 'TRUST', 'LIKE', 1), "
                        + "('" + WS + "', '2026-11-18T10:00:00Z', '" + POST + "', 'INSTAGRAM', '" + CAMPAIGN
                        + "', 'ATTENTION', 'LIKE', 1), "
                        + "('" + WS + "', '2026-11-18T10:00:00Z', '" + POST + "', 'INSTAGRAM', '" + CAMPAIGN
                        + "', 'ATTENTION', 'VIEW', 1), "
                        + "('" + WS + "', '2026-11-18T10:00:00Z', '" + POST + "', 'INSTAGRAM', '" + OWN
                        + "', 'TRUST', 'SAVE', 1)");
                s.execute("INSERT INTO actor_rollup (workspace_id, bucket, post_key, platform, campaign_key, "
                        + "funnel_stage, actor_id, n_like, n_save, last_at) VALUES "
                        + "('" + WS + "', '2026-11-18T10:00:00Z', '" + POST + "', 'INSTAGRAM', '" + CAMPAIGN
                        + "', 'TRUST', 'ig:1', 1, 0, '2026-11-18T10:01:00Z'), "
                        + "('" + WS + "', '2026-11-18T10:00:00Z', '" + POST + "', 'INSTAGRAM', '" + CAMPAIGN
                        + "', 'ATTENTION', 'ig:1', 1, 0, '2026-11-18T10:02:00Z'), "
                        + "('" + WS + "', '2026-11-18T10:00:00Z', '" + POST + "', 'INSTAGRAM', '" + OWN
                        + "', 'TRUST', 'ig:2', 0, 1, '2026-11-18T10:04:00Z')");
            }
            migrate(db, null);
            assertEquals(List.of(
                    NIL + "||IMPRESSION|1", NIL + "||LIKE|2", NIL + "||VIEW|1", OWN + "||SAVE|1"),
                    rows(db, "SELECT campaign_key || '|' || funnel_stage || '|' || type || '|' || events "
                            + "FROM engagement_rollup ORDER BY 1"));
            assertEquals(List.of(
                    "ig:1|" + NIL + "||1|0|2|0|2026-11-18 10:02:00+00",
                    "ig:2|" + NIL + "||0|1|0|0|2026-11-18 10:03:00+00",
                    "ig:2|" + OWN + "||0|0|0|1|2026-11-18 10:04:00+00"),
                    rows(db, "SELECT actor_id || '|' || campaign_key || '|' || funnel_stage || '|' || n_impression "
                            + "|| '|' || n_view || '|' || n_like || '|' || n_save || '|' || (last_at AT TIME ZONE 'UTC')"
                            + " || '+00' FROM actor_rollup ORDER BY 1"));
            // Raw events: the copied campaign and every stage are gone; the event's own campaign stays.
            assertEquals(List.of("i1||", "l1||", "l2||", "s1|" + OWN + "|", "v1||"), rows(db, "SELECT event_id || '|' "
                    + "|| coalesce(campaign_id::text, '') || '|' || coalesce(funnel_stage, '') FROM engagement_event "
                    + "ORDER BY 1"));
        } finally {
            TestDatabase.drop(db);
        }
    }

    private static List<String> rows(String db, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = TestDatabase.connect(db); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** Flyway over the service's migrations, up to a version (null: all). */
    private static void migrate(String db, String target) {
        var config = Flyway.configure().dataSource(TestDatabase.BASE_URL + "/" + db, TestDatabase.USER,
                System.getenv().getOrDefault("SUITE_DB_PASSWORD", "")).locations("classpath:db/migration");
        if (target != null) {
            config.target(target);
        }
        config.load().migrate();
    }
}

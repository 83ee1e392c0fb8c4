package io.socialroi.conversion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The service's own database sessions plan every statement for its parameters. A generic plan (what PostgreSQL
 * may switch a prepared statement to after five runs) cannot see which workspace a query is for: at 2M events in
 * one workspace among small ones, the touchpoint search's generic plan scanned a whole partition (40 s instead of
 * 0.5 s), so every capture timed out.
 */
@QuarkusTest
class DatabaseSessionTest {

    @Inject
    DataSource dataSource;

    @Test
    void sessionsUseCustomPlansAndNoJit() throws SQLException {
        assertEquals("force_custom_plan", show("plan_cache_mode"));
        assertEquals("off", show("jit"));
    }

    private String show(String setting) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}

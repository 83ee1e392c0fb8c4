package io.socialroi.conversion.conversion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Rows locked one statement at a time from Java must be locked in the order PostgreSQL's sorted {@code FOR UPDATE}
 * locks them, or two transactions deadlock: {@link Ordered#UUID_ORDER} is PostgreSQL's uuid order, which
 * {@link UUID#compareTo} (signed halves) is not.
 */
@QuarkusTest
class OrderedTest {

    @Inject
    DataSource dataSource;

    @Test
    void theJavaOrderOfIdsIsPostgresqlsOrder() throws Exception {
        List<UUID> ids = new ArrayList<>();
        java.util.Random random = new java.util.Random(15);
        for (int i = 0; i < 500; i++) {
            ids.add(new UUID(random.nextLong(), random.nextLong()));
        }
        ids.add(UUID.fromString("7fffffff-ffff-ffff-ffff-ffffffffffff"));
        ids.add(UUID.fromString("80000000-0000-0000-0000-000000000000"));
        ids.add(UUID.fromString("00000000-0000-0000-8000-000000000000"));
        ids.add(UUID.fromString("00000000-0000-0000-7fff-ffffffffffff"));
        List<UUID> postgres = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT u FROM unnest(?::uuid[]) u ORDER BY u")) {
            select.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    postgres.add(rs.getObject(1, UUID.class));
                }
            }
        }
        List<UUID> java = new ArrayList<>(ids);
        java.sort(Ordered.UUID_ORDER);
        assertEquals(postgres, java);
        List<UUID> signed = new ArrayList<>(ids);
        signed.sort(UUID::compareTo);
        assertNotEquals(postgres, signed, "UUID.compareTo is not PostgreSQL's order (what deadlocked)");
    }
}

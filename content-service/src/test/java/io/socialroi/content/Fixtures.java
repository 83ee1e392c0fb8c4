package io.socialroi.content;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.socialroi.testing.TestTokens;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.config.ConfigProvider;

/** Set-up shared by the content tests: workspaces, campaigns, posts through the public API. */
public final class Fixtures {

    private Fixtures() {
    }

    public static UUID workspace(String zone, String currency) {
        String id = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"Client\",\"timeZone\":\"" + zone + "\",\"currency\":\"" + currency + "\"}")
                .post("/workspaces").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    public static String writer(UUID ws) {
        return TestTokens.workspace(ws, "content:read", "content:write");
    }

    public static UUID campaign(UUID ws, String name) {
        String id = given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"objective\":\"Sales\",\"startDate\":\"2026-03-01\"}")
                .post("/workspaces/" + ws + "/campaigns").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    /** A JDBC connection to this test run's database, to assert stored rows. */
    public static Connection db() throws SQLException {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        return DriverManager.getConnection(url, "postgres", "");
    }

    public static long count(String sql, Object... params) {
        try (Connection c = db(); var s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            var rs = s.executeQuery();
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits (up to 20 s) for something another thread does, such as a delivery; fails when it never happens. */
    public static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

package io.socialroi.engagement.redirect;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.socialroi.engagement.Api;
import io.socialroi.engagement.Db;
import io.socialroi.testing.TestDatabase;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A tracked link works the moment its directory entry is stored, and a change is seen by the next click, whichever
 * replica stored it: the redirect reads the directory on every request and never keeps a miss. Only while the
 * database cannot be read does it answer from this replica's last lookup of the code.
 */
@QuarkusTest
class LinkFreshnessTest {

    private static final String BROWSER = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";

    /** The pool of the service under test: its connections to the terminated backends are dropped afterwards. */
    @Inject
    AgroalDataSource dataSource;

    private final UUID ws = UUID.randomUUID();
    private final UUID post = UUID.randomUUID();
    private final String code = "k" + UUID.randomUUID().toString().substring(0, 8);

    private static Response follow(String code) {
        return given().redirects().follow(false).header("User-Agent", BROWSER).get("/r/" + code);
    }

    @Test
    void aCodeMissedAMomentAgoResolvesAsSoonAsItIsRegistered() {
        follow(code).then().statusCode(404).contentType("application/problem+json");
        Api.registerPost(ws, post, null, "INSTAGRAM", "ACTION", code, "https://shop.example/new");
        follow(code).then().statusCode(302).header("Location", startsWith("https://shop.example/new?smclid="));
    }

    @Test
    void aDirectoryPutIsSeenByTheNextClick() {
        Api.registerPost(ws, post, null, "INSTAGRAM", "ACTION", code, "https://shop.example/a");
        follow(code).then().statusCode(302).header("Location", startsWith("https://shop.example/a?"));
        Api.registerPost(ws, post, null, "INSTAGRAM", "ACTION", code, "https://shop.example/b");
        follow(code).then().statusCode(302).header("Location", startsWith("https://shop.example/b?"));
        // A new code for the post: the old one stops working, the new one works at once.
        String next = code + "n";
        Api.registerPost(ws, post, null, "INSTAGRAM", "ACTION", next, "https://shop.example/c");
        follow(code).then().statusCode(404);
        follow(next).then().statusCode(302).header("Location", startsWith("https://shop.example/c?"));
        Api.registerPost(ws, post, null, "INSTAGRAM", "ACTION", null, null);
        follow(next).then().statusCode(404);
    }

    /** Another replica's PUT writes the same row; this replica has no message of it and still must not lag. */
    @Test
    void aChangeStoredThroughAnotherReplicaIsSeenByTheNextClick() throws SQLException {
        Api.registerPost(ws, post, null, "INSTAGRAM", "ACTION", code, "https://shop.example/a");
        follow(code).then().statusCode(302).header("Location", startsWith("https://shop.example/a?"));
        update("UPDATE post_directory SET link_destination = 'https://shop.example/elsewhere' WHERE link_code = ?");
        follow(code).then().statusCode(302).header("Location", startsWith("https://shop.example/elsewhere?"));
        update("UPDATE post_directory SET link_code = NULL, link_destination = NULL WHERE link_code = ?");
        follow(code).then().statusCode(404);
    }

    @Test
    void whileTheDatabaseIsDownALinkClickedBeforeStillRedirects() throws Exception {
        Api.registerPost(ws, post, null, "INSTAGRAM", "ACTION", code, "https://shop.example/a");
        follow(code).then().statusCode(302);
        long clicks = Db.number("SELECT count(*) FROM engagement_event WHERE workspace_id = ?", ws);
        assertEquals(1, clicks);
        try {
            database(false);
            follow(code).then().statusCode(302).header("Location", startsWith("https://shop.example/a?smclid="));
            // A code never looked up here cannot be answered without the database.
            follow("never" + code).then().statusCode(503).contentType("application/problem+json");
        } finally {
            database(true);
            // Connections killed above would otherwise be handed to the next test class until background
            // validation notices them.
            dataSource.flush(AgroalDataSource.FlushMode.ALL);
        }
        // The click during the outage was lost (logged), as documented; the link works on.
        assertEquals(1, Db.number("SELECT count(*) FROM engagement_event WHERE workspace_id = ?", ws));
        // Recovered once lookups reach the database again on every pooled connection (a miss is a 404 again, not a
        // 503), so the tests that follow find a working pool.
        int inARow = 0;
        for (int attempt = 0; attempt < 400 && inARow < 20; attempt++) {
            int status = follow("never" + code).statusCode();
            inARow = status == 404 ? inARow + 1 : 0;
            if (status != 404) {
                assertEquals(503, status);
                Thread.sleep(250);
            }
        }
        assertEquals(20, inARow);
        follow(code).then().statusCode(302);
        assertEquals(2, Db.number("SELECT count(*) FROM engagement_event WHERE workspace_id = ?", ws));
    }

    private void update(String sql) throws SQLException {
        try (Connection c = Db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, code);
            assertEquals(1, ps.executeUpdate());
        }
    }

    private static void database(boolean up) throws SQLException {
        String db = Db.name();
        try (Connection c = TestDatabase.connect("postgres"); Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + db + " ALLOW_CONNECTIONS " + up);
            if (!up) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + db + "'");
            }
        }
    }
}

package io.socialroi.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Gives each test run a database of its own on the local PostgreSQL (created here, migrated by the
 * service's Flyway at start, dropped at the end), and the generated public key for token verification.
 * Use with {@code @QuarkusTestResource(value = TestDatabase.class, initArgs = @ResourceArg(name = "name",
 * value = "content"))}.
 */
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    public static final String BASE_URL = System.getenv().getOrDefault("SUITE_DB_URL", "jdbc:postgresql://127.0.0.1:5432");
    public static final String USER = System.getenv().getOrDefault("SUITE_DB_USER", "postgres");

    private String name = "suite";
    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        name = initArgs.getOrDefault("name", name);
    }

    @Override
    public Map<String, String> start() {
        database = create(name);
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", BASE_URL + "/" + database);
        config.put("quarkus.datasource.username", USER);
        config.put("quarkus.datasource.password", System.getenv().getOrDefault("SUITE_DB_PASSWORD", ""));
        config.put("mp.jwt.verify.publickey.location", TestKeys.publicKeyPem().toUri().toString());
        config.put("smallrye.jwt.sign.key.location", TestKeys.privateKeyPem().toUri().toString());
        return config;
    }

    @Override
    public void stop() {
        drop(database);
    }

    /** Creates an empty database named {@code <prefix>_test_<random>} and returns its name. */
    public static String create(String prefix) {
        String db = prefix + "_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + db);
        return db;
    }

    public static void drop(String db) {
        if (db != null) {
            execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        }
    }

    /** A JDBC connection to one of the test databases, for asserting stored rows. */
    public static Connection connect(String db) throws SQLException {
        return DriverManager.getConnection(BASE_URL + "/" + db, USER, System.getenv().getOrDefault("SUITE_DB_PASSWORD", ""));
    }

    private static void execute(String sql) {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + BASE_URL + " is needed for the tests: " + e.getMessage(), e);
        }
    }
}

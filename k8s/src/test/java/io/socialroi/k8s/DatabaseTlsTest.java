package io.socialroi.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.Driver;

/**
 * prod connects to PostgreSQL over TLS with the server verified (sslmode=verify-full against the cluster's CA,
 * mounted from CloudNativePG's Secret) and the server takes nothing but TLS; dev documents that it does not
 * verify. The JDBC URL is built exactly as the services build it (their application.properties expression,
 * expanded by SmallRye Config with the rendered environment) and parsed, and used, by their driver.
 */
class DatabaseTlsTest {

    private static final String CA_MOUNT = "/etc/suite/db-ca";

    static Stream<String> overlays() {
        return Manifests.overlays();
    }

    @Test
    void prodVerifiesTheServerAgainstTheClustersCa() {
        List<JsonNode> docs = render("prod");
        for (String service : Manifests.SERVICES) {
            Properties url = parsed(service, Manifests.environment(docs, service));
            assertEquals("verify-full", url.getProperty("sslmode"), service);
            assertEquals("suite-db-rw", url.getProperty("PGHOST"), service + ": the host the certificate names");
            assertEquals(database(service), url.getProperty("PGDBNAME"), service);
            assertEquals(CA_MOUNT + "/ca.crt", url.getProperty("sslrootcert"), service);

            JsonNode pod = Manifests.one(docs, "Deployment", service).path("spec").path("template").path("spec");
            JsonNode mount = null;
            for (JsonNode candidate : pod.path("containers").get(0).path("volumeMounts")) {
                if (candidate.path("mountPath").asText().equals(CA_MOUNT)) {
                    mount = candidate;
                }
            }
            assertTrue(mount != null && mount.path("readOnly").asBoolean(), service + ": no read-only CA mount");
            JsonNode volume = null;
            for (JsonNode candidate : pod.path("volumes")) {
                if (candidate.path("name").asText().equals(mount.path("name").asText())) {
                    volume = candidate;
                }
            }
            assertEquals("suite-db-ca", volume.path("secret").path("secretName").asText(), service);
            // The operator's CA Secret also holds ca.key: only the certificate is projected.
            JsonNode items = volume.path("secret").path("items");
            assertEquals(1, items.size(), service + ": only ca.crt");
            assertEquals("ca.crt", items.get(0).path("key").asText());
            assertEquals("ca.crt", items.get(0).path("path").asText());
        }
        JsonNode hba = Manifests.one(docs, "Cluster", "suite-db").path("spec").path("postgresql").path("pg_hba");
        assertEquals("hostnossl all all all reject", hba.get(0).asText(), "the server takes TLS only");
    }

    @Test
    void devDocumentsThatItDoesNotVerify() throws IOException {
        List<JsonNode> docs = render("dev");
        for (String service : Manifests.SERVICES) {
            Properties url = parsed(service, Manifests.environment(docs, service));
            assertNull(url.getProperty("sslmode"), service + ": dev leaves pgjdbc's default (prefer)");
            assertEquals(database(service), url.getProperty("PGDBNAME"));
        }
        String dev = Files.readString(Manifests.k8s().resolve("overlays/dev/kustomization.yaml"));
        assertTrue(dev.contains("Database TLS is not verified in dev"), "dev says so");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServicesJdbcUrlIsWellFormed(String overlay) {
        List<JsonNode> docs = render(overlay);
        for (String service : Manifests.SERVICES) {
            String url = jdbcUrl(service, Manifests.environment(docs, service));
            assertTrue(url.startsWith("jdbc:postgresql://suite-db-rw:5432/" + database(service)), url);
            Properties parsed = Driver.parseURL(url, null);
            assertTrue(parsed != null, overlay + " " + service + ": pgjdbc cannot parse " + url);
            assertEquals("5432", parsed.getProperty("PGPORT"));
        }
    }

    /** Locally, with nothing set, the URL is what it always was (./suite up and the tests are unchanged). */
    @Test
    void withoutTheParametersTheLocalUrlIsUnchanged() {
        for (String service : Manifests.SERVICES) {
            assertEquals("jdbc:postgresql://127.0.0.1:5432/" + database(service), jdbcUrl(service, Map.of()));
        }
    }

    /**
     * The prod parameters against a real PostgreSQL with TLS (a throwaway instance on a free port, its
     * certificate issued by a CA made for the test, its pg_hba the prod Cluster's): the services' URL connects
     * encrypted; the same URL with a certificate for another host name, with another CA, or without TLS fails.
     */
    @Test
    void verifyFullConnectsOnlyToTheServerTheCaVouchesFor() throws Exception {
        Path initdb = postgresTool("initdb");
        Path pgCtl = postgresTool("pg_ctl");
        Assumptions.assumeTrue(initdb != null && pgCtl != null && onPath("openssl"),
                "initdb, pg_ctl or openssl not found: the TLS connection was not tried");
        List<JsonNode> prod = render("prod");
        Map<String, String> env = new HashMap<>(Manifests.environment(prod, "content-service"));
        Path dir = Files.createTempDirectory("suite-db-tls");
        try {
            openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt",
                    "-days", "2", "-subj", "/CN=suite test CA", "-addext", "basicConstraints=critical,CA:TRUE");
            openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "other-ca.key", "-out",
                    "other-ca.crt", "-days", "2", "-subj", "/CN=another CA", "-addext", "basicConstraints=critical,CA:TRUE");
            openssl(dir, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr",
                    "-subj", "/CN=localhost");
            Files.writeString(dir.resolve("server.ext"), "subjectAltName=DNS:localhost\n");
            openssl(dir, "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                    "-out", "server.crt", "-days", "2", "-extfile", "server.ext");
            Files.setPosixFilePermissions(dir.resolve("server.key"), PosixFilePermissions.fromString("rw-------"));

            Path data = dir.resolve("data");
            runAsPostgres(dir, initdb.toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust");
            List<String> hba = new ArrayList<>(List.of("local all all trust"));
            for (JsonNode rule : Manifests.one(prod, "Cluster", "suite-db").path("spec").path("postgresql").path("pg_hba")) {
                hba.add(rule.asText());
            }
            hba.add("hostssl all all all trust");
            Files.writeString(data.resolve("pg_hba.conf"), String.join("\n", hba) + "\n");
            chownToPostgres(dir);
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            runAsPostgres(dir, pgCtl.toString(), "-D", data.toString(), "-w", "-t", "60", "-l",
                    dir.resolve("log").toString(), "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1"
                            + " -c ssl=on -c ssl_cert_file=" + dir.resolve("server.crt") + " -c ssl_key_file="
                            + dir.resolve("server.key"), "start");
            try {
                String params = env.get("SUITE_DB_URL_PARAMS");
                assertTrue(params.contains(CA_MOUNT + "/ca.crt"), params);
                env.put("SUITE_DB_URL_PARAMS", params.replace(CA_MOUNT + "/ca.crt", dir.resolve("ca.crt").toString()));
                env.put("SUITE_DB_URL", env.get("SUITE_DB_URL").replace("suite-db-rw:5432", "localhost:" + port));
                String url = jdbcUrl("content-service", env);
                try (Connection admin = connect(url.replace("/content?", "/postgres?"));
                        Statement statement = admin.createStatement()) {
                    statement.execute("CREATE DATABASE content");
                }
                try (Connection connection = connect(url); Statement statement = connection.createStatement();
                        ResultSet ssl = statement.executeQuery("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
                    assertTrue(ssl.next() && ssl.getBoolean(1), "the connection is encrypted");
                }
                // The certificate names localhost, not 127.0.0.1: verify-full refuses it.
                assertThrows(SQLException.class, () -> connect(url.replace("localhost:", "127.0.0.1:")).close());
                // A CA that did not issue the server's certificate.
                assertThrows(SQLException.class,
                        () -> connect(url.replace(dir.resolve("ca.crt").toString(), dir.resolve("other-ca.crt").toString()))
                                .close());
                // Without TLS the server refuses (the prod pg_hba), so a downgrade gets nothing either.
                SQLException plain = assertThrows(SQLException.class,
                        () -> connect(url.replace("sslmode=verify-full", "sslmode=disable")).close());
                assertTrue(plain.getMessage().contains("no encryption") || plain.getMessage().contains("pg_hba"),
                        plain.getMessage());
            } finally {
                runAsPostgres(dir, pgCtl.toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    /** The service's quarkus.datasource.jdbc.url, expanded by SmallRye Config over the given environment. */
    static String jdbcUrl(String service, Map<String, String> env) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(
                Manifests.root().resolve(service).resolve("src/main/resources/application.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(values, "application.properties", 250))
                .withSources(new PropertiesConfigSource(new HashMap<>(env), "environment", 300))
                .build();
        return config.getValue("quarkus.datasource.jdbc.url", String.class);
    }

    private static Properties parsed(String service, Map<String, String> env) {
        String url = jdbcUrl(service, env);
        Properties parsed = Driver.parseURL(url, null);
        assertTrue(parsed != null, service + ": pgjdbc cannot parse " + url);
        return parsed;
    }

    private static String database(String service) {
        return service.replace("-service", "");
    }

    private static List<JsonNode> render(String overlay) {
        return Manifests.render(Manifests.k8s().resolve("overlays").resolve(overlay));
    }

    private static Connection connect(String url) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("connectTimeout", "10");
        return DriverManager.getConnection(url, properties);
    }

    private static void openssl(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        run(dir, command);
    }

    /** PostgreSQL refuses to run as root: as root, the tools run as the postgres user. */
    private static void runAsPostgres(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            Assumptions.assumeTrue(onPath("runuser"), "running as root without runuser");
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
            chownToPostgres(dir);
        }
        command.addAll(List.of(args));
        run(dir, command);
    }

    private static void chownToPostgres(Path dir) throws IOException {
        if (!"root".equals(System.getProperty("user.name"))) {
            return;
        }
        UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
        var postgres = users.lookupPrincipalByName("postgres");
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.toList()) {
                Files.setOwner(file, postgres);
            }
        }
    }

    private static void run(Path dir, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
        }
    }

    /** initdb / pg_ctl from the PATH or a Debian PostgreSQL installation. */
    private static Path postgresTool(String name) throws IOException {
        List<Path> candidates = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            candidates.add(Path.of(dir, name));
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.sorted(Comparator.reverseOrder()).forEach(version -> candidates.add(version.resolve("bin").resolve(name)));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst().orElse(null);
    }

    private static boolean onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }
}

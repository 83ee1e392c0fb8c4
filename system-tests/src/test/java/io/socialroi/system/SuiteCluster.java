package io.socialroi.system;

import io.socialroi.testing.TestDatabase;
import io.socialroi.testing.TestKeys;
import io.socialroi.testing.TcpProxy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The four packaged services (their {@code quarkus-run.jar}), started as separate processes on free ports
 * against fresh PostgreSQL databases, with generated keys and credentials: the suite as it runs in
 * production, minus the network. Started once per test JVM and stopped when it exits.
 */
public final class SuiteCluster {

    public static final String ADMIN_CLIENT_ID = "system-admin";
    public static final String ADMIN_CLIENT_SECRET = "system-admin-secret-" + Long.toHexString(System.nanoTime());
    public static final String ADMIN_EMAIL = "admin@agency.test";
    /** The one loopback address publishers and webhooks may call in the test cluster (see SUITE_OUTBOUND_ALLOW). */
    public static final String OUTBOUND_TEST_ADDRESS = "127.0.0.78";
    public static final String ADMIN_PASSWORD = "Admin-password-" + Long.toHexString(System.nanoTime());
    public static final String SERVICE_SECRET = "system-service-secret-" + Long.toHexString(System.nanoTime());

    private static final List<String> SERVICES = List.of("content-service", "engagement-service", "conversion-service",
            "reporting-service");
    private static SuiteCluster instance;

    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, String> databases = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, TcpProxy> databaseProxies = new LinkedHashMap<>();
    private TcpProxy contentToEngagement;
    private OAuthPlatformFake oauth;
    private final Path root;
    private final Path logs;

    private SuiteCluster() {
        root = Path.of(System.getProperty("suite.root", "..")).toAbsolutePath().normalize();
        logs = root.resolve("system-tests/target/service-logs");
    }

    /** The running cluster, started on first use. */
    public static synchronized SuiteCluster get() {
        if (instance == null) {
            SuiteCluster cluster = new SuiteCluster();
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop));
            cluster.start();
            instance = cluster;
        }
        return instance;
    }

    public String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    public String content() {
        return url("content-service");
    }

    public String engagement() {
        return url("engagement-service");
    }

    public String conversion() {
        return url("conversion-service");
    }

    public String reporting() {
        return url("reporting-service");
    }

    public String database(String service) {
        return databases.get(service);
    }

    /** The proxy between {@code service} and PostgreSQL: cut it to crash the database for that service. */
    public TcpProxy databaseProxy(String service) {
        return databaseProxies.get(service);
    }

    /**
     * The proxy through which content-service reaches engagement-service (post directory registrations):
     * cut it to hold registrations back, as an engagement-service outage seen from content-service would;
     * the outbox delivers them after {@link TcpProxy#restore()}. Everything else goes direct.
     */
    public TcpProxy contentToEngagement() {
        return contentToEngagement;
    }

    /** The stand-in for X's authorization server (content-service's accounts are connected against it). */
    public OAuthPlatformFake oauth() {
        return oauth;
    }

    /** Stops one service hard, as a crash or an outage would. */
    public synchronized void kill(String service) {
        Process process = processes.get(service);
        process.destroyForcibly();
        try {
            process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts a stopped service again on its port and waits until it is ready. */
    public synchronized void restart(String service) {
        try {
            processes.put(service, launch(service));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady(service);
    }

    private void start() {
        try {
            Files.createDirectories(logs);
            for (String service : SERVICES) {
                ports.put(service, freePort());
                databases.put(service, TestDatabase.create(service.replace("-service", "") + "_sys"));
                databaseProxies.put(service, TcpProxy.forPostgres());
            }
            contentToEngagement = new TcpProxy("127.0.0.1", ports.get("engagement-service"));
            oauth = new OAuthPlatformFake();
            for (String service : SERVICES) {
                processes.put(service, launch(service));
            }
            for (String service : SERVICES) {
                awaitReady(service);
            }
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    private Process launch(String service) throws IOException {
        return launch(service, ports.get(service), databaseProxies.get(service).jdbcUrl(databases.get(service)),
                logs.resolve(service + ".log"));
    }

    /**
     * Starts one more process of {@code service} on {@code port} against {@code jdbcUrl}, wired to the
     * cluster's other services and keys; the caller stops it. Used to run a service against a database
     * the test controls (a PostgreSQL it crashes, a second replica).
     */
    public Process launchExtra(String service, int port, String jdbcUrl, String logName) throws IOException {
        return launch(service, port, jdbcUrl, logs.resolve(logName + ".log"));
    }

    /** Waits until {@code baseUrl}/q/health/ready answers 200 while {@code process} lives. */
    public static void awaitReady(String baseUrl, Process process, Path log) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(baseUrl + " exited; see " + log);
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(baseUrl + " not ready within 120 s; see " + log);
    }

    public Path logs() {
        return logs;
    }

    private Process launch(String service, int port, String jdbcUrl, Path log) throws IOException {
        Path jar = root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw verify does)");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        env.put("QUARKUS_DATASOURCE_USERNAME", TestDatabase.USER);
        env.put("SUITE_JWT_PUBLIC_KEY", TestKeys.publicKeyPem().toUri().toString());
        env.put("SUITE_JWT_PRIVATE_KEY", TestKeys.privateKeyPem().toUri().toString());
        env.put("SUITE_ADMIN_CLIENT_ID", ADMIN_CLIENT_ID);
        env.put("SUITE_ADMIN_CLIENT_SECRET", ADMIN_CLIENT_SECRET);
        env.put("SUITE_ADMIN_EMAIL", ADMIN_EMAIL);
        env.put("SUITE_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("SUITE_SERVICE_SECRET", SERVICE_SECRET);
        env.put("SUITE_SECRETS_KEY", TestKeys.secretsKey());
        env.put("SUITE_CONTENT_URL", content());
        env.put("SUITE_ENGAGEMENT_URL", "content-service".equals(service) && contentToEngagement != null
                ? "http://127.0.0.1:" + contentToEngagement.port() : engagement());
        // A registration held back by the paused proxy is retried within about a second of its restore,
        // not after the production backoff (up to 5 minutes), so tests see it land promptly.
        env.put("SUITE_REGISTRATION_POLL", "1s");
        env.put("SUITE_REGISTRATION_MAX_BACKOFF", "PT1S");
        env.put("SUITE_CONVERSION_URL", conversion());
        env.put("SUITE_REPORTING_URL", reporting());
        env.put("SUITE_REDIRECT_BASE_URL", engagement());
        env.put("SUITE_DASHBOARD_ORIGIN", reporting());
        // The system tests drive the suite with a few credentials far faster than any integration would; the
        // per-credential limit itself is played in each service's AuthHardeningTest.
        env.put("SUITE_RATE_LIMIT_API_PER_MINUTE", "1000000");
        env.put("SUITE_RATE_LIMIT_API_BURST", "1000000");
        // The browser tests sign in from one address a few dozen times a run (each test is a fresh browser); the
        // sign-in limit per address is played in content-service's tests.
        env.put("SUITE_RATE_LIMIT_LOGIN_PER_MINUTE", "1000000");
        env.put("SUITE_RATE_LIMIT_LOGIN_BURST", "1000000");
        // Publishers and webhooks may call one loopback address, where the browser test's stand-in for a client's
        // publishing integration listens; every other private or loopback target stays refused.
        env.put("SUITE_OUTBOUND_ALLOW", OUTBOUND_TEST_ADDRESS + "/32");
        env.put("SUITE_PUBLISHING_POLL", "1s");
        // X's OAuth app, against the fake authorization server on that address (content-service's accounts).
        env.put("SUITE_CONTENT_ORIGIN", content());
        if (oauth != null) {
            env.put("SUITE_ACCOUNTS_X_CLIENT_ID", OAuthPlatformFake.CLIENT_ID);
            env.put("SUITE_ACCOUNTS_X_CLIENT_SECRET", OAuthPlatformFake.CLIENT_SECRET);
            env.put("SUITE_ACCOUNTS_X_AUTHORIZE_URL", oauth.base() + "/x/authorize");
            env.put("SUITE_ACCOUNTS_X_TOKEN_URL", oauth.base() + "/x/token");
            // X API v2 on the same fake: posts published with X_API, and read back by the engagement importer, which
            // reads a published post every 2 s here (EngagementImportIT) instead of every hour.
            env.put("SUITE_PUBLISHING_X_BASE_URL", oauth.base() + "/x");
            env.put("SUITE_IMPORTS_POLL", "1s");
            env.put("SUITE_IMPORTS_EVERY", "PT2S");
        }
        return builder.start();
    }

    private void awaitReady(String service) {
        awaitReady(url(service), processes.get(service), logs.resolve(service + ".log"));
    }

    private void stop() {
        processes.values().forEach(Process::destroy);
        databaseProxies.values().forEach(TcpProxy::close);
        if (contentToEngagement != null) {
            contentToEngagement.close();
        }
        if (oauth != null) {
            oauth.stop();
        }
        for (Process process : processes.values()) {
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        databases.values().forEach(db -> {
            try {
                TestDatabase.drop(db);
            } catch (RuntimeException e) {
                // the database server may be gone already at JVM exit
            }
        });
    }

    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * A port for a service to listen on (never the same twice in a run), below Linux's ephemeral range (32768-60999): a port the OS hands out for
     * a bind to 0 is one it also hands to outgoing connections, and one of those (the services' own calls, a
     * browser) took such a port between this check and the service's start ("Port ... seems to be in use").
     */
    static int freePort() throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 20000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(12000);
            if (!HANDED_OUT.add(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new java.net.InetSocketAddress(java.net.InetAddress.getByName("0.0.0.0"), port));
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free port between 20000 and 32000");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

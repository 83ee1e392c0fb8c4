package io.socialroi.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The one Ingress routes every public entry point to its service; PostgreSQL has the four databases and backups. */
class IngressAndDatabaseTest {

    private static final String WS = "/workspaces/3f0c2b9e-6a51-4c7e-9d2a-0b1e5f6a7c8d";

    /** Request path -> the service that must answer it (API.md); null: not reachable from outside. */
    private static final Map<String, String> ROUTES = routes();

    static Stream<String> overlays() {
        return Manifests.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void oneIngressRoutesTheRedirectTheApisAndTheDashboard(String overlay) {
        List<JsonNode> ingresses = Manifests.ofKind(
                Manifests.render(Manifests.k8s().resolve("overlays").resolve(overlay)), "Ingress");
        assertEquals(1, ingresses.size());
        JsonNode ingress = ingresses.get(0);
        assertEquals("true", annotation(ingress, "use-regex"));
        List<String[]> rules = new ArrayList<>();
        for (JsonNode path : ingress.path("spec").path("rules").get(0).path("http").path("paths")) {
            JsonNode backend = path.path("backend").path("service");
            assertEquals("http", backend.path("port").path("name").asText());
            rules.add(new String[] {path.path("path").asText(), backend.path("name").asText()});
        }
        // ingress-nginx with use-regex: case-insensitive, anchored at the start, longest path first.
        rules.sort(Comparator.comparingInt((String[] rule) -> rule[0].length()).reversed());
        ROUTES.forEach((request, expected) -> assertEquals(expected, route(rules, request), overlay + ": " + request));
        assertFalse(ingress.path("spec").path("tls").isEmpty(), "no TLS");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theIngressTakesATenThousandEventBatchAndBoundsEveryRequest(String overlay) {
        JsonNode ingress = Manifests.ofKind(
                Manifests.render(Manifests.k8s().resolve("overlays").resolve(overlay)), "Ingress").get(0);
        String bodySize = annotation(ingress, "proxy-body-size");
        assertTrue(bodySize.matches("\\d+m"), bodySize);
        long edgeLimit = Long.parseLong(bodySize.replace("m", "")) * 1024 * 1024;
        // 10,000 events at up to ~400 bytes of JSON each.
        assertTrue(edgeLimit >= 10_000L * 400, bodySize);
        // Whatever engagement-service accepts (or refuses with its own problem+json) passes the edge.
        assertTrue(edgeLimit >= engagementBodyLimit(), bodySize + " is below engagement-service's own limit");
        for (String timeout : List.of("proxy-connect-timeout", "proxy-send-timeout", "proxy-read-timeout")) {
            int seconds = Integer.parseInt(annotation(ingress, timeout));
            assertTrue(seconds > 0 && seconds <= 60, timeout + " " + seconds);
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void postgresqlHasTheFourDatabasesEachOwnedByItsServicesRole(String overlay) {
        List<JsonNode> docs = Manifests.render(Manifests.k8s().resolve("overlays").resolve(overlay));
        JsonNode cluster = Manifests.one(docs, "Cluster", "suite-db");
        assertEquals("postgresql.cnpg.io/v1", cluster.path("apiVersion").asText());
        Map<String, String> owners = new HashMap<>();
        JsonNode initdb = cluster.path("spec").path("bootstrap").path("initdb");
        owners.put(initdb.path("database").asText(), initdb.path("owner").asText());
        for (JsonNode database : Manifests.ofKind(docs, "Database")) {
            assertEquals("suite-db", database.path("spec").path("cluster").path("name").asText());
            owners.put(database.path("spec").path("name").asText(), database.path("spec").path("owner").asText());
        }
        assertEquals(Set.of("content", "engagement", "conversion", "reporting"), owners.keySet());

        Map<String, String> passwordSecrets = new HashMap<>();
        passwordSecrets.put(initdb.path("owner").asText(), initdb.path("secret").path("name").asText());
        for (JsonNode role : cluster.path("spec").path("managed").path("roles")) {
            passwordSecrets.put(role.path("name").asText(), role.path("passwordSecret").path("name").asText());
        }
        owners.forEach((database, owner) -> {
            JsonNode container = OverlayDeploymentsTest.container(Manifests.one(docs, "Deployment", database + "-service"));
            String serviceSecret = null;
            for (JsonNode var : container.path("env")) {
                if (var.path("name").asText().equals("SUITE_DB_PASSWORD")) {
                    serviceSecret = var.path("valueFrom").path("secretKeyRef").path("name").asText();
                }
            }
            assertEquals(passwordSecrets.get(owner), serviceSecret, database + ": the service and its role use one Secret");
        });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void backupsUseSecretReferences(String overlay) {
        List<JsonNode> docs = Manifests.render(Manifests.k8s().resolve("overlays").resolve(overlay));
        JsonNode backup = Manifests.one(docs, "Cluster", "suite-db").path("spec").path("backup");
        if (overlay.equals("prod")) {
            assertFalse(backup.isMissingNode(), "prod has no backups");
            JsonNode schedule = Manifests.one(docs, "ScheduledBackup", "suite-db-nightly").path("spec");
            assertEquals("suite-db", schedule.path("cluster").path("name").asText());
        }
        if (!backup.isMissingNode()) {
            JsonNode store = backup.path("barmanObjectStore");
            assertTrue(store.path("destinationPath").asText().startsWith("s3://"));
            for (String credential : List.of("accessKeyId", "secretAccessKey")) {
                JsonNode ref = store.path("s3Credentials").path(credential);
                assertEquals("suite-db-backup", ref.path("name").asText(), credential);
                assertEquals(Set.of("name", "key"), new TreeSet<>(iterable(ref)));
            }
        }
    }

    /** engagement-service's own body limit (suite.http.max-body-size, else Quarkus'), in bytes. */
    private static long engagementBodyLimit() {
        Properties properties = new Properties();
        try (var in = Files.newInputStream(
                Manifests.root().resolve("engagement-service/src/main/resources/application.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String limit = properties.getProperty("suite.http.max-body-size",
                properties.getProperty("quarkus.http.limits.max-body-size", "10M")).trim();
        assertTrue(limit.matches("\\d+[KMG]"), limit);
        long unit = switch (limit.charAt(limit.length() - 1)) {
            case 'K' -> 1024L;
            case 'M' -> 1024L * 1024;
            default -> 1024L * 1024 * 1024;
        };
        return Long.parseLong(limit.substring(0, limit.length() - 1)) * unit;
    }

    private static String route(List<String[]> rules, String request) {
        for (String[] rule : rules) {
            if (Pattern.compile("^" + rule[0], Pattern.CASE_INSENSITIVE).matcher(request).find()) {
                return rule[1];
            }
        }
        return null;
    }

    private static String annotation(JsonNode ingress, String name) {
        JsonNode value = ingress.path("metadata").path("annotations").path("nginx.ingress.kubernetes.io/" + name);
        assertFalse(value.isMissingNode(), "annotation " + name);
        return value.asText();
    }

    private static List<String> iterable(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Map<String, String> routes() {
        Map<String, String> routes = new LinkedHashMap<>();
        routes.put("/r/aB3xK9pQ", "engagement-service");
        routes.put("/s/3f0c2b9e-6a51-4c7e-9d2a-0b1e5f6a7c8d.js", "engagement-service");
        routes.put("/s/3f0c2b9e-6a51-4c7e-9d2a-0b1e5f6a7c8d.js/x", "reporting-service");
        routes.put("/auth/token", "content-service");
        routes.put("/auth/login", "content-service");
        routes.put("/users", "content-service");
        routes.put("/workspaces", "content-service");
        routes.put(WS, "content-service");
        routes.put(WS + "/credentials", "content-service");
        routes.put(WS + "/campaigns/1", "content-service");
        routes.put(WS + "/posts", "content-service");
        routes.put(WS + "/posts/1/approval-links", "content-service");
        routes.put(WS + "/calendar", "content-service");
        routes.put(WS + "/publishers/INSTAGRAM", "content-service");
        routes.put(WS + "/webhooks", "content-service");
        routes.put(WS + "/events", "engagement-service");
        routes.put(WS + "/engagement/summary", "engagement-service");
        routes.put(WS + "/touchpoints", "engagement-service");
        routes.put(WS + "/conversions", "conversion-service");
        routes.put(WS + "/identities", "conversion-service");
        routes.put(WS + "/attribution/compare", "conversion-service");
        routes.put(WS + "/audiences/1/members", "conversion-service");
        routes.put(WS + "/customers/c-1/journey", "conversion-service");
        routes.put(WS + "/exchange-rates/USD/2026-11-22", "conversion-service");
        routes.put(WS + "/connectors/shopify", "conversion-service");
        routes.put("/hooks/3f0c2b9e-6a51-4c7e-9d2a-0b1e5f6a7c8d/shopify", "conversion-service");
        routes.put("/hooks/meta", "content-service");
        routes.put("/hooks/telegram/9b2d7c41-0e6f-4a38-b5c2-7d1e8f3a6b90", "content-service");
        routes.put("/hooks/twilio/3f0c2b9e-6a51-4c7e-9d2a-0b1e5f6a7c8d/status", "content-service");
        routes.put("/hooks/twilio/3f0c2b9e-6a51-4c7e-9d2a-0b1e5f6a7c8d/messages", "content-service");
        routes.put(WS + "/archive", "content-service");
        // Platform webhooks (open: signed by the platform), beside each other.
        routes.put("/hooks/meta", "content-service");
        routes.put("/hooks/x", "content-service");
        routes.put(WS + "/costs", "reporting-service");
        routes.put(WS + "/settings", "reporting-service");
        routes.put(WS + "/reports/roi", "reporting-service");
        routes.put("/", "reporting-service");
        routes.put("/app.js", "reporting-service");
        routes.put("/q/health/ready", null);
        routes.put("/q/metrics", null);
        routes.put("/q/openapi", null);
        return routes;
    }
}

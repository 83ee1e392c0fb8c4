package io.socialroi.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every path in the services' committed OpenAPI copies ({@code <service>/src/test/resources/openapi/<service>.json},
 * kept equal to what each service serves by its OpenApiTest) reaches, through the Ingress, the service that
 * serves it; the service-to-service endpoints that are not public never do. A new endpoint, or a prefix moved to
 * another service, fails here until the Ingress routes it.
 */
class IngressRoutesTest {

    /**
     * Service-to-service endpoints (CONTRACTS.md) that the Ingress must not expose, per serving service. The
     * post directory shares its path with content-service's posts, which the Ingress serves instead.
     */
    private static final Map<String, Set<String>> INTERNAL = Map.of(
            "engagement-service", Set.of("/changes", "/workspaces/{workspaceId}/actors/search",
                    "/workspaces/{workspaceId}/journeys/search", "/workspaces/{workspaceId}/posts/{postId}"));

    /** Sample values for the path parameters; anything else becomes a plain segment. */
    private static final Map<String, String> SAMPLES = Map.of(
            "workspaceId", "3f0c2b9e-6a51-4c7e-9d2a-0b1e5f6a7c8d",
            "code", "aB3xK9pQ",
            "currency", "USD",
            "date", "2026-11-22",
            "platform", "INSTAGRAM",
            "publisherId", "9b2d7c41-0e6f-4a38-b5c2-7d1e8f3a6b90",
            "token", "Zk3q9dTQmJv1pXr8aY2wLs");

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    static Stream<String> overlays() {
        return Manifests.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyOpenApiPathReachesTheServiceThatServesIt(String overlay) {
        List<String[]> rules = rules(overlay);
        int checked = 0;
        for (String service : Manifests.SERVICES) {
            for (String template : openApiPaths(service)) {
                String request = concrete(template);
                String routed = route(rules, request);
                if (INTERNAL.getOrDefault(service, Set.of()).contains(template)) {
                    assertNotEquals(service, routed, overlay + ": internal " + service + " " + template + " is exposed");
                } else {
                    assertEquals(service, routed, overlay + ": " + template + " (" + request + ")");
                }
                checked++;
            }
        }
        assertTrue(checked >= 50, "only " + checked + " OpenAPI paths found");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void exchangeRatesGoToConversionService(String overlay) {
        String rates = "/workspaces/" + SAMPLES.get("workspaceId") + "/exchange-rates/USD/2026-11-22";
        assertEquals("conversion-service", route(rules(overlay), rates));
        assertTrue(openApiPaths("conversion-service").contains("/workspaces/{workspaceId}/exchange-rates/{currency}/{date}"));
    }

    /** The Ingress rules as (path regex, service), longest first: ingress-nginx's order with use-regex. */
    static List<String[]> rules(String overlay) {
        JsonNode ingress = Manifests.ofKind(
                Manifests.render(Manifests.k8s().resolve("overlays").resolve(overlay)), "Ingress").get(0);
        List<String[]> rules = new ArrayList<>();
        for (JsonNode rule : ingress.path("spec").path("rules")) {
            for (JsonNode path : rule.path("http").path("paths")) {
                rules.add(new String[] {path.path("path").asText(), path.path("backend").path("service").path("name").asText()});
            }
        }
        rules.sort(Comparator.comparingInt((String[] rule) -> rule[0].length()).reversed());
        return rules;
    }

    /**
     * The service the first matching rule names, or null: nginx matches the path without the query string,
     * anchored at the start and case-insensitively.
     */
    static String route(List<String[]> rules, String request) {
        for (String[] rule : rules) {
            if (Pattern.compile("^" + rule[0], Pattern.CASE_INSENSITIVE).matcher(request).find()) {
                return rule[1];
            }
        }
        return null;
    }

    static List<String> openApiPaths(String service) {
        Path file = Manifests.root().resolve(service).resolve("src/test/resources/openapi").resolve(service + ".json");
        try {
            List<String> paths = new ArrayList<>();
            new ObjectMapper().readTree(file.toFile()).path("paths").fieldNames().forEachRemaining(paths::add);
            assertTrue(!paths.isEmpty(), file + " has no paths");
            return paths;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String concrete(String template) {
        Matcher matcher = PARAMETER.matcher(template);
        StringBuilder request = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(request, SAMPLES.getOrDefault(matcher.group(1), "x7" + matcher.group(1).length()));
        }
        matcher.appendTail(request);
        return request.toString();
    }
}

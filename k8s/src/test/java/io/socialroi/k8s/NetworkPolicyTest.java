package io.socialroi.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Evaluates the rendered NetworkPolicies the way a cluster does (a connection needs an egress rule on the
 * caller and an ingress rule on the callee) and compares the result with the calls CONTRACTS.md describes.
 */
class NetworkPolicyTest {

    /** Every service-to-service call the architecture makes; nothing else may be allowed. */
    private static final Set<String> CALLS = Set.of(
            "engagement-service -> content-service",
            "conversion-service -> content-service",
            "reporting-service -> content-service",
            "content-service -> engagement-service",
            // Exchange rates of budgets, and whether a workspace holds money before its currency changes.
            "content-service -> conversion-service",
            "content-service -> reporting-service",
            "conversion-service -> engagement-service",
            "reporting-service -> engagement-service",
            "reporting-service -> conversion-service");

    private static final Map<String, String> DATABASE = Map.of("cnpg.io/cluster", "suite-db");

    static Stream<String> overlays() {
        return Manifests.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void onlyTheCallsOfTheArchitectureAreAllowed(String overlay) {
        List<JsonNode> policies = Manifests.ofKind(
                Manifests.render(Manifests.k8s().resolve("overlays").resolve(overlay)), "NetworkPolicy");
        Set<String> allowed = new TreeSet<>();
        for (String caller : Manifests.SERVICES) {
            for (String callee : Manifests.SERVICES) {
                if (!caller.equals(callee) && allows(policies, labels(caller), labels(callee), null, 8080)) {
                    allowed.add(caller + " -> " + callee);
                }
            }
        }
        assertEquals(new TreeSet<>(CALLS), allowed);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everythingElseIsDeniedButTheDatabaseAndTheIngressController(String overlay) {
        List<JsonNode> policies = Manifests.ofKind(
                Manifests.render(Manifests.k8s().resolve("overlays").resolve(overlay)), "NetworkPolicy");
        assertTrue(policies.stream().anyMatch(policy -> policy.path("spec").path("podSelector").isEmpty()
                && policy.path("spec").path("policyTypes").size() == 2
                && !policy.path("spec").has("ingress") && !policy.path("spec").has("egress")), "no default-deny policy");
        for (String service : Manifests.SERVICES) {
            assertTrue(allows(policies, labels(service), DATABASE, null, 5432), service + " cannot reach PostgreSQL");
            assertTrue(!allows(policies, labels(service), DATABASE, null, 8000), service + " reaches the instance manager");
            assertTrue(ingressAllows(policies, "ingress-nginx", Map.of(), labels(service), 8080),
                    "the ingress controller cannot reach " + service);
            assertTrue(!ingressAllows(policies, "default", Map.of(), labels(service), 8080),
                    "pods of other namespaces reach " + service);
        }
        assertTrue(!allows(policies, labels("reporting-service"), labels("reporting-service"), null, 5432),
                "a service port other than 8080 is open");
    }

    private static Map<String, String> labels(String service) {
        return Map.of("app.kubernetes.io/name", service, "app.kubernetes.io/part-of", "social-roi-suite");
    }

    /** A connection between two pods of the namespace: egress of the caller and ingress of the callee. */
    private static boolean allows(List<JsonNode> policies, Map<String, String> caller, Map<String, String> callee,
            String namespace, int port) {
        return egressAllows(policies, caller, callee, port) && ingressAllows(policies, namespace, caller, callee, port);
    }

    private static boolean egressAllows(List<JsonNode> policies, Map<String, String> from, Map<String, String> to, int port) {
        return rulesAllow(policies, from, "Egress", "egress", "to", null, to, port);
    }

    private static boolean ingressAllows(List<JsonNode> policies, String namespace, Map<String, String> from,
            Map<String, String> to, int port) {
        return rulesAllow(policies, to, "Ingress", "ingress", "from", namespace, from, port);
    }

    /**
     * Whether some policy selecting {@code pod} for this direction has a rule whose peer matches the other pod
     * (in this namespace when {@code namespace} is null, else in that namespace) on that port.
     */
    private static boolean rulesAllow(List<JsonNode> policies, Map<String, String> pod, String type, String rules,
            String peers, String namespace, Map<String, String> other, int port) {
        for (JsonNode policy : policies) {
            JsonNode spec = policy.path("spec");
            boolean typed = false;
            for (JsonNode policyType : spec.path("policyTypes")) {
                typed |= policyType.asText().equals(type);
            }
            if (!typed || !selects(spec.path("podSelector"), pod)) {
                continue;
            }
            for (JsonNode rule : spec.path(rules)) {
                if (portMatches(rule, port) && peerMatches(rule.path(peers), namespace, other)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean portMatches(JsonNode rule, int port) {
        if (!rule.has("ports")) {
            return true;
        }
        for (JsonNode p : rule.path("ports")) {
            if (p.path("port").asInt() == port) {
                return true;
            }
        }
        return false;
    }

    private static boolean peerMatches(JsonNode peers, String namespace, Map<String, String> other) {
        if (peers.isMissingNode()) {
            return true;
        }
        for (JsonNode peer : peers) {
            if (peer.has("ipBlock")) {
                continue;
            }
            boolean namespaceOk = peer.has("namespaceSelector")
                    ? namespace != null && selects(peer.path("namespaceSelector"), Map.of("kubernetes.io/metadata.name", namespace))
                    : namespace == null;
            boolean podOk = !peer.has("podSelector") || selects(peer.path("podSelector"), other);
            if (namespaceOk && podOk) {
                return true;
            }
        }
        return false;
    }

    private static boolean selects(JsonNode selector, Map<String, String> labels) {
        var fields = selector.path("matchLabels").fields();
        while (fields.hasNext()) {
            var label = fields.next();
            if (!label.getValue().asText().equals(labels.get(label.getKey()))) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            assertEquals("In", expression.path("operator").asText());
            boolean in = false;
            for (JsonNode value : expression.path("values")) {
                in |= value.asText().equals(labels.get(expression.path("key").asText()));
            }
            if (!in) {
                return false;
            }
        }
        return true;
    }
}

package io.socialroi.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every overlay, rendered: what the browser is sent to or served (tracked links, approval links, the dashboard's
 * service addresses and CORS origin) is the Ingress' public HTTPS origin and never a cluster-internal address;
 * the sign-in cookie is Secure; the services take forwarded client addresses only from the ingress controller.
 */
class BrowserFacingSettingsTest {

    /** Settings whose value a browser sees (a link it follows, an origin it is allowed from, a page it loads). */
    private static final Set<String> PUBLIC_URLS = Set.of(
            "SUITE_REDIRECT_BASE_URL", "SUITE_APPROVALS_BASE_URL", "SUITE_DASHBOARD_ORIGIN", "SUITE_CONTENT_ORIGIN");

    static Stream<String> overlays() {
        return Manifests.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void linksAndTheDashboardOriginAreTheIngressHostOverHttps(String overlay) {
        List<JsonNode> docs = render(overlay);
        JsonNode ingress = Manifests.ofKind(docs, "Ingress").get(0);
        String host = ingress.path("spec").path("rules").get(0).path("host").asText();
        assertEquals(host, ingress.path("spec").path("tls").get(0).path("hosts").get(0).asText(), "TLS for the host");
        for (String service : Manifests.SERVICES) {
            Map<String, String> env = Manifests.environment(docs, service);
            for (String name : PUBLIC_URLS) {
                assertEquals("https://" + host, env.get(name), overlay + " " + service + " " + name);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void noBrowserFacingSettingNamesAClusterInternalAddress(String overlay) {
        List<JsonNode> docs = render(overlay);
        List<String> internalHosts = new ArrayList<>();
        for (JsonNode service : Manifests.ofKind(docs, "Service")) {
            internalHosts.add(service.path("metadata").path("name").asText());
        }
        internalHosts.add("suite-db-rw");
        for (String service : Manifests.SERVICES) {
            Map<String, String> env = Manifests.environment(docs, service);
            env.forEach((name, value) -> {
                boolean browserFacing = PUBLIC_URLS.contains(name) || name.startsWith("SUITE_DASHBOARD_");
                if (browserFacing && value.contains("://")) {
                    String urlHost = URI.create(value).getHost();
                    assertFalse(internalHosts.contains(urlHost) || urlHost.endsWith(".svc")
                            || urlHost.endsWith(".cluster.local") || isPrivateOrLoopback(urlHost),
                            overlay + " " + service + " " + name + "=" + value + " is not a public address");
                }
            });
        }
        // The dashboard publishes no service address: same-origin relative paths (its /config.json and CSP name
        // none of SUITE_CONTENT_URL ... , which are cluster-internal here).
        Map<String, String> reporting = Manifests.environment(docs, "reporting-service");
        assertEquals("true", reporting.get("SUITE_DASHBOARD_SAME_ORIGIN"), overlay);
        assertTrue(reporting.get("SUITE_CONTENT_URL").startsWith("http://content-service:"),
                "the internal addresses exist, so same-origin is what keeps them from the browser");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theSignInCookieIsSecureAndTheIngressServesHttpsOnly(String overlay) {
        List<JsonNode> docs = render(overlay);
        assertEquals("true", Manifests.environment(docs, "content-service").get("SUITE_SECURE_COOKIE"), overlay);
        JsonNode annotations = Manifests.ofKind(docs, "Ingress").get(0).path("metadata").path("annotations");
        assertEquals("true", annotations.path("nginx.ingress.kubernetes.io/force-ssl-redirect").asText());
        // HSTS is ingress-nginx's default on TLS hosts (k8s/README.md); nothing here may switch it off or inject
        // headers around it.
        annotations.fieldNames().forEachRemaining(name -> assertFalse(
                name.contains("snippet") || name.contains("hsts"), overlay + ": annotation " + name));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void forwardedClientAddressesCountOnlyFromTheIngressController(String overlay) {
        List<JsonNode> docs = render(overlay);
        for (String service : Manifests.SERVICES) {
            Map<String, String> env = Manifests.environment(docs, service);
            assertEquals("true", env.get("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING"), overlay + " " + service);
            assertEquals("true", env.get("QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED"), overlay + " " + service);
            String trusted = env.get("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES");
            assertTrue(trusted != null && !trusted.isBlank(), overlay + " " + service + ": every peer would be trusted");
            for (String entry : trusted.split(",")) {
                String[] cidr = entry.trim().split("/");
                assertTrue(cidr.length == 2, entry + " is not a CIDR");
                InetAddress network = address(cidr[0]);
                int prefix = Integer.parseInt(cidr[1]);
                int bits = network.getAddress().length * 8;
                assertTrue(prefix >= 8 && prefix <= bits, entry + ": a range that wide trusts the internet");
                assertTrue(network.isSiteLocalAddress() || network.getAddress()[0] == (byte) 0xfd,
                        entry + ": the controller's pods have private addresses");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theServicesReadTheSettingsTheOverlaysSet(String overlay) {
        // The names above are the ones the services read; a rename there must fail here.
        String content = read("content-service/src/main/resources/application.properties");
        assertTrue(content.contains("suite.login.secure-cookie=${SUITE_SECURE_COOKIE:false}"), "secure cookie");
        assertTrue(content.contains("suite.approvals.base-url=${SUITE_APPROVALS_BASE_URL:"), "approvals base URL");
        assertTrue(content.contains("suite.links.redirect-base-url=${SUITE_REDIRECT_BASE_URL:"), "redirect base URL");
        assertTrue(content.contains("suite.accounts.redirect-url=${SUITE_ACCOUNTS_REDIRECT_URL:${SUITE_CONTENT_ORIGIN:"),
                "OAuth redirect URI on the public origin");
        assertTrue(read("suite-common/src/main/resources/META-INF/microprofile-config.properties")
                .contains("quarkus.http.cors.origins=${SUITE_DASHBOARD_ORIGIN:"), "CORS origin");
        // suite.dashboard.same-origin, SUITE_DASHBOARD_SAME_ORIGIN in the environment.
        String dashboard = read("reporting-service/src/main/java/io/socialroi/reporting/dashboard/DashboardConfig.java");
        assertTrue(dashboard.contains("@ConfigMapping(prefix = \"suite.dashboard\")")
                && dashboard.contains("boolean sameOrigin();"), "dashboard same-origin");
        assertFalse(render(overlay).isEmpty());
    }

    private static List<JsonNode> render(String overlay) {
        return Manifests.render(Manifests.k8s().resolve("overlays").resolve(overlay));
    }

    private static boolean isPrivateOrLoopback(String host) {
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        if (!host.matches("[0-9.]+|\\[?[0-9a-fA-F]*:[0-9a-fA-F:]+]?")) {
            return false;
        }
        InetAddress address = address(host.replace("[", "").replace("]", ""));
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress();
    }

    /** A literal address (never a DNS look-up: anything but digits, dots, colons and hex is refused first). */
    private static InetAddress address(String literal) {
        assertTrue(literal.matches("[0-9.]+|[0-9a-fA-F]*:[0-9a-fA-F:]+"), literal + " is not an address");
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(literal + " is not an address", e);
        }
    }

    private static String read(String file) {
        try {
            return Files.readString(Manifests.root().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

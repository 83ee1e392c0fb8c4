package io.socialroi.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.socialroi.testing.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * java.net.http.HttpClient, as most Java integrations (and clients generated for Java) use it, prefers HTTP/2 and
 * asks a plain-HTTP server to upgrade ("Upgrade: h2c") on its first request, body included. With HTTP/2 enabled,
 * Vert.x answered such a POST with a 500 ("Request has already been read"); the services speak HTTP/1.1
 * (suite-common's shared quarkus.http.http2=false) and answer it as any other request.
 */
@QuarkusTest
class H2cUpgradeTest {

    private static final HttpClient DEFAULT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TestHTTPResource("/auth/token")
    URI token;

    @TestHTTPResource("/workspaces")
    URI workspaces;

    @Test
    void theDefaultJavaClientGetsTheTokenEndpointsOwnAnswerToAFormPost() throws IOException, InterruptedException {
        assertEquals(HttpClient.Version.HTTP_2, DEFAULT.version(), "the client asks for HTTP/2 as integrators' do");
        HttpResponse<String> answer = DEFAULT.send(HttpRequest.newBuilder(token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id=nobody&client_secret=wrong")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(401, answer.statusCode(), answer.body());
        assertEquals(HttpClient.Version.HTTP_1_1, answer.version());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    @Test
    void aJsonPostThroughTheDefaultJavaClientCreatesTheWorkspace() throws IOException, InterruptedException {
        HttpResponse<String> answer = DEFAULT.send(HttpRequest.newBuilder(workspaces)
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + TestTokens.admin())
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"Upgrade asked\",\"timeZone\":\"Europe/Rome\",\"currency\":\"EUR\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(201, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("\"name\":\"Upgrade asked\""), answer.body());
    }
}

package io.socialroi.content.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends one signed JSON POST to a receiver the workspace configured (a publisher or a webhook). The URL is
 * the workspace's, so this is a plain HTTP client rather than a typed REST client of a known service.
 */
@ApplicationScoped
public class SignedSender {

    /** Whether the receiver acknowledged with a 2xx and, when not, why (kept as the failure reason). */
    public record Outcome(boolean delivered, String reason) {

        static Outcome ok() {
            return new Outcome(true, null);
        }

        static Outcome failed(String reason) {
            return new Outcome(false, reason);
        }
    }

    private final HttpClient client;
    private final Duration timeout;

    public SignedSender(@ConfigProperty(name = "suite.delivery.timeout", defaultValue = "PT10S") Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public Outcome post(String url, String secret, String deliveryId, String event, String body) {
        long now = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "social-roi-suite")
                .header("X-Suite-Signature", Signatures.header(secret, now, body))
                .header("X-Suite-Delivery", deliveryId)
                .header("X-Suite-Event", event)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status / 100 == 2 ? Outcome.ok() : Outcome.failed("receiver answered HTTP " + status);
        } catch (HttpTimeoutException e) {
            return Outcome.failed("receiver did not answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            return Outcome.failed("receiver unreachable: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed("interrupted while sending");
        }
    }
}

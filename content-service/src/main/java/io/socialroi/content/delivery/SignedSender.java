package io.socialroi.content.delivery;

import io.socialroi.common.net.OutboundHttp;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends one signed JSON POST to a receiver the workspace configured (a publisher or a webhook). The URL is
 * the workspace's, so the call goes through suite-common's {@link OutboundHttp}: only to public addresses
 * (or those the deployment allows), checked on the resolved address at every connect, and with failure
 * reasons that tell nothing about the network behind the address.
 */
@ApplicationScoped
public class SignedSender {

    /**
     * Whether the receiver acknowledged with a 2xx and, when not, why (kept as the failure reason), and whether
     * it refused the delivery for good: a 4xx answer other than 408, 425 and 429 (the receiver looked at it and
     * said no; sending the same bytes again cannot change that).
     */
    public record Outcome(boolean delivered, String reason, boolean refused) {

        public Outcome(boolean delivered, String reason) {
            this(delivered, reason, false);
        }

        static Outcome ok() {
            return new Outcome(true, null);
        }

        static Outcome failed(String reason) {
            return new Outcome(false, reason);
        }
    }

    private final OutboundHttp http;
    private final Duration timeout;

    public SignedSender(OutboundHttp http,
            @ConfigProperty(name = "suite.delivery.timeout", defaultValue = "PT10S") Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    public Outcome post(String url, String secret, String deliveryId, String event, String body) {
        long now = Instant.now().getEpochSecond();
        Map<String, String> headers = Map.of("Content-Type", "application/json", "User-Agent", "social-roi-suite",
                "X-Suite-Signature", Signatures.header(secret, now, body), "X-Suite-Delivery", deliveryId,
                "X-Suite-Event", event);
        OutboundHttp.Answer answer = http.send(HttpMethod.POST, url, headers, body.getBytes(StandardCharsets.UTF_8),
                timeout);
        if (!answer.answered()) {
            return Outcome.failed(answer.failure());
        }
        int status = answer.status();
        if (status / 100 == 2) {
            return Outcome.ok();
        }
        if (status / 100 == 4 && status != 408 && status != 425 && status != 429) {
            return new Outcome(false, "receiver refused it with HTTP " + status, true);
        }
        return Outcome.failed("receiver answered HTTP " + status);
    }
}

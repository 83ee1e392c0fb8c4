package io.socialroi.conversion.export;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.socialroi.common.net.OutboundHttp;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends the attributed conversions of every configured destination to its platform, in batches within the
 * platform's limit, each conversion once ({@code export_delivery}, one row per platform and conversion). See the
 * README, "Conversions out to ad platforms", for the rules; in short:
 *
 * <ul>
 * <li>a 2xx answer marks the events SENT (per event where the platform answers per event): never sent again;</li>
 * <li>5xx, 429, a timeout or no connection: RETRYING with exponential backoff ({@code suite.exports.retry.first},
 * doubling up to {@code suite.exports.retry.max-delay}, at least the platform's {@code Retry-After}) with the same
 * dedupe id, FAILED after {@code suite.exports.retry.max-attempts};</li>
 * <li>a validation refusal: REJECTED with the platform's reason, never retried; where the platform refuses a whole
 * request for one event, halves are sent until the refused events are found, so the valid ones still go;</li>
 * <li>a refused token: the destination is NEEDS_RECONNECT and nothing is sent until it is configured again;</li>
 * <li>older than the platform accepts (less an hour of margin), nothing to match the person by, or a purchase with
 * nothing left after refunds: SKIPPED with the reason.</li>
 * </ul>
 */
@ApplicationScoped
public class ExportJob {

    /** Events this close to the platform's window are not sent: they could age out in flight. */
    static final Duration WINDOW_MARGIN = Duration.ofHours(1);

    private final ExportStore store;
    private final OutboundHttp http;
    private final Map<ExportPlatform, PlatformClient> clients = new EnumMap<>(ExportPlatform.class);
    private final Duration timeout;
    private final Duration lease;
    private final Duration firstRetry;
    private final Duration maxDelay;
    private final int maxAttempts;
    private final int batchesPerRun;

    public ExportJob(ExportStore store, OutboundHttp http, Instance<PlatformClient> platformClients,
            @ConfigProperty(name = "suite.exports.timeout", defaultValue = "PT30S") Duration timeout,
            @ConfigProperty(name = "suite.exports.lease", defaultValue = "PT10M") Duration lease,
            @ConfigProperty(name = "suite.exports.retry.first", defaultValue = "PT1M") Duration firstRetry,
            @ConfigProperty(name = "suite.exports.retry.max-delay", defaultValue = "PT6H") Duration maxDelay,
            @ConfigProperty(name = "suite.exports.retry.max-attempts", defaultValue = "10") int maxAttempts,
            @ConfigProperty(name = "suite.exports.batches-per-run", defaultValue = "10") int batchesPerRun) {
        this.store = store;
        this.http = http;
        platformClients.forEach(c -> clients.put(c.platform(), c));
        this.timeout = timeout;
        this.lease = lease;
        this.firstRetry = firstRetry;
        this.maxDelay = maxDelay;
        this.maxAttempts = maxAttempts;
        this.batchesPerRun = batchesPerRun;
    }

    PlatformClient client(ExportPlatform platform) {
        return clients.get(platform);
    }

    @Scheduled(every = "${suite.exports.every:10s}", delayed = "${suite.exports.delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run(Instant.now());
    }

    /** One run at {@code now}: every ACTIVE destination whose lease is free. Tests call it with the time they need. */
    public void run(Instant now) {
        List<Destination> candidates;
        try {
            candidates = store.candidates(now);
        } catch (SQLException e) {
            Log.warnf("Conversion export skipped: %s", e.getMessage());
            return;
        }
        for (Destination candidate : candidates) {
            Destination d;
            try {
                Optional<Destination> claimed = store.claim(candidate, now, now.plus(lease));
                if (claimed.isEmpty()) {
                    continue;
                }
                d = claimed.get();
            } catch (SQLException e) {
                Log.warnf("Conversion export of %s to %s skipped: %s", candidate.workspaceId(), candidate.platform(),
                        e.getMessage());
                continue;
            }
            try {
                deliver(d, now);
            } catch (SQLException | RuntimeException e) {
                Log.warnf(e, "Conversion export of %s to %s stopped; the next run goes on", d.workspaceId(),
                        d.platform());
            } finally {
                try {
                    store.release(d);
                } catch (SQLException e) {
                    Log.warnf("Export lease of %s %s not released (it runs out by itself): %s", d.workspaceId(),
                            d.platform(), e.getMessage());
                }
            }
        }
    }

    private void deliver(Destination d, Instant now) throws SQLException {
        store.enqueue(d, now);
        PlatformClient client = clients.get(d.platform());
        Optional<String> token = store.token(d.workspaceId(), d.platform());
        if (token.isEmpty()) {
            store.needsReconnect(d, "the stored token cannot be opened with this deployment's keys; configure the "
                    + "destination again", now);
            return;
        }
        Instant oldest = now.minus(d.platform().window()).plus(WINDOW_MARGIN);
        for (int round = 0; round < batchesPerRun; round++) {
            List<ExportEvent> due = store.due(d, now, d.platform().batchLimit());
            if (due.isEmpty()) {
                return;
            }
            List<ExportEvent> batch = new ArrayList<>();
            for (ExportEvent e : due) {
                String skip = skipReason(d.platform(), client, e, oldest);
                if (skip != null) {
                    store.closed(d, List.of(e), "SKIPPED", false, skip, null, now);
                } else {
                    batch.add(e);
                }
            }
            batch = batch.isEmpty() ? batch : store.inFlight(d, batch, now, now.plus(lease));
            if (batch.isEmpty()) {
                continue;
            }
            if (send(d, token.get(), client, batch, now)) {
                return;
            }
        }
    }

    private static String skipReason(ExportPlatform platform, PlatformClient client, ExportEvent e, Instant oldest) {
        if (e.occurredAt().isBefore(oldest)) {
            return "occurred at " + e.occurredAt() + ", older than " + platform + " accepts (" + platform.window()
                    .toDays() + " days, less an hour of margin) when it could be sent";
        }
        if (e.type().equals("PURCHASE") && e.value() != null && e.value().compareTo(BigDecimal.ZERO) == 0) {
            return "no revenue left to report (refunded in full before it was sent, or a free order)";
        }
        return client.unsendable(e);
    }

    /** Sends one batch and records each event's outcome; true when the destination needs a new token. */
    private boolean send(Destination d, String token, PlatformClient client, List<ExportEvent> batch, Instant now)
            throws SQLException {
        Outcome.Request request = client.request(d, token, batch);
        OutboundHttp.Exchange exchange = http.call(HttpMethod.POST, request.url(), request.headers(),
                request.body().getBytes(StandardCharsets.UTF_8), timeout);
        Outcome outcome = client.read(exchange, batch.size());
        switch (outcome) {
            case Outcome.Accepted accepted -> {
                List<ExportEvent> sent = new ArrayList<>();
                for (int i = 0; i < batch.size(); i++) {
                    Outcome.EventError error = accepted.errors().get(i);
                    if (error == null) {
                        sent.add(batch.get(i));
                    } else if (error.retry()) {
                        retryLater(d, List.of(batch.get(i)), null, error.reason(), now);
                    } else {
                        store.closed(d, List.of(batch.get(i)), "REJECTED", true, error.reason(),
                                accepted.response(), now);
                    }
                }
                store.sent(d, sent, accepted.response(), now);
                return false;
            }
            case Outcome.Retry retry -> {
                retryLater(d, batch, retry.retryAfter(), retry.reason(), now);
                return false;
            }
            case Outcome.Reconnect reconnect -> {
                Log.warnf("Export of %s to %s: %s; nothing is sent until the destination is configured again",
                        d.workspaceId(), d.platform(), reconnect.reason());
                store.needsReconnect(d, reconnect.reason(), now);
                store.retry(d, batch, now, false, "waiting for a new token: " + reconnect.reason(), now);
                return true;
            }
            case Outcome.Invalid invalid -> {
                return invalid(d, token, client, batch, invalid, now);
            }
        }
    }

    private boolean invalid(Destination d, String token, PlatformClient client, List<ExportEvent> batch,
            Outcome.Invalid invalid, Instant now) throws SQLException {
        if (!invalid.bad().isEmpty()) {
            List<ExportEvent> rest = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                String reason = invalid.bad().get(i);
                if (reason == null) {
                    rest.add(batch.get(i));
                } else {
                    store.closed(d, List.of(batch.get(i)), "REJECTED", true, reason, invalid.response(), now);
                }
            }
            return !rest.isEmpty() && send(d, token, client, rest, now);
        }
        if (batch.size() == 1) {
            store.closed(d, batch, "REJECTED", true, invalid.reason(), invalid.response(), now);
            return false;
        }
        int half = batch.size() / 2;
        return send(d, token, client, List.copyOf(batch.subList(0, half)), now)
                || send(d, token, client, List.copyOf(batch.subList(half, batch.size())), now);
    }

    /** Backoff per event: first, doubling per attempt, at most max-delay, never before the platform's Retry-After. */
    private void retryLater(Destination d, List<ExportEvent> events, Duration retryAfter, String reason, Instant now)
            throws SQLException {
        List<ExportEvent> exhausted = new ArrayList<>();
        Map<Instant, List<ExportEvent>> byTime = new TreeMap<>();
        for (ExportEvent e : events) {
            int attempt = e.attempts() + 1;
            if (attempt >= maxAttempts) {
                exhausted.add(e);
                continue;
            }
            Duration wait = backoff(attempt);
            if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
                wait = retryAfter;
            }
            byTime.computeIfAbsent(now.plus(wait), t -> new ArrayList<>()).add(e);
        }
        store.closed(d, exhausted, "FAILED", true, "gave up after " + maxAttempts + " attempts: " + reason, null,
                now);
        for (Map.Entry<Instant, List<ExportEvent>> due : byTime.entrySet()) {
            store.retry(d, due.getValue(), due.getKey(), true, reason, now);
        }
    }

    Duration backoff(int attempt) {
        Duration wait = firstRetry;
        for (int i = 1; i < attempt && wait.compareTo(maxDelay) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxDelay) > 0 ? maxDelay : wait;
    }

    /** The APIs and versions, by platform, as the views and the README name them. */
    Map<ExportPlatform, String> apis() {
        Map<ExportPlatform, String> apis = new LinkedHashMap<>();
        clients.forEach((p, c) -> apis.put(p, c.api()));
        return apis;
    }
}

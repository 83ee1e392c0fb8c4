package io.socialroi.common.remote;

import io.quarkus.logging.Log;
import io.socialroi.common.problem.ProblemException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The one fault-tolerance policy of calls between suite services, one instance (and circuit breaker) per
 * dependency ({@link #of}):
 * <ul>
 * <li>{@link #get}: an idempotent GET, retried {@code maxRetries} times after {@code retryDelay}, but only on a
 * connect failure or a 5xx (a timeout is not retried: a slow service only gets slower);</li>
 * <li>{@link #send}: anything else (a POST, even a search), never retried;</li>
 * <li>the breaker opens when at least {@code failureRatio} of the last {@code window} calls failed transiently and
 * then refuses calls for {@code openFor} (a 503 at once instead of a thread tied up per request); after that one
 * trial call decides. A 4xx is an answer, not a failure: it is neither retried nor counted. A call the trial call
 * makes to the same dependency on its way (e.g. the service token it needs from content-service) belongs to the
 * trial rather than being refused by it.</li>
 * </ul>
 * Every failure leaves as {@link RemoteFailures#translate}: a 503 naming the dependency or the remote 4xx.
 * Written here rather than with SmallRye Fault Tolerance's programmatic guards so that it runs, and is tested, the
 * same in and outside a Quarkus application; the calls' own timeouts are the REST clients' connect and read
 * timeouts ({@code quarkus.rest-client.<service>.*-timeout}).
 */
public final class RemotePolicy {

    public record Settings(int maxRetries, Duration retryDelay, int window, double failureRatio, Duration openFor) {
    }

    /** Without configuration (unit tests): the values of suite-common's microprofile-config.properties. */
    public static final Settings DEFAULT = new Settings(1, Duration.ofMillis(50), 20, 0.5, Duration.ofSeconds(5));

    private static final Map<String, RemotePolicy> POLICIES = new ConcurrentHashMap<>();

    private final String service;
    private final Settings settings;
    private final LongSupplier nanoClock;
    private final boolean[] outcomes;
    private int calls;
    private int next;
    private long openUntil;
    private boolean trialRunning;
    /** The thread making the trial call, and how many calls of it (the trial and those nested in it) are open. */
    private Thread trialCaller;
    private int trialDepth;

    public RemotePolicy(String service, Settings settings, LongSupplier nanoClock) {
        this.service = service;
        this.settings = settings;
        this.nanoClock = nanoClock;
        this.outcomes = new boolean[settings.window()];
    }

    /** The shared policy (and breaker) of one dependency, by its name as the problems show it. */
    public static RemotePolicy of(String service) {
        return POLICIES.computeIfAbsent(service, s -> new RemotePolicy(s, configured(), System::nanoTime));
    }

    /**
     * A policy with a breaker of its own for one kind of call to {@code service} ({@code lane}), whose slowness must
     * not pause the dependency's other calls: e.g. reporting-service's DATA_DRIVEN attribution, which learns a model
     * for seconds, beside the rule models' answers of milliseconds. Problems still name {@code service}.
     */
    public static RemotePolicy of(String service, String lane) {
        return POLICIES.computeIfAbsent(service + "#" + lane, s -> new RemotePolicy(service, configured(),
                System::nanoTime));
    }

    /** {@code suite.remote.*} (suite-common's microprofile-config.properties; a service may override them). */
    static Settings configured() {
        try {
            org.eclipse.microprofile.config.Config config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
            return new Settings(
                    config.getOptionalValue("suite.remote.max-retries", Integer.class).orElse(DEFAULT.maxRetries()),
                    config.getOptionalValue("suite.remote.retry-delay", Duration.class).orElse(DEFAULT.retryDelay()),
                    config.getOptionalValue("suite.remote.breaker.window", Integer.class).orElse(DEFAULT.window()),
                    config.getOptionalValue("suite.remote.breaker.failure-ratio", Double.class)
                            .orElse(DEFAULT.failureRatio()),
                    config.getOptionalValue("suite.remote.breaker.open-for", Duration.class).orElse(DEFAULT.openFor()));
        } catch (RuntimeException | LinkageError e) {
            return DEFAULT;
        }
    }

    /** Closes every breaker and forgets their history (operations, like SmallRye's CircuitBreakerMaintenance). */
    public static void resetAll() {
        POLICIES.values().forEach(RemotePolicy::reset);
    }

    public synchronized void reset() {
        openUntil = 0;
        endTrial();
        calls = 0;
        next = 0;
    }

    public String service() {
        return service;
    }

    /** An idempotent GET: retried on connect failures and 5xx. */
    public <T> T get(Supplier<T> call) {
        return run(call, settings.maxRetries());
    }

    /** A call that must not be repeated blindly (POST, PUT, DELETE): one attempt. */
    public <T> T send(Supplier<T> call) {
        return run(call, 0);
    }

    /** True while the breaker refuses calls. */
    public synchronized boolean isOpen() {
        return openUntil != 0 && nanoClock.getAsLong() < openUntil;
    }

    private <T> T run(Supplier<T> call, int retries) {
        for (int attempt = 0;; attempt++) {
            admit();
            try {
                T answer = call.get();
                record(false);
                return answer;
            } catch (ProblemException e) {
                release();
                throw e;
            } catch (RuntimeException e) {
                if (!RemoteFailures.isTransient(e)) {
                    release();
                    throw RemoteFailures.translate(service, e);
                }
                record(true);
                if (attempt >= retries || isOpen() || !RemoteFailures.isRetryable(e)) {
                    Log.warnf("Call to %s failed: %s", service, e.toString());
                    throw RemoteFailures.translate(service, e);
                }
                pause();
            }
        }
    }

    private synchronized void admit() {
        if (openUntil == 0) {
            return;
        }
        if (trialRunning && trialCaller == Thread.currentThread()) {
            trialDepth++; // made by the trial call itself (its service token): part of the trial
            return;
        }
        if (nanoClock.getAsLong() < openUntil || trialRunning) {
            throw RemoteFailures.unavailable(service, service + " is failing; calls are paused for a few seconds");
        }
        trialRunning = true;
        trialCaller = Thread.currentThread();
        trialDepth = 1;
    }

    /** An answer that is no verdict on the dependency's health (a 4xx): a trial call may be made again. */
    private synchronized void release() {
        if (trialRunning && trialCaller == Thread.currentThread() && --trialDepth > 0) {
            return; // a call nested in the trial ended: the trial itself goes on
        }
        endTrial();
    }

    private void endTrial() {
        trialRunning = false;
        trialCaller = null;
        trialDepth = 0;
    }

    private synchronized void record(boolean failure) {
        if (openUntil != 0) {
            endTrial();
            if (failure) {
                openUntil = nanoClock.getAsLong() + settings.openFor().toNanos();
            } else {
                openUntil = 0;
                calls = 0;
                next = 0;
            }
            return;
        }
        outcomes[next] = failure;
        next = (next + 1) % outcomes.length;
        calls = Math.min(calls + 1, outcomes.length);
        if (calls == outcomes.length) {
            int failures = 0;
            for (boolean f : outcomes) {
                failures += f ? 1 : 0;
            }
            if (failures >= settings.failureRatio() * outcomes.length) {
                Log.warnf("Circuit to %s opened for %s", service, settings.openFor());
                openUntil = nanoClock.getAsLong() + settings.openFor().toNanos();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(settings.retryDelay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RemoteFailures.unavailable(service, "Interrupted while waiting to call " + service + " again");
        }
    }
}

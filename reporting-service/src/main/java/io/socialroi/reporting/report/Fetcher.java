package io.socialroi.reporting.report;

import io.opentelemetry.context.Context;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Asks the dependencies of a report at the same time, on virtual threads, so a report waits for the slowest
 * of them rather than their sum, and fails as soon as the first one fails.
 */
@ApplicationScoped
public class Fetcher {

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public <T> CompletableFuture<T> start(Supplier<T> call) {
        // Each call continues the request's trace: its REST client sends the request's traceparent on.
        return CompletableFuture.supplyAsync(Context.current().wrapSupplier(call), executor);
    }

    /** Waits until all succeed, or rethrows the first failure without waiting for the others. */
    public void await(CompletableFuture<?>... calls) {
        CompletableFuture<Void> firstFailure = new CompletableFuture<>();
        for (CompletableFuture<?> call : calls) {
            call.whenComplete((value, error) -> {
                if (error != null) {
                    firstFailure.completeExceptionally(error);
                }
            });
        }
        try {
            CompletableFuture.anyOf(CompletableFuture.allOf(calls), firstFailure).join();
        } catch (CompletionException e) {
            Throwable cause = e;
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}

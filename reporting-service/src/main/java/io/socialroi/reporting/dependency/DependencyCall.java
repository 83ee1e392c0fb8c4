package io.socialroi.reporting.dependency;

import io.quarkus.logging.Log;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.common.workspace.ServiceTokens;
import jakarta.ws.rs.WebApplicationException;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Turns every way a call to another suite service can fail into a 503 problem naming that service. A report
 * is all or nothing: a partial answer would show wrong numbers as if they were whole.
 */
final class DependencyCall {

    private DependencyCall() {
    }

    static <T> T guard(String service, ServiceTokens tokens, Supplier<T> call) {
        try {
            return call.get();
        } catch (ProblemException e) {
            throw e;
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 401) {
                tokens.invalidate();
            }
            throw unavailable(service, service + " answered HTTP " + status);
        } catch (TimeoutException e) {
            throw unavailable(service, service + " did not answer in time");
        } catch (CircuitBreakerOpenException e) {
            throw unavailable(service, service + " is failing; calls are paused for a few seconds");
        } catch (BulkheadException e) {
            throw unavailable(service, "Too many concurrent calls to " + service);
        } catch (RuntimeException e) {
            throw unavailable(service, service + " is unreachable");
        }
    }

    private static ProblemException unavailable(String service, String detail) {
        Log.warnf("Report dependency failed: %s", detail);
        return ProblemException.unavailable(service, detail + "; no partial report is shown");
    }
}

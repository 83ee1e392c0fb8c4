package io.socialroi.reporting.dependency;

import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.common.remote.RemotePolicy;
import io.socialroi.common.workspace.ServiceTokens;
import java.util.function.Supplier;

/**
 * A report's read from another suite service, under the suite's one policy ({@link RemotePolicy}: one retry of
 * these GETs on a connect failure or 5xx, a breaker per dependency that 4xx answers do not trip) and its one
 * mapping of failures ({@link io.socialroi.common.remote.RemoteFailures}): a 503 naming the service. A report is
 * all or nothing: a partial answer would show wrong numbers as if they were whole.
 */
final class DependencyCall {

    private DependencyCall() {
    }

    static <T> T guard(String service, ServiceTokens tokens, Supplier<T> call) {
        return guard(RemotePolicy.of(service), tokens, call);
    }

    /** The same under a policy of the caller's choosing (a lane of the dependency with a breaker of its own). */
    static <T> T guard(RemotePolicy policy, ServiceTokens tokens, Supplier<T> call) {
        try {
            return policy.get(() -> tokens.forgettingOn401(call));
        } catch (ProblemException e) {
            Problem p = e.problem();
            if (p.status() != 503) {
                throw e;
            }
            throw new ProblemException(new Problem(p.type(), p.title(), p.status(),
                    p.detail() + "; no partial report is shown", p.errors()), e.headers());
        }
    }
}

package io.socialroi.common.remote;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialroi.common.problem.FieldError;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

/**
 * The one mapping of a failed call to another suite service (content, engagement, conversion) onto this service's
 * answer. A connect failure, a timeout, a remote 5xx or an unreadable answer is a 503 problem
 * ({@code dependency-unavailable}, with Retry-After) naming the dependency: the caller may retry, nothing partial
 * is shown. A remote 4xx is the remote service's verdict on the question, not an outage: 400/404/409/422 pass
 * through with their status (and the remote problem's detail and field errors), 401/403 (this service's own
 * credentials refused) and 429 are a 503 too. {@link RemotePolicy} neither retries a 4xx nor counts it against the
 * dependency's circuit breaker.
 */
public final class RemoteFailures {

    /** What went wrong, as far as retrying and the breaker are concerned. */
    public enum Kind {
        /** The connection could not be made (refused, unknown host, reset before an answer). */
        CONNECT,
        /** No (whole) answer in time. */
        TIMEOUT,
        /** The dependency answered 5xx. */
        SERVER_ERROR,
        /** The dependency answered 4xx: the question was refused, asking again gives the same answer. */
        CLIENT_ERROR,
        /** Anything else, e.g. an answer that does not parse. */
        OTHER
    }

    public static final String RETRY_AFTER_SECONDS = "5";

    private static final ObjectMapper PROBLEMS = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private RemoteFailures() {
    }

    public static Kind classify(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof WebApplicationException w && w.getResponse() != null) {
                int status = w.getResponse().getStatus();
                if (status >= 500) {
                    return Kind.SERVER_ERROR;
                }
                if (status >= 400) {
                    return Kind.CLIENT_ERROR;
                }
            }
            if (t instanceof SocketTimeoutException || t instanceof java.util.concurrent.TimeoutException
                    || t instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException
                    || t.getClass().getSimpleName().contains("Timeout")) {
                return Kind.TIMEOUT;
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return Kind.CONNECT;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        // A lost connection (closed or reset while waiting for the answer) is still the dependency failing.
        return e instanceof ProcessingException ? Kind.CONNECT : Kind.OTHER;
    }

    /** Connect failures, timeouts and 5xx: the dependency failing, counted by the breaker. */
    public static boolean isTransient(Throwable e) {
        Kind kind = classify(e);
        return kind == Kind.CONNECT || kind == Kind.TIMEOUT || kind == Kind.SERVER_ERROR;
    }

    /** Connect failures and 5xx: what an idempotent GET is retried on (not a timeout, which only gets slower). */
    public static boolean isRetryable(Throwable e) {
        Kind kind = classify(e);
        return kind == Kind.CONNECT || kind == Kind.SERVER_ERROR;
    }

    /** This service's answer for a failed call to {@code service}; a {@link ProblemException} is kept as it is. */
    public static ProblemException translate(String service, Throwable e) {
        if (e instanceof ProblemException problem) {
            return problem;
        }
        if (e instanceof org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException) {
            return unavailable(service, "Too many concurrent calls to " + service);
        }
        if (e instanceof org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException) {
            return unavailable(service, service + " is failing; calls are paused for a few seconds");
        }
        return switch (classify(e)) {
            case CONNECT -> unavailable(service, service + " is unreachable");
            case TIMEOUT -> unavailable(service, service + " did not answer in time");
            case SERVER_ERROR -> unavailable(service, service + " answered HTTP " + status(e));
            case CLIENT_ERROR -> rejected(service, webException(e));
            case OTHER -> unavailable(service, service + " gave an answer that could not be read");
        };
    }

    /** 503 naming the dependency, with Retry-After. */
    public static ProblemException unavailable(String service, String detail) {
        return new ProblemException(Problem.of(503, "dependency-unavailable", service + " unavailable", detail),
                Map.of("Retry-After", RETRY_AFTER_SECONDS));
    }

    private static ProblemException rejected(String service, WebApplicationException e) {
        Response response = e.getResponse();
        int status = response.getStatus();
        Problem remote = remoteProblem(response);
        String detail = remote != null && remote.detail() != null ? remote.detail() : service + " answered HTTP " + status;
        List<FieldError> errors = remote != null && remote.errors() != null ? remote.errors() : List.of();
        return switch (status) {
            case 404 -> new ProblemException(Problem.of(404, "not-found", "Not Found", detail));
            case 409 -> new ProblemException(Problem.of(409, "conflict", "Conflict", detail));
            case 400, 422 -> new ProblemException(new Problem(
                    remote != null && remote.type() != null ? remote.type() : Problem.TYPE_BASE + "validation",
                    remote != null && remote.title() != null ? remote.title() : "Validation failed", status, detail,
                    errors));
            case 429 -> new ProblemException(Problem.of(503, "dependency-unavailable", service + " unavailable",
                    service + " is rate limiting this service"),
                    Map.of("Retry-After", retryAfter(response)));
            default -> unavailable(service, service + " refused this service's request (HTTP " + status + ")");
        };
    }

    private static Problem remoteProblem(Response response) {
        try {
            if (response.hasEntity()) {
                return PROBLEMS.readValue(response.readEntity(String.class), Problem.class);
            }
        } catch (RuntimeException | java.io.IOException ignored) {
            // Not a problem body (or already consumed): the status alone decides.
        }
        return null;
    }

    private static String retryAfter(Response response) {
        String value = response.getHeaderString("Retry-After");
        return value != null && value.matches("\\d{1,5}") ? value : RETRY_AFTER_SECONDS;
    }

    private static int status(Throwable e) {
        WebApplicationException w = webException(e);
        return w == null ? 0 : w.getResponse().getStatus();
    }

    private static WebApplicationException webException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof WebApplicationException w && w.getResponse() != null) {
                return w;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}

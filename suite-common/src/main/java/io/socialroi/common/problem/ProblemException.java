package io.socialroi.common.problem;

import java.util.List;
import java.util.Map;

/**
 * Thrown by application code to answer with a problem+json body. Carries no stack trace: it is control
 * flow for an expected failure, not a bug.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final transient Map<String, String> headers;

    public ProblemException(Problem problem) {
        this(problem, Map.of());
    }

    public ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.headers = headers;
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(404, "not-found", "Not Found", what + " was not found"));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "forbidden", "Forbidden", detail));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "conflict", "Conflict", detail));
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(Problem.of(400, "bad-request", "Bad Request", detail));
    }

    /** 422 with one message per offending field. */
    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(new Problem(Problem.TYPE_BASE + "validation", "Validation failed", 422,
                "The request has invalid fields", errors));
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    /** A service this one depends on is down or too slow; names it so the caller knows where to look. */
    public static ProblemException unavailable(String service, String detail) {
        return new ProblemException(Problem.of(503, "dependency-unavailable", service + " unavailable", detail),
                Map.of("Retry-After", "5"));
    }
}

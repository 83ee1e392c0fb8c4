package io.socialroi.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.CharConversionException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error of every service leaves as RFC 9457 problem+json: no framework default bodies, no stack
 * traces, no exception class names.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem(), e.headers());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Error" : type.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No such resource";
            case 405 -> "Method not allowed on this resource";
            case 406 -> "None of the accepted media types can be produced";
            case 415 -> "Unsupported content type";
            default -> status >= 500 ? "The request could not be processed" : e.getMessage();
        };
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, slug(title), title, detail));
        String allow = original.getHeaderString("Allow");
        if (allow != null) {
            builder.header("Allow", allow);
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response parse(StreamReadException e) {
        return malformed("Malformed JSON: " + e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        String expected = e.getTargetType() != null && e.getTargetType().isEnum()
                ? "unknown value '" + e.getValue() + "', expected one of "
                        + Arrays.toString(e.getTargetType().getEnumConstants())
                : "invalid value '" + e.getValue() + "'";
        return fieldProblem(path(e), expected);
    }

    /** An unknown field of a {@link io.socialroi.common.json.StrictBody}: a 400 naming it and the fields there are. */
    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        String field = e.getPropertyName();
        String known = e.getKnownPropertyIds() == null ? "" : ", expected one of "
                + new TreeSet<>(e.getKnownPropertyIds().stream().map(Objects::toString).toList());
        return respond(new Problem(Problem.TYPE_BASE + "invalid-field", "Invalid request body", 400,
                "Unknown field '" + field + "'", List.of(new FieldError(field, "unknown field" + known))), Map.of());
    }

    /**
     * A body whose bytes are not text in the encoding JSON detection settles on (e.g. looks like UTF-32 but is
     * not) fails below Jackson's JSON errors, as a plain {@link CharConversionException}: a client error, not a 500.
     */
    @ServerExceptionMapper
    public Response undecodable(CharConversionException e) {
        return malformed("The body is not valid UTF-8 JSON");
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        if (e.getPath().isEmpty()) {
            return malformed("Request body is missing or has the wrong shape");
        }
        String type = e.getTargetType() == null ? "value" : e.getTargetType().getSimpleName();
        return fieldProblem(path(e), "wrong type, expected " + type);
    }

    @ServerExceptionMapper
    public Response instantiation(ValueInstantiationException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return fieldProblem(path(e), cause.getMessage());
    }

    @ServerExceptionMapper
    public Response mapping(JsonMappingException e) {
        return fieldProblem(path(e), e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return malformed("Malformed JSON: " + e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return respond(ProblemException.invalid(errors).problem(), Map.of());
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(403, "forbidden", "Forbidden",
                "The token lacks the scope this operation needs"), Map.of());
    }

    /** Last resort. A database that cannot be reached is a 503 the client may retry, not a bug. */
    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (isDatabaseUnavailable(e)) {
            Log.warnf("Database unavailable: %s", e.getMessage());
            return respond(Problem.of(503, "database-unavailable", "Service Unavailable",
                    "The database is unreachable; nothing was stored. Retry later."), Map.of("Retry-After", "5"));
        }
        if (isTransactionConflict(e)) {
            Log.warnf("Transaction aborted by a concurrent one: %s", e.getMessage());
            return respond(Problem.of(503, "write-conflict", "Service Unavailable",
                    "A concurrent write held the same rows and PostgreSQL aborted this one; nothing was stored. "
                            + "Retry."), Map.of("Retry-After", "1"));
        }
        if (isDatabaseBusy(e)) {
            Log.warnf("Database connection pool exhausted: %s", e.getMessage());
            return respond(Problem.of(503, "database-busy", "Service Unavailable",
                    "Every database connection is in use; nothing was stored. Retry later."), Map.of("Retry-After", "2"));
        }
        String incident = incidentId();
        Log.errorf(e, "Unexpected error, incident %s", incident);
        return respond(Problem.of(500, "internal", "Internal Server Error",
                "Unexpected error; incident " + incident), Map.of());
    }

    /**
     * The id a 500 answer names: the request's trace id (32 hex digits, the same in the logs and in the traces of
     * every service the request reached), or a random UUID when the request is not traced.
     */
    public static String incidentId() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid() ? span.getTraceId() : UUID.randomUUID().toString();
    }

    /** True when the failure, anywhere in its cause chain, is a lost or refused database connection. */
    public static boolean isDatabaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (t.getClass().getName().endsWith("JDBCConnectionException")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * True when PostgreSQL aborted the transaction because of a concurrent one (deadlock detected, 40P01, or a
     * serialization failure, 40001): it was rolled back whole, and the same request again may well succeed.
     */
    public static boolean isTransactionConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("40P01".equals(sql.getSQLState())
                    || "40001".equals(sql.getSQLState()))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * True when the failure is the connection pool running out of connections (Agroal's acquisition timeout,
     * a plain {@link SQLException} without SQL state): an overload the client may retry, not a bug.
     */
    public static boolean isDatabaseBusy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException && t.getMessage() != null
                    && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    public static Response respond(Problem problem, Map<String, String> headers) {
        Response.ResponseBuilder builder = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        headers.forEach(builder::header);
        return builder.build();
    }

    private static Response unauthenticated() {
        return respond(Problem.of(401, "unauthorized", "Unauthorized", "A valid bearer token is required"),
                Map.of("WWW-Authenticate", "Bearer"));
    }

    private static Response malformed(String detail) {
        return respond(Problem.of(400, "malformed-json", "Malformed request body", detail), Map.of());
    }

    private static Response fieldProblem(String field, String message) {
        return respond(new Problem(Problem.TYPE_BASE + "invalid-field", "Invalid request body", 400,
                "A field has the wrong type or value", List.of(new FieldError(field, message))), Map.of());
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder property = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.getIndex() != null) {
                    property.append('[').append(node.getIndex()).append(']');
                }
                if (node.getName() != null && !node.getName().startsWith("<")) {
                    if (!property.isEmpty()) {
                        property.append('.');
                    }
                    property.append(node.getName());
                }
            }
        }
        if (!property.isEmpty()) {
            return property.toString();
        }
        return parameter == null ? "body" : parameter;
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }
}

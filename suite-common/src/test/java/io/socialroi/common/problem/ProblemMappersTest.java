package io.socialroi.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which server-side failures are the client's to retry (503 with Retry-After) rather than a 500. */
class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void anExhaustedConnectionPoolIsA503WithRetryAfter() {
        RuntimeException wrapped = new IllegalStateException("query failed",
                new SQLException("Sorry, acquisition timeout!"));
        assertTrue(ProblemMappers.isDatabaseBusy(wrapped));
        Response response = mappers.unexpected(wrapped);
        assertEquals(503, response.getStatus());
        assertEquals("2", response.getHeaderString("Retry-After"));
        assertEquals("database-busy", ((Problem) response.getEntity()).type().replaceAll(".*/", ""));
    }

    @Test
    void aTransactionPostgresqlAbortedForAConcurrentOneIsA503ToRetry() {
        for (String state : new String[] {"40P01", "40001"}) {
            RuntimeException wrapped = new IllegalStateException("write failed",
                    new SQLException("ERROR: deadlock detected", state));
            Response response = mappers.unexpected(wrapped);
            assertEquals(503, response.getStatus(), state);
            assertEquals("1", response.getHeaderString("Retry-After"));
            assertEquals("write-conflict", ((Problem) response.getEntity()).type().replaceAll(".*/", ""));
        }
    }

    @Test
    void aLostConnectionIsA503AndAnythingElseA500() {
        assertEquals(503, mappers.unexpected(new SQLException("connection refused", "08001")).getStatus());
        SQLException constraint = new SQLException("duplicate key", "23505");
        assertFalse(ProblemMappers.isDatabaseBusy(constraint));
        assertEquals(500, mappers.unexpected(constraint).getStatus());
    }

    @Test
    void theIncidentIdOfA500IsTheTraceId() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        Span span = Span.wrap(SpanContext.create(traceId, "00f067aa0ba902b7", TraceFlags.getSampled(),
                TraceState.getDefault()));
        try (Scope ignored = span.makeCurrent()) {
            Problem problem = (Problem) mappers.unexpected(new IllegalStateException("bug")).getEntity();
            assertEquals(500, problem.status());
            assertEquals("Unexpected error; incident " + traceId, problem.detail());
        }
    }

    @Test
    void withoutATraceTheIncidentIdIsARandomUuid() {
        String detail = ((Problem) mappers.unexpected(new IllegalStateException("bug")).getEntity()).detail();
        assertTrue(detail.matches("Unexpected error; incident [0-9a-f-]{36}"), detail);
    }
}

package io.socialroi.reporting.http;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.socialroi.common.problem.FieldError;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemMappers;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** An unknown field of a {@link StrictBody}: a 400 naming it and the fields there are. */
public class UnknownFieldMapper {

    /** More specific than suite-common's mapper for mismatched input, which would call it a wrong type. */
    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        String field = e.getPropertyName();
        String known = e.getKnownPropertyIds() == null ? "" : ", expected one of "
                + new TreeSet<>(e.getKnownPropertyIds().stream().map(Objects::toString).toList());
        return ProblemMappers.respond(new Problem(Problem.TYPE_BASE + "invalid-field", "Invalid request body", 400,
                "Unknown field '" + field + "'", List.of(new FieldError(field, "unknown field" + known))), Map.of());
    }
}

package io.socialroi.content.common;

import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemMappers;
import jakarta.ws.rs.core.Response;
import java.io.CharConversionException;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A body whose bytes are not text in the encoding JSON detection settles on (e.g. looks like UTF-32 but is
 * not) fails below Jackson's JSON errors, as a plain {@link CharConversionException}: a client error, not a 500.
 */
public class EncodingProblems {

    @ServerExceptionMapper
    public Response undecodable(CharConversionException e) {
        return ProblemMappers.respond(Problem.of(400, "malformed-json", "Malformed request body",
                "The body is not valid UTF-8 JSON"), Map.of());
    }
}

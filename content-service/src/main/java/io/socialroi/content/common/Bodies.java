package io.socialroi.content.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import jakarta.ws.rs.core.MediaType;
import java.io.CharConversionException;
import java.io.IOException;

/** Optional JSON bodies read by hand (lifecycle moves, approval links): from bytes, so bad UTF-8 is a 400. */
public final class Bodies {

    private Bodies() {
    }

    /** True for no body or one of only whitespace: the caller sends nothing. */
    public static boolean absent(byte[] body) {
        if (body == null) {
            return true;
        }
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses a present body; a body that is not declared as JSON is a 415 and a JSON {@code null} a 400 problem.
     */
    public static <T> T read(ObjectMapper mapper, byte[] body, Class<T> type, MediaType mediaType) throws IOException {
        if (mediaType == null || !("application".equals(mediaType.getType()) && ("json".equals(mediaType.getSubtype())
                || mediaType.getSubtype().endsWith("+json")))) {
            throw new ProblemException(Problem.of(415, "unsupported-media-type", "Unsupported Media Type",
                    "A body, when sent, must be application/json"));
        }
        T value;
        try {
            value = mapper.readValue(body, type);
        } catch (CharConversionException e) {
            throw ProblemException.badRequest("The body is not valid UTF-8 text");
        }
        if (value == null) {
            throw ProblemException.badRequest("The body must be a JSON object (or left out)");
        }
        return value;
    }
}

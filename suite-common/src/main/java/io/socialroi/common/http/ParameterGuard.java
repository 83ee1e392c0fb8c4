package io.socialroi.common.http;

import io.socialroi.common.problem.ProblemException;
import io.socialroi.common.text.StorableText;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Path and query parameters of every service must be valid UTF-8 once percent-decoded and follow
 * {@link StorableText} (a NUL cannot be stored or searched for in PostgreSQL text): otherwise a 4xx problem naming
 * the parameter, before any resource method runs. Runs after authentication and the scope check, so those answers come first.
 */
@Provider
public class ParameterGuard implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String rawPath = request.getUriInfo().getRequestUri().getRawPath();
        String rawQuery = request.getUriInfo().getRequestUri().getRawQuery();
        if (!validUtf8(rawPath) || (rawQuery != null && !validUtf8(rawQuery))) {
            throw ProblemException.badRequest("The path or query is not valid UTF-8 once percent-decoded");
        }
        check(request.getUriInfo().getPathParameters());
        check(request.getUriInfo().getQueryParameters());
    }

    private static void check(Map<String, List<String>> parameters) {
        parameters.forEach((name, values) -> {
            for (String value : values) {
                if (!StorableText.storable(value)) {
                    throw ProblemException.invalid(name, StorableText.MESSAGE);
                }
            }
        });
    }

    /** Percent-decodes the raw text and checks the bytes are UTF-8; a malformed escape is invalid too. */
    static boolean validUtf8(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return false;
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return false;
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}

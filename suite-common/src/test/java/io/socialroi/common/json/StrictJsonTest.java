package io.socialroi.common.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemMappers;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every rule of the suite's JSON reading, as the client sees it: one 400 problem+json. */
class StrictJsonTest {

    enum Colour { RED, GREEN }

    record Paint(String name, Colour colour, Integer coats, Boolean glossy, LocalDate mixedOn) {
    }

    record Settings(String name) implements StrictBody {
    }

    static final ObjectMapper MAPPER = StrictJson.configure(new ObjectMapper().findAndRegisterModules());
    static final ProblemMappers MAPPERS = new ProblemMappers();

    @Test
    void aWellFormedBodyReads() throws Exception {
        Paint paint = MAPPER.readValue("{\"name\":\"tab\\there\",\"colour\":\"RED\",\"coats\":2,\"glossy\":true,"
                + "\"mixedOn\":\"2026-11-20\",\"extra\":1}", Paint.class);
        assertEquals(new Paint("tab\there", Colour.RED, 2, true, LocalDate.of(2026, 11, 20)), paint);
    }

    @Test
    void trailingTokensDuplicateKeysAndDeepNestingAreMalformed() {
        assertMalformed("{\"name\":\"a\"}}", Paint.class);
        assertMalformed("{\"name\":\"a\"} {\"name\":\"b\"}", Paint.class);
        assertMalformed("{\"name\":\"a\",\"name\":\"b\"}", Paint.class);
        assertMalformed("[".repeat(StrictJson.MAX_NESTING_DEPTH + 1) + "]".repeat(StrictJson.MAX_NESTING_DEPTH + 1),
                JsonNode.class);
        assertMalformed("{\"n\":" + "9".repeat(StrictJson.MAX_NUMBER_LENGTH + 1) + "}", JsonNode.class);
        assertMalformed("{\"" + "k".repeat(StrictJson.MAX_NAME_LENGTH + 1) + "\":1}", JsonNode.class);
    }

    @Test
    void wrongTypesAreFieldErrors() {
        assertField("{\"colour\":0}", "colour");
        assertField("{\"colour\":\"BLUE\"}", "colour");
        assertField("{\"coats\":1.5}", "coats");
        assertField("{\"coats\":\"2\"}", "coats");
        assertField("{\"glossy\":\"true\"}", "glossy");
        assertField("{\"glossy\":1}", "glossy");
        assertField("{\"name\":12}", "name");
        assertField("{\"mixedOn\":\"2026-11-20T10:00:00Z\"}", "mixedOn");
        assertField("{\"mixedOn\":20000}", "mixedOn");
    }

    @Test
    void stringsMustBeStorableText() {
        assertField("{\"name\":\"a\\u0000b\"}", "name");
        assertField("{\"name\":\"bell\\u0007\"}", "name");
        assertField("{\"name\":\"half \\ud800 pair\"}", "name");
    }

    @Test
    void unknownFieldsAreRefusedOnlyInStrictBodies() throws Exception {
        Response response = answer(() -> MAPPER.readValue("{\"name\":\"a\",\"timeZone\":\"UTC\"}", Settings.class));
        assertEquals(400, response.getStatus());
        assertEquals("timeZone", ((Problem) response.getEntity()).errors().get(0).field());
        assertEquals("a", MAPPER.readValue("{\"name\":\"a\",\"timeZone\":\"UTC\"}", Paint.class).name());
    }

    @Test
    void decimalsAreReadExactly() throws Exception {
        assertEquals(0, new BigDecimal("0.1").compareTo(MAPPER.readTree("{\"a\":0.10}").get("a").decimalValue()));
        assertTrue(MAPPER.readTree("{\"a\":0.1}").get("a").isBigDecimal());
        assertEquals(BigDecimal.class, MAPPER.readValue("{\"a\":0.1}", java.util.Map.class).get("a").getClass());
    }

    private static void assertMalformed(String body, Class<?> type) {
        Response response = answer(() -> MAPPER.readValue(body, type));
        assertEquals(400, response.getStatus(), body);
        assertEquals(Problem.TYPE_BASE + "malformed-json", ((Problem) response.getEntity()).type(), body);
    }

    private static void assertField(String body, String field) {
        Response response = answer(() -> MAPPER.readValue(body, Paint.class));
        assertEquals(400, response.getStatus(), body);
        Problem problem = (Problem) response.getEntity();
        assertEquals(Problem.TYPE_BASE + "invalid-field", problem.type(), body);
        assertEquals(List.of(field), problem.errors().stream().map(e -> e.field()).toList(), body);
    }

    interface Read {
        Object run() throws Exception;
    }

    /** What the REST layer answers: the most specific of ProblemMappers' mappers for the exception. */
    static Response answer(Read read) {
        Exception e = assertThrows(Exception.class, read::run);
        if (e instanceof UnrecognizedPropertyException u) {
            return MAPPERS.unknownField(u);
        } else if (e instanceof InvalidFormatException i) {
            return MAPPERS.invalidFormat(i);
        } else if (e instanceof MismatchedInputException m) {
            return MAPPERS.mismatched(m);
        } else if (e instanceof ValueInstantiationException v) {
            return MAPPERS.instantiation(v);
        } else if (e instanceof JsonMappingException m) {
            return MAPPERS.mapping(m);
        } else if (e instanceof StreamReadException s) {
            return MAPPERS.parse(s);
        } else if (e instanceof JsonProcessingException j) {
            return MAPPERS.json(j);
        }
        throw new AssertionError("not a JSON error: " + e, e);
    }
}

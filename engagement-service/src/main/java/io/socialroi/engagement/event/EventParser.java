package io.socialroi.engagement.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialroi.common.problem.FieldError;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams a batch (a JSON array, {@code {"events":[...]}} or NDJSON) into validated events without building a
 * tree of the whole body. A malformed document fails the request; a well-formed event with bad fields is
 * rejected alone, by index.
 */
@ApplicationScoped
public class EventParser {

    /** Events per request; the contract's limit. */
    public static final int MAX_EVENTS = 10_000;

    /** The events that passed validation, each with its index in the request, and the rejected ones. */
    public record Batch(List<IncomingEvent> events, List<IngestResult.Rejected> rejected) {
    }

    private final JsonFactory factory;
    private final ObjectMapper mapper;
    private final EventValidator validator;

    public EventParser(ObjectMapper mapper, EventValidator validator) {
        this.mapper = mapper;
        this.factory = mapper.getFactory();
        this.validator = validator;
    }

    /**
     * Reads the body as it arrives (issue 13): no copy of the whole body is held, only the events parsed so far,
     * so what a batch costs in memory is its events, not its bytes.
     */
    public Batch parse(InputStream body, boolean ndjson) throws IOException {
        Batch batch = new Batch(new ArrayList<>(), new ArrayList<>());
        if (body == null) {
            throw ProblemException.badRequest("The request body is empty");
        }
        try (JsonParser parser = factory.createParser(body)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw ProblemException.badRequest("The request body is empty");
            }
            if (ndjson) {
                int index = 0;
                for (; token != null; token = parser.nextToken()) {
                    event(parser, index++, batch);
                }
                return batch;
            }
            if (token == JsonToken.START_ARRAY) {
                array(parser, batch);
            } else if (token == JsonToken.START_OBJECT) {
                envelope(parser, batch);
            } else {
                throw ProblemException.badRequest("Expected a JSON array of events or {\"events\": [...]}");
            }
            if (parser.nextToken() != null) {
                throw ProblemException.badRequest("Unexpected content after the events");
            }
        }
        return batch;
    }

    private void envelope(JsonParser parser, Batch batch) throws IOException {
        boolean found = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("events".equals(name)) {
                if (value != JsonToken.START_ARRAY) {
                    throw ProblemException.invalid("events", "must be an array of events");
                }
                array(parser, batch);
                found = true;
            } else {
                parser.skipChildren();
            }
        }
        if (!found) {
            throw ProblemException.invalid("events", "is required");
        }
    }

    private void array(JsonParser parser, Batch batch) throws IOException {
        int index = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token == null) {
                throw ProblemException.badRequest("Malformed JSON: unexpected end of the events array");
            }
            event(parser, index++, batch);
        }
    }

    private void event(JsonParser parser, int index, Batch batch) throws IOException {
        if (index >= MAX_EVENTS) {
            throw tooMany();
        }
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            batch.rejected().add(new IngestResult.Rejected(index, List.of(new FieldError("event", "must be an object"))));
            return;
        }
        EventValidator.Fields fields = new EventValidator.Fields();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.VALUE_NULL) {
                continue;
            }
            switch (name) {
                case "eventId" -> fields.eventId = text(parser, name, fields);
                case "type" -> fields.type = text(parser, name, fields);
                case "platform" -> fields.platform = text(parser, name, fields);
                case "postId" -> fields.postId = text(parser, name, fields);
                case "campaignId" -> fields.campaignId = text(parser, name, fields);
                case "actorId" -> fields.actorId = text(parser, name, fields);
                case "clickId" -> fields.clickId = text(parser, name, fields);
                case "occurredAt" -> fields.occurredAt = text(parser, name, fields);
                case "retargeting" -> retargeting(parser, fields);
                case "attributes" -> attributes(parser, fields);
                default -> parser.skipChildren();
            }
        }
        validator.validate(index, fields, batch);
    }

    private static String text(JsonParser parser, String name, EventValidator.Fields fields) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            parser.skipChildren();
            fields.errors.add(new FieldError(name, "must be a string"));
            return null;
        }
        String text = parser.getText();
        if (text.indexOf('\0') >= 0) {
            // PostgreSQL text cannot hold NUL: refuse the event here rather than fail the whole batch there.
            fields.errors.add(new FieldError(name, "must not contain the NUL character (\\u0000)"));
            return null;
        }
        return text;
    }

    private static void retargeting(JsonParser parser, EventValidator.Fields fields) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            fields.retargeting = token == JsonToken.VALUE_TRUE;
        } else {
            parser.skipChildren();
            fields.errors.add(new FieldError("retargeting", "must be true or false"));
        }
    }

    private void attributes(JsonParser parser, EventValidator.Fields fields) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            fields.errors.add(new FieldError("attributes", "must be an object"));
            return;
        }
        // One value out of a stream: the rest of the event follows, which is not a trailing token here.
        JsonNode tree = mapper.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .readValue(parser);
        String json = mapper.writeValueAsString(tree);
        if (hasNulEscape(json)) {
            fields.errors.add(new FieldError("attributes", "must not contain the NUL character (\\u0000)"));
            return;
        }
        fields.attributes = tree;
        fields.attributesJson = json;
    }

    /** Whether serialised JSON holds an escaped NUL, which PostgreSQL's jsonb refuses; escaped backslashes skipped. */
    static boolean hasNulEscape(String json) {
        for (int i = json.indexOf('\\'); i >= 0 && i + 1 < json.length(); i = json.indexOf('\\', i)) {
            if (json.startsWith("u0000", i + 1)) {
                return true;
            }
            i += 2;
        }
        return false;
    }

    private static ProblemException tooMany() {
        return new ProblemException(Problem.of(413, "payload-too-large", "Payload Too Large",
                "At most " + MAX_EVENTS + " events per request; split the batch"));
    }
}

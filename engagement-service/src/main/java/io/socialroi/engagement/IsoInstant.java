package io.socialroi.engagement;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * An instant in a request body as API.md has it: an ISO-8601 string with offset, nothing else. Jackson's own
 * reader also takes numbers as epoch seconds, which turns {@code 1e400} or a mistyped field into some silent
 * date; here a number is a wrong type (400) like any other.
 */
public class IsoInstant extends StdDeserializer<OffsetDateTime> {

    public IsoInstant() {
        super(OffsetDateTime.class);
    }

    @Override
    public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            return (OffsetDateTime) context.handleUnexpectedToken(OffsetDateTime.class, parser);
        }
        String text = parser.getText().trim();
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return (OffsetDateTime) context.handleWeirdStringValue(OffsetDateTime.class, text,
                    "must be an ISO-8601 instant with offset, like 2026-11-22T09:00:00+01:00");
        }
    }
}

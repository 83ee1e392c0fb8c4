package io.socialroi.common.json;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.socialroi.common.text.StorableText;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.LocalDate;

/**
 * The one way every suite service reads JSON (registered for all of them from this jar). Each rule is a 400
 * problem from {@link io.socialroi.common.problem.ProblemMappers}, never a silently accepted value:
 * <ul>
 * <li>one document per body: {@code {...}}} or two documents back to back are malformed;</li>
 * <li>no duplicate keys ({@code {"a":1,"a":2}} is malformed, not "the last one wins");</li>
 * <li>bounded input: nesting depth {@value #MAX_NESTING_DEPTH}, numbers of at most {@value #MAX_NUMBER_LENGTH}
 * digits, strings of at most {@value #MAX_STRING_LENGTH} characters, names of at most {@value #MAX_NAME_LENGTH};</li>
 * <li>no enum by ordinal, no fraction where a whole number belongs, no string where a whole number or boolean
 * belongs, no number where a string or boolean belongs;</li>
 * <li>decimals read exactly (never as binary floating point);</li>
 * <li>dates as ISO dates only ({@code 2026-11-20}, not an instant or a number of days);</li>
 * <li>strings follow {@link StorableText} (no NUL or other control characters, no unpaired surrogates);</li>
 * <li>unknown fields are ignored, except in a {@link StrictBody}, where they are refused naming the field.</li>
 * </ul>
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    public static final int MAX_NESTING_DEPTH = 64;
    public static final int MAX_NUMBER_LENGTH = 1_000;
    public static final int MAX_STRING_LENGTH = 1_000_000;
    public static final int MAX_NAME_LENGTH = 1_000;

    @Override
    public void customize(ObjectMapper mapper) {
        configure(mapper);
    }

    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .maxNameLength(MAX_NAME_LENGTH)
                .build());
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.configOverride(LocalDate.class).setFormat(JsonFormat.Value.forLeniency(false));
        SimpleModule strings = new SimpleModule("suite-strict-strings");
        strings.addDeserializer(String.class, new PlainText());
        mapper.registerModule(strings);
        mapper.addHandler(new RefuseUnknownInStrictBodies());
        return mapper;
    }

    /** Strings only from JSON strings, and only storable text. */
    static final class PlainText extends StdScalarDeserializer<String> {

        PlainText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String text = p.getText();
            if (!StorableText.storable(text)) {
                return (String) ctxt.handleWeirdStringValue(String.class, text, StorableText.MESSAGE);
            }
            return text;
        }
    }

    static final class RefuseUnknownInStrictBodies extends DeserializationProblemHandler {

        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
                JsonDeserializer<?> deserializer, Object beanOrClass, String propertyName) throws IOException {
            Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass.getClass();
            if (StrictBody.class.isAssignableFrom(type)) {
                throw UnrecognizedPropertyException.from(p, beanOrClass, propertyName,
                        deserializer.getKnownPropertyNames());
            }
            return false;
        }
    }
}

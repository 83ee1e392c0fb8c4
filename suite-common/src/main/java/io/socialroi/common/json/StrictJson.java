package io.socialroi.common.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The reading rules every service applies to request bodies (each from its own {@code ObjectMapperCustomizer}):
 * anything after the JSON value ({@code {...}}}), an enum given as a number (its ordinal) or a fraction where a
 * whole number belongs is a 400, never silently accepted.
 */
public final class StrictJson {

    private StrictJson() {
    }

    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        return mapper;
    }
}

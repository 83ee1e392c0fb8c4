package io.socialroi.content.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Request bodies are read strictly: anything after the JSON value ({@code {...}}}), an enum given as a
 * number (its ordinal) or a fraction where a whole number belongs is a 400, never silently accepted.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        io.socialroi.common.json.StrictJson.configure(mapper);
    }
}

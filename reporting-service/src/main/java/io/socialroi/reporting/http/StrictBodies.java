package io.socialroi.reporting.http;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.LocalDate;

/**
 * Strict JSON reading: no trailing tokens, dates as ISO dates only, and unknown fields refused in
 * {@link StrictBody} requests. Only those: the answers this service reads from the other services keep
 * tolerating fields added there.
 */
@Singleton
public class StrictBodies implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        // One JSON document per body: "{...}}" or two documents back to back are malformed, not the first one.
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        // A date is "2026-11-20": not an instant whose time part would be dropped, not a number of epoch days.
        mapper.configOverride(LocalDate.class).setFormat(JsonFormat.Value.forLeniency(false));
        mapper.addHandler(new DeserializationProblemHandler() {
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
        });
    }
}

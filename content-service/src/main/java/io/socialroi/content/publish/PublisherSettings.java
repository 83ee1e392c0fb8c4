package io.socialroi.content.publish;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The messaging publishers' settings that are neither secret nor the target, stored as JSON in
 * {@code publisher.settings} and shown back. EMAIL_SMTP: the SMTP server, its user and the STARTTLS policy;
 * SMS_API: the Twilio account; WHATSAPP_API: the template language.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
@Schema(description = "EMAIL_SMTP: smtpHost, smtpPort, smtpUsername, startTls. SMS_API: accountSid. WHATSAPP_API: "
        + "templateLanguage.")
public record PublisherSettings(String smtpHost, Integer smtpPort, String smtpUsername, String startTls,
        String accountSid, String templateLanguage) {

    static final ObjectMapper JSON = new ObjectMapper();

    static PublisherSettings of(String json) {
        if (json == null || json.isBlank()) {
            return new PublisherSettings(null, null, null, null, null, null);
        }
        try {
            return JSON.readValue(json, PublisherSettings.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable publisher settings", e);
        }
    }

    String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.socialroi.conversion.export;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A destination as the delivery job reads it (the token is opened separately, only to send). */
public record Destination(UUID workspaceId, ExportPlatform platform, Map<String, String> settings,
        List<String> conversionTypes, String status, OffsetDateTime createdAt) {

    public String setting(String name) {
        return settings.get(name);
    }
}

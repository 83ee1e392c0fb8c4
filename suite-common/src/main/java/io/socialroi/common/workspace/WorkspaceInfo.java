package io.socialroi.common.workspace;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.ZoneId;
import java.util.UUID;

/** What other services need to know of a workspace: its time zone and currency. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkspaceInfo(UUID id, String name, String timeZone, String currency) {

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}

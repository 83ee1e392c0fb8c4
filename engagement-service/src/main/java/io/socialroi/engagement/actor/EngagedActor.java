package io.socialroi.engagement.actor;

import java.time.OffsetDateTime;

/** An actor that engaged since the given instant, with its intent over those events. */
public record EngagedActor(String actorId, String platform, OffsetDateTime lastEngagedAt, long events,
        double intentScore, boolean retargeted) {
}

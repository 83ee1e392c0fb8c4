package io.socialroi.conversion.attribution;

import java.util.Arrays;
import java.util.List;

/** Engagement event types, as touchpoint types; every type except impressions counts by default. */
public enum EventType {
    IMPRESSION, VIEW, LIKE, COMMENT, SHARE, SAVE, CLICK, FOLLOW, DM, MENTION;

    public static List<String> defaults() {
        return Arrays.stream(values()).filter(t -> t != IMPRESSION).map(Enum::name).toList();
    }
}

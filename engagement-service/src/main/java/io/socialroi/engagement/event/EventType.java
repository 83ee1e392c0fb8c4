package io.socialroi.engagement.event;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Kinds of engagement events. {@link #IMPRESSION} and {@link #VIEW} are reach, every other type is engagement. */
public enum EventType {
    IMPRESSION, VIEW, LIKE, COMMENT, SHARE, SAVE, CLICK, FOLLOW, DM, MENTION;

    private static final List<EventType> ENGAGEMENTS = Arrays.stream(values()).filter(EventType::isEngagement).toList();

    /** The engagement types in declaration order. */
    public static List<EventType> engagements() {
        return ENGAGEMENTS;
    }

    /** Every type in declaration order: the order of the count columns of {@code actor_rollup} (since V6). */
    public static List<EventType> actorTypes() {
        return List.of(values());
    }

    /** Engagement as the reports count it: everything but impressions and views. */
    public boolean isEngagement() {
        return this != IMPRESSION && this != VIEW;
    }

    /** The event may come without a post: follows, DMs and mentions belong to the account. */
    public boolean postOptional() {
        return this == FOLLOW || this == DM || this == MENTION;
    }

    /** Name of this type's column in {@code actor_rollup}. */
    public String column() {
        return "n_" + name().toLowerCase(Locale.ROOT);
    }
}

package io.socialroi.conversion.attribution;

import io.socialroi.common.problem.FieldError;
import io.socialroi.common.problem.ProblemException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Engagement event types, as touchpoint types. The one definition of "engaged": every type except
 * impressions (views count), attribution's default {@code touchTypes} and audiences' default
 * {@code eventTypes} alike.
 */
public enum EventType {
    IMPRESSION, VIEW, LIKE, COMMENT, SHARE, SAVE, CLICK, FOLLOW, DM, MENTION;

    private static final List<String> DEFAULTS = Arrays.stream(values()).filter(t -> t != IMPRESSION).map(Enum::name)
            .toList();

    /** Every type except IMPRESSION. */
    public static List<String> defaults() {
        return DEFAULTS;
    }

    /**
     * Type names (any case, surrounding blanks ignored, repeats once) in the order given; null means
     * {@link #defaults()}. Unknown names, and an empty list, are 422 problems on {@code field}.
     */
    public static List<String> parse(String field, Collection<String> names) {
        if (names == null) {
            return DEFAULTS;
        }
        Set<String> types = new LinkedHashSet<>();
        List<FieldError> errors = new ArrayList<>();
        for (String raw : names) {
            String name = raw == null ? "" : raw.trim().toUpperCase(Locale.ROOT);
            try {
                types.add(EventType.valueOf(name).name());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(field, "unknown value '" + (raw == null ? "null" : raw.trim())
                        + "', expected any of " + Arrays.toString(EventType.values())));
            }
        }
        if (errors.isEmpty() && types.isEmpty()) {
            errors.add(new FieldError(field, "must name at least one event type"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return List.copyOf(types);
    }
}
